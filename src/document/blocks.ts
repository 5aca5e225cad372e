import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block, BlockKind, CodeListing, Section, TextSegment } from './types.js';
import { diagramLines, isDiagram, isPlainOutline, outlineLines } from './diagram.js';

/** Inline content flattened to text, with a map back to source offsets. */
export interface FlatText {
  text: string;
  segments: TextSegment[];
  lineBreaks: number[];
  /** Every inline child is a link (a table of contents entry, a reference list). */
  onlyLinks: boolean;
  /** The whole paragraph is bold or italic (a pseudo-heading candidate). */
  onlyEmphasis: boolean;
}

class FlatBuilder {
  text = '';
  segments: TextSegment[] = [];
  /** Flat offsets where the source had a line break (the text has a space there). */
  lineBreaks: number[] = [];

  push(value: string, srcStart: number, srcEnd: number): void {
    if (!value) return;
    const flatStart = this.text.length;
    for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) this.lineBreaks.push(flatStart + i);
    // Line breaks inside a block are soft: the block is one run of prose.
    const clean = value.replace(/[\r\n\t]/g, ' ');
    this.text += clean;
    this.segments.push({ flatStart, flatEnd: this.text.length, srcStart, srcEnd });
  }
}

/**
 * Walks the inline nodes in document order with an explicit stack, not recursion: emphasis or
 * links nested tens of thousands deep (a hostile answer) must not exhaust the call stack.
 */
function collectInline(nodes: readonly PhrasingContent[], out: FlatBuilder): void {
  const stack: Array<{ nodes: readonly PhrasingContent[]; next: number }> = [{ nodes, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { nodes: readonly PhrasingContent[]; next: number };
    if (top.next >= top.nodes.length) {
      stack.pop();
      continue;
    }
    const node = top.nodes[top.next++] as PhrasingContent;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'text':
        out.push(node.value, start, end);
        break;
      case 'inlineCode':
        // Names in backticks (`Redis`, `model_id`) are part of the sentence.
        out.push(node.value, start + 1, Math.max(start + 1, end - 1));
        break;
      case 'break':
        out.push(' ', start, end);
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'link':
      case 'linkReference':
        stack.push({ nodes: node.children, next: 0 });
        break;
      default:
        // html (comments), images, footnote references: not prose.
        break;
    }
  }
}

/** A bare web address or e-mail address, as GFM would have linked it (parse.ts reads them as text). */
const BARE_LINK = /^(?:(?:https?:\/\/|www\.)\S|[\w.+-]+@[\w-]+\.\w)/;

/** A text node that holds nothing but bare addresses: a link as far as `onlyLinks` goes. */
function bareLinks(node: PhrasingContent): boolean {
  return node.type === 'text' && node.value.trim().split(/\s+/).every((token) => BARE_LINK.test(token));
}

export function flatten(nodes: readonly PhrasingContent[]): FlatText {
  const out = new FlatBuilder();
  collectInline(nodes, out);
  const meaningful = nodes.filter((n) => !(n.type === 'text' && !n.value.trim()) && n.type !== 'html' && n.type !== 'break');
  return {
    text: out.text,
    segments: out.segments,
    lineBreaks: out.lineBreaks,
    onlyLinks: meaningful.length > 0 && meaningful.every((n) => n.type === 'link' || n.type === 'linkReference' || n.type === 'image' || bareLinks(n)),
    onlyEmphasis: meaningful.length > 0 && meaningful.every((n) => n.type === 'strong' || n.type === 'emphasis'),
  };
}

/** Map an index of a flattened text to a source offset. */
export function sourceOffset(segments: readonly TextSegment[], flatIndex: number, fallback: number): number {
  if (segments.length === 0) return fallback;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as TextSegment).flatStart <= flatIndex) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo] as TextSegment;
  const delta = flatIndex - seg.flatStart;
  // Escapes and entities make a text node shorter than its source: clamp inside the node.
  return Math.min(seg.srcStart + Math.max(0, delta), seg.srcEnd);
}

/** Words that only name a topic: a leaf bullet made of them alone is a template placeholder. */
const TOPIC_WORDS = new Set(
  (
    'a b ab and or of the for to in on with sw ml system systems monitoring monitor updates update scaling scale deployment deploy release ' +
    'releases testing test tests online offline evaluation eval evaluations model models tuning hp hyperparameter iterations iteration ' +
    'training train selection feature features engineering preparation data sources source types type labelling labeling labels label ' +
    'metrics metric architecture high level components component serving inference prediction pipeline pipelines service services other ' +
    'topics topic requirements requirement constraints assumptions overview summary details approach approaches development design ' +
    'retraining collection representation storage infrastructure experiments experiment analysis error errors results baseline ' +
    'baselines performance latency throughput objective objectives goals goal problem formulation clarifying questions use case cases ' +
    'business logging logs alerting alerts drift retrain considerations tradeoffs trade offs notes misc future work next steps ' +
    'needs need construction preprocessing pre processing postprocessing post availability formula template plan strategy ' +
    'strategies options setup process processes flow workflow definition definitions scope context interface interfaces api apis ' +
    'conclusion references appendix open risks timeline milestones ideas candidate generation ranking reranking re retrieval ' +
    'filtering cold start exploration exploitation fairness privacy security cost costs budget capacity sla slas slo infra handling ' +
    'edge management lifecycle monitoring versioning registry store stores sampling split splits validation schema schemas ' +
    'high-level optimization optimisation tests testing measurement measuring reporting integration fallback fallbacks operational ' +
    'concerns health quality relevance history metadata etl loops inner outer residual curve curves learning corner worst best ' +
    'reporting stakeholders impact origin previous issues quality dataset datasets architectural architecture feedback loop canary shadow interleaving pilot'
  ).split(' '),
);

