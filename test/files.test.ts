import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText, firstInvalidUtf8 } from '../src/run/decode.js';
import { InputError } from '../src/support/errors.js';
import { expandPatterns, readInputFile, readStreamText } from '../src/run/files.js';
import { useTempTrees } from './helpers.js';

const tree = useTempTrees();

describe('decodeText', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeText(Buffer.from('Café ✓'))).toBe('Café ✓');
    expect(decodeText(Buffer.from('\ufeffCafé'))).toBe('Café');
  });

  it('reads UTF-16 LE and BE when they start with their BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café ✓', 'utf16le')]))).toBe('Café ✓');
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Café ✓', 'utf16le').swap16()]))).toBe('Café ✓');
  });

  it.each([
    [Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01]), /binary file/],
    [Buffer.from('ok\n\xe9t\xe9', 'latin1'), /invalid UTF-8 at line 2 \(byte 3\)/],
    [Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xc0, 0xaf]), /invalid UTF-8 at line 1 \(byte 4\)/],
    [Buffer.from([0xff, 0xfe, 0x61]), /invalid UTF-16 LE/],
    [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\0b', 'utf16le')]), /binary file/],
  ])('refuses bytes that are not an answer (%#)', (bytes, message) => {
    expect(() => decodeText(bytes)).toThrow(DecodeError);
    expect(() => decodeText(bytes)).toThrow(message);
  });

  it('finds the first invalid UTF-8 sequence: overlong, surrogate, truncated, above U+10FFFF', () => {
    expect(firstInvalidUtf8(Buffer.from('plain ascii'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from('𝄞 é 中'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc1, 0xbf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
});

describe('expandPatterns', () => {
  it('keeps argument order, sorts each directory, dedupes, and takes any extension for a named file', async () => {
    const t = tree({ 'z.txt': 'x', 'd/b.md': 'x', 'd/a.MD': 'x', 'd/c.markdown': 'x', 'd/e.mdx': 'x', 'd/.hidden/h.md': 'x', 'd/node_modules/m.md': 'x' });
    const files = await expandPatterns(['z.txt', 'd', './d/b.md', 'z.txt'], t.dir);
    expect(files.map((f) => f.displayPath)).toEqual(['z.txt', 'd/a.MD', 'd/b.md', 'd/c.markdown']);
    expect(files.every((f) => path.isAbsolute(f.path))).toBe(true);
  });

  it('prefers an existing path over glob syntax', async () => {
    const t = tree({ 'notes[1].md': 'x', 'notes1.md': 'x' });
    expect((await expandPatterns(['notes[1].md'], t.dir)).map((f) => f.displayPath)).toEqual(['notes[1].md']);
  });

  it('expands globs, sorted, outside node_modules and .git, whatever the extension', async () => {
    const t = tree({ 'a/x.md': 'x', 'a/y.txt': 'x', 'a/node_modules/z.md': 'x', 'a/.git/w.md': 'x' });
    expect((await expandPatterns(['a/**/*'], t.dir)).map((f) => f.displayPath)).toEqual(['a/x.md', 'a/y.txt']);
    const absolute = await expandPatterns([path.join(t.dir, 'a', '*.md')], '/');
    expect(absolute.map((f) => f.displayPath)).toEqual([path.join(t.dir, 'a', 'x.md')]);
  });

  it('lints a symlinked file under the name given', async () => {
    const t = tree({ 'real.md': 'x' });
    symlinkSync(path.join(t.dir, 'real.md'), path.join(t.dir, 'link.md'));
    expect((await expandPatterns(['link.md'], t.dir)).map((f) => f.displayPath)).toEqual(['link.md']);
  });

  it('lints a file reached by several paths once, under the first argument that names it, else its most direct path', async () => {
    const t = tree({ 'd/sub/a.md': 'x', 'd/b.md': 'x' });
    symlinkSync('..', path.join(t.dir, 'd', 'sub', 'up'));
    symlinkSync('b.md', path.join(t.dir, 'd', 'also-b.md'));
    // Within one directory, the first in sorted order among paths of the same depth; d/sub/up/sub/a.md is deeper.
    expect((await expandPatterns(['d'], t.dir)).map((f) => f.displayPath)).toEqual(['d/also-b.md', 'd/sub/a.md']);
    expect((await expandPatterns(['d/sub/up/sub/a.md', 'd'], t.dir)).map((f) => f.displayPath)).toEqual(['d/sub/up/sub/a.md', 'd/also-b.md']);
    expect((await expandPatterns(['d/b.md', 'd'], t.dir)).map((f) => f.displayPath)).toEqual(['d/b.md', 'd/sub/a.md']);
  });

  it.each([
    [['missing.md'], /^missing\.md: no such file or directory$/],
    [['empty'], /^empty: no markdown files/],
    [['none/**/*.md'], /^none\/\*\*\/\*\.md: no files match this glob$/],
    [[''], /empty path/],
  ])('fails on %j with an InputError naming it', async (patterns, message) => {
    const t = tree({ 'empty/readme.txt': 'x' });
    const error = await expandPatterns(patterns, t.dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('readInputFile and readStreamText', () => {
  it('reads text and enforces the size limit before reading', async () => {
    const t = tree({ 'a.md': '# Answer\n', 'big.md': 'x'.repeat(2048) });
    expect(await readInputFile({ path: path.join(t.dir, 'a.md'), displayPath: 'a.md' })).toBe('# Answer\n');
    await expect(readInputFile({ path: path.join(t.dir, 'big.md'), displayPath: 'big.md' }, 1024)).rejects.toThrow(/^big\.md: file is .* above the .* limit/);
  });

  it('says a directory is not a file', async () => {
    const t = tree({ 'd/a.md': 'x' });
    await expect(readInputFile({ path: path.join(t.dir, 'd'), displayPath: 'd' })).rejects.toThrow(/^d: is a directory, expected a file$/);
  });

  it('reads a stream with the same decoding and limit', async () => {
    async function* chunks(...parts: Buffer[]) {
      yield* parts;
    }
    expect(await readStreamText(chunks(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('hi')), '<stdin>')).toBe('hi');
    await expect(readStreamText(chunks(Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x61)), '<stdin>', 1000)).rejects.toThrow(/^<stdin>: file is larger than/);
    await expect(readStreamText(chunks(Buffer.from([0x61, 0])), 'piped.md')).rejects.toThrow(/^piped\.md: binary file/);
  });
});
