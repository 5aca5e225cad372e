import type { Document } from '../document/document.js';
import { sourceOffset } from '../document/blocks.js';
import type { Block, Sentence } from '../document/types.js';
import { findPattern, type Hit, type Terms } from './terms.js';

/** Sentences that say something (see `Sentence.isStatement`). */
export function statements(doc: Document): readonly Sentence[] {
  return doc.memo('statements', () => doc.sentences.filter((s) => s.isStatement));
}

/** Non-negated hits of a pattern over the statements of a document (memoised per pattern). */
export function hitsOf(doc: Document, key: string, pattern: RegExp, filter: (s: Sentence) => boolean = () => true): Hit[] {
  return doc.memo(`hits:${key}`, () => {
    const out: Hit[] = [];
    for (const s of statements(doc)) if (filter(s)) for (const h of findPattern(s, pattern, key)) if (!h.negated) out.push(h);
    return out;
  });
}

/** Non-negated term hits over statements. */
export function termHits(doc: Document, key: string, terms: Terms, filter: (s: Sentence) => boolean = () => true): Hit[] {
  return doc.memo(`terms:${key}`, () => {
    const out: Hit[] = [];
    for (const s of statements(doc)) if (filter(s)) for (const h of terms.find(s)) if (!h.negated) out.push(h);
    return out;
  });
}

/** The text a hit covers. */
export function hitText(hit: Hit): string {
  return hit.sentence.text.slice(hit.start, hit.end);
}

const blockLower = new WeakMap<Block, string>();
/** A block's text in lower case, computed once per block (every sentence of a block asks for it). */
export function lowerText(block: Block): string {
  let lower = blockLower.get(block);
  if (lower === undefined) {
    lower = block.text.toLowerCase();
    blockLower.set(block, lower);
  }
  return lower;
}

/**
 * Whether a pattern matches a block's lower-cased text, remembered per pattern and block: every
 * sentence of a block asks the same question (a paragraph of 50,000 short lines asked it 50,000
 * times over the whole paragraph, 10 s for 100 KB).
 */
const blockMatchCache = new WeakMap<RegExp, WeakMap<Block, boolean>>();
function blockMatches(block: Block, pattern: RegExp): boolean {
  let byBlock = blockMatchCache.get(pattern);
  if (!byBlock) {
    byBlock = new WeakMap();
    blockMatchCache.set(pattern, byBlock);
  }
  let matches = byBlock.get(block);
  if (matches === undefined) {
    pattern.lastIndex = 0;
    matches = pattern.test(lowerText(block));
    byBlock.set(block, matches);
  }
  return matches;
}

/** Does the sentence, its block, a block it hangs from (a lead-in, a parent bullet) or a heading above it match? */
export function inContext(sentence: Sentence, pattern: RegExp, options: { block?: boolean } = {}): boolean {
  pattern.lastIndex = 0;
  if (pattern.test(sentence.lower)) return true;
  // The paragraph or bullet the sentence is in sets its topic ("Inputs come in two flavours. The fresh ones ...").
  for (let b: typeof sentence.block | undefined = options.block === false ? sentence.block.parent : sentence.block; b; b = b.parent) {
    if (blockMatches(b, pattern)) return true;
  }
  for (let s: typeof sentence.section | undefined = sentence.section; s; s = s.parent) {
    pattern.lastIndex = 0;
    if (s.title && pattern.test(s.title.toLowerCase())) return true;
  }
  return false;
}

/**
 * The question a statement answers: the nearest question before it in its section, a few sentences
 * back at most ("**Interviewer:** How do you handle the train-serve skew problem?" over the
 * candidate's reply; "Q: ..." in notes). A question earns nothing itself; it sets the topic of the
 * reply, as a heading does.
 */
export function questionBefore(doc: Document, sentence: Sentence, within = 8): Sentence | undefined {
  for (let i = sentence.index - 1; i >= 0 && i >= sentence.index - within; i--) {
    const previous = doc.sentences[i] as Sentence;
    if (previous.section !== sentence.section) return undefined;
    if (previous.isQuestion) return previous;
  }
  return undefined;
}

/** Source range of a hit (for reports that point at the phrase itself). */
export function hitRange(hit: Hit): { start: number; end: number } {
  const s = hit.sentence;
  const start = sourceOffset(s.block.segments, s.blockOffset + hit.start, s.start);
  return { start, end: Math.max(start, sourceOffset(s.block.segments, s.blockOffset + hit.end, s.end)) };
}
