/**
 * Shared domain vocabulary. Patterns run on lower-cased sentence text and must stay linear:
 * alternations of literals and bounded classes, no nested quantifiers.
 */

/** Offline model-quality metrics. */
export const OFFLINE_METRIC =
  /\b(?:roc[- ]?auc|pr[- ]?auc|auc(?:[- ]?roc|[- ]?pr)?|auuc|auqc|qini|log[- ]?loss|cross[- ]entropy|normali[sz]ed (?:cross[- ])?entropy|nce|ndcg(?:@\s?\w+)?|map(?:@\s?\w+)?|mean average precision|mrr|mean reciprocal rank|precision(?:@\s?\w+| at \w+)?|recall(?:@\s?\w+| at \w+)?|f1(?:[- ]score)?|f-score|accuracy|top-\d+ accuracy|rmse|mse|mae|mape|smape|wape|r2|r-squared|hit[- ]?rate(?:@\s?\w+)?|iou|miou|bleu|rouge(?:-\w+)?|wer|word error rate|cer|perplexity|brier(?: score)?|calibration error|ece|c-index|concordance index|gini|ks statistic|uplift@\s?\w+|average precision|false positive rate|false negative rate|true positive rate|fpr|tpr|specificity of|sensitivity)\b/g;

/** Product and business metrics: what the business optimises and an online test is judged on. */
export const BUSINESS_METRIC =
  /\b(?:ctr|click[- ]through[- ]rates?|conversion(?: rates?)?|cvr|revenue|gmv|gross merchandise|sales|profit|margin|roi|return on investment|ltv|lifetime value|retention|churn(?: rate)?|watch[- ]time|dwell[- ]time|time spent|session (?:length|time|duration)|engagement rate|bookings?|purchase rate|orders? per|basket size|aov|average order value|nps|csat|customer satisfaction|satisfaction score|handle time|resolution time|time to resolution|fraud (?:loss|losses|rate)|chargeback (?:rate|losses?)|losses in|costs?|profits?|savings|dau|mau|daily active users|active users|subscriptions?|renewals?|installs|complaints?|refunds?|cancellation rate|acceptance rate|approval rate|default rate|delivery time|on-time rate|eta error|utili[sz]ation|fill rate|take rate|win rate|hide rate|report rate|number of (?:\w+ ){0,2}\w+|no\. of \w+|# ?of \w+|(?:\d+-day |\d+-week )?revenue per \w+)\b/g;

/**
 * Measurable product metrics beyond the named ones: rates, ratios, "X per Y", shares.
 * Only meaningful next to an objective cue or an experiment (it is broad on its own).
 */
export const MEASURABLE_METRIC =
  /\b(?:(?!learning |sampling |dropout |bit |frame |refresh )[\w-]+ (?:rate|ratio)s?|[\w-]+ per (?:daily |weekly |monthly )?(?:active )?[\w-]+|(?:share|percentage|fraction|proportion) of [\w-]+|prevalence|downtime|spoilage|(?:on[- ]shelf )?availability|time spent|minutes (?:listened|watched|played|spent)|hours saved|expected loss|approved volume|bias|overturn rate|wape|wmape)\b/g;

/** Verbs and nouns that state an optimisation objective. */
export const OBJECTIVE_CUE =
  /\b(?:optimi[sz](?:e|es|ed|ing)(?: for)?|maximi[sz](?:e|es|ed|ing)|minimi[sz](?:e|es|ed|ing)|max|increas(?:e|es|ing)|improv(?:e|es|ing)|reduc(?:e|es|ing)|lift(?:s|ing)?|boost(?:s|ing)?|grow(?:s|ing)?|driv(?:e|es|ing)|business (?:objective|goal|metric|kpi)s?|success (?:metric|criteri(?:on|a))|north[- ]star|primary (?:metric|objective|kpi)|kpis?|objective(?: is)?|goal(?: is)?|target metric|(?:key|main|success|primary|target|north[- ]star) (?:metrics?|kpis?|measures?)|(?:trying|meant|want|need|aim) to move|(?:judged|measured|evaluated|assessed) (?:on|by)|accountable for|care about|the metric (?:is|we|that)|business outcome|success (?:is|means)|what matters)\b/g;

/** A stated prediction target: what the model outputs. */
export const TARGET_CUE =
  /\b(?:predict(?:s|ing|ed)?|forecast(?:s|ing)?|estimat(?:e|es|ing)|classif(?:y|ies|ying) (?:each|every|whether|the|a|an|it|them|into|as|if|incoming|new)|classification (?:problem|task)|detect(?:s|ing)?|scor(?:e|es|ing) (?:each|every|the|a|how)|rank(?:s|ing)? (?:the |each |all )?(?:candidates|items|ads|posts|results|documents|videos|products|listings|jobs|hotels|stories)|(?:probability|likelihood|propensity) (?:that|of)|p\((?:[^)]{1,40})\)|(?:binary|multi-?class|multi-?label) (?:classification|classifier|problem|task)|regression (?:problem|task)|ranking problem|ml (?:objective|task|formulation|problem)|learning[- ]to[- ]rank|target (?:variable|label|is)|the (?:model|classifier|ranker) (?:outputs|returns|produces|predicts|scores)|outputs? (?:a|the) (?:probability|score|ranked|list)|label (?:is|=)|prediction target\s*(?:is\b|:|\|)|i\/o|input\/output)(?!\w)/g;

