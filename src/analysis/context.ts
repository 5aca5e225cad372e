import type { Document } from '../document/document.js';
import type { ComponentMention, Quantity } from '../document/types.js';
import { statements } from './statements.js';
import { FEEDBACK_EVENT } from './vocabulary/feedback.js';
import { BUSINESS_METRIC, OFFLINE_METRIC } from './vocabulary/metrics.js';

/**
 * What the answer is about, for rewrites that use its own words: its prediction target, its
 * metrics, its model, its events and its scale. Where the answer does not say, the domain's
 * typical values (the guide's example shape) fill in, with illustrative numbers.
 */
export interface AnswerContext {
  domain: Domain;
  /** "the probability that a user clicks an ad". */
  target: string;
  /** A product metric, as the answer spells it ("CTR"). */
  businessMetric: string;
  /** An offline metric ("AUC"); `lowerIsBetter` for losses and errors. */
  offlineMetric: string;
  lowerIsBetter: boolean;
  /** "the DCN ranker", "the model". */
  model: string;
  /** Where labels come from ("ad clicks"). */
  events: string;
  /** How late they arrive, with a number ("within 1 hour of the impression"). */
  delay: string;
  /** The thing scored ("ad", "transaction"). */
  entity: string;
  /** A scale figure from the answer, or an illustrative one. */
  scale: string;
  streaming: string;
  batchEngine: string;
  onlineStore: string;
  /** Example features of each freshness. */
  batchFeature: string;
  realtimeFeature: string;
  /** The answer's own approximate-nearest-neighbour index, or the rubric's example (Faiss). */
  vectorIndex: string;
  /** The model as a named component, for specifics: the answer's own, else the rubric's LightGBM, or no name for an answer built on a deep model. */
  namedModel: string | undefined;
  /** The answer retrieves candidates (recommendation, search, ads): a rewrite may speak of an index of them. */
  retrieval: boolean;
  /**
   * Only what the answer itself says (no domain example, no rubric default): what a follow-up
   * question may quote. Absent where the answer names nothing of the kind.
   */
  own: {
    target?: string;
    businessMetric?: string;
    offlineMetric?: string;
    /** "the DCN ranker", "the gradient boosted trees". */
    model?: string;
    events?: string;
    streaming?: string;
    batchEngine?: string;
    onlineStore?: string;
  };
}

export type Domain = 'ads' | 'recommendation' | 'search' | 'fraud' | 'eta' | 'moderation' | 'forecasting' | 'churn' | 'pricing' | 'credit' | 'generic';

const DOMAIN_CUES: Array<[Domain, RegExp]> = [
  ['ads', /\b(?:ads?|advertis\w*|ctr|click[- ]through|impressions?|bids?|campaigns?)\b/g],
  ['fraud', /\b(?:fraud\w*|chargebacks?|transactions?|payments?|scams?|abuse)\b/g],
  ['eta', /\b(?:eta|arrival time|delivery times?|travel time|trip duration|couriers?|pickup)\b/g],
  ['search', /\b(?:search\w*|quer(?:y|ies)|relevance|retrieval|autocomplete|results page)\b/g],
  // A violation of a policy, guidelines or community standards, or violating content; not a
  // violation of a health or building code (inspections), and not any "policy" (privacy, eviction).
  ['moderation', /\b(?:harmful|moderat\w*|toxic\w*|spam|hate speech|violat(?:es?|ing|ions?) (?:of )?(?:the |our |its |a |platform |community |content )?(?:polic(?:y|ies)|guidelines|community standards|terms)|violating (?:content|posts?|comments?|videos?|images?|messages?)|content polic(?:y|ies)|nsfw|misinformation)\b/g],
  ['forecasting', /\b(?:forecast\w*|demand|inventory|sales volume|time series|stock[- ]outs?)\b/g],
  ['churn', /\b(?:churn\w*|cancel\w*|attrition|retention)\b/g],
  ['pricing', /\b(?:pric\w*|surge|fares?)\b/g],
  // A borrower's default, not a default value ("by default", "the default config").
  ['credit', /\b(?:credit|loans?|defaults? (?:rate|risk|probability|on)|defaulted|defaulting|underwrit\w*|repay\w*)\b/g],
  ['recommendation', /\b(?:recommend\w*|feed|videos?|songs?|playlists?|items?|watch\w*|personali[sz]\w*|candidates?)\b/g],
];

