import type { Block, Sentence } from '../document/types.js';

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

function ancestors(block: Block): Block[] {
  const list: Block[] = [];
  for (let b: Block | undefined = block.parent; b; b = b.parent) list.push(b);
  return list;
}

function rootOf(block: Block): Block {
  let b = block;
  while (b.parent) b = b.parent;
  return b;
}

/** Sections up to this many sentences are one thought; longer ones link by proximity only. */
const SMALL_SECTION = 14;
const NEAR_BLOCKS = 2;

export function linkBetween(a: Sentence, b: Sentence): Link {
  if (a === b) return Link.Sentence;
  if (a.block === b.block) return Link.Block;
  if (ancestors(a.block).includes(b.block) || ancestors(b.block).includes(a.block)) return Link.Subtree;
  if (a.block.parent && a.block.parent === b.block.parent) return Link.Subtree;
  if (rootOf(a.block) === rootOf(b.block)) return Link.Subtree;
  if (a.section !== b.section) return Link.None;
  const sentencesInSection = a.section.blocks.reduce((n, blk) => n + blk.sentences.length, 0);
  if (sentencesInSection <= SMALL_SECTION) return Link.Section;
  return Math.abs(rootOf(a.block).index - rootOf(b.block).index) <= NEAR_BLOCKS ? Link.Section : Link.None;
}

/** The first pair (x from `as`, y from `bs`) linked at least as closely as `minimum`. */
export function firstLinked<A extends { sentence: Sentence }, B extends { sentence: Sentence }>(
  as: readonly A[],
  bs: readonly B[],
  minimum: Link,
): [A, B] | undefined {
  for (const a of as) for (const b of bs) if (linkBetween(a.sentence, b.sentence) >= minimum) return [a, b];
  return undefined;
}
