import type { Document } from '../document/document.js';
import type { Block, Section, Sentence } from '../document/types.js';
import { statements } from './statements.js';

/**
 * How closely two statements belong together. High-signal criteria pair two facts (a label
 * source and its delay, a monitored signal and its action) that must be about the same thing:
 * the same sentence, the same list item subtree, or the same short stretch of a section.
 */
export enum Link {
  None = 0,
  Section = 1,
  Subtree = 2,
  Block = 3,
  Sentence = 4,
}

/** Sections up to this many sentences are one thought; longer ones link by proximity only. */
const SMALL_SECTION = 14;
const NEAR_BLOCKS = 2;

/**
 * Constant time: blocks know their tree's root (a list item subtree, a lead-in with its list, a
 * table) and sections their sentence count.
 */
export function linkBetween(a: Sentence, b: Sentence): Link {
  if (a === b) return Link.Sentence;
  if (a.block === b.block) return Link.Block;
  if (a.block.root === b.block.root) return Link.Subtree;
  if (a.section !== b.section) return Link.None;
  if (a.section.sentenceCount <= SMALL_SECTION) return Link.Section;
  return Math.abs(a.block.root.index - b.block.root.index) <= NEAR_BLOCKS ? Link.Section : Link.None;
}

/** The document's statements grouped by `keyOf`, in document order; built once per document and key. */
function statementsBy<K>(doc: Document, memoKey: string, keyOf: (s: Sentence) => K): Map<K, Sentence[]> {
  return doc.memo(memoKey, () => {
    const map = new Map<K, Sentence[]>();
    for (const s of statements(doc)) {
      const key = keyOf(s);
      const list = map.get(key);
      if (list) list.push(s);
      else map.set(key, [s]);
    }
    return map;
  });
}

/** Statements in the same block tree as `sentence` (what `Link.Subtree` or closer reaches). */
export function subtreeStatements(doc: Document, sentence: Sentence): readonly Sentence[] {
  return statementsBy<Block>(doc, 'statements-by-root', (s) => s.block.root).get(sentence.block.root) ?? [];
}

/** Statements in the same section as `sentence`. */
export function sectionStatements(doc: Document, sentence: Sentence): readonly Sentence[] {
  return statementsBy<Section>(doc, 'statements-by-section', (s) => s.section).get(sentence.section) ?? [];
}

/** The first pair (x from `as`, y from `bs`) linked at least as closely as `minimum`. */
export function firstLinked<A extends { sentence: Sentence }, B extends { sentence: Sentence }>(
  as: readonly A[],
  bs: readonly B[],
  minimum: Link,
): [A, B] | undefined {
  // Most calls find a pair at once; a search that drags on (long lists, nothing linked) switches to
  // an index, so no call costs more than linear time in the two lists.
  let budget = 4 * (as.length + bs.length) + 1024;
  for (const a of as) {
    for (const b of bs) {
      if (linkBetween(a.sentence, b.sentence) >= minimum) return [a, b];
      if (--budget === 0) return firstLinkedIndexed(as, bs, minimum);
    }
  }
  return undefined;
}

function firstIndex<K>(map: Map<K, number>, key: K, index: number): void {
  if (!map.has(key)) map.set(key, index);
}

/**
 * For each statement, the first of `bs` that `linkBetween` would link to it at least as closely as
 * `minimum` (the same answer as scanning `bs` in order), from an index built once in linear time:
 * same sentence, same block, same block tree, or the same section when it is small or the block
 * trees are near. For callers that ask about many statements against one list.
 */
export function linkedTo<B extends { sentence: Sentence }>(bs: readonly B[]): (sentence: Sentence, minimum: Link) => B | undefined {
  const bySentence = new Map<Sentence, number>();
  const byBlock = new Map<Block, number>();
  const byRoot = new Map<Block, number>();
  const bySection = new Map<Section, number>();
  const bySectionRoot = new Map<Section, Map<number, number>>();
  bs.forEach((b, i) => {
    const s = b.sentence;
    firstIndex(bySentence, s, i);
    firstIndex(byBlock, s.block, i);
    firstIndex(byRoot, s.block.root, i);
    firstIndex(bySection, s.section, i);
    let roots = bySectionRoot.get(s.section);
    if (!roots) bySectionRoot.set(s.section, (roots = new Map()));
    firstIndex(roots, s.block.root.index, i);
  });
  return (s, minimum) => {
    if (bs.length === 0) return undefined;
    if (minimum <= Link.None) return bs[0];
    let best: number | undefined;
    const consider = (i: number | undefined): void => {
      if (i !== undefined && (best === undefined || i < best)) best = i;
    };
    if (minimum >= Link.Sentence) consider(bySentence.get(s));
    else if (minimum >= Link.Block) consider(byBlock.get(s.block));
    else {
      consider(byRoot.get(s.block.root));
      if (minimum <= Link.Section) {
        if (s.section.sentenceCount <= SMALL_SECTION) consider(bySection.get(s.section));
        else {
          const roots = bySectionRoot.get(s.section);
          if (roots) for (let r = s.block.root.index - NEAR_BLOCKS; r <= s.block.root.index + NEAR_BLOCKS; r++) consider(roots.get(r));
        }
      }
    }
    return best === undefined ? undefined : bs[best];
  };
}

/** The nested loop's pair in time linear in the two lists (two long lists with nothing linked cost their product). */
function firstLinkedIndexed<A extends { sentence: Sentence }, B extends { sentence: Sentence }>(
  as: readonly A[],
  bs: readonly B[],
  minimum: Link,
): [A, B] | undefined {
  const first = linkedTo(bs);
  for (const a of as) {
    const b = first(a.sentence, minimum);
    if (b !== undefined) return [a, b];
  }
  return undefined;
}
