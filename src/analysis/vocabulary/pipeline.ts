/**
 * The two flows (rubric: `training-serving-split`): the stages of the training pipeline and of the
 * serving path, each named by the guide, and the words that put a statement on one side.
 */

/** Stages of the training pipeline (guide: ingestion → feature engineering → training → evaluation → versioning). */
export const TRAINING_STAGES: Record<string, RegExp> = {
  ingestion:
    /\b(?:export\w*|extract\w* (?:the )?(?:\w+ )?(?:data|tickets|logs|events|records|rows|impressions)|pull\w* (?:the )?(?:\w+ )?(?:data|logs|events|records|impressions|tickets)|(?:from|out of) the (?:\w+ )?(?:database|warehouse|data lake|lake|event logs?)|data (?:collection|ingestion|pipelines?|sources?|lake|warehouse|extraction)|collect(?:s|ed|ing)? (?:the )?(?:data|logs|events|labels|interactions)|etl|ingest\w*|(?:event|interaction|click|impression|historical|raw) (?:logs|data)|build(?:ing)? (?:a |the )?(?:training )?dataset|dataset (?:construction|creation|generation)|training (?:data|set|examples)|snapshot of|join(?:ed|ing)? (?:with )?labels)\b/g,
  features:
    /\b(?:clean(?:s|ed|ing)? (?:the )?(?:\w+ )?(?:text|data|records|inputs)|vocabular\w*|tf-?idf|vectori[sz]\w*|feature (?:engineering|extraction|transformations?|computation|pipelines?|generation|selection|crossing)|preprocess\w*|pre-process\w*|compute (?:the )?features|features? (?:are|is) (?:computed|extracted|derived|built)|feature representation|embedding layers?|normali[sz]\w*|tokeni[sz]\w*|one[- ]hot|bucketi[sz]\w*|spark transform\w*)\b/g,
  training:
    /\b(?:train(?:s|ed)?\b(?! (?:data|set|examples))|retrain\w*|train(?:s|ed|ing)? (?:the |a |an |our )?(?:\w+ )?(?:models?|ranker|classifier|network|heads?)|model training|training (?:jobs?|pipelines?|loop|process|runs?)|fine[- ]?tun\w*|trained on|fit(?:s|ted|ting)? (?:the |a )?model)\b/g,
  evaluation:
    /\b(?:offline (?:evaluation|metrics?|eval)|validation (?:sets?|data|split|schema|scheme)|cross[- ]validation|hold[- ]?out|test (?:sets?|split|data)|backtest\w*|(?:evaluat|validat)(?:e|es|ed|ing|ion) (?:the |it |them )?(?:model |candidate )?(?:on|against) |(?:evaluat|validat)(?:e|es|ed|ing|ion) (?:the )?(?:model|holdout|test|offline)|model eval\w*|train[/ -]?(?:validation|test) split)\b/g,
  versioning:
    /\b(?:model registry|registr(?:y|ies)|version(?:s|ed|ing)? (?:the )?models?|model versions?|versioning|artifacts?|checkpoints?|model store|mlflow|register(?:s|ed)? the model)\b/g,
};

