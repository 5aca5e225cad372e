import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, InputError, RuleError, lintFiles, lintText } from '../src/index.js';
import { HIGH_TEXT, ROOT, useTempTrees, WEAK_TEXT } from './helpers.js';

const tree = useTempTrees();

describe('lintFiles', () => {
  it('lints files in argument order with paths relative to cwd, like lintText', async () => {
    const t = tree({ 'weak.md': WEAK_TEXT, 'dir/high.md': HIGH_TEXT });
    const results = await lintFiles(['weak.md', 'dir'], { cwd: t.dir });
    expect(results.map((r) => r.filePath)).toEqual(['weak.md', 'dir/high.md']);
    expect(results[0]).toEqual(await lintText(WEAK_TEXT, { filePath: 'weak.md' }));
    expect(results[1]?.score).toBeGreaterThan(results[0]?.score ?? 100);
  });

  it('applies configuration files, configFile and rules', async () => {
    const t = tree({ 'a.md': WEAK_TEXT, '.mlsd-lintrc.json': '{"rules": {"retraining": "off"}}', 'strict.yml': 'extends: strict\n' });
    const [found] = await lintFiles(['a.md'], { cwd: t.dir });
    expect(found?.messages.some((m) => m.ruleId === 'retraining')).toBe(false);
    const [explicit] = await lintFiles(['a.md'], { cwd: t.dir, configFile: 'strict.yml', rules: { monitoring: 'off' } });
    expect(explicit?.messages.find((m) => m.ruleId === 'retraining')?.severity).toBe(2);
    expect(explicit?.messages.some((m) => m.ruleId === 'monitoring')).toBe(false);
  });

  it('throws typed errors: InputError, ConfigError, RuleError', async () => {
    const t = tree({ 'a.md': WEAK_TEXT, 'bin.md': Buffer.from([0, 1]) });
    await expect(lintFiles(['nope.md'], { cwd: t.dir })).rejects.toBeInstanceOf(InputError);
    await expect(lintFiles(['bin.md'], { cwd: t.dir })).rejects.toThrow(/^bin\.md: binary file/);
    await expect(lintFiles(['a.md'], { cwd: t.dir, rules: { nope: 'off' } })).rejects.toBeInstanceOf(ConfigError);
    await expect(lintFiles(['a.md'], { cwd: t.dir, maxFileSize: 10 })).rejects.toThrow(/^a\.md: file is \d+ bytes, above the 10 bytes limit/);

    const crash = tree({
      'a.md': WEAK_TEXT,
      'crash.mjs': `export default [{ id: 'x/crash', meta: { description: 'd', rationale: 'r', defaultSeverity: 'warn', messages: { m: 'M' } }, check() { throw new Error('kaboom'); } }];`,
      '.mlsd-lintrc.json': '{"plugins": ["./crash.mjs"]}',
    });
    const error = await lintFiles(['a.md'], { cwd: crash.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).ruleId).toBe('x/crash');
    expect((error as Error).message).toBe('rule "x/crash" from plugin "./crash.mjs" in .mlsd-lintrc.json crashed: kaboom while linting a.md');
  });

  it('applies .mlsd-lintignore and ignorePatterns, and can skip unmatched patterns', async () => {
    const t = tree({ '.mlsd-lintignore': 'drafts/\n', 'a.md': WEAK_TEXT, 'b.md': WEAK_TEXT, 'drafts/c.md': WEAK_TEXT });
    expect((await lintFiles(['.'], { cwd: t.dir })).map((r) => r.filePath)).toEqual(['a.md', 'b.md']);
    expect((await lintFiles(['.'], { cwd: t.dir, ignorePatterns: ['b.md'] })).map((r) => r.filePath)).toEqual(['a.md']);
    expect((await lintFiles(['.'], { cwd: t.dir, ignore: false })).map((r) => r.filePath)).toEqual(['a.md', 'b.md', 'drafts/c.md']);
    await expect(lintFiles(['drafts'], { cwd: t.dir })).rejects.toThrow(/^drafts: every markdown file in this directory is ignored$/);
    expect(await lintFiles(['drafts', 'none/*.md'], { cwd: t.dir, errorOnUnmatchedPattern: false })).toEqual([]);
  });

  it('reports unused disable directives when asked', async () => {
    const t = tree({ 'a.md': `${WEAK_TEXT}\n\n<!-- mlsd-lint-disable-next-line vague-language, nope -->\nWe rank with LightGBM.\n` });
    const [plain] = await lintFiles(['a.md'], { cwd: t.dir });
    expect(plain?.messages.filter((m) => m.ruleId === 'invalid-directive')).toHaveLength(1);
    expect(plain?.messages.some((m) => m.ruleId === 'unused-disable-directive')).toBe(false);
    const [reported] = await lintFiles(['a.md'], { cwd: t.dir, reportUnusedDisableDirectives: true });
    expect(reported?.messages.filter((m) => m.ruleId === 'unused-disable-directive').map((m) => m.line)).toEqual([3]);
  });

  it('returns [] for no patterns and never writes to input files', async () => {
    expect(await lintFiles([])).toEqual([]);
    const t = tree({ 'a.md': WEAK_TEXT });
    const { statSync, readFileSync } = await import('node:fs');
    const before = statSync(path.join(t.dir, 'a.md')).mtimeMs;
    await lintFiles(['a.md'], { cwd: t.dir });
    expect(statSync(path.join(t.dir, 'a.md')).mtimeMs).toBe(before);
    expect(readFileSync(path.join(t.dir, 'a.md'), 'utf8')).toBe(WEAK_TEXT);
  });
});

describe('the published entry point', () => {
  it('the bundle that package.json exports offers the same API as the source, and it works', async () => {
    const source = await import('../src/index.js');
    const bundled = (await import(pathToFileURL(path.join(ROOT, 'dist', 'bundle', 'index.js')).href)) as typeof source;
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(source).sort());
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; exports: { '.': { default: string } } };
    expect(path.resolve(ROOT, pkg.exports['.'].default)).toBe(path.join(ROOT, 'dist', 'bundle', 'index.js'));
    expect(path.resolve(ROOT, pkg.main)).toBe(path.join(ROOT, 'dist', 'bundle', 'index.js'));
    const text = '# Ads\n\nWe predict the probability that a user clicks an ad. We retrain periodically.';
    expect(bundled.lintTextSync(text)).toEqual(source.lintTextSync(text));
  });
});
