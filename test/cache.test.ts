/**
 * `--cache` through the real executable: what is linted again (a probe plugin writes one line per
 * answer it sees, so a hit is observed, not assumed), that cached reports are byte-identical to
 * fresh ones in every format, and that no cache file, however broken, changes a run's outcome.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/index.js';
import { ANSWERS, type CliRun, HIGH_TEXT, installExamplePlugin, ROOT, runAllFormats, runCli, stderrLines, useTempTrees, WEAK_TEXT } from './helpers.js';

const tree = useTempTrees();

/** A rule that reports nothing and logs each answer it is run on. */
const PROBE = `import { appendFileSync } from 'node:fs';
export default {
  id: 'probe/log',
  meta: { description: 'Logs each answer it sees', rationale: 'test', defaultSeverity: 'warn', messages: { seen: 'Seen' } },
  check(context) {
    appendFileSync(process.env.PROBE_LOG, context.document.filePath + '\\n');
  },
};
`;

/** A project with the probe plugin and answers; `lint` runs the CLI there and returns what was linted. */
function project(files: Record<string, string | Buffer> = {}, config: Record<string, unknown> = {}) {
  const t = tree({
    'probe.mjs': PROBE,
    '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./probe.mjs'], ...config }),
    'a.md': WEAK_TEXT,
    'b.md': HIGH_TEXT,
    ...files,
  });
  const log = path.join(t.dir, 'probe.log');
  const lint = async (args: readonly string[] = ['a.md', 'b.md'], bin?: string): Promise<CliRun & { linted: string[] }> => {
    writeFileSync(log, '');
    const env = { HOME: t.dir, PROBE_LOG: log };
    const run = bin ? await runWith(bin, [...args, '--cache', '-f', 'json'], t.dir, env) : await runCli([...args, '--cache', '-f', 'json'], { cwd: t.dir, env });
    return { ...run, linted: readFileSync(log, 'utf8').split('\n').filter(Boolean).sort() };
  };
  return { ...t, lint, cacheFile: path.join(t.dir, '.mlsd-lintcache') };
}

/** Run a copy of the tool (bin/ and dist/ elsewhere), as a rebuilt or upgraded install would be. */
function runWith(bin: string, args: readonly string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete environment.FORCE_COLOR;
  delete environment.NO_COLOR;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env: environment, encoding: 'utf8' });
  return Promise.resolve({ code: result.status, stdout: result.stdout, stderr: result.stderr });
}

function isOurCache(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { format?: string }).format === 'mlsd-lint-cache';
  } catch {
    return false;
  }
}

