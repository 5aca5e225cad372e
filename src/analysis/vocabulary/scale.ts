/**
 * Scale and latency (rubric: `scale-latency`): the nouns that make a count a scale figure, the cues of
 * a latency budget, and the qualitative words that name the topic without a figure.
 */

/** What a system has a lot of, when "a huge number of" speaks of load (not "a huge amount of customization"). */
const LOAD =
  '(?:users?|customers?|clients?|devices?|requests?|queries|calls|traffic|data|datasets?|records|rows|events|logs|items|products|catalog|documents|videos|images|photos|posts|messages|transactions|orders|sessions|listings|files|objects|predictions|candidates|ads|connections|reads|writes|tweets|followers|accounts|visitors|pages|features|embeddings|parameters|models|examples|samples|blocks|chunks|shards|partitions|nodes|servers|machines|pods|workers|replicas|tasks|jobs)';

/** Qualitative scale and speed: a topic without a figure. */
export const QUALITATIVE_SCALE = new RegExp(
  `\\b(?:millions|billions|thousands|hundreds of (?:thousands|millions)|large[- ]scale|large volumes?|(?:large|huge|massive|vast|big|high|growing) (?:numbers?|volumes?|amounts?) of (?:[\\w-]+ )?${LOAD}|(?:huge|massive|vast) (?:[\\w-]+ )?${LOAD}|(?:is|are|gets|grows|becomes) (?:huge|massive|enormous)|high (?:traffic|volume|throughput|load|qps)|at scale|scal(?:able|ability|e well|es well)|highly scalable|(?:web|internet|planet|tb|pb|terabyte|petabyte)[- ]scale|(?:dozens|hundreds|tens of thousands) of (?:[\\w-]+ )?${LOAD}|growing (?:volume|traffic)|increasing volumes?)\\b`,
  'g',
);

export const QUALITATIVE_LATENCY =
  /\b(?:low[- ]latency|latency (?:requirements?|constraints?|budget|sla|slo)|fast(?:er)? (?:response|retrieval|serving|inference)|quick(?:ly)? (?:response|responses)|respon(?:d|se) (?:quickly|fast|time)|should be fast|be fast|response times?|serving speed|milliseconds|time to first token|ttft|as (?:quickly|fast) as possible|(?:near[- ])?instant(?:ly|aneous(?:ly)?)|tail latenc\w*|(?:query|request|response|inference|serving|execution|end[- ]to[- ]end) latenc\w*)\b/g;

/** A size beside these words is a machine's memory ("24GB of video memory", "8GB RAM"), not the data or traffic the system handles. */
export const HARDWARE_MEMORY = /\b(?:v?ram|memory|gpus?|heap|hbm|disk|block storage)\b/;

/** A bare count right after a model's name is its size in parameters ("Llama 3.1 8B", "Mistral 7B"), not load. */
export const MODEL_NAME_BEFORE = /\b(?:llama|mistral|mixtral|qwen|gemma|phi|falcon|gpt|bloom|opt|t5|bert|deepseek|claude|palm|vicuna)[\w.-]*(?: [\w.-]+){0,2} $/;

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

/** A latency figure is a budget when the sentence is about response time, not a hardware fact. */
export const BUDGET_CUE =
  /\b(?:latenc\w*|p\d{2,3}|percentile|respon\w*|budget|sla|slo|timeout|end[- ]to[- ]end|round[- ]trip|within|under|below|less than|at most|up to|requirements?|should|must|need\w*|serv\w*|inference|real[- ]time|render\w*|return\w*|per request|think)\b|[<≤]/;

/**
 * Durations that bound a session, a connection or a user rather than the system's answer: "marked
 * offline if it does not respond within 10 seconds", a heartbeat, a TTL, a retry back-off. Not a
 * latency budget.
 */
export const NOT_A_BUDGET = /\b(?:heart ?beats?|ttl|time[- ]to[- ]live|expir\w*|marked (?:as )?(?:offline|inactive|idle|away)|offline|idle|inactive|keep[- ]?alive|back[- ]?off|retr(?:y|ies)|polling interval|reconnect\w*)\b/;
