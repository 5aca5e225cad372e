import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../src/run/shard.js';
import { UsageError } from '../src/support/errors.js';
import { HIGH_TEXT, WEAK_TEXT, expectOneLineError, runCli, useTempTrees } from './helpers.js';

const tree = useTempTrees();

interface JsonResult {
  filePath: string;
  score: number;
  signals: unknown[];
  messages: unknown[];
}

async function lint(dir: string, args: string[]): Promise<JsonResult[]> {
  const run = await runCli([...args, '-f', 'json', '--no-history'], { cwd: dir });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as JsonResult[];
}

function answers(count: number): Record<string, string> {
  // Folders, varied names and both kinds of answer, so the parts are not a function of one pattern.
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${['notes', 'answers/week-1', 'answers/week-2'][i % 3]}/q${i * 7}-${i % 2 ? 'ranking' : 'fraud'}.md`, i % 2 ? WEAK_TEXT : `${HIGH_TEXT}\n\nDraft ${i}.`]));
}

describe('--shard <i>/<n>', () => {
  it('parses i/n with 1 <= i <= n and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '2/0', 'a/b', '2', '1/2/3', '-1/2', '']) expect(() => parseShard(bad), bad).toThrow(UsageError);
  });

  it('the union of the shards is the unsharded run, each file once, with the same results', async () => {
    const t = tree(answers(48));
    const whole = await lint(t.dir, ['notes', 'answers']);
    expect(whole).toHaveLength(48);
    const parts = await Promise.all([1, 2, 3, 4].map((i) => lint(t.dir, ['notes', 'answers', '--shard', `${i}/4`])));
    for (const part of parts) expect(part.length).toBeGreaterThan(0);
    const union = parts.flat().sort((a, b) => a.filePath.localeCompare(b.filePath));
    expect(union).toEqual([...whole].sort((a, b) => a.filePath.localeCompare(b.filePath)));
  });

  it('is stable: adding or removing a file moves no other file, and the same path is in the same part anywhere', async () => {
    const before = Object.keys(answers(60)).map((f) => [f, shardOf('/repo', f, 4)] as const);
    const t = tree(answers(30));
    const first = new Map((await lint(t.dir, ['notes', 'answers', '--shard', '3/5'])).map((r) => [r.filePath, true]));
    t.write({ 'notes/new-answer.md': WEAK_TEXT });
    const second = (await lint(t.dir, ['notes', 'answers', '--shard', '3/5'])).map((r) => r.filePath).filter((f) => f !== 'notes/new-answer.md');
    expect(second.sort()).toEqual([...first.keys()].sort());
    // A pure function of the relative path, with / separators: the working directory does not matter.
    for (const [file, part] of before) expect(shardOf('/elsewhere/clone', file, 4)).toBe(part);
  });

  it('works with the cache, and an empty part prints nothing and exits 0', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    const part = shardOf(t.dir, 'a.md', 2);
    const other = part === 1 ? 2 : 1;
    const cached = await runCli(['a.md', '--shard', `${part}/2`, '--cache', '--no-history', '-f', 'json'], { cwd: t.dir });
    const again = await runCli(['a.md', '--shard', `${part}/2`, '--cache', '--no-history', '-f', 'json'], { cwd: t.dir });
    expect(again.stdout).toBe(cached.stdout);
    expect(JSON.parse(again.stdout)).toHaveLength(1);
    expect(await runCli(['a.md', '--shard', `${other}/2`, '--no-history'], { cwd: t.dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses stdin, --watch and a bad value with one line, exit 2', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    expectOneLineError(await runCli(['-', '--shard', '1/2'], { cwd: t.dir, input: WEAK_TEXT }), '--shard', 'stdin');
    expectOneLineError(await runCli(['a.md', '--shard', '1/2', '--watch'], { cwd: t.dir }), '--shard', '--watch');
    expectOneLineError(await runCli(['a.md', '--shard', '3/2'], { cwd: t.dir }), '--shard', '3/2');
  });
});
