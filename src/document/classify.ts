import type { SectionKind } from './types.js';

/**
 * Section kinds from a heading. A heading may carry several ("Scaling, Monitoring, and
 * Updates"). Patterns run on the lower-cased, normalised title.
 */
const TITLE_KINDS: Array<[SectionKind, RegExp]> = [
  ['problem', /\b(?:problem|formulation|framing|objectives?|goals?|use[- ]cases?|business|functional requirements?|requirements|scope|clarif\w*|background|motivation|task definition|introduction|purpose|executive summary|what (?:are we|we are) (?:predicting|building))\b/],
  ['data', /\b(?:data(?!\s*(?:drift|quality monitoring))|datasets?|label\w*|annotat\w*|collection|ground truth|etl|ingest\w*|sources?|sampling)\b/],
  ['features', /\b(?:features?|feature engineering|embeddings?|representation|feature store)\b/],
  ['model', /\b(?:models?(?!\s*(?:monitor\w*|serv\w*|deploy\w*|updat\w*|retrain\w*|refresh\w*|lifecycle|management|registry|release))|algorithms?|network|baselines?|loss(?:es)?|approach|candidate generation|ranking|re-?ranking|retrieval|modell?ing|ml solution|methods?|architectur\w*)\b/],
  ['training', /\b(?:train\w*|fine-?tun\w*|learning pipeline|hyper-?param\w*)\b/],
  ['serving', /\b(?:serv\w*|inference|predictions? (?:service|pipeline|flow|path)|deploy\w*|integration|apis?|production|system design|high[- ]level design|infrastructure|rollout|release|online system|runtime|endpoint)\b/],
  ['evaluation', /\b(?:eval\w*|metrics?|validation|testing|tests?|a\/b|experiment\w*|measur\w*|success criteria|offline and online)\b/],
  ['monitoring', /\b(?:monitor\w*|observab\w*|alert\w*|drift|health)\b/],
  ['retraining', /\b(?:re-?train\w*|updates?|refresh\w*|lifecycle|continual|continuous (?:training|learning)|keeping models? fresh|model maintenance|freshness)\b/],
  ['scale', /\b(?:scal\w*|performance|latency|throughput|capacity|estimat\w*|traffic|back[- ]of[- ]the[- ]envelope|non[- ]functional|sla|slo|load)\b/],
];

/**
 * The same kinds in Russian headings (the design-doc template many Russian ML courses use:
 * "Постановка задачи", "Данные", "Обучение", "ML-метрики", "Внедрение", "Мониторинг"). Word starts
 * are letter boundaries: `\b` does not see Cyrillic letters.
 */
const RU = (stems: string): RegExp => new RegExp(`(?<!\\p{L})(?:${stems})`, 'u');
const RUSSIAN_TITLE_KINDS: Array<[SectionKind, RegExp]> = [
  ['problem', RU('постановк|задач|цел[ьи]|бизнес|требовани|скоуп|зачем|предпосылк|мотиваци|введени|проблем')],
  ['data', RU('данн|датасет|разметк|аннотаци|сбор')],
  ['features', RU('признак|эмбеддинг|фич')],
  ['model', RU('модел|бейзлайн|алгоритм|подход|ранжировани|поиск')],
  ['training', RU('обучени|дообучени|тренировк|гиперпараметр')],
  ['serving', RU('внедрени|инференс|развертывани|развёртывани|архитектур|инфраструктур|интеграци|сервис|продакшн|эксплуатаци')],
  ['evaluation', RU('метрик|оценк|валидаци|тестировани|эксперимент|пилот')],
  ['monitoring', RU('мониторинг|алерт|дрейф|наблюдаемост')],
  ['retraining', RU('переобучени|обновлени')],
  ['scale', RU('масштаб|нагрузк|нагрузочн|производительност|быстродействи|задержк|требования к работе')],
];

/** A Cyrillic letter: the text may be Russian. */
export const CYRILLIC = /[\u0400-\u04ff]/;

export function kindsOfTitle(title: string): Set<SectionKind> {
  const lower = title.toLowerCase();
  const kinds = new Set<SectionKind>();
  for (const [kind, pattern] of TITLE_KINDS) if (pattern.test(lower)) kinds.add(kind);
  if (CYRILLIC.test(lower)) {
    let russian = RUSSIAN_TITLE_KINDS.filter(([, pattern]) => pattern.test(lower)).map(([kind]) => kind);
    // "Архитектура модели" is the model's architecture, not the system's.
    if (/архитектур\p{L}*\s+модел/u.test(lower)) russian = russian.filter((k) => k !== 'serving');
    // "Мониторинг модели", "Развертывание модели": the model is the object, not the topic.
    const modelIsObject = russian.some((k) => k === 'monitoring' || k === 'serving' || k === 'retraining');
    for (const kind of russian) if (!(kind === 'model' && modelIsObject)) kinds.add(kind);
  }
  // "System architecture" and "High level architecture" describe the serving system, not the model.
  if (kinds.has('model') && /\b(?:system|high[- ]level|serving|infrastructure|overall)\b[^.]*architectur|architectur\w* (?:overview|of the system)/.test(lower)) {
    kinds.delete('model');
    kinds.add('serving');
  }
  // "Training-serving skew", "Online/offline consistency": about features, not the two pipelines.
  if (/\bskew|consisten/.test(lower)) {
    kinds.delete('serving');
    kinds.delete('training');
    kinds.add('features');
  }
  // "Model evaluation", "Offline metrics": evaluation, not modelling.
  if (kinds.has('model') && kinds.has('evaluation') && !/\b(?:development|selection|architecture|training)\b/.test(lower)) kinds.delete('model');
  return kinds;
}

