/**
 * Property-based tests (fast-check) of `lintText` over generated Markdown and over mutations of the
 * shipped fixtures: it never throws, always returns the 11 signals in order with valid statuses,
 * gives the same result twice, and every position it reports is inside the document.
 *
 * Runs are reproducible: the seed is fixed (FC_SEED overrides it, FC_RUNS the number of runs), and
 * a failure prints the seed, the path and the shrunk counterexample.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { resolveConfig } from '../src/config/resolve.js';
import { asciiSentenceRanges, asciiWordRanges, sentenceSegments, wordRanges, wordSegments } from '../src/document/words.js';
import { lintTextSync } from '../src/index.js';
import { ROOT, SIGNAL_IDS } from './helpers.js';

const SEED = Number(process.env.FC_SEED ?? 20261130);
const RUNS = Number(process.env.FC_RUNS ?? 250);
const params = (numRuns = RUNS): fc.Parameters<unknown> => ({ seed: SEED, numRuns });

const config = resolveConfig(undefined, { rules: builtinRules });

/** Everything the properties require of one result. */
function checkResult(text: string): void {
  const first = lintTextSync(text, { filePath: 'prop.md', config });
  const second = lintTextSync(text, { filePath: 'prop.md', config });
  expect(second).toEqual(first);

  expect(first.signals.map((s) => s.id)).toEqual(SIGNAL_IDS);
  for (const s of first.signals) expect(['high', 'weak', 'missing']).toContain(s.status);
  expect(first.score).toBeGreaterThanOrEqual(0);
  expect(first.score).toBeLessThanOrEqual(100);

  const lines = text.split(/\r\n|\r|\n/);
  const inside = (what: string, line: number | undefined, column: number | undefined): void => {
    if (line === undefined) return;
    const where = `${what} at ${line}:${String(column)} of ${lines.length} lines`;
    expect(Number.isInteger(line), where).toBe(true);
    expect(line, where).toBeGreaterThanOrEqual(1);
    expect(line, where).toBeLessThanOrEqual(lines.length);
    if (column === undefined) return;
    expect(column, where).toBeGreaterThanOrEqual(1);
    expect(column, where).toBeLessThanOrEqual((lines[line - 1] as string).length + 1);
  };
  for (const s of first.signals) inside(`signal ${s.id}`, s.line, s.column);
  for (const m of first.messages) {
    inside(`message ${m.ruleId}`, m.line, m.column);
    inside(`message ${m.ruleId} end`, m.endLine, m.endColumn);
    if (m.endLine !== undefined) expect(m.endLine * 1e6 + (m.endColumn ?? 0)).toBeGreaterThanOrEqual(m.line * 1e6 + m.column);
  }
  expect(first.errorCount).toBe(first.messages.filter((m) => m.severity === 2).length);
  expect(first.warningCount).toBe(first.messages.filter((m) => m.severity === 1).length);
}

// ---------- generated Markdown ----------

const WORDS = [
  'model', 'features', 'latency', 'retrain', 'weekly', 'daily', 'users', 'clicks', 'labels', 'monitoring', 'drift', 'AUC', 'CTR',
  'Kafka', 'Redis', 'Spark', 'Faiss', 'LightGBM', 'ranker', 'online', 'batch', 'streaming', 'skew', 'serving', 'training', 'the', 'a',
  'we', 'predict', 'p99', 'QPS', 'DAU', 'e.g.', 'i.e.', 'vs.', 'etc.', 'TODO', 'TBD', '[metric]', '<target>', 'A/B', 'PSI', 'alert',
  'periodically', 'scalable', 'low-latency', 'state-of-the-art', 'millions', 'of', 'in', 'every', 'hour', 'if', '…', '...', '??',
];
const UNITS = ['ms', ' ms', 's', ' seconds', 'M', 'K', 'B', ' users', ' QPS', ' req/s', '%', ' GB', ' TB', ' days', 'h', ' per day', ''];
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
);
const quantity = fc
  .tuple(fc.constantFrom('', '~', '<', '>', '<=', 'under ', 'p99 ', 'p95 < ', '$', '1 in '), fc.oneof(fc.nat({ max: 100_000 }).map(String), fc.double({ min: 0, max: 1e6, noNaN: true }).map((n) => n.toFixed(2)), fc.nat({ max: 999 }).map((n) => `${n},000`)), fc.constantFrom(...UNITS))
  .map(([pre, n, unit]) => `${pre}${n}${unit}`);
