import type { Document } from '../document/document.js';
import type { Sentence } from '../document/types.js';
import { hitsOf, lowerText, statements } from './statements.js';
import { findPattern, type Hit } from './terms.js';
import { EXPLICIT_TARGET, HEDGE, OBJECTIVE_AFTER, OBJECTIVE_LABEL, OBJECTIVE_PROMPT, OBJECTIVE_VERB, SYSTEM_WORDS, TARGET_CUE, TARGET_PROMPT } from './vocabulary/framing.js';
import { TARGET_RU } from './vocabulary/russian.js';
import { BUSINESS_METRIC, MEASURABLE_METRIC, SYSTEM_AFTER, SYSTEM_MEASURE } from './vocabulary/metrics.js';

export interface FramingFacts {
  /** Statements that name the prediction target, the plainest first (see `plainestFirst`). */
  targets: Sentence[];
  /** Statements that name a measurable objective, the plainest first. */
  objectives: Sentence[];
}

/**
 * The statements a reader would quote first: one that says it outright (`explicit`), then one
 * where the answer frames its problem (its problem section, or under a heading or question that
 * asks for it), then one that is a full statement rather than a fragment; ties in reading order.
 * Evaluation and monitoring sections speak of predictions after the fact ("sort by predicted
 * uplift", "precision of the model"): a frame stated there comes after one stated anywhere else.
 */
function plainestFirst(sentences: Iterable<Sentence>, explicit: (s: Sentence) => boolean, asked: (s: Sentence) => boolean): Sentence[] {
  const afterTheFact = (s: Sentence): boolean => !s.section.kinds.has('problem') && (s.section.kinds.has('evaluation') || s.section.kinds.has('monitoring'));
  const rank = (s: Sentence): number => (afterTheFact(s) ? 0 : 8) + (explicit(s) ? 4 : 0) + (s.section.kinds.has('problem') || asked(s) ? 2 : 0) + (s.words.length >= 5 ? 1 : 0);
  return [...sentences].map((s) => ({ s, r: rank(s) })).sort((a, b) => b.r - a.r || a.s.start - b.s.start).map(({ s }) => s);
}

/** The question right before a sentence in the same block ("**What are we predicting?** Whether ..."). */
function promptBefore(s: Sentence): string {
  const i = s.block.sentences.indexOf(s);
  // A question up to two sentences back in the same paragraph ("What are we optimizing? Not
  // accuracy for its own sake. The metric ... is median time to resolution").
  const asked = s.block.sentences.slice(Math.max(0, i - 2), i).filter((p) => p.isQuestion || p.isHeading);
  const parts = [asked.map((p) => p.lower).join(' \n '), s.section.title.toLowerCase()];
  if (s.block.parent) parts.push(lowerText(s.block.parent));
  // A table row answers its header's question ("| prediction target | minutes until ... |").
  const cell = s.block.kind === 'tableRow' ? s.lower.split('|')[0] ?? '' : '';
  return `${parts.join(' \n ')} \n ${cell}`;
}

/** Before a prediction target: a hedge, or a supposition that makes it an example. */
export const TARGET_HEDGE = new RegExp(`${HEDGE.source}|\\b(?:suppose|imagine|let's say|say we have)\\b`);

/** A possibility, not a commitment: "we can reduce costs". */
const CAN = /\b(?:we|you) can\b/;

/** Non-negated product metrics of a sentence (a named business metric or a measurable product quantity). */
function productMetrics(s: Sentence): Hit[] {
  const hits = [...findPattern(s, BUSINESS_METRIC, 'metric'), ...findPattern(s, MEASURABLE_METRIC, 'metric')];
  return hits.filter((h) => !h.negated && !SYSTEM_WORDS.test(s.lower.slice(h.start, h.end)));
}

/** Words between two offsets of a sentence, or -1 when punctuation that ends a phrase lies between. */
function wordsBetween(s: Sentence, from: number, to: number): number {
  // "Optimize: retained revenue" is the verb as a label, not a phrase that ends.
  const gap = s.lower.slice(from, to).replace(/^\s?:/, ' ');
  if (/[,;:.!?()]\s/.test(gap) || /[;()]/.test(gap)) return -1;
  return gap.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Is the sentence a committed objective? A metric right after a verb that sets it ("maximize ad
 * revenue", at most three words between), or after a label that names it ("Business goal: ...
 * CTR"), or a metric under a prompt or heading that asks for the objective. General advice,
 * examples and possibilities (HEDGE) are not this design's objective.
 */
function isObjective(s: Sentence, prompt: string): boolean {
  // A metric after a hedge is an example or a possibility ("e.g. CTR", "may be 'to improve sales'").
  // "We can reduce costs by ..." is what could be done, not what this design optimizes.
  const metrics = productMetrics(s).filter((m) => {
    const before = s.lower.slice(0, m.start);
    return !HEDGE.test(before) && !CAN.test(before);
  });
  if (metrics.length === 0) return false;
  if (OBJECTIVE_PROMPT.test(prompt)) return true;
  for (const verb of findPattern(s, OBJECTIVE_VERB, 'objective-verb')) {
    if (verb.negated) continue;
    for (const m of metrics) {
      if (m.start < verb.end) continue;
      const between = wordsBetween(s, verb.end, m.start);
      // "optimize latency or utilization", "minimize cost and latency": a metric in a phrase with a
      // system measure is the system's, not the product's.
      if (between >= 0 && between <= 3 && !SYSTEM_MEASURE.test(s.lower.slice(verb.end, m.start)) && !SYSTEM_AFTER.test(s.lower.slice(m.end, m.end + 40))) return true;
    }
  }
  for (const label of findPattern(s, OBJECTIVE_LABEL, 'objective-label')) {
    if (!label.negated && metrics.some((m) => m.start >= label.end)) return true;
  }
  return metrics.some((m) => OBJECTIVE_AFTER.test(s.lower.slice(m.end)));
}

/** What the answer says it predicts and what it optimizes (shared by problem-framing and framing-first). */
export function framingFacts(doc: Document): FramingFacts {
  return doc.memo('framing', () => {
    const targetHits = [...hitsOf(doc, 'target', TARGET_CUE), ...hitsOf(doc, 'target-ru', TARGET_RU)];
    // A target after a hedge or inside a supposition is an example ("e.g. predict P(click)",
    // "Suppose we have a model that predicts lead time").
    const targets = new Set<Sentence>(targetHits.filter((h) => !TARGET_HEDGE.test(h.sentence.lower.slice(0, h.start))).map((h) => h.sentence));
    const objectives = new Set<Sentence>();
    const askedTarget = new Set<Sentence>();
    const askedObjective = new Set<Sentence>();
    for (const s of statements(doc)) {
      const prompt = promptBefore(s);
      if (TARGET_PROMPT.test(prompt) && s.words.length >= 3) {
        targets.add(s);
        askedTarget.add(s);
      }
      if (isObjective(s, prompt)) objectives.add(s);
      if (OBJECTIVE_PROMPT.test(prompt)) askedObjective.add(s);
    }
    return {
      targets: plainestFirst(targets, (s) => EXPLICIT_TARGET.test(s.lower), (s) => askedTarget.has(s)),
      objectives: plainestFirst(objectives, (s) => findPattern(s, OBJECTIVE_VERB, 'objective-verb').length > 0 || findPattern(s, OBJECTIVE_LABEL, 'objective-label').length > 0, (s) => askedObjective.has(s)),
    };
  });
}