/** Vocabulary that says what a stretch of text is about, for sections with generic headings. */
const CONTENT_KINDS: Array<[SectionKind, RegExp]> = [
  ['problem', /\b(?:predict\w*|objective|goal|optimi[sz]\w*|business|kpi)\b/g],
  ['data', /\b(?:labels?|labell?ing|dataset|logs?|collect\w*|annotat\w*|ground truth)\b/g],
  ['features', /\b(?:features?|embeddings?|feature store)\b/g],
  ['model', /\b(?:architecture|layers?|network|tower|transformer|gbdt|boost\w*|loss)\b/g],
  ['training', /\b(?:train\w*|fine-?tun\w*|epochs?)\b/g],
  ['serving', /\b(?:serv\w*|inference|endpoint|requests?|deploy\w*)\b/g],
  ['evaluation', /\b(?:evaluat\w*|metrics?|auc|ndcg|precision|recall|a\/b|experiment\w*)\b/g],
  ['monitoring', /\b(?:monitor\w*|drift\w*|alert\w*|dashboards?)\b/g],
  ['retraining', /\b(?:retrain\w*|refresh\w*)\b/g],
  ['scale', /\b(?:qps|dau|mau|throughput|latency|scal\w*)\b/g],
];

/** The dominant kind of a section's own sentences: at least 3 mentions and half of all. */
export function kindsOfContent(sentences: ReadonlyArray<{ lower: string; isStatement: boolean }>): Set<SectionKind> {
  const counts = new Map<SectionKind, number>();
  let total = 0;
  for (const s of sentences) {
    if (!s.isStatement) continue;
    for (const [kind, pattern] of CONTENT_KINDS) {
      pattern.lastIndex = 0;
      const n = s.lower.match(pattern)?.length ?? 0;
      if (n) counts.set(kind, (counts.get(kind) ?? 0) + n);
      total += n;
    }
  }
  let best: SectionKind | undefined;
  let bestCount = 0;
  for (const [kind, n] of counts) if (n > bestCount) [best, bestCount] = [kind, n];
  return best && bestCount >= 3 && bestCount * 2 >= total ? new Set([best]) : new Set();
}

/** Word stems that mark text as being about machine learning. */
/** Words of machine learning in Russian (model, training, features, forecast, prediction, metric, sample, dataset, inference, labelling, neural network): ML_STEMS are English. */
export const RUSSIAN_ML_WORDS = /(?<!\p{L})(?:модел|обучени|дообучени|переобучени|признак|прогноз|предсказ|классификац|классификатор|метрик|выборк|датасет|инференс|разметк|нейросет|эмбеддинг|регресси|бустинг|валидаци)\p{L}*/gu;

export const ML_STEMS = new Set([
  'model', 'train', 'predict', 'predictor', 'label', 'featur', 'classifi', 'classif', 'classifier', 'infer', 'inferenc', 'embed',
  'neural', 'dataset', 'regress', 'recommend', 'ranker', 'ml', 'ai', 'auc', 'ndcg', 'precis', 'recal', 'accuraci', 'supervis',
  'fine', 'overfit', 'epoch', 'gradient', 'boost', 'logist', 'transform', 'bert', 'lstm', 'cnn', 'gnn', 'rnn', 'drift',
  'retrain', 'hyperparamet', 'learn', 'estim', 'forecast', 'anomali', 'cluster', 'uplift', 'score', 'probabl',
]);

/** Surface forms of ML stems that name infrastructure instead: a compute cluster, not clustering. */
export const INFRASTRUCTURE_FORMS = new Set(['cluster', 'clusters']);

/** A statement where "labels" are key-value tags of pods, series or metrics, not ground truth. */
export const TAG_LABELS = /\b(?:pods?|selectors?|namespaces?|time[- ]series|series|prometheus|kubernetes|k8s|metrics?|annotations?|key[- ]value)\b/;

/**
 * Words of infrastructure: clusters, jobs, containers, storage, proposals (not the requests, APIs
 * and caches of a serving path, which ML answers describe too). An ML platform
 * write-up (a training operator, a serving runtime, an experiment tracker) is full of them and of
 * ML words, but has no prediction problem of its own: the rubric's ML signals are about a
 * prediction problem, so such a document is not judged on them. Runs on lower-cased statements.
 */
