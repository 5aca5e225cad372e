import { stemmer } from 'stemmer';
import type { Word } from './types.js';

// Made on first use: building ICU's break iterators costs a cold start about 20 ms, and a document
// in ASCII needs neither (asciiWordRanges, asciiSentenceRanges).
let wordSegmenterOnce: Intl.Segmenter | undefined;
let sentenceSegmenterOnce: Intl.Segmenter | undefined;
const wordSegmenter = (): Intl.Segmenter => (wordSegmenterOnce ??= new Intl.Segmenter('en', { granularity: 'word' }));
const sentenceSegmenter = (): Intl.Segmenter => (sentenceSegmenterOnce ??= new Intl.Segmenter('en', { granularity: 'sentence' }));

/*
 * Intl.Segmenter (V8/ICU in Node 20) spends time proportional to the length of the whole string on
 * every segment it yields, so segmenting one long text is quadratic: a single 200,000-character
 * paragraph takes 20 s, a 1 MB one minutes. Long texts are therefore segmented in windows, cut only
 * where the cut cannot change a boundary, so the segments are the same as in one pass.
 */

/** Texts up to this length are segmented in one pass (every real paragraph and sentence). */
export const SEGMENT_WINDOW = 4096;

export interface WordSegment {
  segment: string;
  index: number;
  isWordLike: boolean;
}

/** Characters that start a new word after white space (not Extend, Format or ZWJ, which UAX #29 WB4 attaches). */
const WORD_START = /^[\p{L}\p{N}\p{P}\p{S}]$/u;
const EXTENDS = /^[\p{Grapheme_Extend}\p{Emoji_Modifier}]$/u;

/**
 * A cut in (lo, hi] after a space or tab and before a letter, digit, punctuation mark or symbol: a
 * word boundary whatever surrounds it (UAX #29: only WB3d joins white space to what follows, and
 * only to more white space; WB4 attaches Extend, Format and ZWJ, which are excluded here). Without
 * one (half a window with no space), a cut at `hi` that does not split a surrogate pair.
 */
function wordCut(text: string, lo: number, hi: number): number {
  for (let i = hi; i > lo; i--) {
    const before = text.charCodeAt(i - 1);
    if (before !== 32 && before !== 9) continue;
    const c = String.fromCodePoint(text.codePointAt(i) as number);
    if (WORD_START.test(c) && !EXTENDS.test(c)) return i;
  }
  const code = text.charCodeAt(hi);
  return code >= 0xdc00 && code <= 0xdfff ? hi - 1 : hi;
}

/** Word segments of a text, as Intl.Segmenter gives them, in linear time. */
export function* wordSegments(text: string, window = SEGMENT_WINDOW): Generator<WordSegment> {
  if (text.length <= window) {
    yield* wordSegmenter().segment(text) as Iterable<WordSegment>;
    return;
  }
  let from = 0;
  while (from < text.length) {
    const to = text.length - from <= window ? text.length : wordCut(text, from + (window >> 1), from + window);
    for (const s of wordSegmenter().segment(text.slice(from, to))) yield { segment: s.segment, index: from + s.index, isWordLike: Boolean(s.isWordLike) };
    from = to;
  }
}

const LETTER = /^\p{L}$/u;

/**
 * Sentence segments of a text as [start, end) pairs, as Intl.Segmenter gives them, in linear time.
 * A window's boundaries are kept up to its last letter: the only rule that looks ahead (UAX #29
 * SB8) stops at the first letter, so those decisions do not depend on the window's end; the next
 * window starts at the last boundary kept. A window with no such boundary (a "sentence" longer
 * than the window, which no prose has) is cut between words.
 */
