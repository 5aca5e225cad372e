import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, HIGH_TEXT, WEAK_TEXT, runCli, stderrLines, useTempTrees } from './helpers.js';
import { sparkline } from '../src/cli/history.js';

const tree = useTempTrees();
const HISTORY = path.join('.mlsd-lint', 'history.jsonl');

function records(dir: string): Array<Record<string, unknown>> {
  const file = path.join(dir, HISTORY);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('score history: recording', () => {
  it('appends one record per run of a file, once per content, with score and statuses', async () => {
    const t = tree({ 'answer.md': WEAK_TEXT, 'notes/other.md': HIGH_TEXT });
    expect((await runCli(['answer.md', 'notes'], { cwd: t.dir })).code).not.toBe(2);
    let list = records(t.dir);
    expect(list.map((r) => r.file).sort()).toEqual(['answer.md', 'notes/other.md']);
    const first = list.find((r) => r.file === 'answer.md') as Record<string, unknown>;
    expect(first).toMatchObject({ v: 1, tool: 'mlsd-lint', file: 'answer.md' });
    expect(typeof first.score).toBe('number');
    expect(Object.keys(first.signals as object)).toContain('retraining');
    expect(Number.isNaN(Date.parse(first.time as string))).toBe(false);

    // Same content again: nothing new. Edited: one more record for that file only.
    await runCli(['answer.md', 'notes'], { cwd: t.dir });
    expect(records(t.dir)).toHaveLength(2);
    t.write({ 'answer.md': `${WEAK_TEXT}\n\n${HIGH_TEXT}` });
    await runCli(['answer.md'], { cwd: t.dir });
    list = records(t.dir);
    expect(list).toHaveLength(3);
    expect(list[2]).toMatchObject({ file: 'answer.md' });
    expect(list[2]?.hash).not.toBe(first.hash);
    expect(list[2]?.score as number).toBeGreaterThan(first.score as number);
  });

  it('--no-history writes nothing; stdin is not recorded; the input files are never touched', async () => {
    const t = tree({ 'answer.md': WEAK_TEXT });
    await runCli(['--no-history', 'answer.md'], { cwd: t.dir });
    await runCli(['-'], { cwd: t.dir, input: HIGH_TEXT });
    await runCli(['-', '--stdin-filename', 'draft.md'], { cwd: t.dir, input: HIGH_TEXT });
    expect(existsSync(path.join(t.dir, '.mlsd-lint'))).toBe(false);
    expect(readFileSync(path.join(t.dir, 'answer.md'), 'utf8')).toBe(WEAK_TEXT);
  });

  it('an answer abandoned over its budget is not recorded', async () => {
    const deep = `${'*a **b '.repeat(6000)}${' b** a*'.repeat(6000)}\n`;
    const t = tree({ 'deep.md': deep, 'answer.md': WEAK_TEXT });
    const run = await runCli(['--timeout', '0.2', 'deep.md', 'answer.md'], { cwd: t.dir });
    expect(run.code).toBe(2);
    expect(records(t.dir).map((r) => r.file)).toEqual(['answer.md']);
  });

  it('a corrupt or foreign line is skipped with a warning, and a line cut short is not glued to the next record', async () => {
    const t = tree({ 'answer.md': WEAK_TEXT });
    await runCli(['answer.md'], { cwd: t.dir });
    appendFileSync(path.join(t.dir, HISTORY), '{"tool":"other-tool","v":1}\nnot json\n{"v":1,"tool":"mlsd-lint","file":"answer.md","ti');
    t.write({ 'answer.md': HIGH_TEXT });
    const run = await runCli(['answer.md'], { cwd: t.dir });
    expect(run.code).not.toBe(2);
    expect(stderrLines(run)).toEqual(['mlsd-lint: warning: .mlsd-lint/history.jsonl: lines 2, 3, 4 are not a history record; skipped']);
    const lines = readFileSync(path.join(t.dir, HISTORY), 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[4] as string)).toMatchObject({ tool: 'mlsd-lint', file: 'answer.md' });
    const shown = await runCli(['history', 'answer.md'], { cwd: t.dir });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('answer.md  2 runs');
  });

  it('a history that cannot be written is a warning, not a failed run', async () => {
    const t = tree({ 'answer.md': WEAK_TEXT, '.mlsd-lint': 'a file where the folder should be' });
    const run = await runCli(['answer.md'], { cwd: t.dir });
    const without = await runCli(['--no-history', 'answer.md'], { cwd: t.dir });
    expect(run.code).toBe(without.code);
    expect(run.stdout).toBe(without.stdout);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toMatch(/^mlsd-lint: warning: could not record the score history in \.mlsd-lint\/history\.jsonl: /);
    expect(readFileSync(path.join(t.dir, '.mlsd-lint'), 'utf8')).toBe('a file where the folder should be');
  });

  it('concurrent runs append whole lines: every line is a record, none lost', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `a${i}.md`);
    const t = tree(Object.fromEntries(names.map((n, i) => [n, `${WEAK_TEXT} Version ${i}.`])));
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, [BIN, name], { cwd: t.dir, stdio: 'ignore' });
            child.on('error', reject);
            child.on('close', () => resolve());
          }),
      ),
    );
    const list = records(t.dir);
    expect(list.map((r) => r.file).sort()).toEqual(names);
  });
});