describe('what a cached run lints again', () => {
  it('lints everything the first time, nothing the second, with the same report and exit code', async () => {
    const p = project();
    const first = await p.lint();
    expect(first.linted).toEqual(['a.md', 'b.md']);
    expect(first.code).toBe(1);
    expect(isOurCache(p.cacheFile)).toBe(true);
    const second = await p.lint();
    expect(second.linted).toEqual([]);
    expect(second).toMatchObject({ code: first.code, stdout: first.stdout, stderr: '' });
  });

  it('a changed answer is linted again, and only it; a touched one is not; a same-size edit with the old mtime is', async () => {
    const p = project();
    await p.lint();
    p.write({ 'a.md': `${WEAK_TEXT}\n\nMonitoring: alert when CTR drops 10%.\n` });
    const changed = await p.lint();
    expect(changed.linted).toEqual(['a.md']);
    expect(changed.stdout).toContain('CTR drops');

    const b = path.join(p.dir, 'b.md');
    utimesSync(b, new Date(), new Date(Date.now() + 60_000));
    expect((await p.lint()).linted).toEqual([]);

    // Same size, same modification time, other content: the content hash decides, not the metadata.
    const before = statSync(b);
    writeFileSync(b, HIGH_TEXT.replace('10M DAU', '20M DAU'));
    utimesSync(b, before.atime, before.mtime);
    expect(statSync(b).size).toBe(before.size);
    const edited = await p.lint();
    expect(edited.linted).toEqual(['b.md']);
    expect(edited.stdout).toContain('20M DAU');
  });

  it('a changed configuration lints everything again', async () => {
    const p = project();
    const first = await p.lint();
    p.write({ '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./probe.mjs'], rules: { retraining: 'off' } }) });
    const changed = await p.lint();
    expect(changed.linted).toEqual(['a.md', 'b.md']);
    expect(changed.stdout).not.toBe(first.stdout);
    expect(changed.stdout).not.toContain('"ruleId":"retraining"');
    expect((await p.lint()).linted).toEqual([]);
  });

  it('an override that starts matching a file lints that file again', async () => {
    const p = project();
    await p.lint();
    p.write({ '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./probe.mjs'], overrides: [{ files: 'a.md', rules: { 'feedback-loop': 'warn' } }] }) });
    expect((await p.lint()).linted).toEqual(['a.md']);
  });

  it('a rule option, a severity or --report-unused-disable-directives lints again', async () => {
    const p = project({ 'a.md': `<!-- mlsd-lint-disable-next-line scale-latency -->\n${WEAK_TEXT}\n` });
    const plain = await p.lint();
    // problem-framing is weak in a.md: its weak finding goes with `weak: off`.
    const weakOff = await p.lint(['a.md', 'b.md', '--rule', 'problem-framing:["error",{"weak":"off"}]']);
    expect(weakOff.linted).toEqual(['a.md', 'b.md']);
    expect(weakOff.stdout).not.toBe(plain.stdout);
    expect((await p.lint(['a.md', 'b.md', '--rule', 'problem-framing:["error",{"weak":"off"}]'])).linted).toEqual([]);
    const weakError = await p.lint(['a.md', 'b.md', '--rule', 'problem-framing:["error",{"weak":"error"}]']);
    expect(weakError.linted).toEqual(['a.md', 'b.md']);
    expect(weakError.stdout).not.toBe(plain.stdout);
    expect((await p.lint(['a.md', 'b.md', '--rule', 'problem-framing:warn'])).linted).toEqual(['a.md', 'b.md']);

    const unused = await p.lint(['a.md', 'b.md', '--report-unused-disable-directives']);
    expect(unused.linted).toEqual(['a.md', 'b.md']);
    expect(unused.stdout).toContain('unused-disable-directive');
    // One entry per file: the last configuration's. Back to the first one is a miss, then a hit.
    const back = await p.lint();
    expect(back.linted).toEqual(['a.md', 'b.md']);
    expect(back.stdout).toBe(plain.stdout);
    const again = await p.lint();
    expect(again.linted).toEqual([]);
    expect(again.stdout).toBe(plain.stdout);
  });

  it('the same file reported under another name is linted again (the name is in the result)', async () => {
    const p = project();
    await p.lint();
    const renamed = await p.lint(['./a.md', 'b.md']);
    expect(renamed.linted).toEqual(['./a.md']);
    expect(renamed.stdout).toContain('"filePath":"./a.md"');
  });

  it('a changed local plugin file lints everything again', async () => {
    const p = project();
    await p.lint();
    p.write({ 'probe.mjs': `${PROBE}// a comment changes nothing but the file's content\n` });
    expect((await p.lint()).linted).toEqual(['a.md', 'b.md']);
    expect((await p.lint()).linted).toEqual([]);
  });

  it('an npm plugin at another version lints everything again', async () => {
    const p = project({}, { plugins: ['./probe.mjs', 'mlsd-lint-plugin-example'] });
    installExamplePlugin(p.dir);
    const first = await p.lint();
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toContain('cost-awareness');
    expect((await p.lint()).linted).toEqual([]);
    const manifest = path.join(p.dir, 'node_modules', 'mlsd-lint-plugin-example', 'package.json');
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    writeFileSync(manifest, JSON.stringify({ ...pkg, version: '1.0.1' }));
    expect((await p.lint()).linted).toEqual(['a.md', 'b.md']);
  });

  it('another tool version, or the same version rebuilt with other code, lints everything again', async () => {
    const p = project();
    // A copy of this build, as an upgrade or a rebuild would replace it.
    const install = path.join(p.dir, 'tool');
    mkdirSync(install);
    cpSync(path.join(ROOT, 'bin'), path.join(install, 'bin'), { recursive: true });
    cpSync(path.join(ROOT, 'dist'), path.join(install, 'dist'), { recursive: true });
    cpSync(path.join(ROOT, 'package.json'), path.join(install, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(install, 'node_modules'), 'dir');
    const bin = path.join(install, 'bin', 'mlsd-lint.js');

    const first = await p.lint(undefined, bin);
    expect(first.linted).toEqual(['a.md', 'b.md']);
    expect((await p.lint(undefined, bin)).linted).toEqual([]);

    const manifest = path.join(install, 'package.json');
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    writeFileSync(manifest, JSON.stringify({ ...pkg, version: `${pkg.version}-next` }));
    expect((await p.lint(undefined, bin)).linted).toEqual(['a.md', 'b.md']);
    expect((await p.lint(undefined, bin)).linted).toEqual([]);

    // Same version, rebuilt: the code that runs (the bundle the executable loads) differs.
    const entry = path.join(install, 'dist', 'bundle', 'cli.js');
    writeFileSync(entry, `${readFileSync(entry, 'utf8')}\n// rebuilt\n`);
    const rebuilt = await p.lint(undefined, bin);
    expect(rebuilt.linted).toEqual(['a.md', 'b.md']);
    expect(rebuilt.stdout).toBe(first.stdout);
  });

  it('stdin is linted as usual and never cached', async () => {
    const p = project();
    const run = await p.lint(['-', '--stdin-filename', 'c.md']);
    expect(run.code).toBe(1);
    expect(run.linted).toEqual(['c.md']);
    expect((await p.lint(['-', '--stdin-filename', 'c.md'])).linted).toEqual(['c.md']);
  });
});