export function* sentenceSegments(text: string, window = SEGMENT_WINDOW): Generator<[number, number]> {
  let from = 0;
  while (from < text.length) {
    const last = text.length - from <= window;
    const chunk = last ? text.slice(from) : text.slice(from, from + window);
    const segments = sentenceRangesOf(chunk);
    if (last) {
      for (const [a, b] of segments) yield [from + a, from + b];
      return;
    }
    let lastLetter = chunk.length - 1;
    while (lastLetter > 0 && !LETTER.test(String.fromCodePoint(chunk.codePointAt(lastLetter) as number))) lastLetter--;
    let keep = segments.length - 1;
    while (keep > 0 && (segments[keep] as [number, number])[0] > lastLetter) keep--;
    if (keep > 0) {
      for (let k = 0; k < keep; k++) yield [from + (segments[k] as [number, number])[0], from + (segments[k] as [number, number])[1]];
      from += (segments[keep] as [number, number])[0];
    } else {
      const to = wordCut(text, from + (window >> 1), from + window);
      for (const [a, b] of sentenceRangesOf(text.slice(from, to))) yield [from + a, from + b];
      from = to;
    }
  }
}

/** Intl.Segmenter's sentence segments of a text: computed directly for ASCII (asciiSentenceRanges). */
function sentenceRangesOf(text: string): Array<[number, number]> {
  if (ASCII.test(text)) return asciiSentenceRanges(text);
  const ranges: Array<[number, number]> = [];
  for (const s of sentenceSegmenter().segment(text)) ranges.push([s.index, s.index + s.segment.length]);
  return ranges;
}

/** Stems are memoised per document (the cache is owned by the Document). */
export type StemCache = Map<string, string>;

export function stemOf(lower: string, cache: StemCache): string {
  let stem = cache.get(lower);
  if (stem === undefined) {
    // Porter stemming is for English words; keep tokens with digits or very short ones as they are.
    stem = lower.length > 3 && !/\d/.test(lower) ? stemmer(lower) : lower;
    cache.set(lower, stem);
  }
  return stem;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** ALetter, Numeric and ExtendNumLet (`_`) of UAX #29, in ASCII. */
const isWordChar = (c: number) => isLetter(c) || isDigit(c) || c === 95;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The word-like segments Intl.Segmenter gives for an ASCII text, as [start, end) pairs, without
 * it: letters, digits and `_` run together; `.`, `'` and `:` join two letters ("e.g", "can't"),
 * `.`, `'`, `,` and `;` join two digits ("1,000", "3.5"); a run of only underscores is word-like
 * from two on. Segmenting costs about a tenth of linting a typical answer, nearly all of it in
 * ASCII sentences; a test checks this against Intl.Segmenter on generated ASCII text.
 */
export function asciiWordRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let j = i + 1;
    let alnum = text.charCodeAt(i) !== 95;
    for (;;) {
      if (j < n && isWordChar(text.charCodeAt(j))) {
        if (text.charCodeAt(j) !== 95) alnum = true;
        j++;
        continue;
      }
      if (j + 1 < n) {
        const mid = text.charCodeAt(j);
        const before = text.charCodeAt(j - 1);
        const after = text.charCodeAt(j + 1);
        const letters = isLetter(before) && isLetter(after) && (mid === 46 || mid === 39 || mid === 58);
        const digits = isDigit(before) && isDigit(after) && (mid === 46 || mid === 39 || mid === 44 || mid === 59);
        if (letters || digits) {
          j += 2;
          continue;
        }
      }
      break;
    }
    if (alnum || j - start >= 2) ranges.push([start, j]);
    i = j;
  }
  return ranges;
}

/** Word-like segments of a text as [start, end) pairs: Intl.Segmenter's, computed directly for ASCII. */
export function wordRanges(text: string): Array<[number, number]> {
  if (ASCII.test(text)) return asciiWordRanges(text);
  const ranges: Array<[number, number]> = [];
  for (const segment of wordSegments(text)) if (segment.isWordLike) ranges.push([segment.index, segment.index + segment.segment.length]);
  return ranges;
}

/** Word-like tokens of a text, with offsets inside it. */
export function tokenize(text: string, cache: StemCache): Word[] {
  return wordRanges(text).map(([start, end]) => {
    const word = text.slice(start, end);
    const lower = word.toLowerCase();
    return { text: word, lower, stem: stemOf(lower, cache), start, end };
  });
}

