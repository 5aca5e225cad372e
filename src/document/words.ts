import { stemmer } from 'stemmer';
import type { Word } from './types.js';

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

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
    yield* wordSegmenter.segment(text) as Iterable<WordSegment>;
    return;
  }
  let from = 0;
  while (from < text.length) {
    const to = text.length - from <= window ? text.length : wordCut(text, from + (window >> 1), from + window);
    for (const s of wordSegmenter.segment(text.slice(from, to))) yield { segment: s.segment, index: from + s.index, isWordLike: Boolean(s.isWordLike) };
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
    const segments: Array<[number, number]> = [];
    for (const s of sentenceSegmenter.segment(chunk)) segments.push([s.index, s.index + s.segment.length]);
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
      for (const s of sentenceSegmenter.segment(text.slice(from, to))) yield [from + s.index, from + s.index + s.segment.length];
      from = to;
    }
  }
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
