/**
 * Training-serving skew (rubric: `skew-prevention`): the problem named, and the mechanisms that
 * prevent it (one shared definition, logged serving features, point-in-time joins, a store that
 * serves both sides).
 */

export const TRAINING_SIDE = /\b(?:train\w*|offline|backfill\w*|historical)\b/;

export const SERVING_SIDE = /\b(?:serv\w*|online|inference|production|real[- ]?time|request[- ]time|decision service|at (?:ranking|scoring|prediction|decision) time|live)\b/;

/** Names the problem: skew, or consistency between training and serving. */
export const SKEW_WORD = /\bskew\b(?! (?:in|of) (?:the )?(?:data|classes|distribution))/;

export const NOT_THIS_SKEW = /\b(?:data skew|skewed (?:distribution|data|classes|labels)|class skew|skewness|clock skew|key skew|partition skew)\b/;

export const CONSISTENCY_WORD = /\b(?:consisten\w*|inconsisten\w*|identical|parity|mismatch\w*|discrepanc\w*|never match\w*|same (?:values?|features?) (?:as|at)|drift apart|out of sync|disagree\w*)\b/;

/** "Deliberately left out: training-serving skew, ..." */
export const OUT_OF_SCOPE = /\b(?:left out|out of scope|not covered|won't cover|will not cover|not (?:going to )?(?:discuss|cover)|skip(?:ping)?|omit\w*|excluded|non-goals?|not in scope|no need)\b/;

/** One definition of features shared by training and serving. */
export const SHARED_DEFINITION = /\b(?:same|shared|single|one|identical|common|unified|reus\w*)\b[^.;]{0,40}\b(?:code|library|libraries|pipelines?|transformations?|transformers?|logic|definitions?|functions?|computation|layer|feature store|implementation|repository|module|package)\b|\b(?:defined|written|implemented|computed) once\b/;

export const SERVES_BOTH =
  /\b(?:both (?:training and (?:serving|inference)|offline and online|online and offline)|(?:offline|training) store\b[^.;]{0,80}\b(?:online|serving) store|(?:online|serving) store\b[^.;]{0,80}\b(?:offline|training) store|for training and (?:for )?(?:serving|inference)|to the offline store[^.;]{0,60}(?:online|serving|redis))\b/;

export const FEATURE_STORE = /\b(?:feature stores?|feast|tecton|hopsworks|featureform|chronon)\b/;

/** Served features logged and reused for training. */
export const LOGGED_THING = /\b(?:features?|feature (?:vectors?|values)|inputs?|attribute vectors?)\b/;

export const LOG_WORD = /\b(?:log|logs|logged|logging)\b/;

export const FROM_LOGS = /\btraining (?:set|data|examples?) (?:is |are )?(?:built (?:by joining |from )|the join of )(?:the |those |that )?(?:logs?|logged|served)/;

export const LOGGED_AT_SERVING = /\b(?:served|serving|at (?:ranking|serving|inference|request|prediction|decision|scoring) time|every (?:[\w-]+ )?(?:impression|request|prediction|response|call|decision)|it (?:served|saw|used|scored|was computed from)|were computed from|was computed from|request id|production)\b/;

export const POINT_IN_TIME = /\b(?:point-in-time|point in time (?:correct\w*|joins?|lookups?|features?|snapshots?|values?)|time[- ]travel|as[- ]of joins?|as of the (?:decision|prediction|request) time)\b/;

/** Weaker mentions: a feature store with no mechanism or purpose. */
export const WEAK_SKEW_MENTION = /\b(?:feature stores?|consisten(?:t|cy) (?:features?|feature values))\b/g;
