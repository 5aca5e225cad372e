import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { linkBetween, Link, subtreeStatements } from '../src/analysis/link.js';
import { closestAttempt, quote, signalOptions } from '../src/analysis/signal.js';
import { inContext, statements } from '../src/analysis/statements.js';
import { distinctHits, findPattern, says } from '../src/analysis/terms.js';
import { API_ONLY, BATCH_INFERENCE, FRESHNESS_NEED, MODE_COMPARISON, NOT_PREDICTIONS, NOT_REALTIME, ONLINE_INFERENCE, SERVING_DESCRIBED, SERVING_SUBJECT, SERVING_TITLE } from '../src/analysis/vocabulary/serving.js';
import { API_RU, ONLINE_INFERENCE_RU, SERVING_SUBJECT_RU } from '../src/analysis/vocabulary/russian.js';
import { ownWords, quoted } from '../src/analysis/follow-up.js';

interface ModeHit {
  mode: 'online' | 'batch';
  sentence: Sentence;
}

function modes(doc: Document): ModeHit[] {
  return doc.memo('inference-modes', () => {
    const hits: ModeHit[] = [];
    for (const s of statements(doc)) {
      const about = s.section.kinds.has('serving') || s.section.kinds.has('scale') || inContext(s, SERVING_SUBJECT) || inContext(s, SERVING_SUBJECT_RU);
      if (!about) continue;
      if (findPattern(s, NOT_REALTIME, 'not-realtime').length > 0) {
        hits.push({ mode: 'batch', sentence: s });
        continue;
      }
      // "Batch vs real-time", "synchronous vs asynchronous": a comparison names modes, it does not choose one.
      if (MODE_COMPARISON.test(s.lower)) continue;
      // "real-time features", "real-time dashboards": freshness of something else, not of predictions.
      const online = findPattern(s, ONLINE_INFERENCE, 'online').filter((h) => !h.negated && !NOT_PREDICTIONS.test(s.lower.slice(h.end, h.end + 24)));
      if (online.length > 0 || says(s, ONLINE_INFERENCE_RU)) hits.push({ mode: 'online', sentence: s });
      if (says(s, BATCH_INFERENCE)) hits.push({ mode: 'batch', sentence: s });
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

const DEADLINE_SUBJECT = /\b(?:latency|turnaround|results?|predictions?|scores?|outputs?|recommendations?|available|ready|delivered|returned)\b/;
const UPPER_BOUND = /^(?:under|within|less than|at most|no more than|<=?|≤)/i;

/** Statements that bound how late results may come, in durations ("under 24 hours", "within 2 hours"). */
function deadlines(doc: Document): Sentence[] {
  return doc.memo('result-deadlines', () =>
    statements(doc).filter((s) => DEADLINE_SUBJECT.test(s.lower) && s.quantities.some((q) => q.kind === 'duration' && q.numeric && UPPER_BOUND.test(q.text))),
  );
}

export default defineRule({
  id: 'inference-mode',
  meta: {
    description: 'The answer states real-time or batch inference together with the latency or freshness requirement behind it',
    rationale:
      'Guide, Q&A "When should I choose real-time vs batch inference?": "Real-time when the feature freshness matters … Batch when predictions can be precomputed and freshness requirements are loose. Lead with the latency and freshness requirements, not the model type."',
    signal: { id: 'inference-mode', title: 'Inference mode', weight: 7, sectionKinds: ['serving'], judgedOn: ['ml', 'ml-infrastructure'] },
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
    // The closest attempt states the mode of the predictions themselves: the most words of modes
    // and of what is served ("deploy models in a real-time inference environment ... on the fly").
    const servingTalk = (x: Sentence): number => distinctHits(x, ONLINE_INFERENCE) + distinctHits(x, BATCH_INFERENCE) + distinctHits(x, SERVING_SUBJECT);
    // Statements that describe serving, found only when a verdict needs them.
    const described = (): Sentence[] => doc.memo('serving-described', () => statements(doc).filter((s) => says(s, SERVING_DESCRIBED)));
    if (doc.profile.kind === 'ml-infrastructure') {
      // The design of ML tooling: a serving runtime discusses how predictions are served (in two
      // statements or more; weak at most, with no rewrite: it states no one model's mode and
      // requirement); for a training operator the signal does not apply.
      const closest = described().length >= 2 ? closestAttempt(described(), servingTalk) : undefined;
      return closest ? { status: 'weak', messageId: 'noMode', evidence: closest, data: { evidence: quote(closest.text) } } : { status: 'missing', judged: false };
    }
    const found = modes(doc);
    const budgets = latencyBudgets(doc);
    // Readers quote the requirement that makes the mode concrete: a statement with both, else the budget.
    const withBudget = found.find((h) => budgets.includes(h.sentence))?.sentence;
    for (const hit of found) {
      if (hit.mode === 'online' && budgets.length > 0) return { status: 'high', evidence: withBudget ?? budgets[0]! };
      if (hit.mode === 'batch') {
        const fresh = subtreeStatements(doc, hit.sentence).find((s) => says(s, FRESHNESS_NEED));
        if (fresh || budgets.some((b) => linkBetween(b, hit.sentence) >= Link.Section)) return { status: 'high', evidence: hit.sentence };
        // A deadline in hours or days on the results ("latency for results should be under 24
        // hours", "scores available within 2 hours of the upload") is a batch mode's freshness.
        if (deadlines(doc).some((d) => linkBetween(d, hit.sentence) >= Link.Section)) return { status: 'high', evidence: hit.sentence };
      }
    }
    const first = closestAttempt(found.map((h) => h.sentence), servingTalk);
    if (first) return { status: 'weak', evidence: first, data: { evidence: quote(first.text) }, suggestion };
    const api = statements(doc).filter((s) => says(s, API_ONLY, API_RU));
    // A serving section with something in it discusses serving, even without naming the mode.
    // Under a title that also names another step ("Evaluation & Deployment"), only a statement that
    // talks of serving is about it.
    const inSection = doc.sections
      .filter((sec) => sec.ownKinds.has('serving') && SERVING_TITLE.test(sec.title.toLowerCase()))
      .flatMap((sec) => sec.blocks.flatMap((b) => b.sentences).filter((s) => s.isStatement && (sec.ownKinds.size === 1 || says(s, SERVING_DESCRIBED) || says(s, ONLINE_INFERENCE) || says(s, BATCH_INFERENCE))));
    // A latency budget with no mode is the closest the answer comes to stating one; else the
    // statement that says most about how predictions are served (a full one, not a label such as
    // "3 main components:"), an API first.
    const serving = closestAttempt(api.length ? api : described().length ? described() : inSection, servingTalk);
    const closest = serving && (budgets.find((b) => b.isStatement || b.isQuestion) ?? serving);
    if (closest) return { status: 'weak', messageId: 'noMode', evidence: closest, data: { evidence: quote(closest.text) }, suggestion };
    return { status: 'missing', suggestion };
  },
  followUp({ document, status, evidence }) {
    const w = ownWords(document);
    const said = quoted(evidence);
    if (status === 'missing') return [`Are predictions computed online per request or precomputed in batch, and what in the product decides it?`, `What latency can the caller accept, and what would you precompute if ${w.model} is too slow?`];
    if (status === 'weak') return [`You mention ${said ?? 'serving'}: what latency or freshness requirement makes that the right mode, and what would the other mode cost?`, `What does the caller get when ${w.model} times out or the service is down?`];
    return [`Traffic grows tenfold: does your inference mode still hold, and what would you cache or precompute first?`];
  },
});
