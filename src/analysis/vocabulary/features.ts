/**
 * Feature freshness (rubric: `feature-freshness`): features computed ahead of time in batch, and
 * features computed from events as they happen.
 */

export const FEATURE_CONTEXT = /\b(?:features?|feature store|embeddings?|signals?|aggregates?|inputs?|attributes|counters?)\b/g;

/** Batch / offline freshness: computed ahead of time on a schedule. */
export const BATCH_FEATURE =
  /\b(?:batch(?![- ]?(?:normali[sz]|size|norm|inference|prediction|scoring))\w*|offline (?:features?|computed|computation|aggregat\w*|jobs?|pipelines?)|computed offline|pre-?comput\w*|precalculat\w*|static (?:features?|attributes?|data|signals?|profile)|slow(?:ly)?[- ](?:changing|moving)|(?:change|changes|changing) slowly|slow ones|long[- ]term|historical (?:aggregates?|features?|stats|statistics)|(?:computed|recomputed|refreshed|updated|materiali[sz]ed|aggregated|rebuilt) (?:daily|nightly|hourly|weekly|every (?:day|night|hour|week)|once (?:a|per) (?:day|week|night)|in batch|offline|from history)|(?:daily|nightly|hourly|weekly) (?:jobs?|batch|refresh|aggregat\w*|snapshots?|pipelines?))\b/g;

/** Real-time / online freshness: computed on the fly or from a stream. */
export const REALTIME_FEATURE =
  /\b(?:real[- ]?time|near[- ]real[- ]time|online (?:features?|signals?|aggregat\w*|counters?|computation)|computed online|stream(?:s|ing|ed)?|session(?:-level| level| based)? (?:features?|signals?|context|data|clicks|activity|history)|in[- ]session|dynamic (?:features?|signals?|attributes?|data)|on[- ]the[- ]fly|fast[- ](?:moving|changing)|(?:change|changes|changing) (?:by the minute|quickly|fast)|fresh ones|within (?:seconds|a (?:few )?(?:seconds?|minutes?))|(?:event|live|click|query) streams?|(?:refreshed|updated|recomputed) every (?:\d+ )?(?:seconds?|minutes?)|request[- ]time|(?:computed|calculated|derived) (?:at|during) (?:query|inference|serving|request) time|fresh(?:est)? (?:features?|signals?|data)|last (?:\d+|few|five|ten) (?:minutes|seconds|hours|clicks|events|actions)|recent (?:clicks|activity|actions|behaviou?r|events|interactions|queries)|current (?:session|location|context|cart|traffic|query))\b/g;

/** Words that only name freshness or features: what is left after them must be an example. */
export const FRESHNESS_WORDS =
  /\b(?:batch|offline|online|static|dynamic|streaming|stream|real[- ]?time|near|slow|fast|fresh|features?|vs|versus|and|or|the|a|an|of|with|are|is|be|can|should|computed|in|for|to|from|feature store|kinds?|types?)\b|[^\p{L}\p{N}\s]/giu;

/** Explicit talk of features (the weak status needs it; "inputs" alone is too vague). */
export const FEATURE_WORDS = /\b(?:features?|feature store|embeddings?|inputs? (?:to|for|of) the model|model inputs?)\b/;
