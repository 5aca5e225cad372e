/**
 * The Markdown parser is patched in its quadratic spots (scripts/parser-patches.mjs), in the
 * bundle and in the parser these tests load. The patches must be for the installed versions, must
 * still match their text, must not change a single tree (the patched and the unpatched parser,
 * both built here, give equal trees on every corpus document, the fixtures and generated inputs;
 * the expected trees below are what the unpatched parser builds), and must be in the parser the
 * tests and the CLI run. Their speed is checked by
 * test/regex-linearity.test.ts ("placeholders", "closing brackets") and the benchmark.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attention, labelStartImage } from 'micromark-core-commonmark';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { packageOf, PATCHED_FILES, PATCHED_VERSIONS, parserPatchesFor, patchParserSource } from '../scripts/parser-patches.mjs';
import { parseMarkdown } from '../src/document/parse.js';
import { HOSTILE_INPUTS, nestings } from './hostile-inputs.js';
import { ANSWERS, ROOT, runCli, useTempTrees } from './helpers.js';

/** The root folder of `name` as `from` (a package folder) resolves it. */
function packageRoot(name: string, from: string): string {
  const entry = createRequire(path.join(from, 'package.json')).resolve(name);
  const folder = `${path.sep}node_modules${path.sep}${name}${path.sep}`;
  return entry.slice(0, entry.lastIndexOf(folder) + folder.length);
}

const remarkParse = packageRoot('remark-parse', ROOT);
const fromMarkdown = packageRoot('mdast-util-from-markdown', remarkParse);
const micromark = packageRoot('micromark', fromMarkdown);
const core = packageRoot('micromark-core-commonmark', micromark);
const footnote = packageRoot('micromark-extension-gfm-footnote', ROOT);

const PATCHED = [
  ['micromark', micromark, 'lib/initialize/text.js'],
  ['micromark-core-commonmark', core, 'lib/label-start-image.js'],
  ['micromark-core-commonmark', core, 'lib/attention.js'],
  ['micromark-extension-gfm-footnote', footnote, 'lib/syntax.js'],
] as const;