interface DomainDefaults {
  target: string;
  businessMetric: string;
  offlineMetric: string;
  events: string;
  delay: string;
  /** How long labels typically take in this domain, for a label source the answer names itself. */
  window: string;
  entity: string;
  batchFeature: string;
  realtimeFeature: string;
}

const DEFAULTS: Record<Domain, DomainDefaults> = {
  ads: {
    target: 'the probability that a user clicks an ad impression',
    businessMetric: 'CTR',
    offlineMetric: 'AUC',
    events: 'ad click and impression logs',
    delay: 'clicks are joined to impressions within 1 hour',
    window: '1 hour',
    entity: 'ad',
    batchFeature: "the advertiser's 30-day CTR",
    realtimeFeature: "the user's clicks in the current session",
  },
  recommendation: {
    target: 'the probability that a user engages with a recommended item',
    businessMetric: 'watch time per session',
    offlineMetric: 'NDCG@10',
    events: 'click and watch events',
    delay: 'engagement is known within 24 hours of the impression',
    window: '24 hours',
    entity: 'item',
    batchFeature: 'user embeddings',
    realtimeFeature: 'items viewed in the current session',
  },
  search: {
    target: 'the probability that a user clicks a result for the query',
    businessMetric: 'search conversion rate',
    offlineMetric: 'NDCG@10',
    events: 'clicks on search results',
    delay: 'clicks are known within 30 minutes of the query',
    window: '30 minutes',
    entity: 'result',
    batchFeature: "each document's 28-day click-through rate",
    realtimeFeature: "the user's queries in the current session",
  },
  fraud: {
    target: 'the probability that a transaction is fraudulent',
    businessMetric: 'fraud loss in $',
    offlineMetric: 'PR-AUC',
    events: 'chargebacks and analyst reviews',
    delay: 'chargebacks arrive within 60 days',
    window: '60 days',
    entity: 'transaction',
    batchFeature: "the merchant's 90-day chargeback rate",
    realtimeFeature: "the card's transaction count in the last 10 minutes",
  },
  eta: {
    target: 'the delivery time in minutes',
    businessMetric: 'on-time rate',
    offlineMetric: 'MAE',
    events: 'actual delivery timestamps',
    delay: 'the true time is known within 2 hours, when the order is delivered',
    window: '2 hours',
    entity: 'order',
    batchFeature: "each restaurant's average prep time over 28 days",
    realtimeFeature: 'courier locations and current traffic',
  },
  moderation: {
    target: 'the probability that a post violates policy',
    businessMetric: 'prevalence of harmful views',
    offlineMetric: 'PR-AUC',
    events: 'human reviewer decisions and user reports',
    delay: 'reviews are completed within 24 hours',
    window: '24 hours',
    entity: 'post',
    batchFeature: "the author's 90-day violation count",
    realtimeFeature: 'reports on the post in the last hour',
  },
  forecasting: {
    target: 'units sold per store and day',
    businessMetric: 'stock-out rate',
    offlineMetric: 'MAPE',
    events: 'daily point-of-sale records',
    delay: 'sales are known within 24 hours, at store close',
    window: '24 hours',
    entity: 'store-day',
    batchFeature: 'seasonal sales averages over 2 years',
    realtimeFeature: "today's sales so far",
  },
  churn: {
    target: 'the probability that a customer cancels within 30 days',
    businessMetric: 'monthly retention',
    offlineMetric: 'AUC',
    events: 'cancellations',
    delay: 'the label is known after the 30-day window closes',
    window: '30 days',
    entity: 'customer',
    batchFeature: 'usage aggregates over 90 days',
    realtimeFeature: "the customer's support contacts today",
  },
  pricing: {
    target: 'the conversion probability at each candidate price',
    businessMetric: 'revenue per session',
    offlineMetric: 'log loss',
    events: 'accepted and abandoned quotes',
    delay: 'acceptance is known within 10 minutes of the quote',
    window: '10 minutes',
    entity: 'quote',
    batchFeature: 'demand by zone and hour over 8 weeks',
    realtimeFeature: 'open requests and available supply in the last 5 minutes',
  },
  credit: {
    target: 'the probability that an applicant defaults within 12 months',
    businessMetric: 'loss rate',
    offlineMetric: 'AUC',
    events: 'repayment records',
    delay: 'defaults are known after 90 days past due',
    window: '90 days',
    entity: 'application',
    batchFeature: 'bureau attributes refreshed monthly',
    realtimeFeature: 'the application form and device signals at submit time',
  },
  generic: {
    target: 'the probability of the outcome the product cares about (a click, say)',
    businessMetric: 'conversion rate',
    offlineMetric: 'AUC',
    events: 'logged user actions',
    delay: 'outcomes are logged within 24 hours',
    window: '24 hours',
    entity: 'request',
    batchFeature: 'user aggregates over 30 days',
    realtimeFeature: 'the current session activity',
  },
};