const inline = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: word },
      { weight: 2, arbitrary: quantity },
      { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
      { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
      { weight: 1, arbitrary: word.map((w) => `\`${w}\``) },
      { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.com/${encodeURIComponent(w)})`) },
      { weight: 1, arbitrary: fc.constantFrom('<!-- note -->', '<br>', '<b>', '\\*', '&amp;', '&#x1F600;', '😀', '👩‍💻', 'é', '中文', '\u200b', '\t') },
    ),
    { minLength: 1, maxLength: 14 },
  )
  .map((parts) => parts.join(' '));
const sentence = fc.tuple(inline, fc.constantFrom('.', '.', '!', '?', ':', '', ';')).map(([s, end]) => `${s}${end}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));

type Tree = { text: string; children: Tree[] };
const listTree: fc.Arbitrary<Tree[]> = fc.letrec<{ items: Tree[]; item: Tree }>((tie) => ({
  item: fc.record({ text: inline, children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant<Tree[]>([]), tie('items') as fc.Arbitrary<Tree[]>) }),
  items: fc.array(tie('item'), { minLength: 1, maxLength: 4 }),
})).items;
function renderList(items: Tree[], ordered: boolean, indent = ''): string {
  return items
    .map((item, i) => {
      const marker = ordered ? `${i + 1}.` : '-';
      const child = item.children.length > 0 ? `\n${renderList(item.children, !ordered, `${indent}${' '.repeat(marker.length + 1)}`)}` : '';
      return `${indent}${marker} ${item.text}${child}`;
    })
    .join('\n');
}

const block = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), inline, fc.boolean()).map(([n, t, closed]) => `${'#'.repeat(n)} ${t}${closed ? ` ${'#'.repeat(n)}` : ''}`) },
  { weight: 1, arbitrary: fc.tuple(inline, fc.constantFrom('===', '---', '=')).map(([t, u]) => `${t}\n${u}`) },
  { weight: 1, arbitrary: inline.map((t) => `**${t}**`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('Step', 'Part', '1.', 'IV.', '🚀')).map(([n, p]) => `${'#'.repeat(n)} ${p} Monitoring:`) },
  { weight: 5, arbitrary: paragraph },
  { weight: 3, arbitrary: fc.tuple(listTree, fc.boolean()).map(([items, ordered]) => renderList(items, ordered)) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(fc.oneof(word, quantity), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 })).map(([cols, rows]) => {
      const cell = (row: string[], i: number) => (row[i % row.length] ?? '').replace(/\|/g, '/');
      const line = (row: string[]) => `| ${Array.from({ length: cols }, (_, i) => cell(row, i)).join(' | ')} |`;
      return [line(rows[0] as string[]), `|${' --- |'.repeat(cols)}`, ...rows.slice(1).map(line)].join('\n');
    }),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '```python'), paragraph).map(([fence, body]) => `${fence}\n${body}\n${fence.slice(0, 3)}`) },
  { weight: 1, arbitrary: paragraph.map((p) => `<!-- ${p.replace(/-->/g, '')} -->`) },
  { weight: 1, arbitrary: paragraph.map((p) => `> ${p}`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '<div>', '</div>', '[ref]: https://example.com', '[^1]: A footnote about drift.', '') },
);
const frontMatter = fc.oneof(fc.constant(''), fc.constant('---\ntitle: Answer\ntags: [ml]\n---\n\n'), fc.constant('+++\ntitle = "Answer"\n+++\n\n'));
const markdown = fc
  .tuple(frontMatter, fc.array(block, { minLength: 0, maxLength: 14 }), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.boolean())
  .map(([fm, blocks, eol, trailing]) => `${fm}${blocks.join('\n\n')}${trailing ? '\n' : ''}`.replace(/\r\n|\r|\n/g, eol));

