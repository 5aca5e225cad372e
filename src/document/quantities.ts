import type { QuantityKind } from './types.js';

/** A quantity found in a sentence; offsets are inside the sentence text. */
export interface RawQuantity {
  text: string;
  value: number;
  unit: string;
  kind: QuantityKind;
  comparator: string | undefined;
  start: number;
  end: number;
  numeric: boolean;
}

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+/g;

const MAGNITUDE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  trillion: 1e12,
  // Russian: тыс., млн, млрд (the answers in another language of the corpus are mostly Russian).
  тыс: 1e3,
  тысяч: 1e3,
  тысячи: 1e3,
  млн: 1e6,
  миллион: 1e6,
  миллиона: 1e6,
  миллионов: 1e6,
  млрд: 1e9,
  миллиард: 1e9,
  миллиарда: 1e9,
  миллиардов: 1e9,
};

/** Units, normalised; the value is [normal form, kind]. */
const UNITS: Record<string, [string, QuantityKind]> = {};
function unit(kind: QuantityKind, normal: string, ...spellings: string[]): void {
  for (const s of spellings) UNITS[s] = [normal, kind];
}
unit('latency', 'ns', 'ns', 'nanosecond', 'nanoseconds');
unit('latency', 'us', 'us', 'µs', 'μs', 'microsecond', 'microseconds', 'micros');
unit('latency', 'ms', 'ms', 'msec', 'msecs', 'millisecond', 'milliseconds', 'millis');
unit('duration', 's', 's', 'sec', 'secs', 'second', 'seconds');
unit('duration', 'min', 'min', 'mins', 'minute', 'minutes');
unit('duration', 'h', 'h', 'hr', 'hrs', 'hour', 'hours');
unit('duration', 'day', 'd', 'day', 'days');
unit('duration', 'week', 'w', 'wk', 'wks', 'week', 'weeks');
unit('duration', 'month', 'mo', 'mos', 'month', 'months');
unit('duration', 'quarter', 'quarter', 'quarters');
unit('duration', 'year', 'y', 'yr', 'yrs', 'year', 'years');
unit('percentage', '%', '%', 'percent', 'pct', 'pp', 'bps');
unit('rate', 'qps', 'qps', 'rps', 'tps', 'eps', 'fps', 'qpm', 'rpm', 'tpm');
unit('size', 'byte', 'b', 'byte', 'bytes', 'kb', 'kib', 'mb', 'mib', 'gb', 'gib', 'tb', 'tib', 'pb', 'pib', 'eb');
unit('money', '$', 'usd', 'dollars', 'eur', 'euros', 'rubles', 'roubles', 'rub', 'gbp', 'inr', 'rupees', 'yen');
// Russian spellings of the same units (a bare "с", also the preposition "with", is left out).
unit('latency', 'ms', 'мс', 'миллисекунд', 'миллисекунды', 'миллисекунда', 'миллисекунду');
unit('duration', 's', 'сек', 'секунд', 'секунды', 'секунда', 'секунду');
unit('duration', 'min', 'мин', 'минут', 'минуты', 'минута', 'минуту');
unit('duration', 'h', 'ч', 'час', 'часа', 'часов');
unit('duration', 'day', 'дн', 'дней', 'дня', 'день', 'сут', 'суток', 'сутки');
unit('duration', 'week', 'нед', 'недель', 'недели', 'неделя', 'неделю');
unit('duration', 'month', 'мес', 'месяц', 'месяца', 'месяцев');
unit('duration', 'year', 'лет', 'год', 'года');
unit('size', 'byte', 'кб', 'мб', 'гб', 'тб', 'пб');
unit('money', '$', 'руб', 'рублей', 'рубля');

/** Russian count nouns by their stem ("10 000 пользователей", "100 тикетов/с"): the words inflect. */
const RUSSIAN_COUNT_NOUN = /^(?:пользовател|клиент|покупател|студент|человек|запрос|тикет|обращени|заказ|товар|документ|изображени|кадр|сообщени|транзакци|событи|объявлени|страниц|запис|строк|пример|видео|фильм|песен|трек|сесси)/u;