const LOWER_IS_BETTER = /\b(?:log[- ]?loss|cross[- ]entropy|rmse|mse|mae|mape|smape|wape|wer|cer|perplexity|brier|error|nce|normali[sz]ed entropy|false positive rate|fpr)\b/;

function detectDomain(doc: Document): Domain {
  const counts = new Map<Domain, number>();
  for (const s of doc.sentences) {
    for (const [domain, pattern] of DOMAIN_CUES) {
      pattern.lastIndex = 0;
      const n = s.lower.match(pattern)?.length ?? 0;
      if (n) counts.set(domain, (counts.get(domain) ?? 0) + n);
    }
  }
  let best: Domain = 'generic';
  let bestCount = 1;
  for (const [domain, count] of counts) {
    // Some cues only count beside the domain's own words: videos, items and candidates are not a
    // recommender without something recommended or a feed (a detector of objects in videos, a
    // key-value store's items); transactions and payments are not fraud without fraud, scams or
    // chargebacks (a database's transactions, a payment's cost).
    const core = CORE_CUES[domain];
    if (core && !doc.sentences.some((s) => core.test(s.lower))) continue;
    if (count > bestCount) [best, bestCount] = [domain, count];
  }
  return best;
}

const CORE_CUES: Partial<Record<Domain, RegExp>> = {
  recommendation: /\b(?:recommend\w*|recsys|feeds?|personali[sz]\w*|suggest\w*)\b/,
  fraud: /\b(?:fraud\w*|chargebacks?|scams?|scammers?)\b/,
};

/** The first match of a pattern in the answer's statements, spelled as the answer spells it. */
function firstSpelling(doc: Document, pattern: RegExp, accept: (text: string) => boolean = () => true): string | undefined {
  for (const s of statements(doc)) {
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(s.lower))) {
      const text = s.text.slice(m.index, m.index + m[0].length);
      if (accept(text)) return text;
    }
  }
  return undefined;
}

const MODEL_FAMILY = /\b(?:two[- ]tower(?: model| network)?|gbdt|gradient[- ]boosted (?:trees|decision trees)|logistic regression|transformer|deep (?:and|&) cross network|wide (?:and|&) deep|factori[sz]ation machine|neural network|random forest|gnn|graph neural network|cnn|lstm|survival model)\b/g;

