/**
 * Evaluation (rubric: `evaluation`): offline evaluation and the online experiment that must tie a
 * model to a product metric.
 */

/** An online experiment: A/B test, interleaving, canary, shadow, a pilot with a control group. */
export const ONLINE_TEST =
  /\b(?:a\/b[- ]?test\w*|ab[- ]test\w*|a\/b|split[- ]test\w*|online (?:experiments?|evaluation|tests?|testing)|controlled experiments?|randomi[sz]ed (?:controlled )?(?:trials?|experiments?)|interleaving(?! (?:of|the|these|those|its|their|different|multiple|many|several|batches|tasks|requests|jobs|work|threads|operations|steps)\b)|interleaved (?:experiments?|tests?|rankings?|results)|canary|canaries|shadow (?:mode|deployment|traffic|tests?|testing|launch)|shadow(?:ed|ing)? (?:the )?(?:current|production|live)|champion[/ -]challenger|control (?:groups?|stores?|regions?|cities|markets?|arms?|cohorts?|plants?|sites?)|holdout groups?|pilot\b|(?:an|the|this|online|live) experiment\b|\d+\s?% of (?:the )?(?:users|traffic|requests|sessions|members|visitors|uploads|queries|customers|riders|drivers|stores|listeners|viewers)\b|treatment groups?|traffic split|split (?:the )?traffic|(?:\d+% of )?traffic to the (?:new|candidate) model|pilot(?:s|ed|ing)? (?:in|on|with|at)|switchback)\b/g;

export const EVALUATE = /\b(?:evaluat\w*|validation (?:sets?|data|metrics?|split)|offline metrics?|online metrics?|test sets?|backtest\w*|offline tests?)\b/g;

/**
 * What makes a model-quality metric part of an evaluation rather than a passing remark ("you lose a
 * tiny bit of accuracy"): evaluation words, a held-out set, a metric list, or a threshold on it.
 */
export const EVALUATION_CONTEXT =
  /\b(?:evaluat\w*|metrics?|measur\w*|offline|validat\w*|test(?:ing)? (?:sets?|data|split|files?)|(?:test|validation|hold[- ]?out) (?:data ?sets?)|held[- ]out|hold[- ]out|holdout|benchmark\w*|baseline|backtest\w*|cross[- ]validation|k[- ]fold|scor(?:e|ed|es|ing) (?:by|with|on)|judged|compared?|beat|report\w*|track\w*|log(?:s|ged)? (?:the )?metrics?)\b/g;
