/**
 * `--concurrency` through the real executable: worker threads change nothing in what is reported
 * (bytes, order, exit code), errors from a worker read as they do on one thread, and `auto` only
 * starts workers for a run large enough to pay for them. A probe plugin records on which thread
 * each answer was linted, so "used workers" is observed, not assumed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/index.js';
import { AUTO_FILE_COST, AUTO_MIN_WORK } from '../src/run/run.js';
import { ANSWERS, BIN, expectOneLineError, HIGH_TEXT, ROOT, runAllFormats, runCli, stderrLines, useTempTrees, VAGUE_SENTENCE, WEAK_TEXT } from './helpers.js';

const tree = useTempTrees();

/** Logs `file<TAB>main|worker` for every answer it is run on. */
const PROBE = `import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
export default {
  id: 'probe/thread',
  meta: { description: 'Logs where each answer is linted', rationale: 'test', defaultSeverity: 'warn', messages: { seen: 'Seen' } },
  check(context) {
    appendFileSync(process.env.PROBE_LOG, context.document.filePath + '\\t' + (isMainThread ? 'main' : 'worker') + '\\n');
  },
};
`;

/** Crashes on an answer that contains CRASH; exits the thread on one that contains EXIT (in a worker only). */
const TROUBLE = `import { isMainThread } from 'node:worker_threads';
export default {
  id: 'local/trouble',
  meta: { description: 'Crashes on demand', rationale: 'test', defaultSeverity: 'error', messages: { boom: 'Boom' } },
  check(context) {
    if (context.document.text.includes('CRASH')) throw new Error('kaboom in ' + context.document.filePath);
    if (context.document.text.includes('EXIT') && !isMainThread) process.exit(7);
  },
};
`;

function threads(log: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t') as [string, string]),
  );
}

describe('output does not depend on threads', () => {
  it('--concurrency off and 2 give byte-identical reports, in argument order, in every format', async () => {
    const t = tree();
    // Argument order is not sorted order: a later answer first, a directory, then single files.
    const files = ['payment-fraud-long-prose.md', 'churn-terse.md', 'nonml-url-shortener.md'].map((f) => path.join(ANSWERS, f));
    const args = [files[0] as string, ANSWERS, files[1] as string];
    const off = await runAllFormats([...args, '--concurrency', 'off'], t.dir, 'off');
    const two = await runAllFormats([...args, '--concurrency', '2'], t.dir, 'two');
    expect(off.run.stdout.length).toBeGreaterThan(0);
    expect(two.run).toEqual(off.run);
    expect(two.files).toEqual(off.files);
    const order = (JSON.parse(two.files.json as string) as Array<{ filePath: string }>).map((r) => r.filePath);
    expect(order[0]).toBe(files[0]);
    // Each answer once: the directory's, the ones named before and after it among them.
    expect(order).toHaveLength(readdirSync(ANSWERS).filter((f) => f.endsWith('.md')).length);
  });

  it('lints on workers with --concurrency 2 (observed), with configuration, overrides and plugins applied there', async () => {
    const t = tree({
      'probe.mjs': PROBE,
      '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./probe.mjs'], overrides: [{ files: 'drafts/**', rules: { retraining: 'off', 'vague-language': 'error' } }] }),
      'a.md': WEAK_TEXT,
      'drafts/b.md': `${WEAK_TEXT}\n\n${VAGUE_SENTENCE}\n`,
      'c.md': HIGH_TEXT,
    });
    const log = path.join(t.dir, 'probe.log');
    const env = { HOME: t.dir, PROBE_LOG: log };
    writeFileSync(log, '');
    const off = await runCli(['a.md', 'drafts', 'c.md', '-f', 'json', '--concurrency', 'off'], { cwd: t.dir, env });
    expect(threads(log)).toEqual({ 'a.md': 'main', 'drafts/b.md': 'main', 'c.md': 'main' });
    writeFileSync(log, '');
    // Two threads: the main one and a worker, each answer linted once, the worker's first.
    const two = await runCli(['a.md', 'drafts', 'c.md', '-f', 'json', '--concurrency', '2'], { cwd: t.dir, env });
    expect(Object.keys(threads(log)).sort()).toEqual(['a.md', 'c.md', 'drafts/b.md']);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(threads(log)['a.md']).toBe('worker');
    expect(two).toEqual(off);
    writeFileSync(log, '');
    const three = await runCli(['a.md', 'drafts', 'c.md', '-f', 'json', '--concurrency', '3'], { cwd: t.dir, env });
    expect(threads(log)).toEqual({ 'a.md': 'worker', 'drafts/b.md': 'worker', 'c.md': 'worker' });
    expect(three).toEqual(off);
    const [, draft] = JSON.parse(two.stdout) as Array<{ messages: Array<{ ruleId: string; severity: number }> }>;
    expect(draft?.messages.some((m) => m.ruleId === 'retraining')).toBe(false);
    expect(draft?.messages.find((m) => m.ruleId === 'vague-language')?.severity).toBe(2);
  });

  it('auto stays on one thread for a few answers and uses workers for many', async () => {
    // Just above the work at which auto starts a worker: answers of ~40,000 characters.
    const answer = `# Design\n\n${Array.from({ length: 80 }, (_, i) => `${i % 2 ? WEAK_TEXT : HIGH_TEXT}`).join('\n\n')}\n`;
    const count = Math.ceil(AUTO_MIN_WORK / (answer.length + AUTO_FILE_COST)) + 1;
    const many = Object.fromEntries(Array.from({ length: count }, (_, i) => [`many/a${String(i).padStart(3, '0')}.md`, answer]));
    const t = tree({ 'probe.mjs': PROBE, '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./probe.mjs'] }), 'a.md': WEAK_TEXT, 'b.md': HIGH_TEXT, ...many });
    const log = path.join(t.dir, 'probe.log');
    const env = { HOME: t.dir, PROBE_LOG: log };
    writeFileSync(log, '');
    await runCli(['a.md', 'b.md'], { cwd: t.dir, env });
    expect(new Set(Object.values(threads(log)))).toEqual(new Set(['main']));
    writeFileSync(log, '');
    const auto = await runCli(['many', '-f', 'json'], { cwd: t.dir, env });
    expect(Object.keys(threads(log))).toHaveLength(count);
    // One worker per CPU (the main thread only reads and hands out): none on a single-CPU machine.
    if (os.availableParallelism() > 1) expect(Object.values(threads(log))).toContain('worker');
    else expect(new Set(Object.values(threads(log)))).toEqual(new Set(['main']));
    const off = await runCli(['many', '-f', 'json', '--concurrency', 'off'], { cwd: t.dir, env });
    expect(auto).toEqual(off);
  });

  it('lintFiles takes concurrency too', async () => {
    const t = tree({ 'a.md': WEAK_TEXT, 'b.md': HIGH_TEXT, 'c.md': WEAK_TEXT });
    const off = await lintFiles(['a.md', 'b.md', 'c.md'], { cwd: t.dir });
    const two = await lintFiles(['a.md', 'b.md', 'c.md'], { cwd: t.dir, concurrency: 2 });
    expect(two).toStrictEqual(off);
    await expect(lintFiles(['a.md'], { cwd: t.dir, concurrency: 0 })).rejects.toThrow(/concurrency/);
  });
});

