import type { Document } from '../document/document.js';
import type { CodeListing } from '../document/types.js';
import { extractQuantities } from '../document/quantities.js';

/**
 * A figure set in a code listing: a setting with a number (`max_trial_count = 10`, `memory: 10G`,
 * `--num-workers 4`) or a quantity in a comment (`# use 3000 samples`). Design docs and RFCs often
 * carry their sizes in configuration rather than in prose, and readers count them.
 */
export interface CodeFigure {
  readonly key: string;
  readonly value: number;
  readonly unit: string;
  readonly listing: CodeListing;
}

/** `key = 10`, `key: 10G`, `"key": 10`, `key=20gb` inside a line; the key cannot contain quotes, spaces, `:` or `=`. */
const SETTING = /(?:^|[\s,({;-])["']?([A-Za-z][\w.-]{0,40})["']?\s*[:=]\s*["']?(\d+(?:\.\d+)?)\s?([A-Za-z%]{0,3})["']?(?=$|[\s,;)}\]#])/g;
/** `--num-workers 4`, `--epochs=3`. */
const FLAG = /(?:^|\s)--([a-z][\w-]{1,40})[ =](\d+(?:\.\d+)?)\s?([A-Za-z%]{0,3})(?=$|\s)/g;
/** The comment of a line: `# ...` or `// ...` after code or at the start. */
const COMMENT = /(?:^|\s)(?:#|\/\/)\s+(.*)$/;
/** Settings whose number is an identity (ids, ports), a switch or a date, not a size of the design. */
const NOT_A_FIGURE = /^(?:seed|random_?state|random_?seed|.*version|verbose|verbosity|debug|.*id|idx|index|[a-z]|line|lineno|exit|exit_?code|code|status|year|month|day|date|python|node|schema|revision|.*port)$/i;

/** Long listings are read up to this many lines (a generated data dump is not a design). */
const MAX_LINES = 2000;
const MAX_LINE_LENGTH = 400;

function figuresOf(listing: CodeListing): CodeFigure[] {
  const figures: CodeFigure[] = [];
  const lines = listing.value.split('\n', MAX_LINES);
  for (const full of lines) {
    const line = full.length > MAX_LINE_LENGTH ? full.slice(0, MAX_LINE_LENGTH) : full;
    for (const pattern of [SETTING, FLAG]) {
      pattern.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = pattern.exec(line))) {
        const key = m[1] as string;
        const value = Number(m[2]);
        // 0 and 1 are mostly switches (`shuffle: 1`, `verbose=0`).
        if (NOT_A_FIGURE.test(key) || value <= 1) continue;
        figures.push({ key: key.toLowerCase(), value, unit: (m[3] ?? '').toLowerCase(), listing });
      }
    }
    const comment = COMMENT.exec(line);
    if (comment) {
      for (const q of extractQuantities(comment[1] as string)) {
        if (q.numeric) figures.push({ key: q.kind, value: q.value, unit: q.unit, listing });
      }
    }
  }
  return figures;
}

/** The figures of every code listing of the answer, each distinct setting once. */
export function codeFigures(doc: Document): readonly CodeFigure[] {
  return doc.memo('code-figures', () => {
    const seen = new Map<string, CodeFigure>();
    for (const listing of doc.code) {
      for (const f of figuresOf(listing)) {
        const key = `${f.key}=${f.value}${f.unit}`;
        if (!seen.has(key)) seen.set(key, f);
      }
    }
    return [...seen.values()];
  });
}