export const INFRASTRUCTURE_TERMS =
  /\b(?:kubernetes|k8s|pods?|crds?|controllers?|operators?|clusters?|nodes?|replicas?|grpc|rpcs?|sidecars?|webhooks?|namespaces?|yaml|sdk|cli|jobs?|workflows?|containers?|docker|helm|config(?:uration)?|proposal|kep|rfc|non-goals?|implementation|backward compatib\w*|upgrade|storage|buckets?|shards?|queries|querier|tsdb|blocks?|caching)\b/g;

/**
 * Words of a prediction problem: who or what is predicted for (users, items, transactions,
 * documents, images, orders, loans), the outcomes and product metrics (clicks, churn, revenue, CTR,
 * demand, ETA), labels and ground truth, and the model-quality metrics a product model is judged
 * by (AUC, precision, NDCG).
 */
export const PROBLEM_TERMS =
  /\b(?:predict(?:s|ing|ed|ion)? (?:whether|if|the|a|an|which|how|what|user|users|their|next|future)|probability (?:of|that)|likelihood (?:of|that)|classif(?:y|ies|ying) (?:\w+ ){0,3}(?:as|into|whether)|recommend\w* (?:\w+ ){0,3}(?:to|for) (?:users?|customers?|members?|viewers?)|users?|customers?|items?|videos?|ads?|products?|posts?|listings?|transactions?|fraud|churn|click\w*|ctr|purchases?|conversions?|engagement|watch time|revenue|labels? (?:are|is|come|comes|from)|ground truth|positive|negative|auc|ndcg|precision|recall|f1|rmse|mae|accuracy|bleu|rouge|perplexity|hit rate|mrr|training data|labell?ed (?:data|examples)|annotat\w*|relevan\w*|answers?|questions?|documents?|patients?|drivers?|riders?|merchants?|sellers?|buyers?|images?|spam|toxic\w*|harmful|risk|forecast\w*|demand|sales|orders?|deliver(?:y|ies)|eta|prices?|pricing|loans?|credit|applicants?|borrowers?|tickets?|recommendations?|sentiment|anomal\w*)\b/g;

/**
 * A prediction problem stated in so many words: "predicts whether a student will pass", "the model
 * classifies each ticket", "we forecast demand". A document that says it is never ML infrastructure,
 * however much it talks about containers and pipelines (an end-to-end ML project).
 */
export const PREDICTION_STATEMENT = predictionPattern(
  ['predict(?:s|ing|ed)?', 'forecast(?:s|ing)?', 'classif(?:y|ies|ying)', 'estimat(?:e|es|ing)', 'detect(?:s|ing)?'],
  ['predicts', 'classifies', 'forecasts', 'estimates', 'detects', 'scores', 'recommends'],
  ['predict', 'forecast', 'classify', 'estimate', 'detect'],
);

/**
 * Saying what is predicted, forecast or classified ("the app predicts whether a student passes"):
 * an ML design, however much else it talks about (not "estimate how many servers" or "detects
 * whether a node is down", which system designs say too). PREDICTION_STATEMENT with the verbs
 * that are ML's alone.
 */
export const PREDICTS = predictionPattern(
  ['predict(?:s|ing|ed)?', 'forecast(?:s|ing)?', 'classif(?:y|ies|ying)'],
  ['predicts', 'classifies', 'forecasts'],
  ['predict', 'forecast', 'classify'],
);

/** "<verb> whether / the probability of", "the model that <verb>s", "we <verb>", for the given verbs. */
function predictionPattern(verbs: readonly string[], subjectVerbs: readonly string[], weVerbs: readonly string[]): RegExp {
  return new RegExp(
    String.raw`\b(?:${verbs.join('|')}) (?:whether|if|which|how (?:many|much|likely|long)|(?:the )?(?:probability|likelihood|risk|chance)s? (?:of|that))\b` +
      String.raw`|\b(?:model|classifier|regressor|ranker|system|app|application|service) (?:that )?(?:${subjectVerbs.join('|')})\b` +
      String.raw`|\bwe (?:${weVerbs.join('|')})\b`,
  );
}

/** Infrastructure terms per 100 statement words from which a document may be infrastructure. */
export const INFRASTRUCTURE_DENSITY = 2.5;
/** ... when it has fewer than this many problem terms per infrastructure term ... */
export const PROBLEM_PER_INFRASTRUCTURE = 0.4;
/**
 * ... and fewer than this many problem terms per 100 statement words: an end-to-end ML project
 * that trains and serves its own model talks about clusters and APIs too, but also about its
 * problem, and is judged as an ML design. Calling an ML answer infrastructure costs its writer every
 * ML finding, so the bar is high.
 */
export const PROBLEM_DENSITY_OF_INFRASTRUCTURE = 1.5;
