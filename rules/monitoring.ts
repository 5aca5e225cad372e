import { defineRule } from '../src/rule.js';
import type { Document } from '../src/document/document.js';
import type { Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { linkBetween, Link } from '../src/analysis/link.js';
import { quote, signalOptions } from '../src/analysis/signal.js';
import { inContext, statements } from '../src/analysis/statements.js';
import { findPattern } from '../src/analysis/terms.js';
import { BUSINESS_METRIC, OFFLINE_METRIC, SYSTEM_METRIC } from '../src/analysis/vocabulary.js';

const MONITOR_CONTEXT = /\b(?:monitor\w*|track\w*|watch\w*|alert\w*|dashboards?|observab\w*|detect\w* (?:drift|anomal\w*|degradation|shifts?)|drift|in production|post[- ]deployment|production metrics?)\b/g;

/** Kinds of model-health signal (the guide's four) and system health. */
const SIGNAL_KINDS: Record<string, RegExp> = {
  'data drift':
    /\b(?:data drift|feature drift|input drift|covariate shift|(?:feature|input|data) distributions?|distribution (?:shift|drift|change)s? (?:of|in) (?:the )?(?:inputs?|features?|data)|data quality|missing (?:values|features|data)|null (?:rates?|values)|schema (?:changes?|violations?|drift)|psi|population stability|kl[- ]divergence|out[- ]of[- ]range|feature (?:freshness|staleness)|stale features|training[- ]serving skew)\b/g,
  'model quality':
    /\b(?:concept drift|label drift|model (?:performance|quality|accuracy|decay|degradation)|performance (?:decay|degrad\w*|drops?)|(?:accuracy|auc|precision|recall|log ?loss|calibration|ndcg|mae|rmse|error rate of the model)(?: drops?| degrad\w*| falls?| decay\w*| on (?:delayed |fresh |live )?labels| below| <)?|quality (?:decay|degradation)|decays? over time|online (?:auc|accuracy|precision|recall))\b/g,
  'prediction shift':
    /\b(?:prediction (?:distribution|drift|shift|bias)|distribution of (?:the )?(?:predictions|scores|outputs)|score distribution|output distribution|predicted (?:ctr|probabilit\w*|scores?|values?)|abnormal (?:predictions|outputs|scores)|(?:mean|average) (?:prediction|score)|calibration drift)\b/g,
  'business metric': new RegExp(`${BUSINESS_METRIC.source}|\\b(?:business (?:metrics?|kpis?)|online metrics?|product metrics?)\\b`, 'g'),
};

/** What happens when a signal moves. */
const ACTION =
  /\b(?:alert\w*|pag(?:e|es|ed|ing) (?:the |an? )?(?:on[- ]call|engineer|team)|on[- ]call|pagerduty|opsgenie|notif\w*|trigger(?:s|ed|ing)? (?:an? )?(?:alert|retrain\w*|rollback|review|page|investigation)|roll(?:s|ed|ing)? back|rollback|revert\w*|fall(?:s|ing)? back|fallback|(?:automatic|automated|emergency) retrain\w*|retrain(?:ing)? (?:is|gets) triggered|manual review|human review|escalat\w*|kill[- ]switch|disable (?:the )?model|circuit breaker|ticket)\b/g;

interface SignalHit {
  kind: string;
  sentence: Sentence;
}

function monitoringHits(doc: Document): { signals: SignalHit[]; system: Sentence[]; mentions: Sentence[]; actions: Sentence[] } {
  return doc.memo('monitoring', () => {
    const signals: SignalHit[] = [];
    const system: Sentence[] = [];
    const mentions: Sentence[] = [];
    const actions: Sentence[] = [];
    for (const s of statements(doc)) {
      const context = s.section.kinds.has('monitoring') || inContext(s, MONITOR_CONTEXT);
      if (!context) continue;
      let any = false;
      for (const [kind, pattern] of Object.entries(SIGNAL_KINDS)) {
        if (findPattern(s, pattern, kind).some((h) => !h.negated)) {
          signals.push({ kind, sentence: s });
          any = true;
        }
      }
      if (findPattern(s, SYSTEM_METRIC, 'system').some((h) => !h.negated)) system.push(s);
      if (findPattern(s, ACTION, 'action').some((h) => !h.negated)) actions.push(s);
      // A bare mention only counts when it is about the model, its data or its metrics,
      // not the product's own monitoring of machines or patients.
      const aboutModel = /\b(?:models?|predictions?|features?|data|drift|metrics?|performance|accuracy|auc|precision|recall|ctr|scores?|outputs?|ml)\b/.test(s.lower);
      if (!any && aboutModel && findPattern(s, MONITOR_CONTEXT, 'mention').some((h) => !h.negated)) mentions.push(s);
      else if (any) mentions.push(s);
    }
    return { signals, system, mentions, actions };
  });
}

export default defineRule({
  id: 'monitoring',
  meta: {
    description: 'The answer watches at least two kinds of model-health signal and ties one to an action',
    rationale:
      'Guide, step 04, "Define your model monitoring strategy": "Data drift, concept drift, prediction distribution shift, business metric degradation. Know which signals trigger automated retraining vs manual review. Most system design answers skip this entirely."',
    signal: { id: 'monitoring', title: 'Monitoring with actions', weight: 12, step: 4, sectionKinds: ['monitoring'] },
    defaultSeverity: 'error',
    messages: {
      missing: 'No model monitoring: nothing says what is watched in production or what happens when it moves',
      weak: 'Monitoring is vague: `{evidence}` ({detail})',
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
    const suggestion = `Monitoring: we track feature drift (PSI above 0.2 on any top-20 feature pages the on-call engineer), the prediction score distribution, ${ctx.offlineMetric} on delayed labels (if it ${drop} its 7-day baseline, automated retraining is triggered) and ${ctx.businessMetric} (a drop of more than 10% day over day raises an alert and a manual review, with rollback to the previous model version).`;
    if (!doc.profile.isML) return { status: 'missing', suggestion };
    const { signals, system, mentions, actions } = monitoringHits(doc);
    const kinds = new Set(signals.map((h) => h.kind));
    const acted = signals.find((h) => actions.some((a) => linkBetween(h.sentence, a) >= Link.Subtree));
    if (kinds.size >= 2 && acted) return { status: 'high', evidence: acted.sentence };
    const first = acted?.sentence ?? signals[0]?.sentence ?? mentions[0] ?? system[0];
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
});
