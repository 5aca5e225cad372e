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

export function kindsOfTitle(title: string): Set<SectionKind> {
  const lower = title.toLowerCase();
  const kinds = new Set<SectionKind>();
  for (const [kind, pattern] of TITLE_KINDS) if (pattern.test(lower)) kinds.add(kind);
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

/** Word stems that mark text as being about machine learning. */
export const ML_STEMS = new Set([
  'model', 'train', 'predict', 'predictor', 'label', 'featur', 'classifi', 'classif', 'classifier', 'infer', 'inferenc', 'embed',
  'neural', 'dataset', 'regress', 'recommend', 'ranker', 'ml', 'ai', 'auc', 'ndcg', 'precis', 'recal', 'accuraci', 'supervis',
  'fine', 'overfit', 'epoch', 'gradient', 'boost', 'logist', 'transform', 'bert', 'lstm', 'cnn', 'gnn', 'rnn', 'drift',
  'retrain', 'hyperparamet', 'learn', 'estim', 'forecast', 'anomali', 'cluster', 'uplift', 'score', 'probabl',
]);