describe('a cached report is the fresh report', () => {
  it('byte for byte in every format, cold and warm, over the fixtures', async () => {
    const t = tree();
    const args = [ANSWERS, '--rule', 'vague-language:error'];
    const fresh = await runAllFormats(args, t.dir, 'fresh');
    const cold = await runAllFormats([...args, '--cache'], t.dir, 'cold');
    const warm = await runAllFormats([...args, '--cache'], t.dir, 'warm');
    expect(fresh.run.stdout.length).toBeGreaterThan(0);
    expect(cold).toEqual(fresh);
    expect(warm).toEqual(fresh);
  });

  it('lintFiles: deep-equal results, messages, suggestions, scores and signal rows', async () => {
    const t = tree({ 'drafts/x.md': `<!-- mlsd-lint-disable-next-line vague-language -->\n${WEAK_TEXT}\n` });
    cpSync(ANSWERS, path.join(t.dir, 'answers'), { recursive: true });
    const options = { cwd: t.dir, cache: true, reportUnusedDisableDirectives: true } as const;
    const fresh = await lintFiles(['answers', 'drafts'], { cwd: t.dir, reportUnusedDisableDirectives: true });
    const cold = await lintFiles(['answers', 'drafts'], options);
    const warm = await lintFiles(['answers', 'drafts'], options);
    expect(existsSync(path.join(t.dir, '.mlsd-lintcache'))).toBe(true);
    expect(cold).toStrictEqual(fresh);
    expect(warm).toStrictEqual(fresh);
    expect(warm.some((r) => r.messages.some((m) => m.suggestion))).toBe(true);
    expect(warm.some((r) => r.signals.some((s) => s.evidence))).toBe(true);
  });
});

