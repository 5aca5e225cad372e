import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { linkBetween, Link, subtreeStatements } from '../src/analysis/link.js';
import { quote, signalOptions } from '../src/analysis/signal.js';
import { inContext, statements } from '../src/analysis/statements.js';
import { findPattern, isNegated } from '../src/analysis/terms.js';

const SERVING_SUBJECT = /\b(?:inference|predictions?|serv\w*|scor\w*|recommendations?|rank\w*|model|responses?|results|suggestions?|classif\w*|requests?|api|endpoint|ranker|classifier|system|service|assistant|feed)\b/g;

/** Online: predictions computed when the request arrives. */
const ONLINE =
  /\b(?:real[- ]?time|online (?:inference|prediction|serving|scoring|model|service)|(?:inference|prediction|scoring|serving) (?:is |are )?online|per[- ]request|at request time|on request|request[- ]time (?:inference|scoring|prediction)|synchronous(?:ly)?|on[- ]the[- ]fly|inline|(?:on|for) (?:each|every) (?:incoming )?(?:message|request|query|transaction|event|upload|call|keystroke|search|application|order)|while the (?:user|applicant|customer|rider|driver|caller) waits|in real[- ]time|streaming (?:inference|predictions?|scoring)|on[- ]device|edge (?:inference|device|deployment)|low[- ]latency (?:serving|inference|api))\b/g;

/** Batch: predictions computed ahead of time. */
const BATCH =
  /\b(?:batch (?:inference|predictions?|scoring|jobs?|processing|mode|pipeline)|offline (?:inference|predictions?|scoring)|pre-?comput\w*|pre-?generat\w*|pre-?calculat\w*|cached (?:predictions|scores|results|recommendations)|(?:scored|predicted|computed|generated|refreshed) (?:nightly|daily|weekly|hourly|in batch|ahead of time|in advance|offline)|(?:nightly|daily|weekly|hourly) (?:batch|jobs?|scoring|predictions?)|stor(?:e|ed|es) (?:the )?(?:predictions|scores|results|recommendations) in)\b/g;

