/**
 * A limit on how deeply lists and block quotes nest. The Markdown parser's work grows with the
 * nesting depth times the size of what is nested (mdast-util-from-markdown rescans a list's events
 * for every enclosing list, and every line re-enters every open container): lists nested 1,000
 * deep, one level per line, take 45 s to parse for 1 MB and 4.5 minutes and 3 GB when each line
 * restates its markers. No answer nests lists 100 deep, so deeper input is refused up front with a
 * one-line reason instead of being parsed (markdown-it stops nesting at the same depth).
 */

export const MAX_NESTING = 100;

const SPACE = 32;
const TAB = 9;

function isMarker(text: string, i: number): number {
  const c = text.charCodeAt(i);
  // `>`: a block quote.
  if (c === 62) return i + 1;
  const spaceAfter = (j: number): boolean => {
    const n = text.charCodeAt(j);
    return n === SPACE || n === TAB;
  };
  // `-`, `*`, `+` followed by white space: a bullet.
  if ((c === 45 || c === 42 || c === 43) && spaceAfter(i + 1)) return i + 1;
  // 1-9 digits then `.` or `)` and white space: an ordered item.
  let j = i;
  while (j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j > i && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 41) && spaceAfter(j + 1)) return j + 1;
  return -1;
}

/**
 * The first line whose container markers (`>`, bullets, ordered-list numbers, and the indentation
 * in front of them, two columns a level) nest deeper than `limit`, or undefined. An upper bound of
 * the parser's nesting, read in one pass without parsing; fenced code is skipped.
 */
export function tooDeeplyNested(text: string, limit = MAX_NESTING): { line: number; depth: number } | undefined {
  let inFence = false;
  return eachLine(text, (start, end, line) => {
    let depth = 0;
    let k = start;
    for (;;) {
      let columns = 0;
      while (k < end && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) {
        columns += text.charCodeAt(k) === TAB ? 4 - (columns % 4) : 1;
        k++;
      }
      const next = k < end ? isMarker(text, k) : -1;
      if (next < 0) break;
      depth += 1 + (columns >> 1);
      k = next;
    }
    const rest = text.slice(k, Math.min(end, k + 3));
    if (rest === '```' || rest === '~~~') inFence = !inFence;
    else if (!inFence && depth > limit) return { line, depth };
    return undefined;
  });
}

/**
 * Visit each line of `text` as [start, end) without its line ending (CRLF counts once), numbered
 * from 1; the first result the visitor gives ends the walk and is returned.
 */
function eachLine<R>(text: string, visit: (start: number, end: number, line: number) => R | undefined): R | undefined {
  let line = 1;
  let i = 0;
  while (i < text.length) {
    let end = i;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const result = visit(i, end, line);
    if (result !== undefined) return result;
    i = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  return undefined;
}

/**
 * A limit on the cells of the tables of one answer. The GFM table parser keeps several events per
 * cell: 1 MB of table (200 columns, 2,500 rows) takes 33 s and 3.4 GB to parse, and a 4 MB one
 * exhausts the heap and crashes the process. No answer has a table of 50,000 cells, so such input
 * is refused up front with a one-line reason, like over-deep nesting.
 */
export const MAX_TABLE_CELLS = 50_000;

const PIPE = 124;

/** Is the line a GFM table delimiter row (`| --- | :-: |`): only pipes, dashes, colons and spaces, with a pipe and a dash? */
function isDelimiterRow(text: string, start: number, end: number): boolean {
  let pipe = false;
  let dash = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === PIPE) pipe = true;
    else if (c === 45) dash = true;
    else if (c !== 58 && c !== SPACE && c !== TAB) return false;
  }
  return pipe && dash;
}

function pipesIn(text: string, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === PIPE) n++;
  return n;
}

/**
 * The line of the first table (its header row) after which the answer's tables hold more than
 * `limit` cells, counted as the pipes of the table's rows (an upper bound of its cells), or
 * undefined. One pass without parsing; fenced code is skipped.
 */
export function tooManyTableCells(text: string, limit = MAX_TABLE_CELLS): { line: number; cells: number } | undefined {
  let inFence = false;
  let inTable = false;
  let tableLine = 0;
  let cells = 0;
  let previous = { start: 0, end: 0 };
  return eachLine(text, (start, end, line) => {
    let k = start;
    while (k < end && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k++;
    const fence = text.slice(k, Math.min(end, k + 3));
    let found: { line: number; cells: number } | undefined;
    if (fence === '```' || fence === '~~~') {
      inFence = !inFence;
      inTable = false;
    } else if (!inFence) {
      const pipes = pipesIn(text, start, end);
      if (inTable && pipes > 0) {
        cells += pipes;
      } else if (isDelimiterRow(text, start, end)) {
        // The header row above the delimiter counts too.
        inTable = true;
        tableLine = Math.max(1, line - 1);
        cells += pipes + pipesIn(text, previous.start, previous.end);
      } else {
        inTable = false;
      }
      if (cells > limit) found = { line: tableLine, cells };
    }
    previous = { start, end };
    return found;
  });
}
