/**
 * The work budget per file (src/run/budget.ts): every input ends in a report or a one-line error
 * within its budget, in every mode (one file, worker threads, stdin, the cache, the API), and the
 * other files of the run are still linted. The probe's hostile classes (test/hostile-inputs.ts) are
 * generated here at the probe's sizes and run under a 1 s budget, so each test takes seconds.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText } from '../src/index.js';
import { BudgetExceeded, deadlineMs, defaultBudget, likelyCause, MAIN_THREAD_MAX_CHARS, parseMaxMemory, parseTimeout, withinTime } from '../src/run/budget.js';
import { HOSTILE_INPUTS, nestings } from './hostile-inputs.js';
import { ANSWERS, runAllFormats, runCli, stderrLines, useTempTrees } from './helpers.js';

const tree = useTempTrees();
const GOOD = readFileSync(path.join(ANSWERS, 'payment-fraud-long-prose.md'), 'utf8');
const hostile = (name: string): string => (HOSTILE_INPUTS.find((h) => h.name === name) as (typeof HOSTILE_INPUTS)[number]).text();

/** Emphasis nested `depth` deep: ~25 s to parse at 4,000 (32 kB) without a budget. */
function nestedEmphasis(depth: number): string {
  const words = ['alpha', 'beta', 'gamma'];
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += `${i % 2 ? '**' : '*'}${words[i % 3]} `;
    close = ` ${words[i % 3]}${i % 2 ? '**' : '*'}${close}`;
  }
  return open + close;
}
const SLOW = nestedEmphasis(4000);

/** A table of 200 columns and 240 rows (242 kB, under the cell limit): ~600 MB of heap to parse. */
function hungryTable(): string {
  const cols = 200;
  let text = `|${' h |'.repeat(cols)}\n|${'---|'.repeat(cols)}\n`;
  for (let r = 0; r < 240; r++) text += `|${' ab |'.repeat(cols)}\n`;
  return text;
}

/** The one stderr line of a file abandoned over its time budget. */
const GAVE_UP = /^mlsd-lint: (\S+): gave up after 1 s( \([^)]+\?\))?; raise --timeout to wait longer$/;

describe('the budget itself', () => {
  it('stops synchronous work at the deadline and lets work under it return', () => {
    const started = Date.now();
    expect(() =>
      withinTime(
        () => {
          for (;;);
        },
        { timeoutMs: 200, maxMemoryMb: 0 },
        10,
      ),
    ).toThrow(BudgetExceeded);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(withinTime(() => 6 * 7, { timeoutMs: 200, maxMemoryMb: 0 }, 10)).toBe(42);
    expect(withinTime(() => 'no deadline', { timeoutMs: 0, maxMemoryMb: 0 }, 10)).toBe('no deadline');
    expect(() => withinTime(() => { throw new RangeError('own error'); }, { timeoutMs: 200, maxMemoryMb: 0 }, 10)).toThrow(RangeError);
  });

  it('gives a long answer more time by default, and exactly the deadline asked for otherwise', () => {
    const MB = 1024 * 1024;
    const defaults = defaultBudget();
    expect(deadlineMs(defaults, 50_000)).toBe(10_000);
    expect(deadlineMs(defaults, MB)).toBe(10_000);
    expect(deadlineMs(defaults, 5 * MB)).toBe(50_000);
    expect(deadlineMs({ timeoutMs: 3000, maxMemoryMb: 0 }, 5 * MB)).toBe(3000);
    expect(deadlineMs({ timeoutMs: 0, perMegabyteMs: 10_000, maxMemoryMb: 0 }, 5 * MB)).toBe(0);
  });

  it('reads --timeout in seconds and --max-memory in whole megabytes, refusing nonsense', () => {
    expect(parseTimeout('10')).toBe(10_000);
    expect(parseTimeout('0.5')).toBe(500);
    expect(parseTimeout('0')).toBe(0);
    for (const bad of ['', '-1', 'ten', 'Infinity']) expect(() => parseTimeout(bad)).toThrow(/Invalid --timeout/);
    expect(parseMaxMemory('512')).toBe(512);
    expect(parseMaxMemory('0')).toBe(0);
    for (const bad of ['', '12', '1.5', '-64', 'lots']) expect(() => parseMaxMemory(bad)).toThrow(/Invalid --max-memory/);
  });

  it('names the likely cause of each hostile class, and none for a real answer', () => {
    expect(likelyCause(GOOD)).toBeUndefined();
    expect(likelyCause(SLOW)).toBe('deeply nested emphasis');
    expect(likelyCause(hostile('nested-brackets'))).toBe('nested links or brackets');
    expect(likelyCause(hostile('setext-storm'))).toBe('a storm of setext underlines or rules');
    expect(likelyCause(hungryTable())).toBe('a huge table');
    expect(likelyCause(`${'word '.repeat(50_000)}\n`)).toBe('a very long line');
  });
});

