import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { linkBetween, Link } from '../src/analysis/link.js';
import { quote, signalOptions } from '../src/analysis/signal.js';
import { inContext, statements } from '../src/analysis/statements.js';
import { findPattern } from '../src/analysis/terms.js';
import { BUSINESS_METRIC, MEASURABLE_METRIC, OFFLINE_METRIC, SYSTEM_METRIC, TARGET_CUE } from '../src/analysis/vocabulary.js';

const MONITOR_CONTEXT =
  /\b(?:monitor\w*|(?<!\b(?:a|the|each|per|one|music|audio|fast|on|off) )track(?:ed|ing)?\b|(?:we|to|what|they|team|teams) watch(?:es)?\b|watch(?:es|ing)? (?:for|the|over|closely)|(?<!(?:sms|email|push|text|price|fraud) )alert(?:s|ing|ed)?|dashboards?|observab\w*|detect\w* (?:drift|anomal\w*|degradation|shifts?)|drift\w*|decay\w*|degrad\w*|production metrics?|compared with the training|against actuals)\b/g;

/** Kinds of model-health signal (the guide's four). */
const SIGNAL_KINDS: Record<string, RegExp> = {
  'data drift':
    /\b(?:data drift|feature drift|input drift|covariate shift|(?:feature|input|data) distributions?|distributions? of (?:the )?(?:inputs?|features?|prices|[\w-]+ values)|distribution (?:shift|drift|change)s? (?:of|in) (?:the )?(?:inputs?|features?|data)|data quality|missing (?:values|features|data)|null (?:rates?|values)|schema (?:changes?|violations?|drift)|psi|population stability(?: index)?|kl[- ]divergence|out[- ]of[- ]range|feature (?:freshness|staleness)|stale features|unseen (?:tokens|categories|values)|(?:features?|inputs?|locations?|values?) (?:is |are )?(?:missing|stale|null|older than)|stale (?:locations|features|inputs|data)|training[- ]serving skew)\b/g,
  'model quality': new RegExp(
    `\\b(?:concept drift|label drift|model (?:performance|quality|accuracy|decay|degradation)|performance (?:decay|degrad\\w*|drops?)|quality (?:decay|degradation)|decays? over time|(?:observed|realized|actual) (?:vs\\.?|versus|against) predicted|predicted (?:vs\\.?|versus|against) (?:observed|actual|realized)|mean absolute error|against actuals|forecast bias|calibration)\\b|${OFFLINE_METRIC.source}`,
    'g',
  ),
  'prediction shift':
    /\b(?:prediction (?:distribution|drift|shift|bias)|distribution of (?:the )?(?:predictions|scores|outputs|predicted \w+)|score distribution|output distribution|predicted (?:ctr|probabilit\w*|scores?|values?|\w+ probability|[\w-]+ (?:rates?|share|mean))|(?:share|fraction|percentage) of (?:\w+ ){0,3}(?:above|below) the (?:\w+ )?threshold|abnormal (?:predictions|outputs|scores)|(?:mean|average) (?:prediction|score|predicted)|calibration drift)\b/g,
  'business metric': new RegExp(`${BUSINESS_METRIC.source}|${MEASURABLE_METRIC.source}|\\b(?:business (?:metrics?|kpis?|checks?)|online metrics?|product metrics?)\\b`, 'g'),
};

/** What happens when a signal moves. */
const ACTION =
  /\b(?:alert\w*|paged|paging|pages? (?:the|an?|on[- ]call)|on[- ]call|pagerduty|opsgenie|notif\w*|trigger\w* (?:an? |the )?(?:[\w-]+ ){0,2}(?:alert|retrain\w*|rollback|review|page|investigation|fallback)|roll\w* back|rollback|revert\w*|fall\w* back|fallback|(?:automatic|automated|emergency|off-cycle|extra|earlier) retrain\w*|retrain\w* (?:is |are |gets )?(?:triggered|scheduled|kicked off)|(?:manual|human|model[- ]risk) review|reviews? (?:which|the|what|it|cut-?offs?|thresholds?)|queued|escalat\w*|kill[- ]switch|disabl\w*|switch\w* (?:\w+ ){0,4}to|circuit breaker|tickets?|investigat\w*|block\w* (?:the )?(?:deploy\w*|release|rollout)|halt\w*|freez\w*|tighten\w*)\b/g;

/** Model-health terms: in a product that itself monitors, only these are model monitoring. */
const MODEL_HEALTH =
  /\b(?:drift\w*|retrain\w*|model (?:performance|quality|accuracy|metrics?|decay|degradation|health)|(?:precision|recall|auc|accuracy|false positive rate|error) of the (?:model|detector|classifier)|calibration|psi|population stability|feature distributions?|distributions? of (?:the )?(?:features|inputs|predictions|scores)|score distribution|training data)\b/;
/** Strong actions set a monitoring context on their own ("... pages the on-call"). */
const STRONG_ACTION = /\b(?:(?<!(?:sms|email|push|text|price|fraud) )alert\w*|paged|paging|pages (?:the|an?)|on[- ]call|roll(?:s|ed)? back|rollback|fall(?:s)? back to|triggers? (?:an? )?(?:[\w-]+ )?retrain\w*)\b/;
/** What makes a sentence about the model rather than the product's own monitoring of machines. */
const ABOUT_MODEL = /\b(?:models?|predictions?|predicted|features?|drift|retrain\w*|scores?|calibration|psi|population stability|inputs?|training|forecasts?|classifier|ranker|ml)\b/;
/** A product whose job is to watch and alert (equipment failure, anomaly alerts): "monitor" is the product there. */
const MONITORING_PRODUCT = /\b(?:alert\w*|alarms?|early[- ]warning|anomal\w*|failures?|outages?|incidents?|intrusions?|faults?|breakdowns?|monitoring (?:system|product|service))\b/;

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

function monitoringFacts(doc: Document): MonitoringFacts {
  return doc.memo('monitoring', () => {
    const facts: MonitoringFacts = { signals: [], system: [], mentions: [], actions: [] };
    const productIsMonitoring = productMonitors(doc);
    for (const s of statements(doc)) {
      const context = s.section.kinds.has('monitoring') || inContext(s, MONITOR_CONTEXT) || nearStrongAction(s);
      if (!context) continue;
      if (productIsMonitoring && !MODEL_HEALTH.test(s.lower)) continue;
      const aboutModel = ABOUT_MODEL.test(s.lower) || s.section.ownKinds.has('monitoring');
      let any = false;
      for (const [kind, pattern] of Object.entries(SIGNAL_KINDS)) {
        if (findPattern(s, pattern, kind).some((h) => !h.negated)) {
          facts.signals.push({ kind, sentence: s });
          any = true;
        }
      }
      if (findPattern(s, SYSTEM_METRIC, 'system').some((h) => !h.negated)) facts.system.push(s);
      if (findPattern(s, ACTION, 'action').some((h) => !h.negated)) facts.actions.push(s);
      // A bare mention only counts when it is about the model, its data or its metrics.
      if (any || (aboutModel && findPattern(s, MONITOR_CONTEXT, 'mention').some((h) => !h.negated))) facts.mentions.push(s);
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
    signal: { id: 'monitoring', title: 'Monitoring with actions', weight: 12, step: 4, sectionKinds: ['monitoring'] },
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
    const acted = signals.find((h) => actions.includes(h.sentence)) ?? signals.find((h) => actions.some((a) => linkBetween(h.sentence, a) >= Link.Subtree));
    if (doc.profile.isML && kinds.size >= 2 && acted) return { status: 'high', evidence: acted.sentence };
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
