// scripts/eval/grounding.mjs — is a suggested rewrite grounded in the answer it was made for?
//
// A rewrite may name the components the answer itself names, or the rubric's own examples
// (RUBRIC_COMPONENTS); it must never contradict the answer: name another online store, stream,
// engine, vector index or model than the one the answer chose, offer a tree model to an answer
// built on a deep one, or size the system an order of magnitude below the answer's own scale.
// Used by test/grounding.test.ts (over the corpus and the fixtures) and by review-rewrites.mjs.
//
// Takes the Document class of the build under test, so that src/ and dist/ are checked alike.

/** The components the rubric itself names as examples of specificity. */
export const RUBRIC_COMPONENTS = new Set(['Faiss', 'LightGBM', 'XGBoost', 'BERT', 'Redis', 'Kafka', 'Spark', 'Flink', 'Feast', 'Airflow']);

/** Components the answer chose one of: naming a different one contradicts it. */
const EXCLUSIVE = {
  'online store': (c) => c.category === 'storage' && /redis|cassandra|dynamo|bigtable|aerospike|memcached|hbase|scylla/i.test(c.name),
  stream: (c) => c.category === 'streaming',
  'batch engine': (c) => c.category === 'processing' && /spark|hadoop|mapreduce|mrjob|dask|ray|presto|trino|hive|impala|athena|dataproc|glue|pig|tez|duckdb/i.test(c.name),
  'vector index': (c) => c.category === 'vector-search',
  'feature store': (c) => c.category === 'feature-store',
  model: (c) => c.category === 'model' || (c.category === 'ml-library' && /boost|gbm|catboost|tensorflow|pytorch|keras|scikit/i.test(c.name)),
};

const DEEP = /\b(?:deep (?:learning|models?|networks?|neural)|neural net\w*|dnns?|transformers?|two[- ]tower|cnns?|rnns?|lstms?|gru|bert|llms?|large language models?|multi[- ]?task (?:model|network)s?)\b/;
const TREES = /^(?:LightGBM|XGBoost|CatBoost)$/;
const MAGNITUDE = /\b(?:(millions)|(billions)|(trillions)) of\b/gi;

function componentsOf(doc) {
  return new Map(doc.components.map((c) => [c.entry.name, { name: c.entry.name, category: c.entry.category }]));
}

/** The largest scale the answer states: a count with a scale unit, or "billions of ...". */
export function answerScale(doc) {
  let max = 0;
  for (const q of doc.quantities) if ((q.kind === 'count' || q.kind === 'rate') && q.value > max && q.unit) max = q.value;
  for (const s of doc.sentences) {
    for (const m of s.lower.matchAll(MAGNITUDE)) max = Math.max(max, m[1] ? 1e6 : m[2] ? 1e9 : 1e12);
  }
  return max;
}

/**
 * Problems of one rewrite for one answer: [] when grounded.
 * @param Document the Document class (src or dist)
 * @param answer the Document of the answer
 * @param rewrite the suggestion text
 */
export function rewriteProblems(Document, answer, rewrite) {
  const problems = [];
  const own = componentsOf(answer);
  const named = componentsOf(new Document(rewrite));
  for (const [name, c] of named) {
    if (!own.has(name) && !RUBRIC_COMPONENTS.has(name)) problems.push(`names ${name}, which neither the answer nor the rubric names`);
    for (const [role, isRole] of Object.entries(EXCLUSIVE)) {
      if (!isRole(c) || own.has(name)) continue;
      const chosen = [...own.values()].filter(isRole).map((x) => x.name);
      if (chosen.length) problems.push(`names ${name} as the ${role}, but the answer chose ${chosen.join(', ')}`);
    }
    const deep = answer.sentences.some((x) => x.isStatement && DEEP.test(x.lower));
    if (TREES.test(name) && !own.has(name) && deep && ![...own.values()].some((x) => TREES.test(x.name))) {
      problems.push(`offers ${name} to an answer built on a deep model`);
    }
  }
  const scale = answerScale(answer);
  if (scale >= 1e6) {
    const own = new Set(answer.quantities.map((q) => q.value));
    for (const q of new Document(rewrite).quantities) {
      if ((q.kind === 'count' || q.kind === 'rate') && q.unit && q.value >= 1000 && q.value < scale / 10 && !own.has(q.value) && /items?|users?|dau|videos?|products?|documents?|posts?|candidates?/i.test(q.unit)) {
        problems.push(`sizes the system at ${q.text}, an order of magnitude below the answer's own scale`);
      }
    }
  }
  return problems;
}