/** Words that join two phrases: a number before one is not counting the noun after it. */
const CONNECTIVE = new Set(['and', 'or', 'nor', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'is', 'are', 'was', 'were', 'the', 'a', 'an', 'vs', 'than', 'as', 'then']);

/** Nouns that make a bare number a scale figure. */
const COUNT_NOUNS = new Set(
  (
    'user users dau mau wau daus maus customer customers member members people person persons driver drivers rider riders seller sellers ' +
    'buyer buyers merchant merchants advertiser advertisers creator creators viewer viewers subscriber subscribers account accounts ' +
    'item items product products sku skus video videos song songs track tracks podcast podcasts episode episodes game games ad ads ' +
    'listing listings document documents doc docs page pages post posts article articles ticket tickets query queries search searches ' +
    'request requests call calls session sessions event events click clicks impression impressions view views transaction transactions ' +
    'payment payments order orders trip trips ride rides delivery deliveries record records row rows example examples sample samples ' +
    'image images photo photos frame frames candidate candidates feature features embedding embeddings dimension dimensions dims dim ' +
    'parameter parameters params param tree trees city cities country countries region regions store stores market markets language ' +
    'languages category categories class classes label labels annotation annotations message messages email emails connection ' +
    'connections friend friends follower followers link links url urls paste pastes write writes read reads review reviews hotel hotels ' +
    'job jobs solution solutions server servers machine machines node nodes gpu gpus cpu cpus core cores shard shards replica replicas ' +
    'partition partitions worker workers token tokens word words restaurant restaurants merchant vehicle vehicles device devices sensor ' +
    'sensors camera cameras minute-long call-center agents agent manager managers employee employees store-days loans loan applications ' +
    'application claims claim tweet tweets comment comments like likes share shares play plays stream streams install installs download ' +
    'downloads visit visits visitor visitors household households patient patients song-plays lines hits keys objects files file'
  ).split(' '),
);

/** "two-stage", "three towers", "6 steps": counts of design parts are not quantities. */
const DESIGN_PARTS = new Set(
  (
    'stage stages step steps head heads tower towers layer layers part parts phase phases component components approach approaches ' +
    'option options module modules tier tiers way ways kind kinds type types level levels pass passes branch branches loss losses ' +
    'objective objectives task tasks question questions section sections chapter chapters reason reasons thing things idea ideas ' +
    'point points main key major pillar pillars principle principles dimension-ish pattern patterns strategy strategies method methods ' +
    'model models pipeline pipelines service services table tables job-types signals signal metrics metric rule rules factor factors ' +
    'aspect aspects area areas criteria criterion requirement requirements goal goals challenge challenges problem problems'
  ).split(' '),
);

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  hundred: 100,
  a: 1,
  an: 1,
};

const CADENCE_WORDS: Record<string, string> = {
  hourly: 'hour',
  daily: 'day',
  nightly: 'day',
  weekly: 'week',
  biweekly: 'week',
  'bi-weekly': 'week',
  fortnightly: 'week',
  monthly: 'month',
  quarterly: 'quarter',
  yearly: 'year',
  annually: 'year',
};

const COMPARATOR_BEFORE =
  /(<=|>=|≤|≥|<|>|~|≈|=<|=>|\b(?:under|below|above|over|beyond|less than|more than|fewer than|greater than|lower than|higher than|at least|at most|up to|within|exceeds?|exceeding|no more than|no less than|than))\s*$/i;
