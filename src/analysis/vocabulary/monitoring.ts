/**
 * Monitoring with actions (rubric: `monitoring`): the kinds of model-health signal the guide names,
 * what happens when one moves, and how to tell model monitoring from a product that itself monitors.
 */
import { BUSINESS_METRIC, MEASURABLE_METRIC, OFFLINE_METRIC } from './metrics.js';

export const MONITOR_CONTEXT =
  /\b(?:monitor\w*|(?<!\b(?:a|the|each|per|one|music|audio|fast|on|off) )track(?:ed|ing)?\b|(?:we|to|what|they|team|teams) watch(?:es)?\b|watch(?:es|ing)? (?:for|the|over|closely)|(?<!(?:sms|email|push|text|price|fraud) )alert(?:s|ing|ed)?|alarms?|dashboards?|observab\w*|detect\w* (?:drift|anomal\w*|degradation|shifts?)|drift\w*|decay\w*|degrad\w*|production metrics?|compared with the training|against actuals)\b/g;

/** Kinds of model-health signal (the guide's four). */
export const SIGNAL_KINDS: Record<string, RegExp> = {
  'data drift':
    /\b(?:data drifts?|feature drifts?|input drifts?|covariate shift|(?:feature|input|data) distributions?|distributions? of (?:the )?(?:inputs?|features?|prices|[\w-]+ values)|distribution (?:shift|drift|change)s? (?:of|in) (?:the )?(?:inputs?|features?|data)|data quality|missing (?:values|features|data)|null (?:rates?|values)|schema (?:changes?|violations?|drift)|psi|population stability(?: index)?|kl[- ]divergence|out[- ]of[- ]range|feature (?:freshness|staleness)|stale features|unseen (?:tokens|categories|values)|(?:features?|inputs?|locations?|values?) (?:is |are )?(?:missing|stale|null|older than)|stale (?:locations|features|inputs|data)|training[- ]serving skew)\b/g,
  'model quality': new RegExp(
    `\\b(?:concept drifts?|label drifts?|(?:model|prediction) (?:performance|quality|accuracy|decay|degradation)|performance (?:decay|degrad\\w*|drops?)|(?:drops?|declines?|decreases?|degradation|decay) (?:in|of) (?:the )?(?:model(?:'s)? |prediction )?(?:performance|quality|accuracy)|quality (?:decay|degradation)|decays? over time|(?:observed|realized|actual) (?:vs\\.?|versus|against) predicted|predicted (?:vs\\.?|versus|against) (?:observed|actual|realized)|mean absolute error|against actuals|forecast bias|calibration)\\b|${OFFLINE_METRIC.source}`,
    'g',
  ),
  'prediction shift':
    /\b(?:prediction (?:distribution|drift|shift|bias)|distribution of (?:the )?(?:predictions|scores|outputs|predicted \w+)|score distribution|output distribution|predicted (?:ctr|probabilit\w*|scores?|values?|\w+ probability|[\w-]+ (?:rates?|share|mean))|(?:share|fraction|percentage) of (?:\w+ ){0,3}(?:above|below) the (?:\w+ )?threshold|abnormal (?:predictions|outputs|scores)|(?:mean|average) (?:prediction|score|predicted)|calibration drift)\b/g,
  'business metric': new RegExp(`${BUSINESS_METRIC.source}|${MEASURABLE_METRIC.source}|\\b(?:business (?:metrics?|kpis?|checks?)|online metrics?|product metrics?)\\b`, 'g'),
};

/** What happens when a signal moves. */
export const ACTION =
  /\b(?:alert\w*|alarm(?:s|ed|ing)?|paged|paging|pages? (?:the|an?|on[- ]call)|on[- ]call|pagerduty|opsgenie|notif\w*|trigger\w* (?:an? |the )?(?:[\w-]+ ){0,2}(?:alert|retrain\w*|rollback|review|page|investigation|fallback)|roll\w* back|rollback|revert\w*|fall\w* back|fallback|(?:automatic|automated|emergency|off-cycle|extra|earlier) retrain\w*|retrain\w* (?:is |are |gets )?(?:triggered|scheduled|kicked off)|(?:manual|human|model[- ]risk) review(?![- ]?(?:rates?|queue size|volume|load|share))|reviews? (?:which|the|what|it|cut-?offs?|thresholds?)|queued|escalat\w*|kill[- ]switch|disabl\w*|switch\w* (?:\w+ ){0,4}to|circuit breaker|tickets?|investigat\w*|block\w* (?:the )?(?:deploy\w*|release|rollout)|halt\w*|freez\w*|tighten\w*)\b/g;

/** Model-health terms: in a product that itself monitors, only these are model monitoring. */
export const MODEL_HEALTH =
  /\b(?:drift\w*|retrain\w*|model (?:performance|quality|accuracy|metrics?|decay|degradation|health)|(?:precision|recall|auc|accuracy|false positive rate|error) of the (?:model|detector|classifier)|calibration|psi|population stability|feature distributions?|distributions? of (?:the )?(?:features|inputs|predictions|scores)|score distribution|training data)\b/;

/** Strong actions set a monitoring context on their own ("... pages the on-call"). */
export const STRONG_ACTION = /\b(?:(?<!(?:sms|email|push|text|price|fraud) )alert\w*|alarms?|paged|paging|pages (?:the|an?)|on[- ]call|roll(?:s|ed)? back|rollback|fall(?:s)? back to|triggers? (?:an? )?(?:[\w-]+ )?retrain\w*)\b/;

/** What makes a sentence about the model rather than the product's own monitoring of machines. */
export const ABOUT_MODEL = /\b(?:models?|predictions?|predicted|features?|drift|retrain\w*|scores?|calibration|psi|population stability|inputs?|training|forecasts?|classifier|ranker|ml)\b/;

/** A product whose job is to watch and alert (equipment failure, anomaly alerts): "monitor" is the product there. */
export const MONITORING_PRODUCT = /\b(?:alert\w*|alarms?|early[- ]warning|anomal\w*|failures?|outages?|incidents?|intrusions?|faults?|breakdowns?|monitoring (?:system|product|service))\b/;

/**
 * Watching a model while it trains (validation loss, early stopping, experiment tracking) is not
 * watching it in production.
 */
export const TRAINING_TIME = /\b(?:early[- ]stopping|stop(?:s|ping)? (?:the )?training|(?:validation|training|train) (?:loss|losses|metrics?|curves?|accuracy|progress)|overfit\w*|experiments? tracking|track(?:s|ed|ing)? (?:the |all |our )?experiments|tensorboard)\b/;

/** "e.g. recall drops": what follows is an example, not what is watched (runs on the text before a hit). */
export const EXAMPLE_BEFORE = /\b(?:e\.g\.|eg\.|for example|for instance|such as)[^.;]*$/;

/**
 * Watching the running system itself (the rubric's "only system metrics" weak): the tools teams
 * watch services with, service-level indicators and objectives, metrics a component emits or
 * exports, and alerting on a condition (a health-check endpoint alone watches nothing). It says
 * nothing of the model's health, so it never earns more than weak.
 */
export const OPS_MONITORING =
  /\b(?:grafana|prometheus|datadog|cloudwatch|new relic|opentelemetry|kibana|splunk|pagerduty|opsgenie|slis?|slos?|service[- ]level (?:indicators?|objectives?)|observability|(?:metrics?|logs?|traces?) (?:are |is )?(?:emitted|exported|collected|scraped|shipped)|structured logging|logging for monitoring|alerting|triggers? an alert|alerts? (?:on|when|if|fires?))\b/g;
