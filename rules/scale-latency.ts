import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { Quantity, Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { quote, signalOptions } from '../src/analysis/signal.js';
import { statements } from '../src/analysis/statements.js';
import { says } from '../src/analysis/terms.js';
import { HARDWARE_MEMORY, MODEL_NAME_BEFORE, QUALITATIVE_LATENCY, QUALITATIVE_SCALE, SCALE_UNITS } from '../src/analysis/vocabulary/scale.js';
import { BUDGET_CUE, NOT_A_BUDGET } from '../src/analysis/vocabulary/scale.js';
import { BUDGET_CUE_RU } from '../src/analysis/vocabulary/russian.js';
import { quoted } from '../src/analysis/follow-up.js';

/** The figure's sentence, lower-cased, and where the figure's text stands in it (-1 when not found). */
function placed(q: Quantity): { lower: string; at: number; end: number } {
  const lower = q.sentence.lower;
  const at = lower.indexOf(q.text.toLowerCase());
  return { lower, at, end: at + q.text.length };
}

function isScale(q: Quantity): boolean {
  if (q.kind === 'rate') return true;
  if (q.kind === 'size') {
    // A machine's memory or disk beside the size (the whole sentence when the figure is not found).
    const { lower, at, end } = placed(q);
    return !HARDWARE_MEMORY.test(at < 0 ? lower : lower.slice(Math.max(0, at - 24), end + 24));
  }
  if (q.kind !== 'count') return false;
  const { lower, at, end } = placed(q);
  const before = at >= 0 ? lower.slice(Math.max(0, at - 30), at) : '';
  // "The top 5 articles" is the size of a result, not of the load.
  if (/\btop[- ]?$/.test(before)) return false;
  if (SCALE_UNITS.has(q.unit)) return true;
  if (q.value < 10_000) return false;
  // A model's size in parameters ("Llama 3.1 8B", "175B parameters") is not load.
  return !(MODEL_NAME_BEFORE.test(before) || (at >= 0 && /^\s*(?:parameters|params)\b/.test(lower.slice(end))));
}

function isLatencyBudget(q: Quantity): boolean {
  return q.kind === 'latency' && (BUDGET_CUE.test(q.sentence.lower) || BUDGET_CUE_RU.test(q.sentence.lower)) && !NOT_A_BUDGET.test(q.sentence.lower);
}

/** Figures stated anywhere but in headings and placeholders; an assumption ("200 ms?") counts. */
function figures(doc: Document): Quantity[] {
  return doc.memo('figures', () => doc.quantities.filter((q) => !q.sentence.isHeading && !q.sentence.isInstruction && !q.sentence.block.navigation));
}

export default defineRule({
  id: 'scale-latency',
  meta: {
    description: 'The answer gives at least one concrete scale figure and one concrete latency budget',
    rationale:
      'The guide\'s high-signal answer opens with scale and latency: "For a real-time product recommendation system at 10M DAU … narrows 10M items to 500 candidates in <10ms".',
    signal: { id: 'scale-latency', title: 'Scale and latency', weight: 7, sectionKinds: ['scale', 'problem'] },
    defaultSeverity: 'warn',
    messages: {
      missing: 'No scale or latency: how many users or requests, and how fast must it answer?',
      weak: 'Scale and latency are incomplete: {detail}',
    },
    criteria: {
      high: 'at least one scale figure (DAU, QPS, catalog size, events per day, data volume) and one latency budget (ms, p95/p99); an assumption with a number ("latency: 200 ms?") counts.',
      weak: 'only one of the two, or qualitative words ("millions of users", "low latency", "highly scalable").',
      missing: 'neither.',
    },
    options: signalOptions,
    examples: [
      { title: 'weak: qualitative', status: 'weak', text: 'The system must be highly scalable and low latency for millions of users.' },
      { title: 'high: figures', status: 'high', text: 'At 10M DAU and 4K QPS at peak, ranking must return within a p99 of 150 ms.' },
    ],
  },
  check({ document: doc }) {
    const ctx = answerContext(doc);
    const all = figures(doc);
    const scales = all.filter(isScale);
    const scale = scales[0];
    const latency = all.find(isLatencyBudget);
    const scaleText = scale?.text ?? ctx.scale;
    const suggestion = `Scale and latency: ${scaleText} with about 5,000 requests per second at peak; each request must be answered with a p99 latency under 150 ms end to end${doc.profile.isML ? ', of which about 50 ms is model inference' : ''}.`;
    // Evidence: a statement with both figures; else the scale figure, a rate (QPS, requests per
    // second) before a count, since that is what sizes the system.
    const scaleEvidence = (scales.find((q) => q.kind === 'rate') ?? scale)?.sentence;
    const both = scales.find((q) => q.sentence.quantities.some(isLatencyBudget))?.sentence;
    if (scale && latency) return { status: 'high', evidence: both ?? scaleEvidence! };
    const qualitative = (pattern: RegExp): Sentence | undefined => statements(doc).find((s) => says(s, pattern));
    if (scale) return { status: 'weak', evidence: scaleEvidence!, data: { detail: `a scale figure (\`${quote(scale.text, 30)}\`) but no latency budget` }, suggestion };
    if (latency) return { status: 'weak', evidence: latency.sentence, data: { detail: `a latency budget (\`${quote(latency.text, 30)}\`) but no scale figure` }, suggestion };
    const vague = qualitative(QUALITATIVE_SCALE) ?? qualitative(QUALITATIVE_LATENCY);
    if (vague) return { status: 'weak', evidence: vague, data: { detail: `only qualitative: \`${quote(vague.text, 50)}\`` }, suggestion };
    return { status: 'missing', suggestion };
  },
  followUp({ document, status, evidence }) {
    const said = quoted(evidence);
    if (status === 'missing') return [`How many requests per second must the system serve at peak, with what p99 latency, and how many items are scored per request?`, `How much data does training read each run, and how long may a run take?`];
    if (status === 'weak') return [`You mention ${said ?? 'scale'}: what is the peak QPS and the latency budget, and how is it split between fetching features, scoring and post-processing?`, `Which component hits its limit first as traffic grows, and how do you scale it?`];
    return [`Given your figures, where is the bottleneck on the serving path, and how do you stay inside the latency budget at peak?`];
  },
});