const TARGET_PHRASE = /\b(?:predict(?:s|ing)?|estimat(?:e|es|ing)|forecast(?:s|ing)?)\s+((?:the |a |an |whether |which |if |how |when |what )[^.;:()\[\]<>?!\n]{6,90})/i;
const TARGET_VERB = /predict|estimat|forecast/i;
/** A letter or digit of the scripts answers are written in (no `\p{L}`: it is built when the module loads). */
const WORD_CHAR = /[\w\u00C0-\u024F\u0370-\u1FFF\u2C00-\uD7FF]/;
const TARGET_STOP = /\s(?:using|based on|so that|in order|given|from|by|with|via|->|→|and then|to (?:help|improve|increase|reduce))\b.*$|,.*$/;

/** The answer's own prediction target ("whether a user will click the ad"), when it states one. */
function targetPhrase(doc: Document): string | undefined {
  for (const s of statements(doc)) {
    // Most statements name none of the verbs: skip them before building the one-spaced text.
    if (!TARGET_VERB.test(s.text)) continue;
    const text = s.text.replace(/\s+/g, ' ');
    const m = TARGET_PHRASE.exec(text);
    if (!m) continue;
    // The phrase is at most 90 characters: when that ends inside a word, the word is dropped.
    const cut = WORD_CHAR.test(text.charAt(m.index + m[0].length));
    const phrase = (cut ? (m[1] as string).replace(/\s*[^\s]*$/, '') : (m[1] as string)).replace(TARGET_STOP, '').trim();
    if (phrase.split(' ').length >= 3) return phrase;
  }
  return undefined;
}

/**
 * Where the answer itself says its labels come from: "orders are the labels", "labels come from
 * chargebacks", "we use completed purchases as labels". Only these explicit shapes: a guess from
 * any sentence that mentions labels would put the wrong words into a rewrite.
 */
