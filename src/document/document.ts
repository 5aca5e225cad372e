import type { Root } from 'mdast';
import { buildBlocks, sourceOffset } from './blocks.js';
import {
  CYRILLIC,
  INFRASTRUCTURE_DENSITY,
  INFRASTRUCTURE_FORMS,
  PREDICTS,
  TAG_LABELS,
  INFRASTRUCTURE_TERMS,
  kindsOfContent,
  kindsOfTitle,
  ML_STEMS,
  RUSSIAN_ML_WORDS,
  PROBLEM_DENSITY_OF_INFRASTRUCTURE,
  PROBLEM_PER_INFRASTRUCTURE,
  PREDICTION_STATEMENT,
  PROBLEM_TERMS,
} from './classify.js';
import { defaultComponents, type ComponentLexicon } from './components.js';
import { InputError } from '../support/errors.js';
import { LineIndex } from './line-index.js';
import { MAX_NESTING, MAX_TABLE_CELLS, tooDeeplyNested, tooManyTableCells } from './nesting.js';
import { parseMarkdown } from './parse.js';
import { extractQuantities } from './quantities.js';
import { sentenceFlags } from './sentences.js';
import type {
  Block,
  CodeListing,
  ComponentMention,
  DocumentKind,
  DocumentProfile,
  Point,
  Quantity,
  Section,
  SectionKind,
  Sentence,
  Word,
} from './types.js';
import { splitSentences, tokenize, type StemCache } from './words.js';

export interface DocumentOptions {
  filePath?: string;
  /** Named-component lexicon (extensible by plugins); the built-in one by default. */
  components?: ComponentLexicon;
}

/**
 * A parsed answer. Built once per file; rules read its views and never change it.
 * Derived views that rules share are cached on the instance (`memo`), never globally.
 */
export class Document {
  readonly text: string;
  readonly filePath: string | undefined;
  readonly tree: Root;
  readonly lines: LineIndex;
  readonly blocks: readonly Block[];
  readonly sections: readonly Section[];
  readonly sentences: readonly Sentence[];
  readonly quantities: readonly Quantity[];
  readonly components: readonly ComponentMention[];
  /** Code listings (diagrams excluded: they are read as lists). */
  readonly code: readonly CodeListing[];
  private readonly cache = new Map<string, unknown>();
  private profileValue: DocumentProfile | undefined;

  constructor(text: string, options: DocumentOptions = {}) {
    this.text = text;
    this.filePath = options.filePath;
    this.lines = new LineIndex(text);
    const deep = tooDeeplyNested(text);
    if (deep) {
      throw new InputError(options.filePath ?? '<text>', `lists or block quotes nested more than ${MAX_NESTING} levels deep at line ${deep.line}; not linted`);
    }
    const wide = tooManyTableCells(text);
    if (wide) {
      throw new InputError(options.filePath ?? '<text>', `tables of more than ${MAX_TABLE_CELLS.toLocaleString('en-US')} cells (from the table at line ${wide.line}); not linted`);
    }
    let built: { tree: Root } & ReturnType<typeof buildBlocks>;
    try {
      const tree = parseMarkdown(text);
      built = { tree, ...buildBlocks(tree, text) };
    } catch (error) {
      // Inline markup nested tens of thousands deep (emphasis in emphasis ...) can still exhaust
      // the call stack of a recursive step; that is a property of the input, not a crash.
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        throw new InputError(options.filePath ?? '<text>', 'markup nested too deeply to read (emphasis, links or brackets inside each other thousands of levels deep); not linted', { cause: error });
      }
      throw error;
    }
    this.tree = built.tree;
    const { blocks, sections } = built;
    this.blocks = blocks;
    this.sections = sections;
    this.code = built.code;
    const stems: StemCache = new Map();
    const lexicon = options.components ?? defaultComponents;
    const sentences: Sentence[] = [];
    const quantities: Quantity[] = [];
    const components: ComponentMention[] = [];