const CURRENCY_BEFORE = /([$€£¥₹])\s?$/;
const LATENCY_CUE = /\b(?:latenc\w*|p\d{2,3}|percentile|respon\w*|budget|sla|slo|timeout|real[- ]?time|round[- ]trip|within|under|takes?|wait|render|serv\w*|infer\w*|predict\w*|inference|synchronous|per request|speed|fast)\b|</i;
/** The same cue in Russian: задержка, время ответа, отклик, латентность. */
const LATENCY_CUE_RU = /(?<!\p{L})(?:задержк\p{L}*|(?:время|времени) (?:ответа|отклика)|отклик\p{L}*|латентн\p{L}*|инференс\p{L}*)/iu;
const EVERY_BEFORE = /\b(?:every|each|per|once (?:a|an|per|every))\s*$/i;
const THRESHOLD_CUE = /\b(?:drops?|dropp\w*|degrad\w*|declin\w*|falls?|fall\w*|fell|decreas\w*|increas\w*|ris\w*|exceed\w*|grows?|shift\w*|change\w*|improv\w*|lift\w*|uplift|threshold\w*|trigger\w*|alert\w*|by)\s*$/i;

function parseNumber(raw: string): number {
  return Number(raw.replace(/,/g, ''));
}

function wordAt(text: string, index: number): { word: string; end: number } | undefined {
  const match = /^[\p{L}%µμ$€][\p{L}\p{N}/%-]*/u.exec(text.slice(index, index + 40));
  if (!match) return undefined;
  return { word: match[0], end: index + match[0].length };
}

function skipSpaces(text: string, index: number): number {
  let i = index;
  while (i < text.length && (text[i] === ' ' || text[i] === '\u00a0')) i++;
  return i;
}

const LINK_LIKE = /:\/\/|www\.|\.(?:com|org|io|md|png|jpe?g|pdf|html?|py|ts|js)\b|\/\w+\//i;

/**
 * Does the chunk of text around an index (up to white space on both sides) look like a URL, a path
 * or a file name? The last chunk is remembered, so numbers visited in order cost one scan per chunk
 * (a 100,000-character run with no space and a number every other character stays linear).
 */
function linkLikeChunks(text: string): (index: number) => boolean {
  let chunkStart = -1;
  let chunkEnd = -1;
  let linkLike = false;
  return (index) => {
    if (index < chunkStart || index >= chunkEnd) {
      let start = index;
      while (start > 0 && !/\s/.test(text[start - 1] as string)) start--;
      let end = index;
      while (end < text.length && !/\s/.test(text[end] as string)) end++;
      chunkStart = start;
      chunkEnd = end;
      linkLike = LINK_LIKE.test(text.slice(start, end));
    }
    return linkLike;
  };
}

/**
 * Quantities of a sentence: numbers with units or a clear quantity ("24h", "90-day window",
 * "<10ms", "p99 150 ms", "10M DAU", "4K QPS", "AUC < 0.82", "drops more than 15%", "weekly").
 * Numbers that are not design figures are left out: versions, years, list and step numbers,
 * variables and counts of design parts.
 */
