/**
 * Where the language server's ranges and edits go, read from the document's lines alone: a
 * message's range, the section a finding points to (a suggested rewrite goes at its end), the block
 * a finding is in (a `disable-next-line` directive goes before it) and where front matter ends (a
 * `disable-file` directive goes after it).
 *
 * The server's own thread never parses the markdown: a pathological document would stall it there,
 * out of the budget's reach (the lint runs on a worker). So headings and blocks come from one pass
 * over the lines with the few CommonMark rules that matter here: ATX and setext headings, fenced
 * code, front matter and blank lines. Positions are LSP's: 0-based lines, UTF-16 columns, which is
 * what the engine counts in (JavaScript string offsets), one lower.
 */
import type { LintMessage } from '../engine/types.js';

export interface TextPosition {
  line: number;
  character: number;
}

export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

interface Heading {
  line: number;
  depth: number;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const SETEXT_1 = /^ {0,3}=+[ \t]*$/;
/** A setext underline after paragraph text, else a thematic break. */
const SETEXT_2 = /^ {0,3}-+[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;
/** What a directive line copies from the line it goes before: indentation and block-quote markers. */
const CONTAINER_PREFIX = /^[ \t>]*/;

/** A document's lines (LSP's line breaks: LF, CRLF, CR) and the outline found in them. */
export class DocumentLines {
  readonly lines: string[];
  /** The first line after front matter (0 when there is none). */
  readonly bodyStart: number;
  readonly headings: Heading[] = [];
  /** For each line inside fenced code (fences included): the line its fence opened on. */
  private readonly codeStart = new Map<number, number>();

  constructor(text: string) {
    this.lines = text.split(/\r\n|\r|\n/);
    this.bodyStart = this.frontMatterEnd();
    let fence: { char: string; length: number; line: number } | undefined;
    let previousIsText = false;
    for (let i = this.bodyStart; i < this.lines.length; i++) {
      const line = this.lines[i] as string;
      if (fence) {
        this.codeStart.set(i, fence.line);
        const close = FENCE.exec(line);
        if (close && (close[1] as string)[0] === fence.char && (close[1] as string).length >= fence.length && BLANK.test(line.slice(close[0].length))) fence = undefined;
        previousIsText = false;
        continue;
      }
      const open = FENCE.exec(line);
      if (open) {
        fence = { char: (open[1] as string)[0] as string, length: (open[1] as string).length, line: i };
        this.codeStart.set(i, i);
        previousIsText = false;
        continue;
      }
      const atx = ATX.exec(line);
      if (atx) {
        this.headings.push({ line: i, depth: (atx[1] as string).length });
        previousIsText = false;
        continue;
      }
      if (previousIsText && (SETEXT_1.test(line) || SETEXT_2.test(line))) {
        this.headings.push({ line: i - 1, depth: SETEXT_1.test(line) ? 1 : 2 });
        previousIsText = false;
        continue;
      }
      previousIsText = !BLANK.test(line) && !LIST_ITEM.test(line) && !SETEXT_2.test(line);
    }
  }

  /** YAML (`---`) or TOML (`+++`) front matter, as remark-frontmatter reads it: the line after its closing fence. */
  private frontMatterEnd(): number {
    const first = this.lines[0]?.trimEnd();
    if (first !== '---' && first !== '+++') return 0;
    for (let i = 1; i < this.lines.length; i++) {
      const line = (this.lines[i] as string).trimEnd();
      if (line === first || (first === '---' && line === '...')) return i + 1;
    }
    return 0;
  }

  endOf(line: number): TextPosition {
    const at = Math.max(0, Math.min(line, this.lines.length - 1));
    return { line: at, character: (this.lines[at] ?? '').length };
  }

  private clamp(position: TextPosition): TextPosition {
    const line = Math.max(0, Math.min(position.line, this.lines.length - 1));
    return { line, character: Math.max(0, Math.min(position.character, (this.lines[line] as string).length)) };
  }

  /** A message's range: its start to its end, or to the end of its line when it gives none. */
  rangeOf(message: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): TextRange {
    const start = this.clamp({ line: message.line - 1, character: message.column - 1 });
    const end = message.endLine !== undefined && message.endColumn !== undefined ? this.clamp({ line: message.endLine - 1, character: message.endColumn - 1 }) : this.endOf(start.line);
    return { start, end: before(end, start) ? start : end };
  }

  /** The top line, where a problem with the whole document is shown. */
  topRange(): TextRange {
    return { start: { line: 0, character: 0 }, end: this.endOf(0) };
  }

  /**
   * Where to insert text at the end of the section that holds `line` (the heading at or above it,
   * down to the next heading of the same or a higher level), or of the document when no heading is
   * above it: the end of the section's last non-blank line. The text to insert there starts with
   * a blank line.
   */
  sectionEnd(line: number): TextPosition {
    let owner: Heading | undefined;
    let next: Heading | undefined;
    for (const heading of this.headings) {
      if (heading.line <= line) owner = heading;
      else if (owner && heading.depth <= owner.depth) {
        next = heading;
        break;
      }
    }
    const first = owner?.line ?? this.bodyStart;
    let last = (next?.line ?? this.lines.length) - 1;
    while (last > first && BLANK.test(this.lines[last] ?? '')) last--;
    return this.endOf(last);
  }

  /**
   * The first line of the markdown block that holds `line`: a heading is its own block, fenced
   * code starts at its fence, and anything else runs up to the line after a blank line, a heading,
   * a closing fence or a thematic break. `disable-next-line` covers the block after the comment, so
   * a directive put just above this line covers the finding.
   */
  blockStart(line: number): number {
    const code = this.codeStart.get(line);
    if (code !== undefined) return code;
    const isHeading = (at: number) => this.headings.some((h) => h.line === at);
    if (isHeading(line)) return line;
    let start = line;
    while (start > this.bodyStart) {
      const above = start - 1;
      const text = this.lines[above] as string;
      if (BLANK.test(text) || isHeading(above) || this.codeStart.has(above) || SETEXT_1.test(text) || SETEXT_2.test(text)) break;
      start = above;
    }
    return start;
  }

  /** The indentation and block-quote markers a line inserted before `line` needs to stay in the same container. */
  containerPrefix(line: number): string {
    return CONTAINER_PREFIX.exec(this.lines[line] ?? '')?.[0] ?? '';
  }
}

export function before(a: TextPosition, b: TextPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether two ranges share a position (touching counts: a cursor at a range's end is on it). */
export function overlaps(a: TextRange, b: TextRange): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