describe('every class of the probe ends in a report or a one-line error within its budget', () => {
  for (const input of HOSTILE_INPUTS) {
    it(`${input.name}: ${input.what}`, async () => {
      const dir = tree({ [`${input.name}.md`]: input.text() }).dir;
      const started = Date.now();
      const run = await runCli(['--timeout', '1', '-f', 'json', `${input.name}.md`], { cwd: dir, timeoutMs: 60_000 });
      const seconds = (Date.now() - started) / 1000;
      // 1 s of linting, plus starting Node and a worker and reading up to 10 MB.
      expect(seconds).toBeLessThan(20);
      expect(run.stderr).not.toMatch(/^\s+at .+[:(]\d+/m);
      expect(run.stderr).not.toMatch(/unexpected error|FATAL ERROR|heap/i);
      if (run.code === 2) {
        const lines = stderrLines(run);
        expect(lines).toHaveLength(1);
        if (input.name === 'wide-table') {
          expect(lines[0]).toMatch(/tables of more than 50,000 cells .*not linted$/);
          return;
        }
        expect(lines[0]).toMatch(GAVE_UP);
        const [result] = JSON.parse(run.stdout) as Array<{ fatalErrorCount: number; messages: Array<{ fatal: boolean }> }>;
        expect(result?.fatalErrorCount).toBe(1);
        expect(result?.messages).toEqual([expect.objectContaining({ fatal: true, ruleId: null })]);
      } else {
        // Linear now: a full report.
        expect([0, 1]).toContain(run.code);
        expect((JSON.parse(run.stdout) as Array<{ signals: unknown[] }>)[0]?.signals).toHaveLength(11);
      }
    });
  }
});

describe('a file over budget is abandoned and the run goes on, in every mode', () => {
  it('one thread: the other file gets its report, the slow one one line on stderr, exit 2, in every format', async () => {
    const dir = tree({ 'slow.md': SLOW, 'good.md': GOOD }).dir;
    const { run, files } = await runAllFormats(['--timeout', '1', '--concurrency', 'off', 'slow.md', 'good.md'], dir, 'out');
    expect(run.code).toBe(2);
    const lines = stderrLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(GAVE_UP);
    expect(lines[0]).toContain('slow.md: gave up after 1 s (deeply nested emphasis?)');
    expect(run.stdout).toMatch(/slow\.md {2}not linted\n\n {4}1:1 {2}error {2}gave up after 1 s/);
    expect(run.stdout).toMatch(/good\.md {2}score \d+\/100/);

    const json = JSON.parse(files.json as string) as Array<Record<string, unknown>>;
    expect(json[0]).toEqual({
      filePath: 'slow.md',
      score: 0,
      signals: [],
      messages: [{ ruleId: null, fatal: true, severity: 2, message: 'gave up after 1 s (deeply nested emphasis?); raise --timeout to wait longer', line: 1, column: 1 }],
      errorCount: 1,
      warningCount: 0,
      fatalErrorCount: 1,
    });
    expect(json[1]).toMatchObject({ filePath: 'good.md', kind: 'ml' });
    expect(json[1]).not.toHaveProperty('fatalErrorCount');

    const sarif = JSON.parse(files.sarif as string) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>; invocations: unknown[] }> };
    const sarifRun = sarif.runs[0]!;
    expect(sarifRun.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          { level: 'error', message: { text: expect.stringMatching(/^gave up after 1 s/) }, locations: [{ physicalLocation: { artifactLocation: { uri: 'slow.md', uriBaseId: '%SRCROOT%' } } }], descriptor: { id: 'work-budget' } },
        ],
      },
    ]);
    expect(sarifRun.results.every((r) => r.locations[0]?.physicalLocation.artifactLocation.uri === 'good.md')).toBe(true);
    expect(files.junit).toMatch(/<testsuite name="slow\.md" tests="1" failures="0" errors="1" skipped="0">\n {4}<testcase name="lint" classname="slow\.md">\n {6}<error message="gave up after 1 s/);
    expect(files.junit).toMatch(/<testsuites name="mlsd-lint" tests="\d+" failures="\d+" errors="1"/);
    expect(files.github).toMatch(/^::error file=slow\.md,line=1,endLine=1,col=1,endColumn=1,title=mlsd-lint%3A file not linted::gave up after 1 s/m);
    expect(files.markdown).toContain('## slow.md: not linted\n\n- **error** (fatal): gave up after 1 s');
  });

  it('worker threads: the same outcome, and the workers go on with the other files', async () => {
    const dir = tree({ 'a.md': GOOD, 'slow.md': SLOW, 'b.md': GOOD, 'c.md': GOOD }).dir;
    const run = await runCli(['--timeout', '1', '--concurrency', '2', '-f', 'json', 'a.md', 'slow.md', 'b.md', 'c.md'], { cwd: dir, timeoutMs: 60_000 });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual([expect.stringMatching(/^mlsd-lint: slow\.md: gave up after 1 s/)]);
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; fatalErrorCount?: number; score: number }>;
    expect(results.map((r) => [r.filePath, r.fatalErrorCount ?? 0])).toEqual([['a.md', 0], ['slow.md', 1], ['b.md', 0], ['c.md', 0]]);
    expect(new Set(results.filter((r) => !r.fatalErrorCount).map((r) => r.score)).size).toBe(1);
  });

  it('stdin: the same line and exit code', async () => {
    const run = await runCli(['--timeout', '1', '--stdin-filename', 'draft.md'], { input: SLOW, timeoutMs: 60_000 });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['mlsd-lint: draft.md: gave up after 1 s (deeply nested emphasis?); raise --timeout to wait longer']);
    expect(run.stdout).toContain('draft.md  not linted');
  });

  it('the cache: nothing is stored for a file over budget, so the next run tries it again', async () => {
    const dir = tree({ 'slow.md': SLOW, 'good.md': GOOD }).dir;
    const args = ['--timeout', '1', '--cache', '-f', 'json', 'slow.md', 'good.md'];
    const first = await runCli(args, { cwd: dir, timeoutMs: 60_000 });
    expect(first.code).toBe(2);
    const cache = readFileSync(path.join(dir, '.mlsd-lintcache'), 'utf8');
    expect(cache).toContain('good.md');
    expect(cache).not.toContain('slow.md');
    const second = await runCli(args, { cwd: dir, timeoutMs: 60_000 });
    expect(second.code).toBe(2);
    expect(second.stdout).toBe(first.stdout);
    expect(stderrLines(second)).toEqual(stderrLines(first));
  });

  it('--timeout 0 waits; a small answer is not affected by any budget', async () => {
    const dir = tree({ 'good.md': GOOD, 'a bit slow.md': nestedEmphasis(600) }).dir;
    const plain = await runCli(['-f', 'json', 'good.md'], { cwd: dir });
    const budgeted = await runCli(['--timeout', '30', '--max-memory', '256', '-f', 'json', 'good.md'], { cwd: dir });
    expect(budgeted.stdout).toBe(plain.stdout);
    const waited = await runCli(['--timeout', '0', '-f', 'json', 'a bit slow.md'], { cwd: dir, timeoutMs: 60_000 });
    expect(waited.stderr).toBe('');
    expect((JSON.parse(waited.stdout) as Array<{ signals: unknown[] }>)[0]?.signals).toHaveLength(11);
  });

  it('bad budget options are usage errors', async () => {
    for (const args of [['--timeout', 'soon'], ['--timeout', '-2'], ['--max-memory', '10'], ['--max-memory', 'x']]) {
      const run = await runCli([...args, 'fixtures/answers/payment-fraud-long-prose.md']);
      expect(run.code).toBe(2);
      expect(stderrLines(run)).toEqual([expect.stringMatching(new RegExp(`^mlsd-lint: Invalid ${args[0]} "${args[1]}"`))]);
    }
  });
});