    for (const block of blocks) {
      if (!block.text.trim()) continue;
      // A heading is one title, whatever its punctuation ("3. Serving").
      const ranges = block.kind === 'heading' ? [trimmedRange(block.text)] : sentenceRanges(block);
      for (const [from, to] of ranges) {
        const sentenceText = block.text.slice(from, to);
        const words: Word[] = tokenize(sentenceText, stems);
        const start = sourceOffset(block.segments, from, block.start);
        const end = Math.max(start, sourceOffset(block.segments, to, block.end));
        const flags = sentenceFlags(block, { text: sentenceText, blockOffset: from, start, end, words });
        const sentence: Sentence & { quantities: Quantity[]; components: ComponentMention[] } = {
          index: sentences.length,
          text: sentenceText,
          lower: matchableText(sentenceText),
          block,
          section: block.section,
          start,
          end,
          blockOffset: from,
          ...flags,
          words,
          quantities: [],
          components: [],
        };
        const toSource = (i: number): number => sourceOffset(block.segments, from + i, block.start);
        if (!flags.isPlaceholder && !flags.isHeading && !block.navigation) {
          for (const q of extractQuantities(sentenceText)) {
            const quantity: Quantity = {
              ...q,
              start: toSource(q.start),
              end: Math.max(toSource(q.start), toSource(q.end)),
              sentence,
              assumed: flags.isQuestion,
            };
            sentence.quantities.push(quantity);
          }
          for (const [entry, first, last] of lexicon.find(words)) {
            const a = (words[first] as Word).start;
            const b = (words[last] as Word).end;
            sentence.components.push({ entry, text: sentenceText.slice(a, b), start: toSource(a), end: Math.max(toSource(a), toSource(b)), sentence });
          }
        }
        quantities.push(...sentence.quantities);
        components.push(...sentence.components);
        sentences.push(sentence);
        block.sentences.push(sentence);
        if (block.kind !== 'heading') (block.section as { sentenceCount: number }).sentenceCount++;
      }
    }
    this.sentences = sentences;
    this.quantities = quantities;
    this.components = components;
    classifySections(sections);
  }

  /** 1-based line/column of a source offset. */
  point(offset: number): Point {
    return this.lines.point(offset);
  }

  /** Sections whose kinds (own or inherited) include `kind`. */
  sectionsOf(kind: SectionKind): Section[] {
    return this.sections.filter((s) => s.kinds.has(kind));
  }

  /** Memoise a derived view on this document (shared between rules, dropped with the document). */
  memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  get profile(): DocumentProfile {
    if (!this.profileValue) this.profileValue = computeProfile(this);
    return this.profileValue;
  }
}

/** URLs and raw HTML tags, blanked out for matching (same length, so offsets still line up). */
const NOT_PROSE = /https?:\/\/[^\s)>\]]+|www\.[^\s)>\]]+|<\/?[a-z][^<>\n]{0,200}>/gi;

/** Lower-cased sentence text for pattern matching, with URLs and tags blanked out. */
function matchableText(text: string): string {
  return text.toLowerCase().replace(NOT_PROSE, (m) => ' '.repeat(m.length));
}

/**
 * Sentence ranges of a block. A paragraph made of short unpunctuated lines (a pasted table, a
 * "Latency: 100 ms" list without bullets) is split at its line breaks first: each line is a statement.
 */
function sentenceRanges(block: Block): Array<[number, number]> {
  if (block.lineBreaks.length < 2) return splitSentences(block.text);
  const lines: Array<[number, number]> = [];
  let from = 0;
  for (const br of [...block.lineBreaks, block.text.length]) {
    if (br > from) lines.push([from, br]);
    from = br + 1;
  }
  const listLike = lines.filter(([a, b]) => {
    const line = block.text.slice(a, b).trim();
    return line.split(/\s+/).length <= 12 && !/[.!?,;]$/.test(line);
  }).length;
  if (listLike < lines.length * 0.6) return splitSentences(block.text);
  return lines.flatMap(([a, b]) => splitSentences(block.text.slice(a, b)).map(([x, y]): [number, number] => [a + x, a + y]));
}

function trimmedRange(text: string): [number, number] {
  const start = text.length - text.trimStart().length;
  return [start, Math.max(start, text.trimEnd().length)];
}

function classifySections(sections: readonly Section[]): void {
  for (const section of sections) {
    let own = section.title ? kindsOfTitle(section.title) : new Set<SectionKind>();
    // A generic heading ("Details", "Approach") is classified by what its section says.
    if (own.size === 0 && section.level > 0) own = kindsOfContent(section.blocks.flatMap((b) => b.sentences));
    (section as { ownKinds: ReadonlySet<SectionKind> }).ownKinds = own;
    // Sections are in document order, so a parent is classified before its children.
    const inherited = own.size > 0 ? own : (section.parent?.kinds ?? new Set<SectionKind>());
    (section as { kinds: ReadonlySet<SectionKind> }).kinds = inherited;
  }
}

