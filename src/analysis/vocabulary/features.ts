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

/**
 * "Feature" in the software sense: a capability of a product or tool ("this feature", "new in-tree
 * features", "feature flag"). Not model inputs, so not the signal's topic.
 */
export const SOFTWARE_FEATURE =
  /\b(?:features? (?:flags?|gates?|requests?|branch(?:es)?|parity|toggles?|set|of (?:the |this |our )?(?:api|system|platform|tool|library|product|framework|service|release))|(?:this|that|new|advanced|key|main|important|in-tree|out-of-tree|experimental|beta|alpha|upcoming|existing|other|additional|rich|nice|useful|core|product|security|enterprise) features?|the feature (?:is|was|will|would|should|can|to|works)|(?:support|supports|supported|enable|enables|enabled) (?:the |this |for )?features?)\b/;

/** "Feature" in the model-input sense: named kinds of features and the work done on them. */
export const MODEL_FEATURE =
  /\b(?:feature (?:engineering|store|stores|vectors?|importance|selection|extraction|pipelines?|computation|values?|definitions?|transforms?|transformations?|crosses|columns?|table|tables|logging|freshness|drift)|(?:user|item|ad|advertiser|context(?:ual)?|query|document|post|video|product|listing|driver|merchant|account|device|session|numerical|numeric|categorical|dense|sparse|text|textual|image|visual|audio|behaviou?ral|historical|real-?time|batch|online|offline|static|dynamic|input|engineered|derived|aggregated?|temporal|time|graph|network|location|demographic|interaction|engagement|cross|raw|hand-?crafted|model|ranking|candidate|request|streaming) features?|features? (?:for|of|to|into|fed to) (?:the |our |each |a )?(?:model|ranker|classifier|regressor|predictor)|features? such as (?:the )?(?:user|item|number|count|average|avg|age|time|price|ctr|history|last)|model inputs?|inputs? (?:to|for|of) the model|feature sets?|(?:some|a few|few|these|the|our|its|their) features? (?:like|such as|include|including|are)|(?:structured|numeric|categorical|text) inputs|(?:\d[\d,]{0,12}|dozens of|hundreds of|thousands of|several|many) (?:[\w-]+ )?features|features? \((?!e\.g))\b|\bfeatures?\s?:/;

/** Two freshnesses set against each other ("batch vs streaming", "precomputed vs. real-time"): named, not assigned. */
export const FRESHNESS_COMPARISON =
  /\b(?:batch|offline|pre-?comput\w*|static|historical|real[- ]?time|online|streaming|dynamic)\b[^.;]{0,30}?\b(?:vs\.?|versus)\s(?:[\w-]+\s){0,2}?(?:batch|offline|pre-?comput\w*|static|historical|real[- ]?time|online|streaming|dynamic|on[- ]demand)\b/;

/**
 * What a feature's freshness shows in: a time window or recency ('last 7 days', 'time since last
 * play', 'rolling averages', 'user_purchases_7d'), a refresh schedule, or a word that names a
 * freshness. A feature statement with more of these is the closer attempt at the split.
 */
export const FRESHNESS_HINT =
  /\b(?:time since|last (?:\d+|few|n) (?:minutes?|hours?|days?|weeks?|clicks|actions|sessions?)|(?:past|previous|recent|rolling|sliding|moving|time)[- ](?:\d+[- ])?(?:windows?|days?|weeks?|hours?|averages?|means?|counts?|activity|interactions|clicks|purchases|history|behaviou?r)|recen(?:t|cy)|trending|time[- ]decay\w*|time[- ]discounted|windowed|\d+[dhm]\b|per (?:day|hour|week)|daily|hourly|weekly|nightly|batch|offline|online|real[- ]?time|streaming|stream|session|dynamic|static|historical|fresh\w*|stale|precomput\w*|on[- ]the[- ]fly)\b/g;

/** Operations that make features from raw inputs: named, they are features discussed. */
export const FEATURE_OPERATION = /\b(?:one[- ]hot(?:[- ]encod\w*)?|tf-?idf|bag[- ]of[- ]words|(?:label|target|ordinal) encod\w*|feature (?:engineering|extraction|hashing|crosses))\b/;

/**
 * Model inputs named plainly: 'the features' (not a product's new features), 'an embedding per
 * segment', 'feature vectors', 'tokenization of the text' (one-hot encoding and TF-IDF are
 * FEATURE_OPERATION). Read only where the software sense is ruled out (SOFTWARE_FEATURE).
 */

export const FEATURE_TALK = /\b(?:(?<!\b(?:new|algorithm|api|product|software|language|platform) )features|embeddings? (?:per|for each|of each|of every)|feature vectors?|tokeni[sz](?:ation|e|es|ed|ing))\b/;
