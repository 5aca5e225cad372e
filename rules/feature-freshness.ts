import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { closestAttempt, quote, signalOptions } from '../src/analysis/signal.js';
import { inContext, statements } from '../src/analysis/statements.js';
import { distinctHits, says } from '../src/analysis/terms.js';
import { BATCH_FEATURE, FEATURE_CONTEXT, FEATURE_OPERATION, FRESHNESS_COMPARISON, FEATURE_TALK, FRESHNESS_HINT, FRESHNESS_WORDS, MODEL_FEATURE, REALTIME_FEATURE, SOFTWARE_FEATURE } from '../src/analysis/vocabulary/features.js';
import { ownWords, quoted } from '../src/analysis/follow-up.js';
import { BATCH_FEATURE_RU, FEATURE_RU, REALTIME_FEATURE_RU } from '../src/analysis/vocabulary/russian.js';
import { CYRILLIC } from '../src/document/classify.js';

/** Does the sentence (or what hangs under it) give an example, not just the category name? */
function hasExample(s: Sentence): boolean {
  if (s.block.children.length > 0 && s.block.sentences[0] === s) return true;
  const rest = s.lower.replace(FRESHNESS_WORDS, ' ').split(/\s+/).filter((w) => w.length > 2);
  return rest.length >= 2;
}

interface FreshnessHit {
  kind: 'batch' | 'realtime';
  sentence: Sentence;
}

function freshnessHits(doc: Document): { features: Sentence[]; hits: FreshnessHit[] } {
  return doc.memo('feature-freshness', () => {
    const features: Sentence[] = [];
    const hits: FreshnessHit[] = [];
    for (const s of statements(doc)) {
      // A Russian answer names its features and their freshness in its own words (vocabulary/russian.ts).
      const russian = CYRILLIC.test(s.lower) && FEATURE_RU.test(s.lower);
      // Feature-engineering operations (one-hot encoding, TF-IDF) are features discussed wherever they stand.
      const operation = FEATURE_OPERATION.test(s.lower);
      const featureContext = s.section.kinds.has('features') || inContext(s, FEATURE_CONTEXT) || russian || operation;
      if (!featureContext) continue;
      // Model inputs, not a product's capabilities ("features like PEFT", "this feature").
      const software = SOFTWARE_FEATURE.test(s.lower) && !MODEL_FEATURE.test(s.lower);
      if (!software && (MODEL_FEATURE.test(s.lower) || s.section.kinds.has('features') || FEATURE_TALK.test(s.lower) || operation || russian)) features.push(s);
      if (software) continue;
      // "Batch vs streaming pipelines", "Precomputed vs real-time": a comparison names the
      // freshnesses without deciding which features are which.
      const batch = says(s, BATCH_FEATURE) || (russian && says(s, BATCH_FEATURE_RU));
      const realtime = says(s, REALTIME_FEATURE) || (russian && says(s, REALTIME_FEATURE_RU));
      if ((!batch && !realtime) || !hasExample(s) || FRESHNESS_COMPARISON.test(s.lower)) continue;
      if (batch) hits.push({ kind: 'batch', sentence: s });
      if (realtime) hits.push({ kind: 'realtime', sentence: s });
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
    signal: { id: 'feature-freshness', title: 'Batch vs real-time features', weight: 9, step: 3, sectionKinds: ['features', 'data'], mlOnly: true },
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
    const { features, hits } = freshnessHits(doc);
    const batch = hits.find((h) => h.kind === 'batch');
    const realtime = hits.find((h) => h.kind === 'realtime');
    if (batch && realtime) return { status: 'high', evidence: batch.sentence };
    // The closest attempt at the split: the feature statement that says most about when its
    // values are computed or how recent they are.
    const first = closestAttempt([...hits.map((h) => h.sentence), ...features], (x) => distinctHits(x, FRESHNESS_HINT));
    if (first) return { status: 'weak', evidence: first, data: { evidence: quote(first.text) }, suggestion };
    return { status: 'missing', suggestion };
  },
  followUp({ document, status, evidence }) {
    const w = ownWords(document);
    const said = quoted(evidence);
    if (status === 'missing') return [`Which of your features can be computed daily in batch, and which must be fresh at request time? What breaks if the fresh ones are an hour old?`, `How do you compute a feature that must reflect what the user did in the last few minutes?`];
    if (status === 'weak') return [`You say ${said ?? 'little about freshness'}: which features are batch and which real-time, and how fresh must each be?`, `${w.streaming ? `What does ${w.streaming} compute for serving, and how late can it be?` : 'What would you stream, and how late can those features be?'}`];
    return [`When a real-time feature is late or missing at request time${w.onlineStore ? ` in ${w.onlineStore}` : ''}, what does ${w.model} see, and how was it trained for that case?`];
  },
});