describe('the parser patches match the installed dependencies', () => {
  for (const [name, folder, file] of PATCHED) {
    for (const build of ['', 'dev/']) {
      it(`${name}/${build}${file}`, () => {
        const full = path.join(folder, build, file);
        const original = readFileSync(full, 'utf8');
        const patched = patchParserSource(full, original);
        expect(patched).toBeDefined();
        expect(patched).not.toBe(original);
        expect(patched).toContain('mlsd-lint patch');
      });
    }
  }

  it('are for the installed versions, and fail loudly on any other', () => {
    for (const [name, folder, file] of PATCHED) expect(packageOf(path.join(folder, file))).toEqual({ name, version: PATCHED_VERSIONS[name] });
    const fake = mkdtempSync(path.join(os.tmpdir(), 'mlsd-lint-patch-'));
    try {
      const lib = path.join(fake, 'node_modules', 'micromark', 'lib', 'initialize');
      mkdirSync(lib, { recursive: true });
      writeFileSync(path.join(fake, 'node_modules', 'micromark', 'package.json'), JSON.stringify({ name: 'micromark', version: '4.0.3' }));
      const original = readFileSync(path.join(micromark, 'lib/initialize/text.js'), 'utf8');
      expect(() => patchParserSource(path.join(lib, 'text.js'), original)).toThrow(/written for micromark 4\.0\.2, but 4\.0\.3 is installed .*update PATCHED_VERSIONS/);
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });

  it('leaves other files alone and fails loudly when its target text is gone', () => {
    expect(patchParserSource(path.join(micromark, 'lib/parse.js'))).toBeUndefined();
    const full = path.join(footnote, 'lib/syntax.js');
    expect(parserPatchesFor(full).map((patch) => patch.name)).toEqual([expect.stringMatching(/footnote/)]);
    expect(parserPatchesFor(path.join(micromark, 'dev/lib/initialize/text.js'))).toHaveLength(2);
    expect(() => patchParserSource(full, 'export const changed = true;\n')).toThrow(/no longer matches .*syntax\.js: update scripts\/parser-patches\.mjs/);
  });
});

/** A tree with positions as [start offset, end offset], for short expectations. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'position') {
      const position = value as NonNullable<Node['position']>;
      out.at = [position.start.offset, position.end.offset];
    } else out[key] = shape(value);
  }
  return out;
}

const text = (value: string, from: number, to: number) => ({ type: 'text', value, at: [from, to] });
const paragraph = (children: unknown[], from: number, to: number) => ({ type: 'paragraph', children, at: [from, to] });
const reference = (id: string, from: number, to: number) => ({ type: 'footnoteReference', identifier: id, label: id, at: [from, to] });

describe('the patched parser builds the same trees', () => {
  it('is the parser these tests load (vitest.config.ts transforms it)', () => {
    const footnoteCall = gfmFootnote().text?.[93];
    const constructs = Array.isArray(footnoteCall) ? footnoteCall : [footnoteCall];
    expect(constructs.map((construct) => String(construct?.tokenize)).join('\n')).toContain('_mlsdLabelImageSeen');
    expect(String(labelStartImage.tokenize)).toContain('_mlsdLabelImageSeen');
    expect(String(attention.resolveAll)).toContain('mlsdTail');
  });

  it('merges the text around brackets that are not links into one text node', () => {
    expect(shape(parseMarkdown('a [b] c ] d *e').children)).toEqual([paragraph([text('a [b] c ] d *e', 0, 14)], 0, 14)]);
  });

  it('cuts trailing spaces off lines: two or more make a hard break, the rest vanish', () => {
    expect(shape(parseMarkdown('a  \nb \t\nc \nd  ').children)).toEqual([
      paragraph([text('a', 0, 1), { type: 'break', at: [1, 4] }, text('b\nc\nd', 4, 12)], 0, 14),
    ]);
  });

  it('resolves a footnote call written before its definition, after `!` too', () => {
    expect(shape(parseMarkdown('See ![^1] and [^1].\n\n[^1]: Note.').children)).toEqual([
      paragraph([text('See !', 0, 5), reference('1', 5, 9), text(' and ', 9, 14), reference('1', 14, 18), text('.', 18, 19)], 0, 19),
      { type: 'footnoteDefinition', identifier: '1', label: '1', children: [paragraph([text('Note.', 27, 32)], 27, 32)], at: [21, 32] },
    ]);
  });

  it('keeps `![^1]` as text when no footnote is defined, and images as images', () => {
    expect(shape(parseMarkdown('See ![^1] here.').children)).toEqual([paragraph([text('See ![^1] here.', 0, 15)], 0, 15)]);
    expect(shape(parseMarkdown('![alt](x.png) and ![^a]').children)).toEqual([
      paragraph([{ type: 'image', title: null, url: 'x.png', alt: 'alt', at: [0, 13] }, text(' and ![^a]', 13, 23)], 0, 23),
    ]);
  });

  it('matches emphasis as CommonMark does: nearest opener, rule of three, nothing across a match', () => {
    const emphasis = (children: unknown[], from: number, to: number) => ({ type: 'emphasis', children, at: [from, to] });
    const strong = (children: unknown[], from: number, to: number) => ({ type: 'strong', children, at: [from, to] });
    expect(shape(parseMarkdown('*a _b* c_ **d*').children)).toEqual([
      paragraph([emphasis([text('a _b', 1, 5)], 0, 6), text(' c_ *', 6, 11), emphasis([text('d', 12, 13)], 11, 14)], 0, 14),
    ]);
    expect(shape(parseMarkdown('*foo**bar**baz*').children)).toEqual([
      paragraph([emphasis([text('foo', 1, 4), strong([text('bar', 6, 9)], 4, 11), text('baz', 11, 14)], 0, 15)], 0, 15),
    ]);
    expect(shape(parseMarkdown('*foo**bar*').children)).toEqual([paragraph([emphasis([text('foo**bar', 1, 9)], 0, 10)], 0, 10)]);
    expect(shape(parseMarkdown('_a_ *_b_*').children)).toEqual([
      paragraph([emphasis([text('a', 1, 2)], 0, 3), text(' ', 3, 4), emphasis([emphasis([text('b', 6, 7)], 5, 8)], 4, 9)], 0, 9),
    ]);
  });

  it('finds a footnote call after an image label and stray brackets', () => {
    expect(shape(parseMarkdown('[^n]: def\n\n![b] x ] y ![^n]').children)).toEqual([
      { type: 'footnoteDefinition', identifier: 'n', label: 'n', children: [paragraph([text('def', 6, 9)], 6, 9)], at: [0, 9] },
      paragraph([text('![b] x ] y !', 11, 23), reference('n', 23, 27)], 11, 27),
    ]);
  });
});

describe('the CLI runs the patched parser', () => {
  const tree = useTempTrees();

  it('reads a 300 kB line of closing brackets like any other answer (unpatched: minutes)', async () => {
    const { dir } = tree({ 'brackets.md': `# Answer\n\n${'a] '.repeat(100_000)}\n` });
    const result = await runCli(['--format', 'json', path.join(dir, 'brackets.md')], { timeoutMs: 20_000 });
    expect(result.stderr, `exit ${result.code}`).toBe('');
    expect(JSON.parse(result.stdout)[0].signals).toHaveLength(11);
  });
});

/** The parser of src/document/parse.ts, bundled with or without the patches. */
async function buildParser(dir: string, patched: boolean): Promise<(text: string) => Root> {
  const outfile = path.join(dir, `${patched ? 'patched' : 'unpatched'}.mjs`);
  await build({
    stdin: {
      contents: "export { parseMarkdown as parse } from './src/document/parse.ts';\n",
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'error',
    plugins: patched ? [{ name: 'patches', setup: (b) => b.onLoad({ filter: PATCHED_FILES }, (args) => ({ contents: patchParserSource(args.path), loader: 'js' })) }] : [],
  });
  const source = readFileSync(outfile, 'utf8');
  expect(source.includes('mlsdTail')).toBe(patched);
  return ((await import(pathToFileURL(outfile).href)) as { parse: (text: string) => Root }).parse;
}

describe('patched and unpatched parsers build equal trees, positions included', () => {
  let dir: string;
  let patched: (text: string) => Root;
  let unpatched: (text: string) => Root;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mlsd-lint-parsers-'));
    [patched, unpatched] = await Promise.all([buildParser(dir, true), buildParser(dir, false)]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const same = (text: string) => expect(JSON.stringify(patched(text))).toBe(JSON.stringify(unpatched(text)));

  it('on every corpus document in the repository, every fixture and the example', () => {
    const folders = [path.join(ROOT, 'eval', 'corpus', 'docs'), ANSWERS, path.join(ROOT, 'examples')];
    const files = folders.flatMap((folder) => readdirSync(folder).filter((f) => f.endsWith('.md')).map((f) => path.join(folder, f)));
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) same(readFileSync(file, 'utf8'));
  });

  it('on the hostile classes, at sizes the unpatched parser finishes quickly', () => {
    for (const input of HOSTILE_INPUTS) same(input.text(input.name === 'wide-table' ? 20_000 : 3_000));
  });

  it('on random nestings of every construct', () => {
    fc.assert(
      fc.property(nestings(200, 3), (text) => {
        same(text);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