/** "does not require real-time": a stated batch mode. */
const NOT_REALTIME = /\b(?:(?:does not|doesn't|do not|don't|won't|will not|no) (?:need|require)\w* (?:\w+ )?real[- ]?time|not (?:in )?real[- ]?time|no real[- ]?time|non[- ]real[- ]?time)\b/g;

/** Only "serve it via an API": how, without mode or budget. */
const API_ONLY = /\b(?:(?:serve|serving|served|expose|exposed|deploy|deployed|behind|via|through) (?:it |the model )?(?:via |through |behind |as )?(?:an? |the )?(?:rest |http |grpc )?(?:api|endpoint|microservice|web service)|prediction (?:service|server|api)|model serv\w*|inference (?:service|server)|serv(?:e|es|ed|ing) (?:the )?(?:model|predictions))\b/g;

/** A freshness requirement that goes with a batch mode: when the output is needed and how often it is refreshed. */
const FRESHNESS = /\b(?:nightly|daily|hourly|weekly|every (?:\d+ )?(?:minutes?|hours?|days?|night|morning)|(?:by|before|at|until) \d{1,2}(?::\d{2})?\s?(?:am|pm)?|\d{1,2}:\d{2}|before (?:the|each) \w+|fresh(?:ness)?|stale|up to (?:\w+ ){1,2}old|(?:one|a|\d+)[- ](?:day|hour|week)s?[- ]old|scheduled (?:job|run)|ahead of time)\b/g;

/** Serving described without a mode (weak, not missing): "the model is deployed to an endpoint". */
const SERVING_DESCRIBED =
  /\b(?:serv(?:e|es|ed|ing) (?:the )?(?:model|predictions|requests|recommendations|results|scores)|inference\b(?! time)|model (?:server|serving)|deploy(?:s|ed|ing)? (?:the |a )?(?:[\w-]+ )?model|prediction (?:service|server|endpoint))\b/g;

interface ModeHit {
  mode: 'online' | 'batch';
  sentence: Sentence;
}

function modes(doc: Document): ModeHit[] {
  return doc.memo('inference-modes', () => {
    const hits: ModeHit[] = [];
    for (const s of statements(doc)) {
      const about = s.section.kinds.has('serving') || s.section.kinds.has('scale') || inContext(s, SERVING_SUBJECT);
      if (!about) continue;
      if (findPattern(s, NOT_REALTIME, 'not-realtime').length > 0) {
        hits.push({ mode: 'batch', sentence: s });
        continue;
      }
      if (findPattern(s, ONLINE, 'online').some((h) => !h.negated)) hits.push({ mode: 'online', sentence: s });
      if (findPattern(s, BATCH, 'batch').some((h) => !h.negated)) hits.push({ mode: 'batch', sentence: s });
    }
    return hits;
  });
}

/** Latency budgets stated anywhere (also as an assumption: "Latency: 200 ms?"). */
function latencyBudgets(doc: Document): Sentence[] {
  return doc.memo('latency-budgets', () =>
    doc.sentences.filter(
      (s) => !s.isHeading && !s.isPlaceholder && s.quantities.some((q) => q.kind === 'latency' && q.numeric) && !s.block.navigation,
    ),
  );
}

export default defineRule({
  id: 'inference-mode',
  meta: {
    description: 'The answer states real-time or batch inference together with the latency or freshness requirement behind it',
    rationale:
      'Guide, Q&A "When should I choose real-time vs batch inference?": "Real-time when the feature freshness matters … Batch when predictions can be precomputed and freshness requirements are loose. Lead with the latency and freshness requirements, not the model type."',
    signal: { id: 'inference-mode', title: 'Inference mode', weight: 7, sectionKinds: ['serving'] },
    defaultSeverity: 'warn',
    messages: {
      missing: 'How predictions are served is never discussed (real-time or batch?)',
      weak: 'Inference mode without a latency or freshness requirement: `{evidence}`',
      noMode: 'Serving is described but the inference mode is not stated: `{evidence}`',
    },
    criteria: {
      high: 'online (real-time, per request) or batch (precomputed) inference, or a mix, with the latency or freshness requirement behind it ("p99 < 100 ms because results render on page load", "scored nightly, needed by 08:00").',
      weak: 'a mode without a latency or freshness requirement, or serving described with no mode ("serve it via an API").',
      missing: 'how predictions are served is not discussed.',
    },
    options: signalOptions,
    examples: [
      { title: 'weak: API only', status: 'weak', text: 'We serve the model via an API.' },
      { title: 'high: mode and budget', status: 'high', text: 'Recommendations are computed in real time on page load, with a p99 latency budget of 100 ms.' },
    ],
  },
  check({ document: doc }) {
    const ctx = answerContext(doc);
    const suggestion = `Inference is online (real-time, per request): ${ctx.model} scores each ${ctx.entity} when the request arrives, with a p99 latency budget of 100 ms, because the result renders on page load and depends on session context; slow-changing outputs are precomputed nightly in batch.`;
    if (!doc.profile.isML) return { status: 'missing', suggestion };
    const found = modes(doc);
    const budgets = latencyBudgets(doc);
    for (const hit of found) {
      if (hit.mode === 'online' && budgets.length > 0) return { status: 'high', evidence: hit.sentence };
      if (hit.mode === 'batch') {
        const fresh = subtreeStatements(doc, hit.sentence).find((s) => findPattern(s, FRESHNESS, 'fresh').some((h) => !isNegated(s, h.start, h.end)));
        if (fresh || budgets.some((b) => linkBetween(b, hit.sentence) >= Link.Section)) return { status: 'high', evidence: hit.sentence };
      }
    }
    const first = found[0]?.sentence;
    if (first) return { status: 'weak', evidence: first, data: { evidence: quote(first.text) }, suggestion };
    const api = statements(doc).find((s) => findPattern(s, API_ONLY, 'api').some((h) => !h.negated));
    // A serving section with something in it discusses serving, even without naming the mode.
    const serving =
      api ??
      statements(doc).find((s) => findPattern(s, SERVING_DESCRIBED, 'serving').some((h) => !h.negated)) ??
      doc.sections.filter((sec) => sec.ownKinds.has('serving')).flatMap((sec) => sec.blocks.flatMap((b) => b.sentences)).find((s) => s.isStatement);
    if (serving) return { status: 'weak', messageId: 'noMode', evidence: serving, data: { evidence: quote(serving.text) }, suggestion };
    return { status: 'missing', suggestion };
  },
});
