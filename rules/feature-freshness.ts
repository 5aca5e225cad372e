import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { quote, signalOptions } from '../src/analysis/signal.js';
import { inContext, statements } from '../src/analysis/statements.js';
import { findPattern } from '../src/analysis/terms.js';

const FEATURE_CONTEXT = /\b(?:features?|feature store|embeddings?|signals?|aggregates?|inputs?|attributes|counters?)\b/g;

/** Batch / offline freshness: computed ahead of time on a schedule. */
const BATCH =
  /\b(?:batch(?![- ]?(?:normali[sz]|size|norm|inference|prediction|scoring))\w*|offline (?:features?|computed|computation|aggregat\w*|jobs?|pipelines?)|computed offline|pre-?comput\w*|precalculat\w*|static (?:features?|attributes?|data|signals?|profile)|slow(?:ly)?[- ](?:changing|moving)|(?:change|changes|changing) slowly|slow ones|long[- ]term|historical (?:aggregates?|features?|stats|statistics)|(?:computed|recomputed|refreshed|updated|materiali[sz]ed|aggregated|rebuilt) (?:daily|nightly|hourly|weekly|every (?:day|night|hour|week)|once (?:a|per) (?:day|week|night)|in batch|offline|from history)|(?:daily|nightly|hourly|weekly) (?:jobs?|batch|refresh|aggregat\w*|snapshots?|pipelines?))\b/g;

/** Real-time / online freshness: computed on the fly or from a stream. */
const REALTIME =
  /\b(?:real[- ]?time|near[- ]real[- ]time|online (?:features?|signals?|aggregat\w*|counters?|computation)|computed online|stream(?:s|ing|ed)?|session(?:-level| level| based)? (?:features?|signals?|context|data|clicks|activity|history)|in[- ]session|dynamic (?:features?|signals?|attributes?|data)|on[- ]the[- ]fly|fast[- ](?:moving|changing)|(?:change|changes|changing) (?:by the minute|quickly|fast)|fresh ones|within (?:seconds|a (?:few )?(?:seconds?|minutes?))|(?:event|live|click|query) streams?|(?:refreshed|updated|recomputed) every (?:\d+ )?(?:seconds?|minutes?)|request[- ]time|(?:computed|calculated|derived) (?:at|during) (?:query|inference|serving|request) time|fresh(?:est)? (?:features?|signals?|data)|last (?:\d+|few|five|ten) (?:minutes|seconds|hours|clicks|events|actions)|recent (?:clicks|activity|actions|behaviou?r|events|interactions|queries)|current (?:session|location|context|cart|traffic|query))\b/g;

/** Words that only name freshness or features: what is left after them must be an example. */
const FRESHNESS_WORDS =
  /\b(?:batch|offline|online|static|dynamic|streaming|stream|real[- ]?time|near|slow|fast|fresh|features?|vs|versus|and|or|the|a|an|of|with|are|is|be|can|should|computed|in|for|to|from|feature store|kinds?|types?)\b|[^\p{L}\p{N}\s]/giu;

/** Does the sentence (or what hangs under it) give an example, not just the category name? */
function hasExample(s: Sentence): boolean {
  if (s.block.children.length > 0 && s.block.sentences[0] === s) return true;
  const rest = s.lower.replace(FRESHNESS_WORDS, ' ').split(/\s+/).filter((w) => w.length > 2);
  return rest.length >= 2;
}

/** Explicit talk of features (the weak status needs it; "inputs" alone is too vague). */
const FEATURE_WORDS = /\b(?:features?|feature store|embeddings?|inputs? (?:to|for|of) the model|model inputs?)\b/;

interface FreshnessHit {
  kind: 'batch' | 'realtime';
  sentence: Sentence;
}

function freshnessHits(doc: Document): { features: Sentence[]; hits: FreshnessHit[] } {
  return doc.memo('feature-freshness', () => {
    const features: Sentence[] = [];
    const hits: FreshnessHit[] = [];
    for (const s of statements(doc)) {
      const featureContext = s.section.kinds.has('features') || inContext(s, FEATURE_CONTEXT);
      if (!featureContext) continue;
      if (FEATURE_WORDS.test(s.lower) || s.section.kinds.has('features')) features.push(s);
      if (!hasExample(s)) continue;
      if (findPattern(s, BATCH, 'batch').some((h) => !h.negated)) hits.push({ kind: 'batch', sentence: s });
      if (findPattern(s, REALTIME, 'realtime').some((h) => !h.negated)) hits.push({ kind: 'realtime', sentence: s });
    }
    return { features, hits };
  });
}

export default defineRule({
  id: 'feature-freshness',
  meta: {
    description: 'The answer separates batch (precomputed) features from real-time features, with an example of each',
    rationale:
      'Guide, step 03, "Design the feature store explicitly": "Decide which features are batch (computed offline) and which are real-time (user context, session data)."',
    signal: { id: 'feature-freshness', title: 'Batch vs real-time features', weight: 9, step: 3, sectionKinds: ['features', 'data'] },
    defaultSeverity: 'error',
    messages: {
      missing: 'No features are discussed',
      weak: 'Features are not split into batch and real-time: `{evidence}`',
    },
    criteria: {
      high: 'features are split into batch (precomputed, refreshed daily or slowly changing) and real-time (streaming, session, computed at request time) kinds, with an example of each.',
      weak: 'features or a feature store are discussed without that split, or only one kind is named.',
      missing: 'no features are discussed.',
    },
    options: signalOptions,
    examples: [
      { title: 'weak: no split', status: 'weak', text: 'The ranker uses 50 user and item features from a Redis feature store.' },
      {
        title: 'high: both freshnesses',
        status: 'high',
        text: 'Batch features such as user embeddings are recomputed daily in Spark; real-time features such as clicks in the current session stream from Kafka through Flink.',
      },
    ],
  },
  check({ document: doc }) {
    const ctx = answerContext(doc);
    const suggestion = `The features for the model come in two freshnesses: batch features (for example ${ctx.batchFeature}) are recomputed daily in ${ctx.batchEngine} and loaded into ${ctx.onlineStore}; real-time features (for example ${ctx.realtimeFeature}) are computed from ${ctx.streaming} events in a streaming job within seconds.`;
    if (!doc.profile.isML) return { status: 'missing', suggestion };
    const { features, hits } = freshnessHits(doc);
    const batch = hits.find((h) => h.kind === 'batch');
    const realtime = hits.find((h) => h.kind === 'realtime');
    if (batch && realtime) return { status: 'high', evidence: batch.sentence };
    const first = batch?.sentence ?? realtime?.sentence ?? features[0];
    if (first) return { status: 'weak', evidence: first, data: { evidence: quote(first.text) }, suggestion };
    return { status: 'missing', suggestion };
  },
});