describe('errors from workers read as they do on one thread', () => {
  function troubled(files: Record<string, string | Buffer>) {
    return tree({ 'trouble.mjs': TROUBLE, '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./trouble.mjs'] }), ...files });
  }

  it('a plugin rule that crashes: the same line, naming the rule, the plugin, its configuration and the answer', async () => {
    const t = troubled({ '1.md': WEAK_TEXT, '2.md': HIGH_TEXT, '3.md': `${WEAK_TEXT}\nCRASH\n`, '4.md': WEAK_TEXT, '5.md': `${HIGH_TEXT}\nCRASH\n` });
    const args = ['1.md', '2.md', '3.md', '4.md', '5.md'];
    const off = await runCli([...args, '--concurrency', 'off'], { cwd: t.dir, env: { HOME: t.dir } });
    const line = expectOneLineError(off);
    for (const mention of ['local/trouble', 'plugin "./trouble.mjs" in .mlsd-lintrc.json', 'kaboom in 3.md', 'while linting 3.md']) expect(line).toContain(mention);
    // With 2, 3 or 4 threads, 3.md is linted on a worker: the crash happens there.
    for (const n of ['2', '3', '4']) expect(await runCli([...args, '--concurrency', n], { cwd: t.dir, env: { HOME: t.dir } })).toEqual(off);
    const debug = await runCli([...args, '--concurrency', '3', '--debug'], { cwd: t.dir, env: { HOME: t.dir } });
    expect(debug.code).toBe(2);
    expect(stderrLines(debug)[0]).toBe(line);
    expect(debug.stderr).toMatch(/kaboom in 3\.md\n\s+at .+trouble\.mjs:\d+:\d+/);
  });

  it('the first problem in argument order wins, whichever thread finishes first', async () => {
    // A read error (binary) before a crash, and a crash before a read error.
    const t = troubled({ 'ok.md': WEAK_TEXT, 'crash.md': `${WEAK_TEXT}\nCRASH\n`, 'bin.md': Buffer.from([0, 1, 2]), 'big.md': `${HIGH_TEXT}\n`.repeat(50) });
    for (const args of [
      ['big.md', 'ok.md', 'bin.md', 'crash.md'],
      ['big.md', 'crash.md', 'ok.md', 'bin.md'],
    ]) {
      const off = await runCli([...args, '--concurrency', 'off'], { cwd: t.dir, env: { HOME: t.dir } });
      expectOneLineError(off);
      expect(await runCli([...args, '--concurrency', '2'], { cwd: t.dir, env: { HOME: t.dir } })).toEqual(off);
    }
  });

  it('a worker thread that stops unexpectedly: exit 2, one line naming the answer', async () => {
    // With workers, every answer goes to one of them.
    const t = troubled({ 'a.md': WEAK_TEXT, 'exit.md': `${WEAK_TEXT}\nEXIT\n`, 'c.md': HIGH_TEXT });
    const line = expectOneLineError(await runCli(['exit.md', 'a.md', 'c.md', '--concurrency', '2'], { cwd: t.dir, env: { HOME: t.dir } }));
    expect(line).toBe('mlsd-lint: exit.md: the worker thread linting it stopped unexpectedly (exit code 7)');
  });

  it('configuration is validated before any answer is read, with workers too', async () => {
    const t = tree({ '.mlsd-lintrc.json': '{"rules": {"nope": "off"}}', 'binary.md': Buffer.from([0, 1, 2]), 'a.md': WEAK_TEXT });
    const line = expectOneLineError(await runCli(['binary.md', 'a.md', '--concurrency', '2'], { cwd: t.dir, env: { HOME: t.dir } }));
    expect(line).toContain('`nope`');
  });
});

