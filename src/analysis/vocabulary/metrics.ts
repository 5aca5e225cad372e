/**
 * Metrics, by what they measure: model quality offline, the business outcome, any measurable product
 * quantity, and system health. Problem framing, evaluation and monitoring all ask "which metric?",
 * so they share these. Patterns run on lower-cased sentence text and must stay linear: alternations
 * of literals and bounded classes, no nested quantifiers (test/regex-linearity.test.ts).
 */

/** Offline model-quality metrics (a cache's hit rate and a value after `=`, as in `--resource=R2:5`, are not). */
export const OFFLINE_METRIC =
  /\b(?:roc[- ]?auc|pr[- ]?auc|auc(?:[- ]?roc|[- ]?pr)?|auuc|auqc|qini|log[- ]?loss|cross[- ]entropy|normali[sz]ed (?:cross[- ])?entropy|nce|ndcg(?:@\s?\w+)?|map(?:@\s?\w+)?|mean average precision|mrr|mean reciprocal rank|precision(?:@\s?\w+| at \w+)?|recall(?:@\s?\w+| at \w+)?|f1(?:[- ]score)?|f-score|accuracy|top-\d+ accuracy|rmse|mse|mae|mape|smape|wape|(?<!=)r2|r-squared|(?<!cache )hit[- ]?rate(?:@\s?\w+)?|iou|miou|bleu|rouge(?:-\w+)?|wer|word error rate|cer|perplexity|brier(?: score)?|calibration error|ece|c-index|concordance index|gini|ks statistic|uplift@\s?\w+|average precision|false positive rate|false negative rate|true positive rate|fpr|tpr|specificity of|sensitivity)\b/g;

/** Product and business metrics: what the business optimises and an online test is judged on. */
export const BUSINESS_METRIC =
  /\b(?:ctr|click[- ]through[- ]rates?|conversion(?: rates?)?|cvr|revenue|gmv|gross merchandise|sales|profit|margin|roi|return on investment|ltv|lifetime value|retention|churn(?: rate)?|watch[- ]time|dwell[- ]time|time spent|session (?:length|time|duration)|engagement rate|bookings?|purchase rate|orders? per|basket size|aov|average order value|nps|csat|customer satisfaction|satisfaction score|handle time|resolution time|time to resolution|fraud (?:loss|losses|rate)|(?:financial|monetary|dollar|revenue) loss(?:es)?|chargeback (?:rate|losses?)|losses in|costs?|profits?|savings|dau|mau|daily active users|active users|subscriptions?|renewals?|installs|complaints?|refunds?|cancellation rate|acceptance rate|approval rate|default rate|delivery time|on-time rate|eta error|utili[sz]ation|fill rate|take rate|win rate|hide rate|report rate|number of (?:[\w-]+ ){0,2}[\w-]+|no\. of \w+|# ?of \w+|(?:\d+-day |\d+-week )?revenue per \w+)\b/g;

/**
 * Measurable product metrics beyond the named ones: rates, ratios, "X per Y", shares.
 * Only meaningful next to an objective cue or an experiment (it is broad on its own).
 */
export const MEASURABLE_METRIC =
  /\b(?:(?!learning |sampling |dropout |bit |frame |refresh )[\w-]+ (?:rate|ratio)s?|[\w-]+ per (?:daily |weekly |monthly )?(?:active )?[\w-]+|(?:share|percentage|fraction|proportion) of [\w-]+|prevalence|downtime|spoilage|(?:on[- ]shelf )?availability|time spent|minutes (?:listened|watched|played|spent)|hours saved|expected loss|approved volume|bias|overturn rate|wape|wmape)\b/g;

/** System health metrics: useful, but not model monitoring. */
export const SYSTEM_METRIC = /\b(?:latenc(?:y|ies)|throughput|qps|rps|cpu|gpu (?:utili[sz]ation|usage|memory)|memory|error rates?|errors?|5xx|4xx|uptime|availability|timeouts?|saturation|disk|resource utili[sz]ation|request rates?|p\d{2,3})\b/g;

/**
 * A measure of the system, not of the product, near a metric word: "error rate", "requests per
 * second", "resource utilization", "cache hit rate". What evaluation and monitoring must not take
 * for a product metric.
 */
export const SYSTEM_MEASURE =
  /\b(?:errors?|error rates?|requests?|throughput|latenc\w*|cpu|gpu|memory|resources?|utili[sz]ation|availability|uptime|health|success rates?|failure rates?|qps|rps|disk|cache|timeouts?|endpoints?|api|tokens?)\b/;

/** A system measure coordinated right after a metric ("utilization and throughput"), read from the metric's end. */
export const SYSTEM_AFTER = /^\s*(?:,\s*|and |or |\/\s*)(?:\w+ )?(?:latenc\w*|throughput|cpu|gpu|memory|qps|rps|uptime|availability|errors?|error rates?)\b/;
