/**
 * Problem framing (rubric: `problem-framing`, `framing-first`): a stated prediction target and a
 * measurable objective, and the prompts and topics that only look like one.
 */

/** Verbs and nouns that state an optimisation objective. */
export const OBJECTIVE_CUE =
  /\b(?:optimi[sz](?:e|es|ed|ing)(?: for)?|maximi[sz](?:e|es|ed|ing)|minimi[sz](?:e|es|ed|ing)|max|increas(?:e|es|ing)|improv(?:e|es|ing)|reduc(?:e|es|ing)|lift(?:s|ing)?|boost(?:s|ing)?|grow(?:s|ing)?|driv(?:e|es|ing)|business (?:objective|goal|metric|kpi)s?|success (?:metric|criteri(?:on|a))|north[- ]star|primary (?:metric|objective|kpi)|kpis?|objective(?: is)?|goal(?: is)?|target metric|(?:key|main|success|primary|target|north[- ]star) (?:metrics?|kpis?|measures?)|(?:trying|meant|want|need|aim) to move|(?:judged|measured|evaluated|assessed) (?:on|by)|accountable for|care about|the metric (?:is|we|that)|business outcome|success (?:is|means)|what matters)\b/g;

/**
 * "Detects a new version", "detects changes": a system noticing something, not a model's output
 * (shared by TARGET_CUE and TASK_TOPIC).
 */
const NOTICING = String.raw`(?! (?:a |the |any )?(?:new|changes?|updates?|modifications?|versions?)\b)`;

/** A stated prediction target: what the model outputs. */
export const TARGET_CUE = new RegExp(
  String.raw`(?<![._])\b(?:predict(?:s|ing|ed)?|(?:determin|decid)(?:e|es|ing) (?:whether|if)|forecast(?:s|ing)?|estimat(?:e|es|ing)|classif(?:y|ies|ying) (?:each|every|whether|the|a|an|it|them|into|as|if|incoming|new)|classification (?:problem|task)|detect(?:s|ing)?${NOTICING}|scor(?:e|es|ing) (?:each|every|the|a|how)|rank(?:s|ing)? (?:the |each |all )?(?:candidates|items|ads|posts|results|documents|videos|products|listings|jobs|hotels|stories)|(?:probability|likelihood|propensity) (?:that|of)|p\((?:[^)]{1,40})\)|(?:binary|multi-?class|multi-?label) (?:classification|classifier|problem|task)|regression (?:problem|task)|ranking problem|ml (?:objective|task|formulation|problem)|learning[- ]to[- ]rank|target (?:variable|label|is)|the (?:model|classifier|ranker) (?:outputs|returns|produces|predicts|scores)|outputs? (?:a|the) (?:probability|score|ranked|list)|label (?:is|=)|prediction target\s*(?:is\b|:|\|)|i\/o(?!-)|input\/output)(?![\w(])`,
  'g',
);

/**
 * The plainest ways of saying what the model outputs ("predict", "the probability that", "a binary
 * classification task", "ML objective: ..."): a statement with one of these states the target
 * outright, where "estimate", "detect" or "rank" may only describe what a system does, and
 * "predicted X" may be a figure discussed after the fact.
 */
export const EXPLICIT_TARGET =
  /\b(?:predict(?:s|ing)?\b|(?:determin|decid)(?:e|es|ing) (?:whether|if)|(?:probability|likelihood|propensity) (?:that|of)|classif(?:y|ies|ying|ication|ier)|(?:binary|multi-?class|multi-?label) \w+|regression (?:problem|task)|ranking problem|learning[- ]to[- ]rank|ml (?:objective|task|formulation|problem)|prediction target|target (?:variable|label)|p\([^)]{1,40}\))/;

/** Headings, lead-ins and questions that announce the prediction target ("What are we predicting?"). */
export const TARGET_PROMPT =
  /\b(?:what (?:are we|do we|we|does the model|the model|will the model|will we) (?:predict|estimat|forecast|classif|decid|output|scor)\w*|prediction target|target (?:variable|definition|label)|ml (?:objective|task|formulation|problem)|model output|label definition|the model decides)\b/;