describe('mlsd-lint history', () => {
  it('shows the score as a sparkline with its change, and per signal the first and latest status and when it turned high', async () => {
    const t = tree({ 'answer.md': WEAK_TEXT });
    await runCli(['answer.md'], { cwd: t.dir });
    t.write({ 'answer.md': HIGH_TEXT });
    await runCli(['answer.md'], { cwd: t.dir });
    const list = records(t.dir);
    const [before, after] = [list[0]?.score as number, list[1]?.score as number];
    const run = await runCli(['history', 'answer.md'], { cwd: t.dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const today = (list[1]?.time as string).slice(0, 10);
    expect(run.stdout).toContain(`answer.md  2 runs, ${today}`);
    const change = after - before;
    expect(run.stdout).toContain(`  score  ${sparkline([before, after])}  ${before} -> ${after} (${change > 0 ? '+' : ''}${change})`);
    const row = run.stdout.split('\n').find((line) => line.trimStart().startsWith('retraining')) as string;
    const [, first, latest] = row.trim().split(/\s+/);
    expect(first).toBe((list[0]?.signals as Record<string, string>).retraining);
    expect(latest).toBe((list[1]?.signals as Record<string, string>).retraining);
    if (latest === 'high' && first !== 'high') expect(row).toContain(today);
  });

  it('without files, one line per file; a file without history says so; --json prints the records', async () => {
    const t = tree({ 'a.md': WEAK_TEXT, 'b.md': HIGH_TEXT });
    await runCli(['a.md', 'b.md'], { cwd: t.dir });
    const all = await runCli(['history'], { cwd: t.dir });
    expect(all.stdout.split('\n').filter((l) => /^[ab]\.md  1 run/.test(l))).toHaveLength(2);
    const none = await runCli(['history', 'c.md'], { cwd: t.dir });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('c.md: no history yet (run mlsd-lint c.md to start one)\n');
    const json = await runCli(['history', '--json', 'b.md'], { cwd: t.dir });
    expect(JSON.parse(json.stdout)).toEqual(records(t.dir).filter((r) => r.file === 'b.md'));
  });

  it('an empty history is a sentence, not an error', async () => {
    const t = tree({});
    const run = await runCli(['history'], { cwd: t.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^No history yet in \.mlsd-lint\/history\.jsonl/);
  });

  it('sparkline bars follow the absolute 0-100 scale', () => {
    expect(sparkline([0, 12, 13, 50, 99, 100])).toBe('▁▁▂▅██');
  });
});

describe('contentHash', () => {
  it('is 16 hex digits, the same for the same text and different for an edit', async () => {
    const { contentHash } = await import('../src/run/history.js');
    const a = contentHash(WEAK_TEXT);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash(WEAK_TEXT)).toBe(a);
    const seen = new Set([a]);
    for (let i = 0; i < 2000; i++) seen.add(contentHash(`${WEAK_TEXT}${i}`));
    seen.add(contentHash(WEAK_TEXT.replace('model', 'modem')));
    expect(seen.size).toBe(2002);
  });
});
