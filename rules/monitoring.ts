import { defineRule } from '../src/rule/define.js';
import { ACTION_RU, MONITOR_RU, SIGNAL_KINDS_RU, STRONG_ACTION_RU, TRAINING_TIME_RU } from '../src/analysis/vocabulary/russian.js';
import { CYRILLIC } from '../src/document/classify.js';
import type { Document } from '../src/document/document.js';
import type { Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { linkBetween, Link } from '../src/analysis/link.js';
import { closestAttempt, quote, signalOptions } from '../src/analysis/signal.js';
import { inContext, statements } from '../src/analysis/statements.js';
import { distinctHits, findPattern, says } from '../src/analysis/terms.js';
import { TARGET_CUE } from '../src/analysis/vocabulary/framing.js';
import { BUSINESS_METRIC, MEASURABLE_METRIC, OFFLINE_METRIC, SYSTEM_MEASURE, SYSTEM_METRIC } from '../src/analysis/vocabulary/metrics.js';
import { ABOUT_MODEL, ACTION, EXAMPLE_BEFORE, MODEL_HEALTH, MONITORING_PRODUCT, MONITOR_CONTEXT, OPS_MONITORING, SIGNAL_KINDS, STRONG_ACTION, TRAINING_TIME } from '../src/analysis/vocabulary/monitoring.js';
import { ownWords, quoted } from '../src/analysis/follow-up.js';

function productMonitors(doc: Document): boolean {
  return doc.memo('product-monitors', () => {
    const framing = statements(doc).filter(
      (s) => s.section.ownKinds.has('problem') || findPattern(s, TARGET_CUE, 'target').length > 0 || s.section.index <= 1 && s.block.index < 4,
    );
    return framing.filter((s) => MONITORING_PRODUCT.test(s.lower)).length >= 2;
  });
}

/** The sentence, or the one right before or after it in its paragraph, ends in an alert or rollback. */
function nearStrongAction(s: Sentence): boolean {
  // A block's sentences are consecutive in the document: index arithmetic, not indexOf (quadratic in a long block).
  const i = s.index - (s.block.sentences[0] as Sentence).index;
  return s.block.sentences.slice(Math.max(0, i - 1), i + 2).some((n) => STRONG_ACTION.test(n.lower));
}

interface SignalHit {
  kind: string;
  sentence: Sentence;
}

interface MonitoringFacts {
  signals: SignalHit[];
  system: Sentence[];
  mentions: Sentence[];
  actions: Sentence[];
}

/** The kinds of signal to look for: in English, and in Russian as well in a Cyrillic statement. */
const KINDS = Object.entries(SIGNAL_KINDS);
const KINDS_WITH_RUSSIAN = [...KINDS, ...Object.entries(SIGNAL_KINDS_RU)];

function monitoringFacts(doc: Document): MonitoringFacts {
  return doc.memo('monitoring', () => {
    const facts: MonitoringFacts = { signals: [], system: [], mentions: [], actions: [] };
    const productIsMonitoring = productMonitors(doc);
    for (const s of statements(doc)) {
      const ops = says(s, OPS_MONITORING);
      const russian = says(s, MONITOR_RU);
      const context = ops || russian || s.section.kinds.has('monitoring') || inContext(s, MONITOR_CONTEXT) || nearStrongAction(s);
      if (!context) continue;
      if (productIsMonitoring && !MODEL_HEALTH.test(s.lower)) continue;
      if (TRAINING_TIME.test(s.lower) || (russian && TRAINING_TIME_RU.test(s.lower))) continue;
      const aboutModel = ABOUT_MODEL.test(s.lower) || s.section.ownKinds.has('monitoring');
      let any = false;
      // A Russian statement names its signals in Russian as well (vocabulary/russian.ts).
      const cyrillic = CYRILLIC.test(s.lower);
      for (const [kind, pattern] of cyrillic ? KINDS_WITH_RUSSIAN : KINDS) {
        const hits = findPattern(s, pattern, kind).filter(
          (h) =>
            !h.negated &&
            // "e.g. recall drops": an example, not what is watched.
            !EXAMPLE_BEFORE.test(s.lower.slice(Math.max(0, h.start - 40), h.start)) &&
            // "error rate", "requests per second", "resource utilization": the system, not the business.
            !(kind === 'business metric' && SYSTEM_MEASURE.test(s.lower.slice(Math.max(0, h.start - 30), h.end))),
        );
        if (hits.length > 0) {
          facts.signals.push({ kind, sentence: s });
          any = true;
        }
      }
      if (ops || says(s, SYSTEM_METRIC)) facts.system.push(s);
      if (says(s, ACTION) || (cyrillic && says(s, ACTION_RU))) facts.actions.push(s);
      // A bare mention only counts when it is about the model, its data or its metrics.
      if (any || russian || (aboutModel && says(s, MONITOR_CONTEXT))) facts.mentions.push(s);
    }
    return facts;
  });
}

export default defineRule({
  id: 'monitoring',
  meta: {
    description: 'The answer watches at least two kinds of model-health signal and ties one to an action',
    rationale:
      'Guide, step 04, "Define your model monitoring strategy": "Data drift, concept drift, prediction distribution shift, business metric degradation. Know which signals trigger automated retraining vs manual review. Most system design answers skip this entirely."',
    signal: { id: 'monitoring', title: 'Monitoring with actions', weight: 12, step: 4, sectionKinds: ['monitoring'], mlOnly: true },
    defaultSeverity: 'error',
    messages: {
      missing: 'No model monitoring: nothing says what is watched in production or what happens when it moves',
      weak: 'Monitoring is vague: `{evidence}` ({detail})',
    },
    criteria: {
      high: 'at least two kinds of model-health signal (data or feature drift, model quality decay, prediction distribution shift, business metric degradation) and at least one tied to an action (alert, page, automatic retraining, rollback, manual review), ideally with a threshold.',
      weak: '"monitor the model", one kind of signal with no action, or only system metrics (latency, CPU, errors).',
      missing: 'no monitoring; when the product itself is an alerting system, watching machines is the product, not model monitoring.',
    },
    options: signalOptions,
    examples: [
      { title: 'weak: generic', status: 'weak', text: 'We will monitor model performance on dashboards.' },
      {
        title: 'high: two signals, actions',
        status: 'high',
        text: 'Monitoring: a CTR degradation of more than 15% triggers an alert to the on-call engineer; AUC below 0.80 on delayed labels triggers retraining; feature drift (PSI > 0.2) is reviewed weekly.',
      },
    ],
  },
  check({ document: doc }) {
    const ctx = answerContext(doc);
    const drop = ctx.lowerIsBetter ? 'rises more than 10% above' : 'falls more than 5% below';
    const suggestion = `Monitoring: we track feature drift (a PSI above 0.2 on any of the top-20 features pages the on-call engineer), the prediction score distribution, ${ctx.offlineMetric} on delayed labels (if it ${drop} its 7-day baseline, automated retraining is triggered) and ${ctx.businessMetric} (a drop of more than 10% day over day raises an alert and a manual review, with rollback to the previous model version).`;
    const { signals, system, mentions, actions } = monitoringFacts(doc);
    const kinds = new Set(signals.map((h) => h.kind));
    // An action in the signal's own sentence, or a strong one (alert, page, rollback, triggered
    // retraining) in a statement linked to it: "tickets" or "investigate" two bullets away is not a response.
    const acted =
      signals.find((h) => actions.includes(h.sentence)) ??
      signals.find((h) => actions.some((a) => (STRONG_ACTION.test(a.lower) || STRONG_ACTION_RU.test(a.lower)) && linkBetween(h.sentence, a) >= Link.Subtree));
    if (kinds.size >= 2 && acted) return { status: 'high', evidence: acted.sentence };
    // The closest attempt says it watches something: of the statements that name a signal, the one
    // with the most words of watching (monitor, track, alert, drift), not a metric's definition.
    const watching = (x: Sentence): number => distinctHits(x, MONITOR_CONTEXT);
    const first = acted?.sentence ?? closestAttempt(signals.map((h) => h.sentence), watching) ?? closestAttempt(mentions, watching) ?? closestAttempt(system, watching);
    if (!first) return { status: 'missing', suggestion };
    const detail =
      signals.length === 0
        ? system.length > 0
          ? 'only system metrics'
          : 'no signal named'
        : kinds.size < 2
          ? `one kind of signal (${[...kinds][0]})`
          : 'no action tied to a signal';
    return { status: 'weak', evidence: first, data: { evidence: quote(first.text), detail }, suggestion };
  },
  followUp({ document, status, evidence }) {
    const w = ownWords(document);
    const said = quoted(evidence);
    if (status === 'missing') return [`After launch, what do you watch to know ${w.model} still works, and who acts, how, when it does not?`, `Labels arrive late: what can you monitor on the day of the prediction that warns you before ${w.offlineMetric} can be computed?`];
    if (status === 'weak') return [`You say ${said ?? 'that you will monitor it'}: which metric, what threshold, and what happens when it is crossed (an alert, a rollback, a retrain)?`, `How would you tell a drop in ${w.businessMetric} caused by the model from one caused by the product or the season?`];
    return [`Your alert fires at night: what is the runbook, and what can the on-call engineer safely do without retraining (roll back, fall back to a simpler model)?`];
  },
});
