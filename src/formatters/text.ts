/** Plain-text helpers for terminal formatters: make embedded text safe, wrap it, cut it. */

/**
 * Control characters (ESC starts ANSI sequences), C1 controls and bidirectional overrides from an
 * answer must not reach the terminal: they could recolour, hide or reorder the report.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text from an answer or a rule, made safe for a terminal and flattened to one line. */
export function sanitize(text: string): string {
  return text.replace(/[\t\n\r]+/g, ' ').replace(UNSAFE, '');
}

/** Cut to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

export function visibleLength(text: string): number {
  return [...text].length;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - visibleLength(text))) + text;
}

/**
 * Break text into lines of at most `width` characters at spaces. A word longer than the width
 * (a URL) stays whole on its own line rather than being split mid-word.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && visibleLength(line) + 1 + visibleLength(word) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