/** Abbreviations after which a sentence does not end. */
const ABBREVIATION = /(?:^|[\s([])(?:e\.g|i\.e|vs|etc|approx|incl|esp|cf|no|fig|eq|avg|min|max|approx|dept|est|misc)\.\s*$/i;

const isSentenceSpace = (c: number) => c === 32 || c === 9 || c === 11 || c === 12;
const isParaSep = (c: number) => c === 10 || c === 13;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
/** `!` and `?` (STerm); `.` is ATerm. */
const isSTerm = (c: number) => c === 33 || c === 63;
/** Quotation marks and brackets (Close). */
const isClose = (c: number) => c === 34 || c === 39 || c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125;
/** `,` `-` `:` `;` (SContinue). */
const isSContinue = (c: number) => c === 44 || c === 45 || c === 58 || c === 59;

/**
 * The sentence segments Intl.Segmenter gives for an ASCII text, as [start, end) pairs, without it:
 * the rules of UAX #29 (SB3-SB11) over the ASCII members of its classes, in one pass. A sentence
 * ends after `.`, `!` or `?`, any closing quotes or brackets and spaces, unless what follows keeps
 * it going: a digit right after a period ("3.5"), a capital after a letter and a period ("U.S"), a
 * lower-case word before any capital ("e.g. kafka"), a comma, dash, colon, semicolon or another
 * terminator; a line break always ends one. A test checks this against Intl.Segmenter on generated
 * ASCII text.
 */
export function asciiSentenceRanges(text: string): Array<[number, number]> {
  const n = text.length;
  const ranges: Array<[number, number]> = [];
  if (n === 0) return ranges;
  // SB8 looks ahead past everything but letters, line breaks and terminators for a lower-case
  // letter: for each position, where that look-ahead stops.
  const stop = new Int32Array(n + 1);
  stop[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    stop[i] = isUpper(c) || isLower(c) || isParaSep(c) || isSTerm(c) || c === 46 ? i : (stop[i + 1] as number);
  }
  let start = 0;
  // After a terminator (1 a period, 2 `!` or `?`), its closing marks (phase 0) and spaces (phase 1).
  let term = 0;
  let phase = 0;
  for (let i = 1; i < n; i++) {
    const p = text.charCodeAt(i - 1);
    if (p === 46 || isSTerm(p)) {
      term = p === 46 ? 1 : 2;
      phase = 0;
    } else if (term && phase === 0 && isClose(p)) {
      // still SATerm Close*
    } else if (term && isSentenceSpace(p)) {
      phase = 1;
    } else {
      term = 0;
    }
    const c = text.charCodeAt(i);
    let boundary = false;
    if (p === 13 && c === 10) boundary = false; // SB3
    else if (isParaSep(p)) boundary = true; // SB4
    else if (term) {
      const before = i >= 2 ? text.charCodeAt(i - 2) : 0;
      if (p === 46 && c >= 48 && c <= 57) boundary = false; // SB6
      else if (p === 46 && (isUpper(before) || isLower(before)) && isUpper(c)) boundary = false; // SB7
      else if (term === 1 && (stop[i] as number) < n && isLower(text.charCodeAt(stop[i] as number))) boundary = false; // SB8
      else if (isSContinue(c) || isSTerm(c) || c === 46) boundary = false; // SB8a
      else if (isSentenceSpace(c) || isParaSep(c) || (phase === 0 && isClose(c))) boundary = false; // SB9, SB10
      else boundary = true; // SB11
    }
    if (boundary) {
      ranges.push([start, i]);
      start = i;
    }
  }
  ranges.push([start, n]);
  return ranges;
}

/** Sentence ranges of a text, as [start, end) pairs with surrounding white space trimmed. */
export function splitSentences(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let pending: [number, number] | undefined;
  for (const [segmentStart, segmentEnd] of sentenceSegments(text)) {
    let start = segmentStart;
    let end = segmentEnd;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start === end) continue;
    if (pending) {
      pending[1] = end;
    } else {
      pending = [start, end];
    }
    // "e.g. Kafka" must not end a sentence.
    if (ABBREVIATION.test(text.slice(Math.max(pending[0], end - 12), end))) continue;
    ranges.push(pending);
    pending = undefined;
  }
  if (pending) ranges.push(pending);
  return ranges;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}