const SHORT_ANSWER_WORDS = 120;
/** One explicit statement about a model makes a document an ML design, however long the rest is. */
const ML_STATEMENT =
  /\b(?:we(?:'re| are| will be) predicting|model (?:predicts|outputs|scores|estimates)|labels? (?:come|comes|are collected) from|(?:re)?train(?:s|ed|ing)? (?:the |a |an |our )?(?:[\w-]+ )?(?:model|ranker|classifier)|model training|machine[- ]learning|ml (?:model|system|pipeline)|training[- ]serving skew|(?:current|candidate|production) model|features? (?:for|of) the model)\b/;

function computeProfile(doc: Document): DocumentProfile {
  let words = 0;
  let statementWords = 0;
  let mlHits = 0;
  let mlStatement = false;
  let infrastructureHits = 0;
  let problemHits = 0;
  let predictionStated = false;
  let predicts = false;
  for (const sentence of doc.sentences) {
    words += sentence.words.length;
    if (!sentence.isStatement) continue;
    if (!mlStatement && ML_STATEMENT.test(sentence.lower)) mlStatement = true;
    statementWords += sentence.words.length;
    const tags = TAG_LABELS.test(sentence.lower);
    for (const w of sentence.words) if (ML_STEMS.has(w.stem) && !INFRASTRUCTURE_FORMS.has(w.lower) && !(tags && w.stem === 'label')) mlHits++;
    // The stems are English; an answer written in Russian says the same in its own words.
    if (CYRILLIC.test(sentence.lower)) mlHits += countMatches(RUSSIAN_ML_WORDS, sentence.lower);
    infrastructureHits += countMatches(INFRASTRUCTURE_TERMS, sentence.lower);
    problemHits += countMatches(PROBLEM_TERMS, sentence.lower);
    if (!predictionStated && PREDICTION_STATEMENT.test(sentence.lower)) predictionStated = true;
    if (!predicts && PREDICTS.test(sentence.lower)) predicts = true;
  }
  const mlComponents = doc.components.some((c) => c.entry.category === 'model' || c.entry.category === 'ml-library' || c.entry.category === 'feature-store');
  // Hits per 100 statement words, saturating at 1.
  const density = statementWords > 0 ? (mlHits / statementWords) * 100 : 0;
  const mlScore = Math.min(1, density / 4);
  // A short snippet is judged on what it says; the ML gate is for long non-ML designs (a URL shortener).
  const aboutML = statementWords < SHORT_ANSWER_WORDS || mlStatement || predicts || mlScore >= 0.2 || (mlComponents && mlScore >= 0.1);
  const per100 = (hits: number): number => (statementWords > 0 ? (hits / statementWords) * 100 : 0);
  const infrastructureDensity = per100(infrastructureHits);
  const problemDensity = per100(problemHits);
  // ML words around clusters, jobs and APIs, with few words of a prediction problem: a platform
  // write-up. A short snippet is judged on what it says, like above.
  const infrastructure =
    statementWords >= SHORT_ANSWER_WORDS &&
    !predictionStated &&
    infrastructureDensity >= INFRASTRUCTURE_DENSITY &&
    problemDensity < PROBLEM_DENSITY_OF_INFRASTRUCTURE &&
    problemHits < PROBLEM_PER_INFRASTRUCTURE * (infrastructureHits + 1);
  const kind: DocumentKind = !aboutML ? 'non-ml' : infrastructure ? 'ml-infrastructure' : 'ml';
  const script = mainScript(doc.sentences.filter((sentence) => sentence.isStatement));
  return { words, statementWords, mlScore, infrastructureDensity, problemDensity, kind, isML: kind === 'ml', ...(script ? { script } : {}) };
}

/** Writing systems an answer may be written in besides the Latin alphabet, by their Unicode script. */
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['Cyrillic', /\p{Script=Cyrillic}/gu],
  ['Hangul', /\p{Script=Hangul}/gu],
  ['Chinese', /\p{Script=Han}/gu],
  ['Japanese kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['Arabic', /\p{Script=Arabic}/gu],
  ['Hebrew', /\p{Script=Hebrew}/gu],
  ['Greek', /\p{Script=Greek}/gu],
  ['Devanagari', /\p{Script=Devanagari}/gu],
  ['Thai', /\p{Script=Thai}/gu],
];
const LATIN = /\p{Script=Latin}/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * The script most letters of the statements are written in, when it is not Latin and holds more
 * than half of their letters (names such as Kafka or AUC stay Latin in any language); undefined
 * otherwise. The letters of an ASCII statement are all Latin: only the others are looked at script by script.
 */
function mainScript(statements: readonly Sentence[]): string | undefined {
  let latin = 0;
  const other = new Map<string, number>();
  for (const sentence of statements) {
    if (ASCII_ONLY.test(sentence.text)) {
      latin += asciiLetters(sentence.text);
      continue;
    }
    latin += countMatches(LATIN, sentence.text);
    for (const [name, pattern] of SCRIPTS) {
      const n = countMatches(pattern, sentence.text);
      if (n > 0) other.set(name, (other.get(name) ?? 0) + n);
    }
  }
  let best: string | undefined;
  let most = 0;
  for (const [name, n] of other) {
    if (n > most) {
      best = name;
      most = n;
    }
  }
  return best !== undefined && most > latin ? best : undefined;
}

/** How many of the characters are A-Z or a-z (a loop: a regular expression would match once per letter). */
function asciiLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) n++;
  }
  return n;
}

function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

export function createDocument(text: string, options: DocumentOptions = {}): Document {
  return new Document(text, options);
}