const LABEL_SUBJECT = /(?:^|[:;,]\s*|\b(?:and|so|where|here)\s+)((?:[a-z0-9][\w'-]*\s+){0,4}[a-z][\w'-]*)\s+(?:are|is|serve as|act as|become)\s+(?:the|our)\s+(?:training\s+)?(?:labels?|ground[- ]truth|positives|positive (?:labels?|examples?))\b/i;
const LABEL_FROM = /\b(?:labels?|ground[- ]truth|positives)\s+(?:come|comes|are derived|is derived|are taken|is taken|are drawn|are collected|is collected)\s+from\s+((?:the\s+)?(?:[a-z0-9][\w'-]*\s+){0,4}[a-z][\w'-]*)/i;
const LABEL_AS = /\buse\s+((?:[a-z0-9][\w'-]*\s+){0,4}[a-z][\w'-]*)\s+(?:as|to\s+(?:generate|create|derive|build|get|produce))\s+(?:the\s+|our\s+)?(?:(?:training|positive|negative|positive and negative)\s+)?(?:labels?|ground[- ]truth|positives)\b/i;
const NOT_A_SOURCE = /^(?:they|it|this|these|those|that|which|there|what|we|i|you|labels?|the labels?|data|the data)$/i;
const LEADING = /^(?:the|our|all|both|then|only|also|here)\s+/i;
/** A source is its head noun phrase: "chargebacks" of "chargebacks reported by the bank". */
const TRAILING = / (?:that|which|who|when|where|after|before|within|from|by|in|on|at|for|with|via|per|reported|collected|logged|recorded|made|received|arriving|observed|as)\b.*$/i;

function labelSource(doc: Document): string | undefined {
  for (const s of statements(doc)) {
    if (!/label|ground|positive/i.test(s.text)) continue;
    const text = s.text.replace(/\s+/g, ' ');
    const m = LABEL_SUBJECT.exec(text) ?? LABEL_FROM.exec(text) ?? LABEL_AS.exec(text);
    if (!m) continue;
    let phrase = (m[1] as string).trim();
    while (LEADING.test(phrase)) phrase = phrase.replace(LEADING, '');
    phrase = phrase.replace(TRAILING, '').trim();
    if (!phrase || NOT_A_SOURCE.test(phrase) || phrase.split(' ').length > 5) continue;
    // "Orders" starts a sentence; "NPS" or "Stripe disputes" keep their capitals.
    return /^[A-Z][a-z]/.test(phrase) && !doc.components.some((c) => phrase.startsWith(c.text)) ? phrase[0]!.toLowerCase() + phrase.slice(1) : phrase;
  }
  return undefined;
}

/** "billions of videos": an order of magnitude without a number. */
const MAGNITUDE = /\b(millions|billions|trillions) of ((?:[a-z][\w-]*\s){0,2}?[a-z][\w-]*s)\b/g;

function scaleFigure(doc: Document): string | undefined {
  const q = doc.quantities.find((x: Quantity) => (x.kind === 'count' || x.kind === 'rate') && x.value >= 1000 && x.unit && x.sentence.isStatement);
  if (q) return q.text;
  // The answer sized itself only in words: keep its largest magnitude, at the bottom of the range it names.
  const ORDER = ['millions', 'billions', 'trillions'];
  let best: RegExpMatchArray | undefined;
  for (const s of statements(doc)) {
    for (const m of s.lower.matchAll(MAGNITUDE)) if (!best || ORDER.indexOf(m[1] as string) > ORDER.indexOf(best[1] as string)) best = m;
  }
  return best ? `1 ${(best[1] as string).slice(0, -1)} ${best[2] as string}` : undefined;
}

/** A model family or a library that is itself a model choice (XGBoost, TensorFlow, scikit-learn). */
function isModelComponent(c: ComponentMention): boolean {
  return c.entry.category === 'model' || (c.entry.category === 'ml-library' && /boost|gbm|tensorflow|pytorch|scikit/i.test(c.entry.name));
}

/** Words that put a model name in a sentence about models. */
const MODEL_TALK_NEAR = /\b(?:model|models|train\w*|detect\w*|network|predict\w*|classif\w*|infer\w*|rank\w*|embed\w*|fine-?tun\w*|backbone|encoder|architecture|layers?|scor\w*|recogni\w*|retriev\w*|baseline|gbdt|boost\w*|ml)\b/;

/** An answer built on a deep model: a rewrite must not offer it a tree ensemble. */
const DEEP_MODEL = /\b(?:deep (?:learning|models?|networks?|neural)|neural net\w*|dnns?|transformers?|two[- ]tower|cnns?|rnns?|lstms?|gru|bert|llms?|large language models?|multi[- ]?task (?:model|network)s?)\b/;

/** The answer's own label source with a delay in the domain's range, or the domain's example. */
function labelled(doc: Document, d: DomainDefaults): Pick<AnswerContext, 'events' | 'delay'> {
  const own = labelSource(doc);
  if (!own) return { events: d.events, delay: d.delay };
  // "User behavior" is the answer's word but not yet a concrete source: name the domain's events beside it.
  const concrete = own.toLowerCase().search(FEEDBACK_EVENT) >= 0;
  return { events: concrete ? own : `${own} (${d.events})`, delay: `these are known within ${d.window} of the prediction` };
}

export function answerContext(doc: Document): AnswerContext {
  return doc.memo('answer-context', () => {
    const domain = detectDomain(doc);
    const d = DEFAULTS[domain];
    const offline = firstSpelling(doc, OFFLINE_METRIC, (t) => t.length >= 2 && !/^(?:precision|recall|accuracy|sensitivity|specificity of)$/i.test(t)) ?? d.offlineMetric;
    const business = firstSpelling(doc, BUSINESS_METRIC, (t) => t.length <= 40 && !/^(?:number of|no\. of|# ?of|costs?|profits?|purchases?|bookings?|sales|complaints?|refunds?|installs|subscriptions?|renewals?|dau|mau)\b/i.test(t)) ?? d.businessMetric;
    // A model named where the answer talks about models: "SSD" beside disks is storage, not the detector.
    const named = doc.components.find((c) => isModelComponent(c) && MODEL_TALK_NEAR.test(c.sentence.lower));
    const family = firstSpelling(doc, MODEL_FAMILY);
    const model = named ? `the ${named.entry.name} model` : family ? `the ${family.toLowerCase()}` : 'the model';
    const pick = (category: string, fallback: string): string => doc.components.find((c) => c.entry.category === category)?.entry.name ?? fallback;
    const ownOffline = firstSpelling(doc, OFFLINE_METRIC, (t) => t.length >= 2 && !/^(?:precision|recall|accuracy|sensitivity|specificity of)$/i.test(t));
    const ownBusiness = firstSpelling(doc, BUSINESS_METRIC, (t) => t.length <= 40 && !/^(?:number of|no\. of|# ?of|costs?|profits?|purchases?|bookings?|sales|complaints?|refunds?|installs|subscriptions?|renewals?|dau|mau)\b/i.test(t));
    const ownTarget = targetPhrase(doc);
    const ownEvents = labelSource(doc);
    const ownStreaming = doc.components.find((c) => c.entry.category === 'streaming')?.entry.name;
    const ownBatch = doc.components.find((c) => c.entry.category === 'processing' && BATCH_ENGINE.test(c.entry.name))?.entry.name;
    const ownStore = doc.components.find((c) => c.entry.category === 'storage' && /redis|cassandra|dynamo|bigtable|aerospike|memcached|hbase/i.test(c.entry.name))?.entry.name;
    const own: AnswerContext['own'] = {
      ...(ownTarget ? { target: ownTarget } : {}),
      ...(ownBusiness ? { businessMetric: ownBusiness } : {}),
      ...(ownOffline ? { offlineMetric: ownOffline } : {}),
      ...(named || family ? { model } : {}),
      ...(ownEvents ? { events: ownEvents } : {}),
      ...(ownStreaming ? { streaming: ownStreaming } : {}),
      ...(ownBatch ? { batchEngine: ownBatch } : {}),
      ...(ownStore ? { onlineStore: ownStore } : {}),
    };
    return {
      own,
      domain,
      target: targetPhrase(doc) ?? d.target,
      businessMetric: business,
      offlineMetric: offline,
      lowerIsBetter: LOWER_IS_BETTER.test(offline.toLowerCase()),
      model,
      ...labelled(doc, d),
      entity: d.entity,
      scale: scaleFigure(doc) ?? '10M daily active users',
      streaming: pick('streaming', 'Kafka'),
      // A batch engine, not a dataframe library (NumPy, Pandas are processing too).
      batchEngine: doc.components.find((c) => c.entry.category === 'processing' && BATCH_ENGINE.test(c.entry.name))?.entry.name ?? 'Spark',
      onlineStore: doc.components.find((c) => c.entry.category === 'storage' && /redis|cassandra|dynamo|bigtable|aerospike|memcached|hbase/i.test(c.entry.name))?.entry.name ?? 'Redis',
      batchFeature: d.batchFeature,
      realtimeFeature: d.realtimeFeature,
      vectorIndex: pick('vector-search', 'Faiss'),
      namedModel:
        named?.entry.name ??
        // A library the answer names in passing ("the implementation would be scikit-learn") still is its choice; an ambiguous word (SSD) is not.
        doc.components.find((c) => isModelComponent(c) && !c.entry.caseSensitive)?.entry.name ??
        // A model named by an ambiguous word (Gemini, SSD) is not named in a rewrite, and not replaced by the rubric's.
        (doc.components.some(isModelComponent) || statements(doc).some((s) => DEEP_MODEL.test(s.lower)) ? undefined : 'LightGBM'),
      retrieval: domain === 'recommendation' || domain === 'search' || domain === 'ads',
    };
  });
}

const BATCH_ENGINE = /spark|hadoop|mapreduce|mrjob|dask|ray|presto|trino|hive|impala|athena|dataproc|glue|pig|tez|duckdb/i;
