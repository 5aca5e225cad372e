import { stemmer } from 'stemmer';
import type { Word } from './types.js';

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

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

/** Word-like tokens of a text, with offsets inside it. */
export function tokenize(text: string, cache: StemCache): Word[] {
  const words: Word[] = [];
  for (const segment of wordSegmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    const lower = segment.segment.toLowerCase();
    words.push({
      text: segment.segment,
      lower,
      stem: stemOf(lower, cache),
      start: segment.index,
      end: segment.index + segment.segment.length,
    });
  }
  return words;
}

/** Abbreviations after which a sentence does not end. */
const ABBREVIATION = /(?:^|[\s([])(?:e\.g|i\.e|vs|etc|approx|incl|esp|cf|no|fig|eq|avg|min|max|approx|dept|est|misc)\.\s*$/i;

/** Sentence ranges of a text, as [start, end) pairs with surrounding white space trimmed. */
export function splitSentences(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let pending: [number, number] | undefined;
  for (const segment of sentenceSegmenter.segment(text)) {
    let start = segment.index;
    let end = start + segment.segment.length;
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
