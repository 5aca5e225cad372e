import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGH_TEXT, WEAK_TEXT, expectOneLineError, runCli, useTempTrees } from './helpers.js';

const tree = useTempTrees();
const ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' };

function repo(files: Record<string, string>): { dir: string; git: (...args: string[]) => string; write: (files: Record<string, string>) => void } {
  const t = tree(files);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: t.dir, env: { ...process.env, ...ENV }, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'answers');
  return { dir: t.dir, git, write: t.write };
}

async function linted(dir: string, args: string[]): Promise<string[]> {
  const run = await runCli([...args, '-f', 'json', '--no-history'], { cwd: dir });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout || '[]') as Array<{ filePath: string }>).map((r) => r.filePath).sort();
}

describe('--changed', () => {
  const files = { 'a.md': WEAK_TEXT, 'b.md': WEAK_TEXT, 'c.md': WEAK_TEXT, 'docs/d.md': WEAK_TEXT, 'docs/e.md': WEAK_TEXT, 'notes.txt': 'not markdown\n' };

  it('without a ref: the branch, staged, unstaged and untracked changes against the default branch; deleted files skipped', async () => {
    const r = repo(files);
    expect(await linted(r.dir, ['--changed'])).toEqual([]);
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ 'a.md': `${WEAK_TEXT}\n\nEdited and committed.\n` });
    r.git('commit', '-q', '-am', 'edit a');
    r.write({ 'docs/d.md': HIGH_TEXT, 'new.md': WEAK_TEXT, 'notes.txt': 'changed\n' });
    r.git('add', 'docs/d.md');
    r.write({ 'b.md': `${WEAK_TEXT}\n\nUnstaged edit.\n` });
    rmSync(path.join(r.dir, 'c.md'));
    writeFileSync(path.join(r.dir, '.gitignore'), 'ignored.md\n');
    writeFileSync(path.join(r.dir, 'ignored.md'), WEAK_TEXT);
    expect(await linted(r.dir, ['--changed'])).toEqual(['a.md', 'b.md', 'docs/d.md', 'new.md']);
    // Paths still narrow it down, before or after the option.
    expect(await linted(r.dir, ['docs', '--changed'])).toEqual(['docs/d.md']);
    expect(await linted(r.dir, ['--changed', 'docs'])).toEqual(['docs/d.md']);
  });

  it('with a ref: what the commits since the merge base changed, as a pull request shows it', async () => {
    const r = repo(files);
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ 'a.md': HIGH_TEXT, 'docs/e.md': HIGH_TEXT });
    rmSync(path.join(r.dir, 'b.md'));
    r.git('add', '-A');
    r.git('commit', '-q', '-m', 'edit two, delete one');
    r.write({ 'docs/d.md': HIGH_TEXT }); // uncommitted: not part of the comparison with a ref
    expect(await linted(r.dir, ['--changed', 'main'])).toEqual(['a.md', 'docs/e.md']);
  });

  it('works with --shard and the cache: the shards of the changed files are the changed files', async () => {
    const r = repo(files);
    r.write({ 'a.md': HIGH_TEXT, 'b.md': HIGH_TEXT, 'docs/d.md': HIGH_TEXT, 'docs/e.md': HIGH_TEXT });
    const whole = await linted(r.dir, ['--changed', '--cache']);
    expect(whole).toEqual(['a.md', 'b.md', 'docs/d.md', 'docs/e.md']);
    const parts = await Promise.all([1, 2, 3].map((i) => linted(r.dir, ['--changed', '--shard', `${i}/3`, '--cache'])));
    expect(parts.flat().sort()).toEqual(whole);
  });

  it('outside a git repository, or with an unknown ref, is one line and exit 2', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    expectOneLineError(await runCli(['--changed'], { cwd: t.dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(t.dir) } }), '--changed', 'git repository');
    const r = repo(files);
    expectOneLineError(await runCli(['--changed', 'no-such-branch'], { cwd: r.dir }), '--changed', 'no-such-branch');
  });
});