/** Stages of the serving path (guide: feature retrieval → inference → post-processing → logging). */
export const SERVING_STAGES: Record<string, RegExp> = {
  retrieval:
    /\b(?:(?:fetch|retriev|look ?up|lookup|read|pull|collect|get|load|join)\w*\b[^.;→]{0,40}\b(?:features|feature vectors?|embeddings|candidates)|features? (?:are |is )?(?:fetched|retrieved|looked up|read|pulled|served|loaded) (?:from|at)|(?:is |are )?retrieved (?:by|from) (?:the )?(?:servers?|cache|service|store|memory)|receiv(?:e|es|ed|ing) (?:the )?(?:real[- ]time )?(?:images|requests?|inputs?|frames|events|video|queries)|online (?:feature )?store|feature store lookup|features? from (?:the )?(?:redis|feature store|cache|online store)|(?:candidate )?retrieval (?:service|stage|layer|step)|candidate retrieval)\b/g,
  inference:
    /\b(?:inference(?! time)|scor(?:e|es|ed|ing)\b|predict(?:s|ed|ing)?\b|mak(?:e|es|ing) (?:a |the )?predictions?|(?:runs?|calls?|invokes?) (?:the )?(?:\w+ )?(?:model|ranker|classifier)|prediction (?:service|server|api|endpoint|requests?|pipeline)|model serv\w*|serv(?:e|es|ed|ing) (?:the )?(?:model|predictions|requests|recommendations|traffic|scores)|scoring (?:service|requests|candidates)|model server|endpoint|rankers?|(?:model|service) (?:predicts|scores|returns)|scores? (?:each|every|the|all) (?:candidates?|items?|requests?|tickets?)|predicts? (?:scores|the score)|real[- ]time (?:prediction|scoring|inference)|batch (?:prediction|scoring|inference)|deploy\w* (?:the |a )?(?:\w+ )?models?|model optimi[sz]ation|quanti[sz]\w*|pruning|distill\w*|tensorrt|onnx|cach(?:e|es|ed|ing) (?:the )?(?:results|predictions|feed|recommendations|scores|outputs)|ann (?:search|retrieval|index)|nearest neighbou?r (?:search|lookup|retrieval|problem))\b/g,
  postprocessing:
    /\b(?:re-?rank\w*|rank(?:ed|s)? (?:by|according to|on) (?:the |their )?(?:relevance|score|predicted)|post-?process\w*|business (?:logic|rules)|filter(?:s|ed|ing)?|sort(?:s|ed|ing)? (?:by|the)|top[- ]?(?:k|\d+|three|five|ten)|candidate generation|ranking (?:stage|service|layer)|dedup\w*|diversif\w*|calibrat\w*|threshold(?:s|ed|ing)? (?:the )?scores?|blend\w*|funnel)\b/g,
  logging:
    /\b(?:log(?:s|ged|ging)? (?:the |all |every )?(?:predictions|impressions|requests|responses|served|features|results|scores|outputs)|prediction logs?|logging|logged|(?:stor|sav|record|persist|writ)(?:e|es|ed|ing|ting|s)? (?:the |all |every |its |their )?(?:[\w-]+ )?predictions?|predictions? (?:[\w-]+ ){0,2}(?:are|is|will be|get|gets) (?:stored|saved|recorded|written|persisted))\b/g,
  response:
    /\b(?:(?:returns?|returned|sends? back|sent back|responds? with) (?:the |a |an )?(?:\w+ ){0,2}(?:results?|predictions?|scores?|labels?|categor(?:y|ies)|class(?:es)?|probabilit(?:y|ies)|recommendations?|list|answer|response|json)|json (?:response|fields)|api response|(?:shown|displayed|rendered) (?:to|in|on) (?:the )?(?:user|client|app|page|front-?end|ui))\b/g,
};

export const SERVING_CONTEXT =
  /\b(?:(?:scoring|inference|prediction|forecasting) (?:jobs?|runs?|service)|serv\w*|inference|requests?|online|real[- ]time|production|prediction (?:time|pipeline|service|path|flow)|deploy\w*|apis?|endpoint|at query time|query time|when (?:a|the) (?:user|request|ticket|page)|user (?:opens|visits|requests|loads)|on page load|latency)\b/g;

export const TRAINING_CONTEXT = /\b(?:train\w*|offline|dataset|historical|fine[- ]?tun\w*|experiment\w*|labels?|batch jobs?)\b/g;

/** Headings that describe data collection (not labels or ground truth). */
export const DATA_PIPELINE_TITLE = /\b(?:data (?:collection|preparation|pipelines?|ingestion|sources?|processing)|etl|ingest\w*|datasets?|training data)\b/;
