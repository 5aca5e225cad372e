import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { Quantity, Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { sectionStatements, subtreeStatements } from '../src/analysis/link.js';
import { quote, signalOptions } from '../src/analysis/signal.js';
import { statements } from '../src/analysis/statements.js';
import { findPattern, says } from '../src/analysis/terms.js';
import { RETRAIN, RETRAINING_TITLE, TRIGGER, WINDOW_CUE } from '../src/analysis/vocabulary/retraining.js';
import { CADENCE_RU, RETRAIN_RU, WINDOW_RU } from '../src/analysis/vocabulary/russian.js';
import { ownWords, quoted } from '../src/analysis/follow-up.js';

interface RetrainPlan {
  /** The statement that mentions retraining. */
  mention: Sentence;
  /** Statements linked to it that give a cadence, a trigger, a window, a threshold. */
  cadence?: Sentence;
  trigger?: Sentence;
  window?: Sentence;
  threshold?: Sentence;
}

function isWindow(q: Quantity): boolean {
  if (q.kind !== 'duration' || !q.numeric) return false;
  const s = q.sentence;
  const around = s.text.slice(Math.max(0, q.start - s.start - 30), q.end - s.start + 30).toLowerCase();
  return WINDOW_CUE.test(around) || WINDOW_RU.test(around);
}

/** Model selection around a refit: cross-validation, a hyperparameter search, its best runs. */
const MODEL_SELECTION = /\b(?:cross[- ]validation|hyper-?parameters? (?:search|tuning|optimi[sz]ation)|grid search|best (?:\(default \d+\) |\d+ )?(?:runs|trials|configurations|hyper-?parameters))\b/;

/** Words of when, without a figure: "regularly", "as needed", "on a schedule". */
const VAGUE_WHEN = /\b(?:regular(?:ly)?|periodic(?:ally)?|as needed|when needed|if needed|as required|on a schedule|scheduled|frequent(?:ly)?|nightly|daily|weekly|monthly|hourly|over time)\b/;

const hasCadence = (s: Sentence): boolean => s.quantities.some((q) => q.kind === 'cadence' || (q.kind === 'duration' && /\bevery\b/i.test(s.text))) || CADENCE_RU.test(s.lower);
const hasTrigger = (s: Sentence): boolean => says(s, TRIGGER);
const hasWindow = (s: Sentence): boolean => s.quantities.some(isWindow) || /\b(?:last|past|previous) \w+ (?:campaigns?|launches|seasons?|releases?)\b/.test(s.lower);
const hasThreshold = (s: Sentence): boolean => s.quantities.some((q) => (q.kind === 'threshold' || q.kind === 'percentage') && q.numeric);

/**
 * Each retraining mention with the cadence, trigger, window and threshold that belong to it:
 * stated in the same sentence, paragraph or list item subtree, or anywhere under a retraining heading.
 */
function plans(doc: Document): RetrainPlan[] {
  return doc.memo('retraining', () => {
    const all = statements(doc);
    const underHeading = (s: Sentence): boolean => RETRAINING_TITLE.test(s.section.title.toLowerCase());
    const mentions = all.filter((s) => {
      // Refitting the chosen model after cross-validation or a hyperparameter search is model
      // selection, not keeping the production model fresh.
      if (MODEL_SELECTION.test(s.lower)) return false;
      // Russian answers name it in their own words (переобучение модели раз в неделю).
      const hits = [...findPattern(s, RETRAIN, 'retrain'), ...findPattern(s, RETRAIN_RU, 'retrain-ru')];
      if (hits.some((h) => !h.negated)) return true;
      // Under a retraining heading a statement is about retraining ("## Retraining\nWeekly."), unless it says no.
      return underHeading(s) && !hits.some((h) => h.negated);
    });
    return mentions.map((mention) => {
      const scope = underHeading(mention) ? [...new Set([...subtreeStatements(doc, mention), ...sectionStatements(doc, mention)])] : subtreeStatements(doc, mention);
      const plan: RetrainPlan = { mention };
      const cadence = scope.find(hasCadence);
      const trigger = scope.find(hasTrigger);
      const window = scope.find(hasWindow);
      // A threshold counts when it is the trigger's ("AUC drops below 0.82") or the mention's own.
      const threshold = scope.find((s) => hasThreshold(s) && (hasTrigger(s) || s === mention));
      if (cadence) plan.cadence = cadence;
      if (trigger) plan.trigger = trigger;
      if (window) plan.window = window;
      if (threshold) plan.threshold = threshold;
      return plan;
    });
  });
}

export default defineRule({
  id: 'retraining',
  meta: {
    description: 'The answer gives a retraining cadence or trigger plus a data window or a numeric threshold',
    rationale:
      'Guide, step 05, "Discuss the retraining trigger and cadence": "We retrain weekly on a rolling 90-day window, with an automated performance check that triggers emergency retraining if AUC drops below 0.82." Specificity here shows production experience.',
    signal: { id: 'retraining', title: 'Retraining cadence and thresholds', weight: 10, step: 5, sectionKinds: ['retraining', 'training'], mlOnly: true },
    defaultSeverity: 'error',
    messages: {
      missing: 'No retraining: nothing says when or why the model is retrained',
      weak: 'Retraining has no {detail}: `{evidence}`',
    },
    criteria: {
      high: 'a cadence (weekly, every 6 hours) or a performance trigger, plus a data window ("rolling 90-day window") or a numeric threshold ("AUC drops below 0.82").',
      weak: 'retraining with a bare cadence or vaguely ("periodically", "as needed", "when performance degrades").',
      missing: 'no retraining, or only a negation or a TODO.',
    },
    options: signalOptions,
    examples: [
      { title: 'weak: vague', status: 'weak', text: 'We retrain the model periodically as needed.' },
      {
        title: 'high: cadence, window, threshold',
        status: 'high',
        text: 'We retrain weekly on a rolling 90-day window, with an automated performance check that triggers emergency retraining if AUC drops below 0.82.',
      },
    ],
  },
  check({ document: doc }) {
    const ctx = answerContext(doc);
    const drop = ctx.lowerIsBetter ? 'rises more than 5% above' : 'drops more than 5% below';
    const suggestion = `We retrain ${ctx.model} weekly on a rolling 90-day window of ${ctx.events}, and an automated check triggers emergency retraining if ${ctx.offlineMetric} on the latest labelled day ${drop} its 30-day baseline or ${ctx.businessMetric} degrades by more than 10%.`;
    const all = plans(doc);
    const complete = all.filter((p) => (p.cadence ?? p.trigger) && (p.window ?? p.threshold));
    // The statement that says it all, when one does ("We retrain weekly when AUC drops by 2
    // points"), rather than an earlier vague mention whose paragraph or section completes it.
    const stated = complete.find((p) => (hasCadence(p.mention) || hasTrigger(p.mention)) && (hasWindow(p.mention) || hasThreshold(p.mention)));
    if (stated ?? complete[0]) return { status: 'high', evidence: (stated ?? complete[0])!.mention };
    if (all.length === 0) return { status: 'missing', suggestion };
    // The closest attempt: the mention that itself says most of when or why ("retrained weekly on
    // the latest labelled data", "retrain as needed"), then one whose item or section gives a
    // cadence or trigger, then one under a retraining heading; the earliest of equals.
    const attempt = (p: RetrainPlan): number =>
      (hasCadence(p.mention) || hasTrigger(p.mention) ? 4 : 0) + (p.cadence ?? p.trigger ? 2 : 0) + (VAGUE_WHEN.test(p.mention.lower) ? 1 : 0) + (RETRAINING_TITLE.test(p.mention.section.title.toLowerCase()) ? 1 : 0);
    const first = all.reduce((best, p) => (attempt(p) > attempt(best) ? p : best));
    const detail = first.cadence ?? first.trigger ? 'data window or numeric threshold' : 'cadence or trigger';
    return { status: 'weak', evidence: first.mention, data: { evidence: quote(first.mention.text), detail }, suggestion };
  },
  followUp({ document, status, evidence }) {
    const w = ownWords(document);
    const said = quoted(evidence);
    if (status === 'missing') return [`How often is ${w.model} retrained, and what would make you retrain it earlier than planned?`, `How does a retrained model reach production: what must it beat, and on which data?`];
    if (status === 'weak') return [`You say ${said ?? 'that you retrain'}: what movement in ${w.offlineMetric} would trigger an earlier retrain, and how would you know it moved before labels arrive?`, `What cadence would you choose, and what in the data tells you how fast ${w.model} goes stale?`];
    return [`A retrained ${w.model.replace(/^the /, '')} scores better offline but worse online: how do you catch that before it serves all traffic, and what do you roll back to?`];
  },
});
