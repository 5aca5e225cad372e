import { defineRule } from '../src/rule/define.js';
import { DELAY_CUE_RU, FEEDBACK_EVENT_RU, LABEL_SOURCE_RU } from '../src/analysis/vocabulary/russian.js';
import type { Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { linkBetween, Link } from '../src/analysis/link.js';
import { closestAttempt, quote, signalOptions } from '../src/analysis/signal.js';
import { hitsOf, statements } from '../src/analysis/statements.js';
import { distinctHits, findPattern, says } from '../src/analysis/terms.js';
import { CLASSIFIER_LABEL, COLLECTED_FEEDBACK, DELAY_CUE, FEEDBACK_EVENT, IMMEDIATE_FEEDBACK, LABEL_SOURCE, NOT_GROUND_TRUTH } from '../src/analysis/vocabulary/feedback.js';
import { FEEDBACK_LOOP } from '../src/analysis/vocabulary/feedback.js';
import { ownWords, quoted } from '../src/analysis/follow-up.js';

/** Feedback delays are seconds to months; a figure in milliseconds is a latency, not a delay. */
const SUB_SECOND = new Set(['ms', 'us', 'ns']);

/** A sentence that says how late feedback arrives, with a figure ("chargebacks arrive within 60 days"). */
function delayStatement(s: Sentence): boolean {
  const hasTime = s.quantities.some((q) => (q.kind === 'duration' || q.kind === 'cadence' || q.kind === 'latency') && q.numeric && q.unit !== '' && !SUB_SECOND.has(q.unit));
  const immediate = says(s, IMMEDIATE_FEEDBACK);
  if (!hasTime && !immediate) return false;
  return immediate || findPattern(s, DELAY_CUE, 'delay').length > 0 || findPattern(s, DELAY_CUE_RU, 'delay-ru').length > 0;
}

export default defineRule({
  id: 'feedback-loop',
  meta: {
    description: 'The answer says where ground truth comes from and how late it arrives',
    rationale:
      'Guide, step 01: "what\'s the feedback loop? \\"…feedback comes from purchase events with 24h delay.\\" That frame drives every downstream decision."',
    signal: { id: 'feedback-loop', title: 'Feedback loop and delay', weight: 10, step: 1, sectionKinds: ['data', 'problem'], mlOnly: true },
    defaultSeverity: 'error',
    messages: {
      missing: 'No feedback loop: the answer never says where labels come from',
      weak: 'Feedback loop without a delay: `{evidence}`',
      noSource: 'A delay without a label source: `{evidence}`',
    },
    criteria: {
      high: 'a concrete label source (clicks, purchases, chargebacks, reviewer decisions, delivery timestamps) and how late it arrives, with a figure ("chargebacks arrive within 60 days", "known within the session"), in the same sentence or list item subtree.',
      weak: 'labels or "the feedback loop" are mentioned without a delay, or a delay without a concrete source.',
      missing: 'nothing says where ground truth comes from.',
    },
    options: signalOptions,
    examples: [
      { title: 'weak: labels, no delay', status: 'weak', text: 'Labels come from user clicks on recommended items.' },
      { title: 'high: source and delay', status: 'high', text: 'Labels are chargebacks reported by card issuers; they arrive within 60 days of the transaction.' },
    ],
  },
  check({ document: doc }) {
    const ctx = answerContext(doc);
    const suggestion = `Labels come from ${ctx.events}; ${ctx.delay}, so training examples are only built once that window has closed.`;

    const concrete = statements(doc).filter((s) => says(s, FEEDBACK_EVENT, FEEDBACK_EVENT_RU));
    // Metric labels and sampled negatives name no ground truth; the sentence's feedback event may.
    const sources = hitsOf(doc, 'label-source', LABEL_SOURCE).filter((h) => !NOT_GROUND_TRUTH.test(h.sentence.lower) || concrete.includes(h.sentence));
    const delays = statements(doc).filter(delayStatement);
    for (const delay of delays) {
      // The delay must belong to the labels, and the labels to a concrete source: all within one sentence or subtree.
      if (concrete.includes(delay)) return { status: 'high', evidence: delay };
      const near = (s: Sentence): boolean => linkBetween(s, delay) >= Link.Subtree;
      if (sources.some((h) => near(h.sentence)) && concrete.some(near)) return { status: 'high', evidence: delay };
    }
    // The closest attempt: labels tied to a concrete event ("positive: the user clicks the ad"),
    // before labels in general, before the kind of label a classifier outputs ("multi-label classification").
    const aboutLabels = sources.filter((h) => !CLASSIFIER_LABEL.test(h.sentence.lower));
    // Of the statements about labels, the one that says most about where they come from: label
    // words and the events that make them ("positive: the user clicks the ad", "labels from user
    // engagement") before a list that only names labels among other things.
    const labelled = closestAttempt(
      aboutLabels.map((h) => h.sentence),
      (x) => (concrete.includes(x) ? 2 : 0) + distinctHits(x, LABEL_SOURCE),
    );
    const collected = () => statements(doc).find((s) => COLLECTED_FEEDBACK.test(s.lower));
    const source = labelled ?? sources[0]?.sentence ?? hitsOf(doc, 'feedback-loop', FEEDBACK_LOOP)[0]?.sentence ?? hitsOf(doc, 'label-source-ru', LABEL_SOURCE_RU)[0]?.sentence ?? collected();
    if (source) return { status: 'weak', evidence: source, data: { evidence: quote(source.text) }, suggestion };
    const delay = delays.find((d) => /\b(?:delay|lag)/.test(d.lower));
    if (delay) return { status: 'weak', messageId: 'noSource', evidence: delay, data: { evidence: quote(delay.text) }, suggestion };
    return { status: 'missing', suggestion };
  },
  followUp({ document, status, evidence }) {
    const w = ownWords(document);
    const said = quoted(evidence);
    if (status === 'missing') return [`Once ${w.model} is live, where do its labels come from, and how long after a prediction do you know whether it was right?`, `What do you log at prediction time so that the outcome can be joined back to it later?`];
    if (status === 'weak') return [`You say ${said ?? 'that labels come back'}: how long after a prediction does that label arrive, and what do you train and evaluate on until it does?`, `Which of your predictions never get a label (items not shown, requests not acted on), and how does that bias the next training set?`];
    return [`${w.events ? `Your labels come from ${w.events}` : 'Your labels come from what the model chose to show'}: how do you keep the model's own past decisions from biasing what it learns next?`];
  },
});