export function extractQuantities(text: string): RawQuantity[] {
  const found: RawQuantity[] = [];
  const insideLinkLike = linkLikeChunks(text);
  NUMBER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = NUMBER.exec(text))) {
    const start = match.index;
    let end = start + match[0].length;
    const prev = text[start - 1] ?? ' ';
    // Part of a word or identifier: v2, p99, S3, word2vec, top1, GPT-4, NDCG@10, #3.
    if (/[\p{L}_@#^]/u.test(prev)) continue;
    if (prev === '-' && /[\p{L}]/u.test(text[start - 2] ?? ' ')) continue;
    if (prev === '.' && /\d/.test(text[start - 2] ?? '')) continue;
    // An assignment ("k=10", "x = 5"), but not a comparison ("latency <= 1s", ">= 99.9%").
    if (/[=]/.test(text.slice(Math.max(0, start - 2), start)) && !/[<>]=\s?$/.test(text.slice(Math.max(0, start - 3), start))) continue;
    if (insideLinkLike(start)) continue;
    // "1 in 10,000 requests", "3 out of 4": a ratio, not a scale figure.
    if (/\b\d+\s+(?:in|out of)\s+$/i.test(text.slice(Math.max(0, start - 12), start))) continue;
    const value = parseNumber(match[0]);
    let cursor = end;
    // Ranges: 50-100 ms, 5–10 seconds, 3 to 5 days.
    const range = /^\s?(?:-|–|—|to)\s?(\d[\d,]*(?:\.\d+)?)/.exec(text.slice(cursor, cursor + 24));
    if (range) {
      cursor += range[0].length;
      end = cursor;
    }
    if (text[cursor] === '+') {
      cursor++;
      end = cursor;
    }
    const next = text[cursor] ?? '';
    // "100s of ticket types", "1000s of users": an order of magnitude, not seconds.
    if (/^s\s+of\b/.test(text.slice(cursor, cursor + 5)) && /^[1-9]0+$/.test(match[0])) continue;
    // A list number written with a hyphen at the start of the line: "3- Can I ...", "3-User interaction data" (not "5-day window").
    if (/^\s*$/.test(text.slice(0, start)) && /^-(?:\s|\p{Lu})/u.test(text.slice(cursor, cursor + 2))) continue;
    // Ordinals, list markers and labels: 1st, 2nd, "1)", "1:" (but not "1:00").
    if (/^(?:st|nd|rd|th)\b/i.test(text.slice(cursor, cursor + 3))) continue;
    if (next === ')' || (next === ':' && !/\d/.test(text[cursor + 1] ?? ''))) continue;

    let magnitude = 1;
    let unitName = '';
    let kind: QuantityKind | undefined;
    let probe = text[cursor] === '-' ? cursor + 1 : skipSpaces(text, cursor);
    let word = wordAt(text, probe);
    if (word) {
      const lower = word.word.toLowerCase().replace(/(?<![-/])[-/]+$/, '');
      const magKey = /^[kmbt]$/i.test(word.word) ? word.word.toLowerCase() : lower;
      const attached = probe === cursor;
      if (MAGNITUDE[magKey] !== undefined && (attached || magKey.length > 1)) {
        // Lower-case "m" straight after a number is minutes unless a count follows ("5m users").
        const after = wordAt(text, skipSpaces(text, word.end));
        const isMinutes = word.word === 'm' && !(after && (COUNT_NOUNS.has(after.word.toLowerCase()) || /^(?:dau|mau|qps|rps)$/i.test(after.word)));
        if (!isMinutes) {
          magnitude = MAGNITUDE[magKey] as number;
          end = word.end;
          probe = skipSpaces(text, word.end);
          word = wordAt(text, probe);
        }
      }
    }
    // "3D CNN", "2D image": a dimension, not days.
    if (word?.word === 'D' && probe === cursor) continue;
    // "8M daily active users": the usual three-word unit.
    const activeUsers = /^(daily|weekly|monthly) active (?:users|listeners|members|customers|accounts|viewers)\b/i.exec(text.slice(probe, probe + 40));
    if (word && activeUsers) {
      unitName = `${(activeUsers[1] as string)[0]?.toLowerCase()}au`;
      kind = 'count';
      end = probe + activeUsers[0].length;
      word = undefined;
    }
    if (word) {
      const lowerFull = word.word.toLowerCase();
      const lower = lowerFull.replace(/(?<![-/])[-/]+$/, '');
      const head = lower.split(/[-/]/)[0] as string;
      const unitEntry = UNITS[lower] ?? UNITS[head];
      if (unitEntry && !(head === 'b' && word.word === 'b')) {
        [unitName, kind] = unitEntry;
        end = probe + (UNITS[lower] ? lower.length : head.length);
        // "requests/s", "events per second": a rate.
        const perRest = text.slice(end, end + 16);
        // A time per time ("2.5 million seconds per month") converts units; it is no workload's rate.
        const timeUnit = kind === 'duration' || kind === 'latency';
        if (!timeUnit && /^\s?(?:\/\s?(?:s|sec|second|min|day|h|hour)|per (?:second|sec|minute|hour|day|month))\b/i.test(perRest)) kind = 'rate';
      } else if (COUNT_NOUNS.has(lower) || COUNT_NOUNS.has(head) || /^(?:dau|mau|wau)$/i.test(lower) || RUSSIAN_COUNT_NOUN.test(lower)) {
        unitName = head;
        kind = 'count';
        end = probe + head.length;
        // A compound: "1000+ transaction characteristics" counts characteristics, "10M user events" events.
        const next = wordAt(text, skipSpaces(text, end));
        const nextLower = next?.word.toLowerCase() ?? '';
        if (next && next.end - next.word.length - end < 3 && /^[a-z-]{4,}s$/.test(nextLower) && !/(?:ss|ous|is|us)$/.test(nextLower)) {
          unitName = nextLower;
          end = next.end;
        }
        const rest = text.slice(end, end + 20);
        if (/^\s?(?:\/\s?(?:s|sec|second|day|min)|per (?:second|sec|minute|day|hour)|a (?:day|second)|daily|each day)\b/i.test(rest)) kind = 'rate';
        else if (/^\s?(?:\/\s?(?:с|сек|день|мин)|в (?:секунду|минуту|час|день|сутки))(?!\p{L})/u.test(rest)) kind = 'rate';
      } else if (/^points?$/.test(lower) && THRESHOLD_CUE.test(text.slice(Math.max(0, start - 24), start))) {
        // "drops by 2 points", "falls 3 points": a metric's movement in (percentage) points, not a list of points.
        unitName = 'pp';
        kind = 'threshold';
        end = probe + lower.length;
      } else if (DESIGN_PARTS.has(lower) || DESIGN_PARTS.has(head)) {
        // "two-stage", "six steps": a count of design parts; "180 models" is a scale figure.
        if (magnitude === 1 && value < 10) continue;
        unitName = head;
        kind = 'count';
        end = probe + head.length;
      } else if (/^(?:x|times)$/.test(lower)) {
        continue;
      } else {
        // "1,000 possible solutions", "4M paying subscribers": look one word further for the noun.
        const further = wordAt(text, skipSpaces(text, word.end));
        const fl = further?.word.toLowerCase() ?? '';
        // ... but not across a connective: "server 1 and user B" counts no users.
        if (further && COUNT_NOUNS.has(fl) && !CONNECTIVE.has(lower)) {
          unitName = fl;
          kind = 'count';
          end = further.end;
        } else if (further && DESIGN_PARTS.has(fl)) {
          continue;
        }
      }
    }
    // "PSI above 0.2 pages the on-call": a fraction of one is not a count of pages; the word after
    // it is a verb. Without its unit, a comparator or a metric before it still makes a threshold.
    if (kind === 'count' && magnitude === 1 && value < 1 && !Number.isInteger(value)) {
      kind = undefined;
      unitName = '';
      end = start + match[0].length;
    }
    if (!kind && magnitude > 1) kind = 'count';
    const before = text.slice(Math.max(0, start - 24), start);
    const comparatorMatch = COMPARATOR_BEFORE.exec(before);
    const comparator = comparatorMatch ? normaliseComparator(comparatorMatch[1] as string) : undefined;
    const currency = CURRENCY_BEFORE.exec(before);
    let qStart = start;
    if (currency) {
      kind = 'money';
      unitName = '$';
      qStart = start - currency[0].length;
    }
    if (comparatorMatch) qStart = start - comparatorMatch[0].length;

    if (kind === 'duration') {
      // Seconds can be a response-time budget ("up to 30 seconds to answer"); minutes and longer are durations.
      if (unitName === 's' && (LATENCY_CUE.test(text) || LATENCY_CUE_RU.test(text)) && value <= 120) kind = 'latency';
      if (EVERY_BEFORE.test(before)) kind = 'cadence';
      if (/^\s?(?:times?|x)\s+(?:a|an|per)\s+(?:day|week|hour|month)/i.test(text.slice(end, end + 24))) kind = 'cadence';
    }
    if (kind === 'percentage' && (comparator || THRESHOLD_CUE.test(before))) kind = 'threshold';
    if (!kind) {
      if (comparator && comparator !== 'within') kind = 'threshold';
      else if (/\b(?:auc|ndcg|map|mrr|precision|recall|accuracy|f1|rmse|mae|mape|loss|logloss|ctr|score|threshold|recall@k|p@k|r2)\b[^.]{0,12}$/i.test(before) && value <= 1000)
        kind = 'threshold';
      else if (/^\d{4}$/.test(match[0]) && value >= 1900 && value <= 2100) continue; // a year
      else continue; // a bare number: no unit, no quantity
    }
    if (kind === 'count' && value * magnitude < 2 && !unitName) continue;
    found.push({
      text: text.slice(qStart, end),
      value: value * magnitude,
      unit: unitName,
      kind,
      comparator,
      start: qStart,
      end,
      numeric: true,
    });
    NUMBER.lastIndex = Math.max(NUMBER.lastIndex, end);
  }
  found.push(...extractWordQuantities(text));
  return found.sort((a, b) => a.start - b.start);
}

function normaliseComparator(raw: string): string {
  const c = raw.trim().toLowerCase();
  if (c === '<' || c === 'under' || c === 'below' || c === 'less than' || c === 'fewer than' || c === 'lower than' || c === 'at most' || c === 'up to' || c === 'no more than') return '<';
  if (c === '<=' || c === '≤' || c === '=<') return '<=';
  if (c === '>=' || c === '≥' || c === '=>' || c === 'at least' || c === 'no less than') return '>=';
  if (c === '~' || c === '≈') return '~';
  if (c === 'within') return 'within';
  return '>';
}

const WORD_QUANTITY =
  /\b((?<=(?:within|after|in|about|around|under|over|up to|roughly|approximately) (?:about |around |roughly )?)an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a hundred|hundreds of|thousands of)[\s-](hours?|days?|weeks?|months?|quarters?|years?|minutes?|seconds?|million|billion|thousand)\b/gi;
const CADENCE = /\b(hourly|daily|nightly|weekly|bi-?weekly|fortnightly|monthly|quarterly|yearly|annually)\b(?! active)|\b(?:every|each|once (?:a|an|per|every))\s+(hour|day|night|week|month|quarter|year|morning|evening|weekend)\b/gi;

/** Spelled-out durations ("three months") and cadence words ("weekly", "every night"). */
function extractWordQuantities(text: string): RawQuantity[] {
  const found: RawQuantity[] = [];
  WORD_QUANTITY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_QUANTITY.exec(text))) {
    const numberWord = (m[1] as string).toLowerCase();
    if (numberWord.startsWith('hundreds') || numberWord.startsWith('thousands')) continue; // an order of magnitude, qualitative
    const value = NUMBER_WORDS[numberWord.replace(/^a /, '')] ?? 1;
    const u = (m[2] as string).toLowerCase();
    const mag = MAGNITUDE[u];
    const entry = UNITS[u];
    const isEvery = EVERY_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index));
    found.push({
      text: m[0],
      value: mag ? value * mag : value,
      unit: mag ? '' : (entry?.[0] ?? u),
      kind: mag ? 'count' : isEvery ? 'cadence' : 'duration',
      comparator: undefined,
      start: m.index,
      end: m.index + m[0].length,
      numeric: true,
    });
  }
  CADENCE.lastIndex = 0;
  while ((m = CADENCE.exec(text))) {
    const word = (m[1] ?? m[2] ?? '').toLowerCase();
    found.push({
      text: m[0],
      value: 1,
      unit: CADENCE_WORDS[word] ?? (word === 'night' || word === 'morning' || word === 'evening' ? 'day' : word),
      kind: 'cadence',
      comparator: undefined,
      start: m.index,
      end: m.index + m[0].length,
      numeric: false,
    });
  }
  return found;
}