// ---------- mutated fixtures ----------

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) markdownFiles(full, out);
    else if (entry.endsWith('.md')) out.push(full);
  }
  return out;
}
const FIXTURES = markdownFiles(path.join(ROOT, 'fixtures')).map((file) => readFileSync(file, 'utf8'));

type Mutation =
  | { op: 'delete' | 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'truncate'; at: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('#', '- ', '|', '`', '```\n', '*', '>', '\n', '\r', '<!--', '---\n', '1. ', '[', ']', '(', '\t')) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);
function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const lines = out.split('\n');
    const line = m.at % Math.max(1, lines.length);
    switch (m.op) {
      case 'delete':
        lines.splice(line, 1);
        out = lines.join('\n');
        break;
      case 'duplicate':
        lines.splice(line, 0, lines[line] ?? '');
        out = lines.join('\n');
        break;
      case 'swap': {
        const other = m.with % Math.max(1, lines.length);
        [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
        out = lines.join('\n');
        break;
      }
      case 'insert': {
        const at = m.at % (out.length + 1);
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      }
      case 'truncate':
        out = out.slice(0, m.at % (out.length + 1));
        break;
    }
  }
  return out;
}

describe('lintText properties', () => {
  it('generated Markdown: never throws, 11 signals in order, deterministic, positions inside', () => {
    fc.assert(fc.property(markdown, (text) => checkResult(text)), params());
  }, 60_000);

  it('mutated fixtures (lines deleted, duplicated, swapped; characters inserted; truncated): the same guarantees', () => {
    expect(FIXTURES.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.nat({ max: FIXTURES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 5 }), (index, mutations) => {
        checkResult(mutate(FIXTURES[index] as string, mutations));
      }),
      params(),
    );
  }, 60_000);
});

describe('windowed segmentation equals one-pass Intl.Segmenter', () => {
  const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
  const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  // Tokens of at most 10 UTF-16 units, so every half window has a safe cut and no cut is forced.
  const token = fc.oneof(fc.constantFrom(...WORDS.filter((w) => w.length <= 8)), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }).filter((s) => s.length <= 8 && !/\s/.test(s)), quantity.filter((q) => q.length <= 10));
  const separator = fc.constantFrom(' ', ' ', ' ', '. ', '? ', '! ', ', ', ' (', ') ', '." ', ' - ', '.) ', '... ', ': ');
  const prose = fc.array(fc.tuple(token, separator), { minLength: 1, maxLength: 120 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

  it('words: same segments as one pass, with a 32-character window', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const expected = [...wordSegmenter.segment(text)].map((s) => [s.index, s.segment, Boolean(s.isWordLike)]);
        expect([...wordSegments(text, 32)].map((s) => [s.index, s.segment, Boolean(s.isWordLike)])).toEqual(expected);
      }),
      params(300),
    );
  });

  it('sentences: same boundaries as one pass, with a 160-character window', () => {
    // Sentences start with a capital, so each ends where it is written, and stay shorter than half the
    // window, so every window has a boundary with a letter after it and no cut is forced.
    const sentences = fc
      .array(fc.tuple(fc.constantFrom('The', 'We', 'Kafka', 'It', 'Étant', 'Ω'), fc.array(token, { minLength: 1, maxLength: 6 }), fc.constantFrom('. ', '? ', '! ', '." ', '.) ', '... ', '.\u00a0', '. 1. ')), { minLength: 1, maxLength: 40 })
      .map((parts) => parts.map(([first, words, end]) => `${first} ${words.join(' ')}${end}`).join(''));
    fc.assert(
      fc.property(sentences, (text) => {
        const expected = [...sentenceSegmenter.segment(text)].map((s) => [s.index, s.index + s.segment.length]);
        expect([...sentenceSegments(text, 160)]).toEqual(expected);
      }),
      params(300),
    );
  });
});