describe('the memory cap', () => {
  it(`a file over ${MAIN_THREAD_MAX_CHARS / 1024} KiB is linted where the cap holds; over the cap it is abandoned and the run goes on`, async () => {
    const table = hungryTable();
    expect(table.length).toBeGreaterThan(MAIN_THREAD_MAX_CHARS);
    const dir = tree({ 'table.md': table, 'good.md': GOOD }).dir;
    for (const concurrency of ['off', '2']) {
      const run = await runCli(['--max-memory', '128', '--concurrency', concurrency, '-f', 'json', 'table.md', 'good.md'], { cwd: dir, timeoutMs: 60_000 });
      expect(run.code, run.stderr).toBe(2);
      expect(stderrLines(run)).toEqual(['mlsd-lint: table.md: gave up at the 128 MB memory cap (a huge table?); raise --max-memory to allow more']);
      const results = JSON.parse(run.stdout) as Array<{ filePath: string; fatalErrorCount?: number; signals: unknown[] }>;
      expect(results[0]?.fatalErrorCount).toBe(1);
      expect(results[1]?.signals).toHaveLength(11);
    }
  });
});

describe('the API keeps the same budget', () => {
  it('lintText: a fatal result for a slow text, over the cap for a hungry one, a report otherwise', async () => {
    const slow = await lintText(SLOW, { filePath: 'slow.md', timeout: 1 });
    expect(slow).toMatchObject({ filePath: 'slow.md', fatalErrorCount: 1, signals: [], errorCount: 1 });
    expect(slow.messages[0]?.message).toMatch(/^gave up after 1 s/);
    const hungry = await lintText(hungryTable(), { filePath: 'table.md', maxMemory: 128 });
    expect(hungry.messages[0]?.message).toMatch(/^gave up at the 128 MB memory cap/);
    const good = await lintText(GOOD, { timeout: 5 });
    expect(good.fatalErrorCount).toBeUndefined();
    expect(good.signals).toHaveLength(11);
    await expect(lintText(GOOD, { timeout: -1 })).rejects.toThrow(/Invalid timeout/);
  });

  it('lintFiles: one fatal result among the others', async () => {
    const dir = tree({ 'slow.md': SLOW, 'good.md': GOOD }).dir;
    const results = await lintFiles(['slow.md', 'good.md'], { cwd: dir, timeout: 1 });
    expect(results.map((r) => [r.filePath, r.fatalErrorCount])).toEqual([['slow.md', 1], ['good.md', undefined]]);
    expect(existsSync(path.join(dir, '.mlsd-lintcache'))).toBe(false);
  });
});

describe('property: random nestings of all constructs end in a report or the budget error', () => {
  it('under a 0.5 s budget', async () => {
    const outcomes = { report: 0, overBudget: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(nestings(4000, 20), async (text) => {
        const started = Date.now();
        let result;
        try {
          result = await lintText(text, { filePath: 'random.md', timeout: 0.5 });
        } catch (error) {
          // The only other outcome: refused up front, with its one-line reason.
          expect((error as Error).message).toMatch(/^random\.md: (lists or block quotes nested|tables of more than)/);
          outcomes.refused++;
          return;
        }
        expect(Date.now() - started).toBeLessThan(10_000);
        if (result.fatalErrorCount) {
          expect(result.messages).toEqual([expect.objectContaining({ fatal: true, message: expect.stringMatching(/^gave up after 0\.5 s/) })]);
          outcomes.overBudget++;
        } else {
          expect(result.signals).toHaveLength(11);
          outcomes.report++;
        }
      }),
      { numRuns: 60, seed: 11 },
    );
    // The generator reaches both outcomes: the property is about inputs that strain the parser.
    expect(outcomes.overBudget).toBeGreaterThan(0);
    expect(outcomes.report).toBeGreaterThan(0);
  });
});