function isTopicOnly(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu);
  if (!words || words.length === 0) return true;
  if (words.length > 6) return false;
  return words.every((w) => TOPIC_WORDS.has(w));
}

export interface BuildResult {
  blocks: Block[];
  sections: Section[];
  code: CodeListing[];
}

interface MutableSection extends Section {
  ownKinds: Set<import('./types.js').SectionKind>;
  kinds: Set<import('./types.js').SectionKind>;
}

interface MutableBlock extends Block {
  parent: Block | undefined;
  scaffold: boolean;
  todo: boolean;
}

/** Leading numbering and decoration of a heading: "3.", "IV.", "Step 2:", emoji, "#". */
const HEADING_PREFIX = /^(?:(?:step|part|section|chapter)\s+\d+[.:)]?\s*|(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.)]\s+|\d+\s+|[#*\-–—•>\s]+)+/iu;
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}]/gu;

export function normalizeTitle(raw: string): string {
  return raw.replace(PICTOGRAPHS, ' ').replace(HEADING_PREFIX, '').replace(/(?<![:\s])[:\s]+$/u, '').replace(/\s+/g, ' ').trim();
}

/**
 * Walks the tree once, producing blocks (units of prose) and the section tree.
 * Code, HTML, front matter and definitions are not prose and produce no blocks.
 */
