/**
 * Diagrams are part of the answer: a Mermaid flowchart or sequence diagram draws the pipeline
 * ("Candidate pool: 10M items --> Retrieval: 1,000 items in 10 ms --> Ranking"), and a reader
 * credits it like the same steps written as a list. Each line of a diagram that draws something
 * becomes one list-like item whose text is what the line says, in its order: node labels (or the
 * bare names of nodes without one), edge labels and messages, with every arrow written "→". The
 * Mermaid syntax itself (shapes, styles, directions, ids already labelled) is not text.
 */
import type { TextSegment } from './types.js';

/** Code-block languages drawn as diagrams. */
const DIAGRAM_LANGS = new Set(['mermaid']);

export function isDiagram(lang: string | null | undefined): boolean {
  return lang !== null && lang !== undefined && DIAGRAM_LANGS.has(lang.trim().toLowerCase());
}

export interface DiagramLine {
  text: string;
  segments: TextSegment[];
  start: number;
  end: number;
}

/** Lines that only set up the drawing (direction, styling, grouping ends, comments). */
const SETUP = /^(?:%%|(?:graph|flowchart)\b|sequencediagram\b|classdiagram\b|statediagram|erdiagram\b|journey\b|gantt\b|pie\b|mindmap\b|timeline\b|end\s*$|style\b|classdef\b|class\b|linkstyle\b|click\b|direction\b|autonumber\b|activate\b|deactivate\b|title\s*$|accTitle|accDescr|dateFormat\b|axisFormat\b|participant\b|actor\b)/i;

/** An arrow of any diagram kind: -->, ---, -.->, ==>, ->>, -->>, -x, --o, <-->, --|text|-->. */
const ARROW = /(?:<?[-=.]{2,}[>xo]{0,2}|<?-[-.]*>>?|-[x)]|==+>?)/y;

