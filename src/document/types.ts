/**
 * The document model: what rules read. Offsets are 0-based UTF-16 offsets into the
 * source text; lines and columns (1-based) are only produced at the edges.
 */

export type SectionKind =
  | 'problem'
  | 'data'
  | 'features'
  | 'model'
  | 'training'
  | 'serving'
  | 'evaluation'
  | 'monitoring'
  | 'retraining'
  | 'scale'
  | 'other';

export const SECTION_KINDS: readonly SectionKind[] = [
  'problem',
  'data',
  'features',
  'model',
  'training',
  'serving',
  'evaluation',
  'monitoring',
  'retraining',
  'scale',
  'other',
];

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableRow';

/** A 1-based line/column point, as users see it. */
export interface Point {
  line: number;
  column: number;
}

/** Maps an index in a block's flattened text back to a source offset. */
export interface TextSegment {
  flatStart: number;
  flatEnd: number;
  srcStart: number;
  srcEnd: number;
}

export interface Block {
  readonly index: number;
  readonly kind: BlockKind;
  /** Inline text with markup removed; soft line breaks are spaces. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly section: Section;
  /**
   * The block this one hangs from: the enclosing list item, the header row of a table,
   * or a short lead-in paragraph ("Features:") right above a list.
   */
  readonly parent: Block | undefined;
  readonly children: Block[];
  /** List nesting depth (0 outside lists). */
  readonly depth: number;
  /** The top of this block's tree (itself when it hangs from nothing). */
  readonly root: Block;
  /** A leaf bullet that only names a topic ("Monitoring", "A/B Test"): a placeholder. */
  readonly scaffold: boolean;
  /** Navigation (table of contents entry, a bare link). */
  readonly navigation: boolean;
  /** An unchecked task-list item (`- [ ] Add drift alerts`), or a block under one: a to-do, not the design. */
  readonly todo: boolean;
  readonly segments: readonly TextSegment[];
  /** Offsets in `text` where the source had a line break. */
  readonly lineBreaks: readonly number[];
  readonly sentences: Sentence[];
}

/** A fenced or indented code block (not a diagram): not prose, kept for the figures it sets. */
export interface CodeListing {
  readonly lang: string | undefined;
  readonly value: string;
  /** Source offsets of the whole block, fences included. */
  readonly start: number;
  readonly end: number;
  readonly section: Section;
}

export interface Section {
  readonly index: number;
  /** 0 for the virtual root that holds text before the first heading; 7 for bold pseudo-headings. */
  readonly level: number;
  /** Heading text without numbering, emoji or trailing colon. */
  readonly title: string;
  readonly heading: Block | undefined;
  readonly parent: Section | undefined;
  readonly children: Section[];
  /** Blocks directly in this section (not in subsections), heading excluded. */
  readonly blocks: Block[];
  /** Kinds read from the heading (and content when the heading says nothing). */
  readonly ownKinds: ReadonlySet<SectionKind>;
  /** Own kinds, or the nearest ancestor's when the heading is generic. */
  readonly kinds: ReadonlySet<SectionKind>;
  readonly start: number;
  end: number;
  /** Sentences in this section's own blocks (not in subsections). */
  readonly sentenceCount: number;
}

export interface Word {
  /** Original text of the token. */
  readonly text: string;
  readonly lower: string;
  readonly stem: string;
  /** Offsets inside the sentence text. */
  readonly start: number;
  readonly end: number;
}

export interface Sentence {
  readonly index: number;
  readonly text: string;
  /** Lower-cased text for matching; URLs and HTML tags are blanked out (offsets are unchanged). */
  readonly lower: string;
  readonly block: Block;
  readonly section: Section;
  /** Source offsets. */
  readonly start: number;
  readonly end: number;
  /** Offset of the sentence inside its block's text. */
  readonly blockOffset: number;
  readonly isHeading: boolean;
  /** Ends with a question mark: asks rather than states. */
  readonly isQuestion: boolean;
  /** Only a placeholder (`[metric]`, TBD, TODO ...) or a label in front of one. */
  readonly isPlaceholder: boolean;
  /** An instruction to the reader ("discuss A/B testing", "continue monitoring your system") or a deferral ("I'd ask the interviewer"). */
  readonly isInstruction: boolean;
  /** Says something: not a heading, question, placeholder, instruction, scaffold or navigation. */
  readonly isStatement: boolean;
  readonly words: readonly Word[];
  readonly quantities: readonly Quantity[];
  readonly components: readonly ComponentMention[];
}

export type QuantityKind =
  | 'latency'
  | 'duration'
  | 'cadence'
  | 'rate'
  | 'count'
  | 'size'
  | 'threshold'
  | 'percentage'
  | 'money';

export interface Quantity {
  readonly text: string;
  readonly value: number;
  /** Normalised unit ("ms", "day", "%", "users", "qps" ...), empty when unknown. */
  readonly unit: string;
  readonly kind: QuantityKind;
  /** `<`, `>`, `<=`, `>=`, `~` when the figure is a bound. */
  readonly comparator: string | undefined;
  /** Source offsets. */
  readonly start: number;
  readonly end: number;
  readonly sentence: Sentence;
  /** Stated inside a question ("Latency: 200 ms?"): an assumption, still a figure. */
  readonly assumed: boolean;
  /** Has a digit (false for words such as "daily" or "three months" spelled out is true). */
  readonly numeric: boolean;
}

export type ComponentCategory =
  | 'storage'
  | 'streaming'
  | 'processing'
  | 'orchestration'
  | 'feature-store'
  | 'serving'
  | 'ml-library'
  | 'model'
  | 'vector-search'
  | 'monitoring'
  | 'platform'
  | 'infrastructure';

export interface ComponentEntry {
  /** Canonical spelling. */
  readonly name: string;
  readonly category: ComponentCategory;
  /** Token sequences (lower case) that name it. */
  readonly aliases: readonly string[];
  /** Only match the exact spelling of `name` or an alias (for words like Ray, SORT, CLIP). */
  readonly caseSensitive?: boolean;
}

export interface ComponentMention {
  readonly entry: ComponentEntry;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: Sentence;
}

/**
 * What a document is, decided once before any signal is judged:
 * - `ml`: an ML system design, answer or notes: a prediction problem, judged on every signal;
 * - `ml-infrastructure`: the design of ML tooling (a training operator, a serving runtime, an
 *   experiment tracker) with no prediction problem of its own;
 * - `non-ml`: a system design without machine learning (a URL shortener, a crawler).
 * Only `ml` documents are judged on the signals that need a prediction problem.
 */
export const DOCUMENT_KINDS = ['ml', 'ml-infrastructure', 'non-ml'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentProfile {
  readonly words: number;
  /** Words in statements (not headings, questions, placeholders, scaffold). */
  readonly statementWords: number;
  /** How much of the text is about machine learning (0..1, saturating). */
  readonly mlScore: number;
  /** Infrastructure and prediction-problem terms per 100 statement words. */
  readonly infrastructureDensity: number;
  readonly problemDensity: number;
  readonly kind: DocumentKind;
  /** `kind === 'ml'`. */
  readonly isML: boolean;
  /**
   * The writing system of most of the statements' letters, when it is not the Latin alphabet
   * ('Cyrillic', 'Hangul', ...): the vocabulary of the rules is English, so such an answer's
   * signals read as missing whatever it says. Absent for Latin script.
   */
  readonly script?: string;
}