describe('the cache file', () => {
  const broken: Array<[string, string | Buffer]> = [
    ['garbage', 'not json at all \u0000\u0001'],
    ['empty', ''],
    ['null', 'null'],
    ['an array', '[]'],
    ['a foreign cache (ESLint)', JSON.stringify({ '/x/a.md': { size: 1, mtime: 2, hash: 'abc', data: { results: [] } } })],
    ['another cache version', JSON.stringify({ format: 'mlsd-lint-cache', version: 999, tool: 'x', entries: {} })],
    ['entries of the wrong shape', JSON.stringify({ format: 'mlsd-lint-cache', version: 1, tool: 'x', entries: { a: 1, b: [null] } })],
    ['binary', Buffer.from([0xff, 0xfe, 0, 0, 0x89, 0x50])],
  ];

  for (const [name, content] of broken) {
    it(`${name}: ignored and rewritten, the run as without a cache`, async () => {
      const p = project();
      const fresh = await runCli(['a.md', 'b.md', '-f', 'json'], { cwd: p.dir, env: { HOME: p.dir, PROBE_LOG: path.join(p.dir, 'x.log') } });
      writeFileSync(p.cacheFile, content);
      const run = await p.lint();
      expect(run).toMatchObject({ code: fresh.code, stdout: fresh.stdout, stderr: '' });
      expect(run.linted).toEqual(['a.md', 'b.md']);
      expect(isOurCache(p.cacheFile)).toBe(true);
      expect((await p.lint()).linted).toEqual([]);
    });
  }

  it('truncated: ignored and rewritten', async () => {
    const p = project();
    const first = await p.lint();
    const text = readFileSync(p.cacheFile, 'utf8');
    writeFileSync(p.cacheFile, text.slice(0, Math.floor(text.length / 2)));
    const run = await p.lint();
    expect(run).toMatchObject({ code: first.code, stdout: first.stdout, stderr: '' });
    expect(run.linted).toEqual(['a.md', 'b.md']);
    expect((await p.lint()).linted).toEqual([]);
  });

  it('a result edited by hand into the wrong shape is not used', async () => {
    const p = project();
    const first = await p.lint();
    const data = JSON.parse(readFileSync(p.cacheFile, 'utf8')) as { entries: Record<string, { result: unknown }> };
    for (const entry of Object.values(data.entries)) entry.result = { filePath: 'a.md', score: 'high' };
    writeFileSync(p.cacheFile, JSON.stringify(data));
    const run = await p.lint();
    expect(run.linted).toEqual(['a.md', 'b.md']);
    expect(run.stdout).toBe(first.stdout);
  });

  it('a FIFO where the cache file should be is not read (it would block) and is replaced', async () => {
    const p = project();
    if (spawnSync('mkfifo', [p.cacheFile]).status !== 0) return; // no mkfifo here
    const run = await p.lint();
    expect(run.code).toBe(1);
    expect(run.linted).toEqual(['a.md', 'b.md']);
    expect(isOurCache(p.cacheFile)).toBe(true);
  });

  it('that cannot be written: one warning line, the report and exit code as usual', async () => {
    const p = project();
    const run = await p.lint(['a.md', 'b.md', '--cache-location', 'a.md/cache']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toHaveLength(2);
    expect(stderrLines(run)).toEqual([expect.stringMatching(/^mlsd-lint: warning: cannot write the cache .*a\.md\/cache: /)]);
    expect(readFileSync(path.join(p.dir, 'a.md'), 'utf8')).toBe(WEAK_TEXT);
  });

  it('is written atomically: no temporary file is left beside it', async () => {
    const p = project();
    await p.lint();
    await p.lint(['a.md']);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(p.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('drops entries of files that no longer exist, keeps those of files not linted this time', async () => {
    const p = project({ 'c.md': WEAK_TEXT });
    await p.lint(['a.md', 'b.md', 'c.md']);
    rmSync(path.join(p.dir, 'c.md'));
    await p.lint(['a.md']);
    const entries = Object.keys((JSON.parse(readFileSync(p.cacheFile, 'utf8')) as { entries: object }).entries).map((f) => path.basename(f));
    expect(entries.sort()).toEqual(['a.md', 'b.md']);
    expect((await p.lint(['b.md'])).linted).toEqual([]);
  });
});

describe('--cache-location', () => {
  it('defaults to .mlsd-lintcache in the working directory', async () => {
    const p = project();
    await p.lint();
    expect(isOurCache(p.cacheFile)).toBe(true);
  });

  it('a file path is the cache file; its folders are created', async () => {
    const p = project();
    await p.lint(['a.md', 'b.md', '--cache-location', 'build/cache/lint.json']);
    expect(isOurCache(path.join(p.dir, 'build/cache/lint.json'))).toBe(true);
    expect(existsSync(p.cacheFile)).toBe(false);
    expect((await p.lint(['a.md', 'b.md', '--cache-location', 'build/cache/lint.json'])).linted).toEqual([]);
  });

  it('an existing directory, or a path ending in a slash, holds .mlsd-lintcache', async () => {
    const p = project({ 'existing/keep.txt': '' });
    await p.lint(['a.md', 'b.md', '--cache-location', 'existing']);
    expect(isOurCache(path.join(p.dir, 'existing', '.mlsd-lintcache'))).toBe(true);
    await p.lint(['a.md', 'b.md', '--cache-location', 'new-dir/']);
    expect(isOurCache(path.join(p.dir, 'new-dir', '.mlsd-lintcache'))).toBe(true);
    expect((await p.lint(['a.md', 'b.md', '--cache-location', 'new-dir/'])).linted).toEqual([]);
  });

  it('is refused over an input or an output file, and without --cache (exit 2, one line)', async () => {
    const p = project();
    for (const args of [
      ['a.md', '--cache', '--cache-location', 'a.md'],
      ['a.md', '--cache', '--cache-location', 'out.json', '-f', 'json', '-o', 'out.json'],
      ['a.md', '--cache-location', 'c.cache'],
    ]) {
      const run = await runCli(args, { cwd: p.dir, env: { HOME: p.dir, PROBE_LOG: path.join(p.dir, 'x.log') } });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(stderrLines(run)).toHaveLength(1);
      expect(run.stderr).toMatch(/^mlsd-lint: .*(cache|--cache-location)/);
    }
    expect(readFileSync(path.join(p.dir, 'a.md'), 'utf8')).toBe(WEAK_TEXT);
  });

  it('lintFiles takes cache and cacheLocation', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    await lintFiles(['a.md'], { cwd: t.dir, cache: true, cacheLocation: 'caches/' });
    expect(isOurCache(path.join(t.dir, 'caches', '.mlsd-lintcache'))).toBe(true);
    await expect(lintFiles(['a.md'], { cwd: t.dir, cache: true, cacheLocation: 'a.md' })).rejects.toThrow(/is an input file/);
  });
});
