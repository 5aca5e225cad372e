import type { Document } from '../document/document.js';
import type { Sentence } from '../document/types.js';
import { Link, linkedTo } from './link.js';
import { hitsOf, lowerText, statements } from './statements.js';
import { findPattern } from './terms.js';
import { OBJECTIVE_CUE, TARGET_CUE } from './vocabulary/framing.js';
import { BUSINESS_METRIC, MEASURABLE_METRIC } from './vocabulary/metrics.js';
import { OBJECTIVE_PROMPT, TARGET_PROMPT } from './vocabulary/framing.js';

export interface FramingFacts {
  /** Statements that name the prediction target. */
  targets: Sentence[];
  /** Statements that name a measurable objective. */
  objectives: Sentence[];
}

/** The question right before a sentence in the same block ("**What are we predicting?** Whether ..."). */
function promptBefore(s: Sentence): string {
  const i = s.block.sentences.indexOf(s);
  const previous = i > 0 ? s.block.sentences[i - 1] : undefined;
  const parts = [previous?.isQuestion || previous?.isHeading ? previous.lower : '', s.section.title.toLowerCase()];
  if (s.block.parent) parts.push(lowerText(s.block.parent));
  // A table row answers its header's question ("| prediction target | minutes until ... |").
  const cell = s.block.kind === 'tableRow' ? s.lower.split('|')[0] ?? '' : '';
  return `${parts.join(' \n ')} \n ${cell}`;
}

function hasMetric(s: Sentence): boolean {
  return findPattern(s, BUSINESS_METRIC, 'metric').some((h) => !h.negated) || findPattern(s, MEASURABLE_METRIC, 'metric').some((h) => !h.negated);
}

/** What the answer says it predicts and what it optimizes (shared by problem-framing and framing-first). */
export function framingFacts(doc: Document): FramingFacts {
  return doc.memo('framing', () => {
    const targetHits = hitsOf(doc, 'target', TARGET_CUE);
    const targets = new Set<Sentence>(targetHits.map((h) => h.sentence));
    const cues = hitsOf(doc, 'objective-cue', OBJECTIVE_CUE);
    const metrics = [...hitsOf(doc, 'business-metric', BUSINESS_METRIC), ...hitsOf(doc, 'measurable-metric', MEASURABLE_METRIC)];
    const objectives = new Set<Sentence>();
    // One index over the metrics, not a scan of all of them per cue (quadratic on a long answer).
    const metricLinkedTo = linkedTo(metrics);
    for (const cue of cues) {
      const metric = metricLinkedTo(cue.sentence, Link.Subtree);
      if (metric) objectives.add(metric.sentence.start < cue.sentence.start ? metric.sentence : cue.sentence);
    }
    for (const s of statements(doc)) {
      const prompt = promptBefore(s);
      if (TARGET_PROMPT.test(prompt) && s.words.length >= 3) targets.add(s);
      if (OBJECTIVE_PROMPT.test(prompt) && hasMetric(s)) objectives.add(s);
    }
    const byPosition = (a: Sentence, b: Sentence): number => a.start - b.start;
    return { targets: [...targets].sort(byPosition), objectives: [...objectives].sort(byPosition) };
  });
}
