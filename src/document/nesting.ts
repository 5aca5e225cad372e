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
  let line = 1;
  let inFence = false;
  let i = 0;
  while (i < text.length) {
    // One line: [i, end).
    let end = i;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let depth = 0;
    let k = i;
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
    // Past the line ending (CRLF counts once).
    i = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  return undefined;
}