describe('--concurrency values', () => {
  it('accepts auto, off and whole numbers (1 is off)', async () => {
    const file = path.join(ANSWERS, 'churn-terse.md');
    const off = await runCli([file, '--concurrency', 'off']);
    for (const value of ['auto', '1', '3']) expect(await runCli([file, '--concurrency', value])).toEqual(off);
  });

  it('refuses anything else: exit 2, one line', async () => {
    const file = path.join(ANSWERS, 'churn-terse.md');
    for (const value of ['0', '-1', '2.5', 'many', '', 'on']) {
      const line = expectOneLineError(await runCli([file, '--concurrency', value]));
      expect(line).toContain('--concurrency');
    }
    expectOneLineError(await runCli([file, '--concurrency']));
  });
});

describe('startup', () => {
  /** The modules the CLI loads on the main thread for these arguments, logged by a resolve hook. */
  function loadedChunks(args: readonly string[], files: Record<string, string> = {}): string[] {
    const t = tree({
      ...files,
      'hooks.mjs': `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(process.env.LOAD_LOG, result.url + '\\n');\n  return result;\n}\n`,
      'register.mjs': `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
      'a.md': WEAK_TEXT,
      'b.md': HIGH_TEXT,
    });
    const log = path.join(t.dir, 'load.log');
    writeFileSync(log, '');
    const run = spawnSync(process.execPath, ['--import', path.join(t.dir, 'register.mjs'), BIN, ...args], { cwd: t.dir, env: { ...process.env, HOME: t.dir, LOAD_LOG: log, MLSD_LINT_ESM: '1' }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.includes('/dist/bundle/'))
      .map((url) => url.slice(url.indexOf('/dist/bundle/') + '/dist/bundle/'.length));
  }

  /** A lazily loaded module is a chunk named after it: run-FORXI6HN.js is run.js. */
  const loaded = (args: readonly string[]) => loadedChunks(args).map((chunk) => chunk.replace(/-[A-Z0-9]{8}\.js$/, '.js'));

  /** The npm packages bundled into these chunks, from their source maps. */
  function packagesIn(chunks: readonly string[]): Set<string> {
    const found = new Set<string>();
    for (const chunk of new Set(chunks)) {
      const { sources } = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'bundle', `${chunk}.map`), 'utf8')) as { sources: string[] };
      for (const source of sources) {
        const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
        if (match) found.add(match[1] as string);
      }
    }
    return found;
  }

  it('cosmiconfig and its YAML parser are loaded only where a folder may hold a configuration', () => {
    const plain = packagesIn(loadedChunks(['a.md']));
    expect(plain).toContain('micromark');
    expect(plain).not.toContain('cosmiconfig');
    expect(plain).not.toContain('js-yaml');
    expect(packagesIn(loadedChunks(['a.md'], { '.mlsd-lintrc.json': '{}' }))).toContain('cosmiconfig');
    expect(packagesIn(loadedChunks(['a.md'], { 'package.json': '{"mlsd-lint": {}}' }))).toContain('cosmiconfig');
  });

  it('a plain run loads neither the cache nor the worker code; each is loaded when used', () => {
    const plain = loaded(['a.md']);
    expect(plain).toContain('run.js');
    for (const module of ['cache.js', 'parallel.js', 'lint-worker.js']) expect(plain).not.toContain(module);
    expect(loaded(['a.md', 'b.md', '--concurrency', 'auto'])).not.toContain('parallel.js');
    const cached = loaded(['a.md', '--cache']);
    expect(cached).toContain('cache.js');
    expect(cached).not.toContain('parallel.js');
    const threaded = loaded(['a.md', 'b.md', '--concurrency', '2']);
    expect(threaded).toContain('parallel.js');
    expect(threaded).not.toContain('cache.js');
  });
});