/** Up to 60 characters drawn from all of ASCII, for the tokenizers computed without ICU. */
const anyAscii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 60 });

describe('the ASCII word tokenizer equals Intl.Segmenter', () => {
  const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
  const intl = (text: string) => [...wordSegmenter.segment(text)].filter((s) => s.isWordLike).map((s) => [s.index, s.index + s.segment.length]);
  // Every ASCII character, with the ones the rules join on (letters, digits, _ . ' : , ;) more often.
  const ascii = fc.oneof(
    anyAscii,
    fc.string({ unit: fc.constantFrom(..."aZ09_.',:; -\t\n"), maxLength: 60 }),
  );

  it('on generated ASCII text', () => {
    fc.assert(
      fc.property(ascii, (text) => {
        expect(asciiWordRanges(text)).toEqual(intl(text));
      }),
      params(2000),
    );
  });

  it('on every line of the fixtures, and on examples chosen for its rules', () => {
    const lines = FIXTURES.flatMap((text) => text.split('\n'));
    lines.push("e.g. can't 1,000.5 p99 10ms snake_case __init__ _ __ a:b 3;4 x'y' 'quoted' U.S.A. v1.2.3 a.b.c. 5.");
    for (const line of lines) expect(wordRanges(line), line).toEqual(intl(line));
  });
});

describe('the ASCII sentence splitter equals Intl.Segmenter', () => {
  const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const intl = (text: string) => [...sentenceSegmenter.segment(text)].map((s) => [s.index, s.index + s.segment.length]);
  // Every ASCII character, and a draw weighted to the classes UAX #29 distinguishes: lower and upper
  // case, digits, the terminators, closing marks, continuations, spaces and line breaks.
  const ascii = fc.oneof(
    anyAscii,
    fc.string({ unit: fc.constantFrom(...'aZ9.!?"\'()[]{},-:; \t\n\r\v\f#_/'), maxLength: 60 }),
    fc.array(fc.constantFrom('The ', 'model', ' e.g. ', 'U.S. ', '3.5', '. ', '? ', '! ', '." ', '.) ', ': ', ', ', '\n', '\r\n', ' kafka', ' Kafka', '... '), { maxLength: 30 }).map((parts) => parts.join('')),
  );

  it('on generated ASCII text', () => {
    fc.assert(
      fc.property(ascii, (text) => {
        expect(asciiSentenceRanges(text)).toEqual(intl(text));
      }),
      params(3000),
    );
  });

  it('on every paragraph of the fixtures that is ASCII', () => {
    const paragraphs = FIXTURES.flatMap((text) => text.split(/\n\s*\n/)).filter((p) => /^[\x00-\x7f]*$/.test(p));
    expect(paragraphs.length).toBeGreaterThan(100);
    for (const paragraph of paragraphs) expect(asciiSentenceRanges(paragraph), paragraph).toEqual(intl(paragraph));
  });

  it('lints an ASCII answer without building an ICU segmenter', () => {
    // In a process where Intl.Segmenter cannot be built, an ASCII answer is still linted in full.
    const script = `
      Intl.Segmenter = function () { throw new Error('Intl.Segmenter was built'); };
      const { lintTextSync } = await import(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'index.js'))});
      const r = lintTextSync('# Problem\\nWe predict the click probability. The model is trained daily on click logs.\\n');
      console.log(JSON.stringify(r.signals.map((s) => s.status)));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toHaveLength(SIGNAL_IDS.length);
  });
});
