/**
 * Inference mode (rubric: `inference-mode`): online and batch serving, the freshness a batch mode
 * must state, and serving described without a mode.
 */

export const SERVING_SUBJECT = /\b(?:inference|predictions?|serv\w*|scor\w*|recommendations?|rank\w*|model|responses?|results|suggestions?|classif\w*|requests?|api|endpoint|ranker|classifier|system|service|assistant|feed)\b/g;

/** Online: predictions computed when the request arrives. */
export const ONLINE_INFERENCE =
  /\b(?:real[- ]?time|online (?:inference|prediction|serving|scoring|model|service)|(?:inference|prediction|scoring|serving) (?:is |are )?online|per[- ]request|at request time|on request|request[- ]time (?:inference|scoring|prediction)|synchronous(?:ly)?|on[- ]the[- ]fly|inline|(?:on|for) (?:each|every) (?:incoming )?(?:message|request|query|transaction|event|upload|call|keystroke|search|application|order)|while the (?:user|applicant|customer|rider|driver|caller) waits|in real[- ]time|streaming (?:inference|predictions?|scoring)|on[- ]device|edge (?:inference|device|deployment)|low[- ]latency (?:serving|inference|api)|(?:when|after|as soon as|once|each time|every time|whenever) (?:a |the )?(?:user|customer|visitor|member|rider|driver|buyer|shopper|viewer|listener|reader|player|client)s? (?:opens|open|refreshes|refresh|visits|visit|loads|load|launches|launch|searches|search|types|submits|submit|scrolls|starts|logs in|goes to|navigates to|lands on|comes to)|(?:per|for (?:each|every)|on (?:each|every)) (?:video )?frame|(?:when|once|whenever|each time|every time|as soon as) (?:a |an |the )?(?:recommendations?|predictions?|scores?|rankings?|results?|classifications?|forecasts?|suggestions?) (?:is |are )?requested)\b/g;

/** Batch: predictions computed ahead of time. */
export const BATCH_INFERENCE =
  /\b(?:batch (?:inference|predictions?|scoring|jobs?|processing|mode|pipeline)|offline (?:inference|predictions?|scoring)|pre-?comput\w*|pre-?generat\w*|pre-?calculat\w*|cached (?:predictions|scores|results|recommendations)|(?:scored|predicted|computed|generated|refreshed) (?:nightly|daily|weekly|hourly|in batch|ahead of time|in advance|offline)|(?:nightly|daily|weekly|hourly) (?:batch|jobs?|scoring|predictions?)|stor(?:e|ed|es) (?:the )?(?:predictions|scores|results|recommendations) in)\b/g;

/** "does not require real-time": a stated batch mode. */
export const NOT_REALTIME = /\b(?:(?:does not|doesn't|do not|don't|won't|will not|no) (?:need|require)\w* (?:\w+ )?real[- ]?time|not (?:in )?real[- ]?time|no real[- ]?time|non[- ]real[- ]?time)\b/g;

/** Only "serve it via an API": how, without mode or budget. */
export const API_ONLY = /\b(?:(?:serve|serving|served|expose|exposed|deploy|deployed|behind|via|through) (?:it |the model )?(?:via |through |behind |as )?(?:an? |the )?(?:rest |http |grpc )?(?:api|endpoint|microservice|web service)|prediction (?:service|server|api)|model serv\w*|inference (?:service|server)|serv(?:e|es|ed|ing) (?:the )?(?:model|predictions)|(?:api|endpoint)s? (?:\w+ ){0,3}(?:returns?|returning|serves?|responds? with|exposes?|gives?) (?:\w+ ){0,3}(?:predictions?|forecasts?|scores?|recommendations?|classifications?|probabilit(?:y|ies)))\b/g;

/** A freshness requirement that goes with a batch mode: when the output is needed and how often it is refreshed. */
export const FRESHNESS_NEED = /\b(?:nightly|daily|hourly|weekly|every (?:\d+ )?(?:minutes?|hours?|days?|night|morning)|(?:by|before|at|until) \d{1,2}(?::\d{2})?\s?(?:am|pm)?|\d{1,2}:\d{2}|before (?:the|each) \w+|fresh(?:ness)?|stale|up to (?:\w+ ){1,2}old|(?:one|a|\d+)[- ](?:day|hour|week)s?[- ]old|scheduled (?:job|run)|ahead of time)\b/g;

/** Serving described without a mode (weak, not missing): "the model is deployed to an endpoint". */
export const SERVING_DESCRIBED =
  /\b(?:serv(?:e|es|ed|ing) (?:the )?(?:model|predictions|requests|recommendations|results|scores)|(?<!(?:membership|attribute|property|causal|statistical|bayesian|variational|logical|type) )inference\b(?! time| attacks?\b)|model (?:server|serving)|deploy(?:s|ed|ing)? (?:the |a )?(?:[\w-]+ )?model|prediction (?:service|server|endpoint))\b/g;

/** Two modes set against each other ("real-time vs batch", "synchronous vs. asynchronous"): named, not chosen. */
export const MODE_COMPARISON =
  /\b(?:batch|offline|pre-?comput\w*|real[- ]?time|online|streaming|synchronous|sync|on[- ]demand)\b[^.;]{0,30}?\b(?:vs\.?|versus)\s(?:[\w-]+\s){0,2}?(?:batch|offline|pre-?comput\w*|real[- ]?time|online|streaming|asynchronous|async|on[- ]demand)\b/;

/** What a "real-time" right before it describes when it is not the predictions (runs on the text after it). */
export const NOT_PREDICTIONS = /^[\s-]*(?:features?|data|signals?|analytics|metrics|monitoring|dashboards?|alerts?|progress|updates|streams?|events|aggregat\w*|counters?|logs?)\b/;

/** A heading about serving itself ("Serving", "Inference", "Deployment"), not a "System design" title over the whole answer. */
export const SERVING_TITLE = /\b(?:serv\w*|inference|deploy\w*|predictions? (?:service|pipeline|flow|path)|online system|endpoint|runtime)\b/;