export function buildBlocks(tree: Root, text: string): BuildResult {
  const textLength = text.length;
  const blocks: MutableBlock[] = [];
  const sections: MutableSection[] = [];
  const root: MutableSection = {
    index: 0,
    level: 0,
    title: '',
    heading: undefined,
    parent: undefined,
    children: [],
    blocks: [],
    ownKinds: new Set(),
    kinds: new Set(),
    start: 0,
    end: textLength,
    sentenceCount: 0,
  };
  sections.push(root);
  let current: MutableSection = root;
  const code: CodeListing[] = [];

  const openSection = (level: number, title: string, start: number): MutableSection => {
    let parent: MutableSection = current;
    while (parent.level >= level && parent.parent) parent = parent.parent as MutableSection;
    // Close every section that this heading ends.
    for (let s: MutableSection | undefined = current; s && s !== parent; s = s.parent as MutableSection | undefined) {
      s.end = start;
    }
    const section: MutableSection = {
      index: sections.length,
      level,
      title,
      heading: undefined,
      parent,
      children: [],
      blocks: [],
      ownKinds: new Set(),
      kinds: new Set(),
      start,
      end: textLength,
      sentenceCount: 0,
    };
    parent.children.push(section);
    sections.push(section);
    current = section;
    return section;
  };

  const addBlock = (
    kind: BlockKind,
    flat: FlatText,
    start: number,
    end: number,
    parent: MutableBlock | undefined,
    depth: number,
    section: MutableSection,
  ): MutableBlock => {
    const block: MutableBlock = {
      index: blocks.length,
      kind,
      text: flat.text,
      start,
      end,
      section,
      parent,
      children: [],
      depth,
      scaffold: false,
      todo: parent?.todo ?? false,
      navigation: flat.onlyLinks && kind !== 'heading',
      root: undefined as unknown as Block,
      segments: flat.segments,
      lineBreaks: flat.lineBreaks,
      sentences: [],
    };
    (block as { root: Block }).root = parent ? parent.root : block;
    blocks.push(block);
    if (parent) parent.children.push(block);
    if (kind !== 'heading') section.blocks.push(block);
    return block;
  };

  const visitList = (list: List, parent: MutableBlock | undefined, depth: number): void => {
    for (const item of list.children) visitListItem(item, parent, depth);
  };

  const visitListItem = (item: ListItem, parent: MutableBlock | undefined, depth: number): void => {
    const start = item.position?.start.offset ?? 0;
    const end = item.position?.end.offset ?? start;
    previousParagraph = undefined;
    const [first, ...rest] = item.children;
    let itemBlock: MutableBlock;
    let remaining: RootContent[];
    if (first && first.type === 'paragraph') {
      const flat = flatten(first.children);
      itemBlock = addBlock('listItem', flat, start, end, parent, depth, current);
      remaining = rest;
    } else if (first && first.type === 'heading') {
      const flat = flatten(first.children);
      itemBlock = addBlock('listItem', flat, start, end, parent, depth, current);
      remaining = rest;
    } else {
      itemBlock = addBlock('listItem', { text: '', segments: [], lineBreaks: [], onlyLinks: false, onlyEmphasis: false }, start, end, parent, depth, current);
      remaining = first ? [first, ...rest] : [];
    }
    // An unchecked box is a to-do; what hangs under it is part of the to-do.
    if (item.checked === false) itemBlock.todo = true;
    for (const child of remaining) visitContainerChild(child, itemBlock, depth + 1);
  };

  const visitTable = (table: Table, parent: MutableBlock | undefined, depth: number): void => {
    let header: MutableBlock | undefined;
    table.children.forEach((row, rowIndex) => {
      const out = new FlatBuilder();
      row.children.forEach((cell, i) => {
        const cellStart = cell.position?.start.offset ?? 0;
        if (i > 0) out.push(' | ', cellStart, cellStart);
        collectInline(cell.children, out);
      });
      const flat: FlatText = { text: out.text, segments: out.segments, lineBreaks: out.lineBreaks, onlyLinks: false, onlyEmphasis: false };
      const start = row.position?.start.offset ?? 0;
      const end = row.position?.end.offset ?? start;
      const block = addBlock('tableRow', flat, start, end, rowIndex === 0 ? parent : (header ?? parent), depth, current);
      if (rowIndex === 0) header = block;
    });
  };

  /** A paragraph that is only bold text, short, on its own: a heading in all but syntax. */
  const isPseudoHeading = (paragraph: Paragraph, flat: FlatText): boolean => {
    if (!flat.onlyEmphasis) return false;
    const words = flat.text.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.length > 8) return false;
    if (/[.?!]$/.test(flat.text.trim())) return false;
    return paragraph.children.some((c) => c.type === 'strong');
  };

  let previousParagraph: MutableBlock | undefined;

  const visitContainerChild = (node: RootContent, parent: MutableBlock | undefined, depth: number): void => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'heading': {
        if (parent) {
          // A heading inside a list item or quote: keep it as prose of that container.
          addBlock('paragraph', flatten(node.children), start, end, parent, depth, current);
          break;
        }
        const flat = flatten((node as Heading).children);
        const section = openSection(node.depth, normalizeTitle(toString(node)), start);
        const block = addBlock('heading', flat, start, end, undefined, 0, section);
        (section as { heading: Block | undefined }).heading = block;
        previousParagraph = undefined;
        return;
      }
      case 'paragraph': {
        const flat = flatten(node.children);
        if (!parent && isPseudoHeading(node, flat)) {
          const section = openSection(7, normalizeTitle(toString(node)), start);
          const block = addBlock('heading', flat, start, end, undefined, 0, section);
          (section as { heading: Block | undefined }).heading = block;
          previousParagraph = undefined;
          return;
        }
        const block = addBlock('paragraph', flat, start, end, parent, depth, current);
        previousParagraph = block;
        return;
      }
      case 'list': {
        // A short lead-in right above a list ("Features:", "We monitor three things") frames its items.
        const lead = previousParagraph && previousParagraph.parent === parent && isLeadIn(previousParagraph) ? previousParagraph : parent;
        visitList(node, lead, depth);
        break;
      }
      case 'table':
        visitTable(node, parent, depth);
        break;
      case 'blockquote':
      case 'footnoteDefinition':
        for (const child of node.children) visitContainerChild(child, parent, depth);
        break;
      case 'code': {
        // A diagram or a plain-text outline draws the design: each drawn line reads as an item of a list (diagram.ts).
        const lines = isDiagram(node.lang) ? diagramLines : isPlainOutline(node.lang, node.value) ? outlineLines : undefined;
        if (lines) {
          const contentStart = text.indexOf('\n', start) + 1;
          for (const line of lines(node.value, text, contentStart > 0 ? contentStart : start, end)) {
            addBlock('listItem', { text: line.text, segments: line.segments, lineBreaks: [], onlyLinks: false, onlyEmphasis: false }, line.start, line.end, parent, depth, current);
          }
        } else {
          // Not prose, but a listing's settings are figures of the design (code.ts).
          code.push({ lang: node.lang ?? undefined, value: node.value, start, end, section: current });
        }
        break;
      }
      default:
        // code, html, yaml/toml front matter, thematic breaks, definitions: not prose.
        break;
    }
    previousParagraph = undefined;
  };

  for (const node of tree.children) visitContainerChild(node, undefined, 0);

  // Bottom-up (children come after their parent): a bullet that only names a topic, with nothing
  // under it but more such bullets, is template scaffolding.
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i] as MutableBlock;
    block.scaffold = block.kind === 'listItem' && isTopicOnly(block.text) && block.children.every((c) => c.scaffold);
  }
  return { blocks, sections, code };
}

function isLeadIn(block: Block): boolean {
  const text = block.text.trim();
  if (text.endsWith(':')) return true;
  return text.split(/\s+/).length <= 12;
}

export type { Nodes };