/** ... and the objective ("What are we optimizing?", "Objective", "Success metric"). */
export const OBJECTIVE_PROMPT =
  /\b(?:what (?:are we|do we|we|will we) (?:optimi[sz]|measur|care about|want to move)\w*|objectives?|success (?:metrics?|criteria)|business (?:goals?|objectives?|metrics?)|goals?|kpis?|north[- ]star)\b/;

/** An objective with no measurable metric: "improve engagement", "better experience". */
export const GENERIC_OBJECTIVE = /\b(?:engagement|experience|satisfaction|relevan\w*|user happiness|quality|personali[sz]\w*|what users like|value)\b/g;

/** The answer talks about what the system does, without a formal target. */
export const TASK_TOPIC = new RegExp(
  String.raw`(?<![._])\b(?:recommend(?:s|ed|ing|ations?)?|rank(?:s|ed|ing)?|predict(?:s|ed|ing)?|classif(?:y|ies|ied|ying)|detect(?:s|ed|ing)?${NOTICING}|forecast(?:s|ed|ing)?|estimat(?:e|es|ed|ing)|personali[sz](?:e|es|ed|ing)|relevan(?:ce|t))\b(?![(_])`,
  'g',
);

/** Talk about the model itself: its family, layers, architecture, loss. */
export const MODEL_TALK =
  /\b(?:model architecture|architecture of the model|two[- ]tower|transformer|neural net\w*|deep (?:learning|network|model)|layers?|embedding (?:size|dimension)s?|attention|gbdt|gradient[- ]boost\w*|xgboost|lightgbm|catboost|logistic regression|random forest|(?:we|i)(?:'d| would| will)? use (?:a |an )?(?:\w+ )?(?:model|network|ranker|classifier)|collaborative filtering|matrix factori[sz]ation|cnn|rnn|lstm|bert|gnn|dcn|deepfm|loss function)\b/g;

/**
 * A verb that sets an objective, for a metric right after it ("maximize ad revenue", "increase
 * CTR", "cut promo costs"): the verb must govern the metric, not sit elsewhere in the sentence.
 */
export const OBJECTIVE_VERB =
  /\b(?:optimi[sz](?:e|es|ed|ing)(?: for)?|maximi[sz](?:e|es|ed|ing)|minimi[sz](?:e|es|ed|ing)|max\.?|increas(?:e|es|ing)|improv(?:e|es|ing)|reduc(?:e|es|ing)|lift(?:s|ing)?|boost(?:s|ing)?|grow(?:s|ing)?|driv(?:e|es|ing)|cut(?:s|ting)?|lower(?:s|ing)|lower (?:the|our|its)|rais(?:e|es|ing))\b/g;

/** A label that names the objective, followed in the same statement by its metric ("Business goal: increase CTR"). */
export const OBJECTIVE_LABEL =
  /\b(?:(?:business|product|ml|primary|main|key|success|target|north[- ]star) (?:objectives?|goals?|metrics?|kpis?)|objectives?|goals?|kpis?|north[- ]star|success (?:criteria|metrics?)|optimi[sz]ing for|(?:we are|we're|we'll be) optimi[sz]ing|business outcomes?|(?:meant|trying|want|wants|need|needs|aim|aims) to (?:move|improve|increase|grow|maximi[sz]e|reduce|lift)|(?:judged|measured) (?:on|by|as)|accountable for)\b/g;

/** A metric named first and labelled after it: "time spent per DAU as the primary metric". */
export const OBJECTIVE_AFTER = /^[^.;]{0,12}\bas (?:the|our) (?:primary|main|key|north[- ]star|target|success|decision) (?:metric|kpi|objective)\b/;

/**
 * Words that make a statement general advice, an example or a possibility instead of this design's
 * commitment ("e.g. CTR", "often the objective may be ...", "generally to improve our metrics").
 */
export const HEDGE = /\be\.g\.|\beg\.|\bexamples?\s?:|\b(?:for example|for instance|often|usually|typically|generally|may|might|could)\b/;

/** What a metric must not be for an objective: a measure of the system, not of the product. */
export const SYSTEM_WORDS = /\b(?:cache|hit|gpu|cpu|memory|latenc\w*|throughput|errors?|requests?|tokens?|disagreement|sample|false|true)\b/;