/** Label and ground-truth sources. */
export const LABEL_SOURCE =
  /\b(?:labels?|labell?ed|labell?ing|ground[- ]truth|annotat(?:e|ed|ion|ions|ors?|ing)|(?<!(?:false|true) )(?:positives|negatives)|(?:positive|negative) (?:examples?|samples?|class|labels?|pairs?)|implicit (?:feedback|signals?)|explicit (?:feedback|signals?)|(?:user|customer|human|agent|reviewer|moderator) (?:feedback|reviews?|decisions?|labels?|selections?)|human[- ](?:review|raters?|labell?ers?|moderators?|annotators?|in[- ]the[- ]loop)|crowd[- ]?sourc\w*|chargebacks?|disputes?|outcomes? (?:are|is) (?:observed|known|logged|recorded)|supervision|\b1 if\b[^.;]{0,80}\b0 (?:if|otherwise)|(?:labell?ed|labels?) (?:as )?(?:1|0|positive|negative)\b|feedback (?:signal|signals|loop|comes|from|events?|data|arrives|is|are)|learn(?:s|ed|ing)? from (?:which|what|the users?|users?|clicks|feedback|their|behaviou?r))\b/g;

/** A concrete source of ground truth: events that come back from users or the world (the generic word "labels" is not one). */
export const FEEDBACK_EVENT =
  /\b(?:clicks?|purchases?|conversions?|chargebacks?|disputes?|ratings?|outcomes?|accept(?:s|ed|ance)|watch(?:es|ed)?|plays?|completions?|installs?|bookings?|cancellations?|defaults?|repayments?|interactions?|reviewers?|human review|manual review|raters?|annotators?|moderators?|labell?ers?|appeals?|timestamps?|complet(?:ion|ions|ed)|likes|comments|reshares|shares|orders|transactions|work orders?|(?:user|customer) reports?|sales|returns|refunds|survey responses?|progress events?|events)\b/g;

/** Time words that make a delay vague, not concrete. */
export const DELAY_CUE = /\b(?:delay(?:ed|s)?|lag(?:s|ged)?|sla|turnaround|old|freshest|stale|arriv(?:e|es|al)|available|known|observed|materiali[sz]e|matur(?:e|es|ity)|after|within|later|wait(?:ing)?|takes?|attribution window|label window|until|settle)\b/g;
export const IMMEDIATE_FEEDBACK = /\b(?:within (?:the|a) (?:same )?(?:session|request|page ?view|visit)|in[- ]session|same[- ]day|the moment (?:they|it) happens?|as (?:they|it) happens?|at (?:click|request|serving) time)\b/g;

/** System health metrics: useful, but not model monitoring. */
export const SYSTEM_METRIC = /\b(?:latenc(?:y|ies)|throughput|qps|rps|cpu|gpu (?:utili[sz]ation|usage|memory)|memory|error rates?|errors?|5xx|4xx|uptime|availability|timeouts?|saturation|disk|resource utili[sz]ation|request rates?|p\d{2,3})\b/g;

/** Qualitative scale and speed: a topic without a figure. */
export const QUALITATIVE_SCALE =
  /\b(?:millions|billions|thousands|hundreds of (?:thousands|millions)|large (?:number|volume|scale|amount)s?|huge|massive|high (?:traffic|volume|throughput|load|qps)|at scale|scal(?:able|ability|e well|es well|ing)|highly scalable|web[- ]scale|growing (?:volume|traffic)|increasing volumes?)\b/g;
export const QUALITATIVE_LATENCY =
  /\b(?:low[- ]latency|latency (?:requirements?|constraints?|budget|sla|slo)|fast(?:er)? (?:response|retrieval|serving|inference)|quick(?:ly)? (?:response|responses)|respon(?:d|se) (?:quickly|fast|time)|real[- ]time|near[- ]real[- ]time|speed|should be fast|be fast|response times?|serving speed|milliseconds)\b/g;

/** Nouns that make a count a scale figure (users, traffic, catalog, data volume). */
export const SCALE_UNITS = new Set([
  'users', 'user', 'dau', 'mau', 'wau', 'customers', 'members', 'people', 'drivers', 'riders', 'sellers', 'buyers', 'merchants',
  'advertisers', 'creators', 'viewers', 'subscribers', 'accounts', 'items', 'products', 'skus', 'videos', 'songs', 'tracks',
  'podcasts', 'episodes', 'games', 'ads', 'listings', 'documents', 'docs', 'pages', 'posts', 'articles', 'tickets', 'queries',
  'searches', 'search', 'requests', 'request', 'calls', 'sessions', 'events', 'clicks', 'impressions', 'views', 'transactions',
  'payments', 'orders', 'trips', 'rides', 'deliveries', 'records', 'rows', 'examples', 'samples', 'images', 'photos', 'messages',
  'emails', 'connections', 'links', 'urls', 'pastes', 'write', 'writes', 'read', 'reads', 'reviews', 'hotels', 'jobs', 'tweets',
  'comments', 'likes', 'plays', 'streams', 'installs', 'downloads', 'visits', 'visitors', 'households', 'patients', 'restaurants',
  'vehicles', 'devices', 'sensors', 'cities', 'stores', 'solutions', 'claims', 'applications', 'loans', 'files', 'objects', 'hits',
  'byte', 'qps', 'videos', 'frames', 'candidates', 'agents', 'managers', 'employees',
]);
