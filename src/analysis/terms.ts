import { stemmer } from 'stemmer';
import type { Sentence, Word } from '../document/types.js';

/** A place in a sentence where a concept is named. Offsets are inside `sentence.text`. */
export interface Hit {
  readonly concept: string;
  readonly sentence: Sentence;
  readonly start: number;
  readonly end: number;
  /** Said in the negative ("we won't cover monitoring", "no retraining is planned"). */
  readonly negated: boolean;
}

function stemWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.length > 3 && !/\d/.test(lower) ? stemmer(lower) : lower;
}

interface Phrase {
  concept: string;
  /** Stems to match; "*" matches any one word. */
  stems: string[];
}

/**
 * Concepts named by phrases of words, matched on Porter stems so that "retrain",
 * "retraining" and "retrained" are one term. Phrases are written as plain words
 * ("feature store", "ground truth"); `*` stands for any single word.
 */
export class Terms {
  private readonly byFirst = new Map<string, Phrase[]>();

  constructor(concepts: Record<string, readonly string[]>) {
    for (const [concept, phrases] of Object.entries(concepts)) {
      for (const phrase of phrases) {
        const stems = (phrase.match(/[\p{L}\p{N}]+|\*/gu) ?? []).map((w) => (w === '*' ? '*' : stemWord(w)));
        if (stems.length === 0 || stems[0] === '*') throw new Error(`Terms: phrase "${phrase}" must start with a word`);
        const list = this.byFirst.get(stems[0] as string) ?? [];
        list.push({ concept, stems });
        list.sort((a, b) => b.stems.length - a.stems.length);
        this.byFirst.set(stems[0] as string, list);
      }
    }
  }

  find(sentence: Sentence): Hit[] {
    const hits: Hit[] = [];
    const words = sentence.words;
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirst.get((words[i] as Word).stem);
      if (!candidates) continue;
      for (const phrase of candidates) {
        if (i + phrase.stems.length > words.length) continue;
        let ok = true;
        for (let k = 1; k < phrase.stems.length && ok; k++) {
          const stem = phrase.stems[k] as string;
          ok = stem === '*' || (words[i + k] as Word).stem === stem;
        }
        if (!ok) continue;
        const start = (words[i] as Word).start;
        const end = (words[i + phrase.stems.length - 1] as Word).end;
        hits.push({ concept: phrase.concept, sentence, start, end, negated: isNegated(sentence, start, end) });
        break;
      }
    }
    return hits;
  }

  has(sentence: Sentence, concept?: string): boolean {
    return this.find(sentence).some((h) => !h.negated && (concept === undefined || h.concept === concept));
  }
}

/**
 * Calls `visit` with each non-empty match of a global pattern over the sentence's lower-cased text,
 * in order, until it returns true; says whether it did. A scan that stops early leaves the pattern
 * as a finished one does (`lastIndex` 0), for a later `test` or `exec`.
 */
function scan(sentence: Sentence, pattern: RegExp, caller: string, visit: (start: number, end: number) => boolean): boolean {
  if (!pattern.global) throw new Error(`${caller}: ${pattern} must be global`);
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(sentence.lower))) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (visit(m.index, m.index + m[0].length)) {
      pattern.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/** Matches of a global, case-insensitive regular expression over a sentence's lower-cased text. */
export function findPattern(sentence: Sentence, pattern: RegExp, concept: string): Hit[] {
  const hits: Hit[] = [];
  scan(sentence, pattern, 'findPattern', (start, end) => {
    hits.push({ concept, sentence, start, end, negated: isNegated(sentence, start, end) });
    return false;
  });
  return hits;
}

/** Does the sentence say it: a match of any of the patterns that is not negated ("no drift alerts" says no alert)? */
export function says(sentence: Sentence, ...patterns: RegExp[]): boolean {
  return patterns.some((pattern) => scan(sentence, pattern, 'says', (start, end) => !isNegated(sentence, start, end)));
}

/** How many different words of a pattern a statement uses, not negated (how much of a criterion it touches). */
export function distinctHits(sentence: Sentence, pattern: RegExp): number {
  return new Set(findPattern(sentence, pattern, 'distinct').filter((h) => !h.negated).map((h) => sentence.lower.slice(h.start, h.end))).size;
}

const NEGATORS = new Set([
  'no', 'not', 'never', 'without', 'nor', 'neither', 'none', "won't", 'wont', "don't", 'dont', "doesn't", 'doesnt', "isn't",
  'isnt', "aren't", 'arent', 'cannot', "can't", 'cant', "didn't", 'didnt', "shouldn't", "wouldn't", 'skip', 'skipping',
  'omit', 'ignore', 'ignoring', 'exclude', 'excluding', 'lack', 'lacks', 'nothing',
]);

/** Clause boundaries: a negation does not reach past them. */
const CLAUSE_BREAK = /[,;:()\u2014\u2013]|\bbut\b|\bwhile\b|\bhowever\b|\bwhereas\b|\bthen\b|\bso\b|\band then\b/;
const NEGATED_AFTER = /^[^,;:.]{0,40}?\b(?:is|are|will be|remains?|stays?)?\s*(?:out of scope|not (?:covered|needed|required|necessary|discussed|planned|in scope|included|considered)|left out|omitted|excluded|deferred|for (?:later|future work))\b/;
/** "Deliberately left out: skew, monitoring ...": a label that negates the whole list after it. */
const NEGATED_PREFIX = /^[^:]{0,40}\b(?:left out|out of scope|not covered|won't cover|non-goals?|excluded|omitted|skipped|not in scope|we (?:will not|won't) (?:cover|discuss))\b[^:]{0,20}:/;
const NO_NEED = /\b(?:no need|no point|there is no|there's no|there are no|is not needed|not necessary|unnecessary|no plans?|(?:don['’]t|do not|doesn['’]t|does not|won['’]t|will not) (?:need|require|plan)\w*)\b[^.;]{0,60}$/;

/**
 * Is the term at [start, end) negated? Looks back a few words within the clause for a negator
 * ("we won't cover monitoring", "no retraining"), and ahead for "... is out of scope".
 */
export function isNegated(sentence: Sentence, start: number, end: number): boolean {
  if (NEGATED_PREFIX.test(sentence.lower.slice(0, start))) return true;
  const before = sentence.lower.slice(Math.max(0, start - 60), start);
  const clauseStart = lastBreak(before);
  const clause = before.slice(clauseStart);
  if (NO_NEED.test(clause)) return true;
  const words = clause.match(/[\p{L}']+/gu) ?? [];
  for (const w of words.slice(-5)) if (NEGATORS.has(w)) return true;
  const after = sentence.lower.slice(end, end + 60);
  return NEGATED_AFTER.test(after);
}

const CLAUSE_BREAKS = new RegExp(CLAUSE_BREAK.source, 'g');

function lastBreak(text: string): number {
  let index = 0;
  CLAUSE_BREAKS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAKS.exec(text))) index = m.index + m[0].length;
  return index;
}
