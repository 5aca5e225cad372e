/**
 * `mlsd-lint merge-reports`: what it does with reports it cannot merge as they are. Anything that
 * is not a report is one line naming the file (exit 2); a report of another version is merged after
 * a warning; a file in two reports, reports of two formats and sarif into another format are
 * refused. The merge itself, on 400 answers, is in test/team-scale.test.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardOf } from '../src/run/shard.js';
import { packageVersion } from '../src/support/project.js';
import { HIGH_TEXT, WEAK_TEXT, expectOneLineError, runCli, stderrLines, useTempTrees } from './helpers.js';

const tree = useTempTrees();

/** Two shards' json and sarif reports (`shard-1.json`, ...) of a few answers, and the unsharded ones (`whole.*`). */
async function shardedReports(): Promise<string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`docs/a${i}.md`] = i % 2 ? WEAK_TEXT : `${HIGH_TEXT}\n\nDraft ${i}.\n`;
  const t = tree(files);
  // Both shards must hold a file for the version test below to mean something.
  expect(new Set(Object.keys(files).map((f) => shardOf(t.dir, f, 2))).size).toBe(2);
  const out = (tag: string) => ['-f', 'json', '-o', `${tag}.json`, '-f', 'sarif', '-o', `${tag}.sarif`, '--no-history'];
  await Promise.all([runCli(['docs', ...out('whole')], { cwd: t.dir }), ...[1, 2].map((i) => runCli(['docs', '--shard', `${i}/2`, ...out(`shard-${i}`)], { cwd: t.dir }))]);
  return t.dir;
}

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');

describe('merge-reports', () => {
  it('refuses what is not a report with one line naming the file, exit 2', async () => {
    const dir = await shardedReports();
    writeFileSync(path.join(dir, 'notes.txt'), 'not json\n');
    writeFileSync(path.join(dir, 'config.json'), '{"extends": "recommended"}\n');
    writeFileSync(path.join(dir, 'numbers.json'), '[1, 2]\n');
    writeFileSync(path.join(dir, 'broken.json'), read(dir, 'shard-1.json').replace('"status":"', '"status":"great'));
    writeFileSync(path.join(dir, 'eslint.sarif'), JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'ESLint', rules: [] } }, results: [] }] }));
    writeFileSync(path.join(dir, 'empty.json'), '');
    mkdirSync(path.join(dir, 'reports'));
    const merge = (file: string) => runCli(['merge-reports', 'shard-1.json', file], { cwd: dir });
    expectOneLineError(await merge('notes.txt'), 'notes.txt', 'not JSON');
    expectOneLineError(await merge('config.json'), 'config.json', 'not an mlsd-lint report');
    expectOneLineError(await merge('numbers.json'), 'numbers.json', 'entry 1');
    expectOneLineError(await merge('broken.json'), 'broken.json', 'status "great');
    expectOneLineError(await runCli(['merge-reports', 'eslint.sarif'], { cwd: dir }), 'eslint.sarif', 'SARIF log of ESLint');
    expectOneLineError(await merge('empty.json'), 'empty.json', 'not JSON');
    expectOneLineError(await merge('missing.json'), 'missing.json', 'no such file');
    expectOneLineError(await merge('reports'), 'reports', 'is a directory');
    expectOneLineError(await runCli(['merge-reports'], { cwd: dir }), 'reports');
  });

  it('merges a report of another version after a warning', async () => {
    const dir = await shardedReports();
    writeFileSync(path.join(dir, 'old.sarif'), read(dir, 'shard-1.sarif').replace(`"version": "${packageVersion()}"`, '"version": "0.0.1"'));
    const sarif = await runCli(['merge-reports', 'old.sarif', 'shard-2.sarif'], { cwd: dir });
    expect(sarif.code).toBe(0);
    expect(stderrLines(sarif)).toEqual([`mlsd-lint: warning: old.sarif was written by mlsd-lint 0.0.1, this is ${packageVersion()}: merged as it is`]);
    expect(JSON.parse(sarif.stdout).runs[0].results).toEqual(JSON.parse(read(dir, 'whole.sarif')).runs[0].results);

    // A json report carries no version: fields this version does not write are what tells.
    const newer = (JSON.parse(read(dir, 'shard-1.json')) as Array<Record<string, unknown>>).map((r) => ({ ...r, owner: 'search-team' }));
    writeFileSync(path.join(dir, 'newer.json'), JSON.stringify(newer));
    const json = await runCli(['merge-reports', 'newer.json', 'shard-2.json'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(stderrLines(json)).toHaveLength(1);
    expect(json.stderr).toMatch(/^mlsd-lint: warning: newer\.json has fields that mlsd-lint \S+ does not write \(owner\)/);
    expect(json.stdout).toBe(`${read(dir, 'whole.json')}\n`);
  });

  it('refuses a file in two reports, two formats at once, sarif into another format, and writing over a report', async () => {
    const dir = await shardedReports();
    expectOneLineError(await runCli(['merge-reports', 'shard-1.json', 'whole.json'], { cwd: dir }), 'whole.json', 'is also in shard-1.json');
    expectOneLineError(await runCli(['merge-reports', 'shard-1.json', 'shard-1.json'], { cwd: dir }), 'shard-1.json', 'twice');
    expectOneLineError(await runCli(['merge-reports', 'shard-1.json', 'shard-2.sarif'], { cwd: dir }), 'shard-1.json', 'shard-2.sarif');
    expectOneLineError(await runCli(['merge-reports', 'shard-1.sarif', 'shard-2.sarif', '-f', 'markdown'], { cwd: dir }), 'sarif only', 'markdown');
    expectOneLineError(await runCli(['merge-reports', 'shard-1.json', 'shard-2.json', '-o', 'shard-2.json'], { cwd: dir }), 'shard-2.json', 'one of the reports');
  });

  it("prints the reports' own format by default, any other with -f, each -o with the -f before it", async () => {
    const dir = await shardedReports();
    const json = await runCli(['merge-reports', 'shard-2.json', 'shard-1.json', '-o', 'merged.json'], { cwd: dir });
    expect(json).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(read(dir, 'merged.json')).toBe(read(dir, 'whole.json'));
    const both = await runCli(['merge-reports', 'shard-2.json', 'shard-1.json', '-f', 'summary', '-f', 'html', '-o', 'merged.html'], { cwd: dir });
    expect(both.stderr).toBe('');
    expect(both.stdout).toMatch(/^mlsd-lint summary: 6 documents\n/);
    expect(read(dir, 'merged.html')).toContain('<h2 id="summary">Summary</h2>');
  });
});