/** A node with a shape: id["label"], id[label], id(label), id((label)), id{label}, id>label], id[(label)], id[[label]], id{{label}}. */
const NODE = /(?<![\p{L}\p{N}_])([\p{L}\p{N}_]{1,64})\s{0,8}(\[\[|\[\(|\(\(|\(\[|\[\/|\[\\|\{\{|\[|\(|\{|>)\s{0,8}"?/uy;
const CLOSERS: Record<string, string> = { '[[': ']]', '[(': ')]', '((': '))', '([': '])', '[/': '/]', '[\\': '\\]', '{{': '}}', '[': ']', '(': ')', '{': '}', '>': ']' };

/**
 * Where a shape that opens at `from` closes in `line`, or -1. The last place of each closer is
 * looked up once per line, so a line of openers that never close costs linear time.
 */
function closing(line: string, closer: string, from: number, last: Map<string, number>): number {
  let at = last.get(closer);
  if (at === undefined) last.set(closer, (at = line.lastIndexOf(closer)));
  return at < from ? -1 : line.indexOf(closer, from);
}

/** The labels of one diagram's nodes by id, so that a bare id later in the diagram reads as its label. */
function nodeLabels(lines: readonly string[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const line of lines) {
    // A sequence diagram's "participant C as Client".
    const alias = /^\s*(?:participant|actor)\s+([\p{L}\p{N}_]+)\s+as\s+(\S[^\n]{0,200})$/u.exec(line);
    if (alias) labels.set(alias[1] as string, (alias[2] as string).trim());
    const pattern = new RegExp(NODE.source, 'gu');
    const last = new Map<string, number>();
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(line))) {
      const closer = CLOSERS[m[2] as string] as string;
      const end = closing(line, closer, pattern.lastIndex, last);
      if (end < 0) continue;
      const label = line.slice(pattern.lastIndex, end).replace(/"\s*$/, '').trim();
      if (label && !labels.has(m[1] as string)) labels.set(m[1] as string, label);
      pattern.lastIndex = end + closer.length;
    }
  }
  return labels;
}

/**
 * The drawn lines of a diagram, each with its text and the source offsets of its parts.
 * `value` is the code block's content, `contentStart` the offset of its first character in the
 * document and `end` the block's end (lines are found in the source in order, within the block).
 */
export function diagramLines(value: string, source: string, contentStart: number, end: number): DiagramLine[] {
  const raw = value.split('\n');
  const labels = nodeLabels(raw);
  const out: DiagramLine[] = [];
  let from = contentStart;
  for (const rawLine of raw) {
    const at = source.indexOf(rawLine, from);
    if (at < 0 || at + rawLine.length > end) break;
    from = at + rawLine.length;
    const line = rawLine.replace(/\r$/, '');
    const trimmed = line.trim();
    if (!trimmed || SETUP.test(trimmed)) continue;
    const parts: Array<{ text: string; start: number; end: number }> = [];
    const push = (text: string, start: number, _end: number) => {
      // Same length as the source (a <br> becomes spaces), trimmed at both ends: offsets stay exact.
      const spaced = text.replace(/<br\s*\/?>/gi, (br) => ' '.repeat(br.length)).replace(/\t/g, ' ');
      const clean = spaced.trim();
      const lead = spaced.length - spaced.trimStart().length;
      if (clean) parts.push({ text: clean, start: at + start + lead, end: at + start + lead + clean.length });
    };
    let i = line.length - line.trimStart().length;
    // "subgraph id [Title]" names a group, "note over A: text" comments: keep the name or the text.
    const keyword = /^(subgraph|note\s+(?:over|left of|right of)\s+[^:]{1,100}:|section|title)\s*/i.exec(line.slice(i));
    if (keyword) i += keyword[0].length;
    let pendingArrow = false;
    const last = new Map<string, number>();
    while (i < line.length) {
      if (/\s/.test(line[i] as string)) {
        i++;
        continue;
      }
      ARROW.lastIndex = i;
      const arrow = ARROW.exec(line);
      if (arrow) {
        pendingArrow = parts.length > 0;
        i = ARROW.lastIndex;
        continue;
      }
      const write = (text: string, start: number, end: number) => {
        if (pendingArrow) parts.push({ text: '→', start: at + start, end: at + start });
        pendingArrow = false;
        push(text, start, end);
      };
      const ch = line[i] as string;
      if (ch === '|') {
        // An edge label: -->|reads features|
        const close = line.indexOf('|', i + 1);
        if (close < 0) break;
        write(line.slice(i + 1, close), i + 1, close);
        // The label sits on the arrow: what follows is where the arrow goes.
        pendingArrow = parts.length > 0;
        i = close + 1;
        continue;
      }
      if (ch === ':') {
        // A message or a note: the rest of the line is prose.
        write(line.slice(i + 1), i + 1, line.length);
        break;
      }
      NODE.lastIndex = i;
      const node = NODE.exec(line);
      if (node) {
        const closer = CLOSERS[node[2] as string] as string;
        const close = closing(line, closer, NODE.lastIndex, last);
        if (close >= 0) {
          write(line.slice(NODE.lastIndex, close).replace(/"\s*$/, ''), NODE.lastIndex, close);
          i = close + closer.length;
          continue;
        }
      }
      const word = /[^\s|:;&-]+(?:-(?![-.>])[^\s|:;&-]*)*/y;
      word.lastIndex = i;
      const w = word.exec(line);
      if (w) {
        const name = w[0];
        // A bare id stands for its label; words of a title or an "as" alias stay as they are.
        write(labels.get(name) ?? name, i, i + name.length);
        i = word.lastIndex;
        continue;
      }
      i++;
    }
    if (parts.length === 0) continue;
    let text = '';
    const segments: TextSegment[] = [];
    for (const part of parts) {
      if (text) text += ' ';
      segments.push({ flatStart: text.length, flatEnd: text.length + part.text.length, srcStart: part.start, srcEnd: part.end });
      text += part.text;
    }
    out.push({ text, segments, start: at, end: at + line.length });
  }
  return out;
}

/** Languages of a fence that may hold a drawing or an outline in plain text rather than code. */
const PLAIN_LANGS = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'ascii', 'none']);

/** A line of code, configuration or data rather than words: statements, calls, assignments, keys, commands. */
const CODE_LINE =
  /[;{]\s*$|^\s*[}\])]|^\s*(?:def|class|import|from|return|if|elif|else|for|while|const|let|var|function|public|private|package|select|insert|update|create|#include|@\w+|\$ |>>>|pip|npm|docker|kubectl|curl|git)\b|^\s*[\w.[\]'"]+\s*(?:=|\+=|:=)\s*\S|^\s*["']?[\w.-]+["']?\s*:\s*(?:["'[{\d]|true\b|false\b|null\b)|\w\([^)]{0,200}\)\s*$/i;

/** A key that opens a mapping in YAML ("services:"); a capitalised "Alerts:" is a lead-in. */
const YAML_KEY = /^\s*["']?[a-z_][\w.-]*["']?\s*:\s*$/;

/** Box-drawing and tree glyphs (U+2500-U+257F, U+2580-U+259F) and ASCII box corners: the frame, not the words. */
// Each bar is matched before the look-behind that places it, so a long run of white space is not
// scanned again at every position (test/regex-linearity).
const FRAME = /[\u2500-\u259f]|\+-+\+?|\|(?<=^\s*\|)(?=\s)|\|(?<=\s\|)(?=\s*$)|\|(?<=\s\|)(?=\s{2})|\|(?<=\s{2}\|)(?=\s)|-{3,}|={3,}|_{3,}|\*{3,}|^\s*[v^]\s*$/g;

/**
 * A fenced block without a language that is an outline or a drawing in plain text (a tree of
 * "├── Alert rate > 2x baseline → ..." lines, boxes with a pipeline inside, "Offline Training
 * Pipeline (Daily): S3 → Spark → ..."): most of its lines are words, not code.
 */
export function isPlainOutline(lang: string | null | undefined, value: string): boolean {
  if (!PLAIN_LANGS.has((lang ?? '').trim().toLowerCase())) return false;
  let words = 0;
  let code = 0;
  for (const line of value.split('\n')) {
    const trimmed = line.replace(FRAME, ' ').trim();
    if (!/\p{L}{2,}/u.test(trimmed)) continue;
    words++;
    if (CODE_LINE.test(trimmed) || YAML_KEY.test(trimmed)) code++;
  }
  return words >= 2 && code <= words * 0.2;
}

/**
 * The lines of a plain-text outline or drawing, each read as an item of a list: its words, with the
 * frame (box and tree glyphs, ASCII box corners, rules) blanked so offsets stay exact.
 */
export function outlineLines(value: string, source: string, contentStart: number, end: number): DiagramLine[] {
  const out: DiagramLine[] = [];
  let from = contentStart;
  for (const rawLine of value.split('\n')) {
    const at = source.indexOf(rawLine, from);
    if (at < 0 || at + rawLine.length > end) break;
    from = at + rawLine.length;
    const spaced = rawLine.replace(/\r$/, '').replace(FRAME, (m) => ' '.repeat(m.length)).replace(/\t/g, ' ');
    const text = spaced.trim();
    if (!/\p{L}{2,}/u.test(text)) continue;
    const lead = spaced.length - spaced.trimStart().length;
    out.push({ text, segments: [{ flatStart: 0, flatEnd: text.length, srcStart: at + lead, srcEnd: at + lead + text.length }], start: at, end: at + rawLine.length });
  }
  return out;
}
