/**
 * Retraining (rubric: `retraining`): retraining named, what triggers it, and the data window it uses.
 */

/** Retraining named: retrain, refresh or update the model, continual training, scheduled training runs, a bare "periodically update" (of the model), training a model again on new data. */
export const RETRAIN =
  /\b(?:re-?train\w*|refresh(?:es|ed|ing)? (?:the |our |each )?(?:\w+ )?models?|model (?:refresh\w*|updates?|retrain\w*)|updat(?:e|es|ed|ing) (?:the |our )?(?:\w+ )?models?|continu(?:al|ous) (?:learning|training)|incremental (?:learning|training|updates?)|online learning|fine[- ]?tun\w* (?:it |the model |the models )?(?:on|with|using) (?:new|fresh|recent|latest|the latest|more|additional|incoming)|train(?:s|ed|ing)? (?:a |the )?(?:new )?(?:[\w-]+ )?models? (?:again )?(?:on|with|using|after collecting|once there is) (?:the )?(?:new|fresh|recent|latest|more|additional|incoming|enough) (?:[\w-]+ )?(?:data|examples|samples|labels)|(?:training|train) (?:pipeline|job|jobs|run|runs) (?:runs?|is scheduled|executes?|every|daily|nightly|weekly|hourly|once)|(?:trained|trains?|re-?fit) (?:daily|nightly|weekly|hourly|monthly|every)|(?:kicks? off|triggers?|starts?|launch\w*|schedules?) (?:an? |the )?(?:[\w-]+ ){0,2}training (?:run|job)|keep(?:s|ing)? (?:the )?models? (?:fresh|up[- ]to[- ]date|current)|redeploy\w*|model lifecycle|(?:periodic(?:al)?ly|regularly) (?:updat\w*|refresh\w*)(?= ?[.;!]?$| (?:the |its |our )?(?:models?|weights|parameters|embeddings)\b))\b/g;

/** A performance, drift or data trigger: "if AUC drops below", "drift triggers retraining", "when 10% new data are added". */
export const TRIGGER =
  /\b(?:(?:when|if|once|whenever)\b[^.;]{0,40}\b(?:new|fresh|additional) (?:[\w-]+ )?(?:data|examples|samples|labels|records|rows|observations|images|events|interactions|documents)\b[^.;]{0,20}\b(?:added|arrives?|arrived|collected|accumulated|available|labell?ed)|(?:when|if|once|whenever)\b[^.;]{0,60}\b(?:drops?|dropp\w*|falls?|degrad\w*|decays?|declin\w*|exceeds?|below|above|worse|shifts?|drifts?|<|>)|trigger(?:s|ed)? (?:an? )?(?:emergency |automatic |automated )?retrain\w*|retrain\w* (?:is |are |gets )?triggered|performance[- ]triggered|drift[- ]triggered|(?:drops?|falls?|degrad\w*|decays?|declines?) (?:below|under|by more than|more than|beyond|by over)|(?:drops?|falls?|degrad\w*|decays?|declines?) ?(?:>=?|≥|<=?|≤) ?\d+|threshold)\b/g;

/** A data window: "rolling 90-day window", "last 6 months of data", "trailing 30 days". */
export const WINDOW_CUE = /\b(?:window|rolling|sliding|trailing|last|past|most recent|previous|history of|of (?:data|events|logs|history|interactions)|worth of)\b/;

/** Headings whose statements are all about retraining. */
export const RETRAINING_TITLE = /\b(?:re-?train(?:s|ed|ing|ings)?\b|model updates?|updat\w* the model|refresh(?:es|ed|ing)?\b|continual (?:learning|training)|continuous (?:learning|training)|keeping models? fresh)\b/;
