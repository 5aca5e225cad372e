/**
 * CLI contract for team and CI use: ignore files and patterns, unmatched patterns, several formats
 * and output files, atomic writes, GitHub step summaries, --fail-on, --min-score, --print-config,
 * and the `rules` / `explain` commands. Runs the real executable.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliRun, expectOneLineError, HIGH_TEXT, runCli, SIGNAL_IDS, stderrLines, useTempTrees, WEAK_TEXT } from './helpers.js';

const tree = useTempTrees();

const paths = (run: CliRun) => (JSON.parse(run.stdout) as Array<{ filePath: string }>).map((r) => r.filePath);
/** Run in a temporary tree with HOME inside it, so no configuration outside leaks in. */
const cli = (dir: string, args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { cwd: dir, env: { HOME: dir, GITHUB_STEP_SUMMARY: undefined, ...env } });
// Only warnings: the high reference answer with its one error turned off.
const WARNINGS_ONLY = ['--rule', 'feedback-loop:off'];

describe('.mlsd-lintignore and --ignore-pattern', () => {
  it('drop matching files from directories, globs and explicit paths, with gitignore syntax', async () => {
    const t = tree({
      '.mlsd-lintignore': '# drafts are work in progress\ndrafts/\n*.tmp.md\n!keep.tmp.md\n',
      'answers/a.md': WEAK_TEXT,
      'answers/x.tmp.md': WEAK_TEXT,
      'answers/keep.tmp.md': WEAK_TEXT,
      'drafts/b.md': WEAK_TEXT,
      'nested/drafts/c.md': WEAK_TEXT,
    });
    const run = await cli(t.dir, ['answers', 'nested/**/*.md', 'drafts/b.md', 'answers/x.tmp.md', '-f', 'json', '--no-error-on-unmatched-pattern']);
    expect(paths(run)).toEqual(['answers/a.md', 'answers/keep.tmp.md']);
  });

  it('an explicitly named ignored file is skipped without complaint (pre-commit passes names)', async () => {
    const t = tree({ '.mlsd-lintignore': 'drafts/\n', 'drafts/b.md': WEAK_TEXT });
    expect(await cli(t.dir, ['drafts/b.md'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--ignore-pattern is repeatable and adds to the ignore file', async () => {
    const t = tree({ '.mlsd-lintignore': 'a.md\n', 'a.md': WEAK_TEXT, 'b.md': WEAK_TEXT, 'c.md': WEAK_TEXT, 'd.md': WEAK_TEXT });
    const run = await cli(t.dir, ['.', '--ignore-pattern', 'b.md', '--ignore-pattern', 'c.*', '-f', 'json']);
    expect(paths(run)).toEqual(['d.md']);
  });

  it('never lints inside node_modules or .git, even when named', async () => {
    const t = tree({ 'node_modules/pkg/README.md': WEAK_TEXT, '.git/x.md': WEAK_TEXT, 'a.md': WEAK_TEXT });
    const run = await cli(t.dir, ['node_modules/pkg/README.md', '.git/x.md', 'a.md', '-f', 'json']);
    expect(paths(run)).toEqual(['a.md']);
  });

  it('a directory or glob whose every file is ignored is an error unless --no-error-on-unmatched-pattern', async () => {
    const t = tree({ '.mlsd-lintignore': 'drafts/\n', 'drafts/a.md': WEAK_TEXT });
    expectOneLineError(await cli(t.dir, ['drafts']), 'drafts', 'ignored');
    expectOneLineError(await cli(t.dir, ['drafts/*.md']), 'drafts/*.md', 'ignored');
    expect(await cli(t.dir, ['drafts', '--no-error-on-unmatched-pattern'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('patterns that match nothing', () => {
  it('exit 2 by default, naming the pattern', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    expectOneLineError(await cli(t.dir, ['a.md', 'nothing/**/*.md']), 'nothing/**/*.md', 'no files match');
    expectOneLineError(await cli(t.dir, ['a.md', 'missing.md']), 'missing.md', 'no such file');
  });

  it('are skipped with --no-error-on-unmatched-pattern; the rest is linted', async () => {
    const t = tree({ 'a.md': WEAK_TEXT, 'empty/notes.txt': 'x' });
    const run = await cli(t.dir, ['nothing/**/*.md', 'missing.md', 'empty', 'a.md', '-f', 'json', '--no-error-on-unmatched-pattern']);
    expect(run.code).toBe(1);
    expect(paths(run)).toEqual(['a.md']);
  });

  it('nothing left at all is a silent success', async () => {
    const t = tree({});
    expect(await cli(t.dir, ['nothing/**/*.md', '--no-error-on-unmatched-pattern'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('several formats and output files', () => {
  it('-f stylish -f sarif -o out.sarif: stylish on stdout, SARIF in the file', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    const run = await cli(t.dir, ['a.md', '-f', 'stylish', '-f', 'sarif', '-o', 'out.sarif']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Weak signal');
    const sarif = JSON.parse(readFileSync(path.join(t.dir, 'out.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
  });

  it('pairs each -o with the -f just before it, in any order of formats', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    const run = await cli(t.dir, ['a.md', '-f', 'json', '-o', 'r.json', '--format=junit', '--output-file=reports/r.xml', '-f', 'markdown']);
    expect(run.stdout).toMatch(/^# mlsd-lint report/);
    expect(JSON.parse(readFileSync(path.join(t.dir, 'r.json'), 'utf8'))).toHaveLength(1);
    // A missing folder is created.
    expect(readFileSync(path.join(t.dir, 'reports', 'r.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('a lone -o without any -f writes the default format (stylish) there, and stdout stays empty', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    const run = await cli(t.dir, ['a.md', '-o', 'report.txt']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(readFileSync(path.join(t.dir, 'report.txt'), 'utf8')).toContain('Weak signal');
  });

  it('refuses two formats on stdout, an -o before its -f, two -o for one -f, and one file for two formats', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    expectOneLineError(await cli(t.dir, ['a.md', '-f', 'stylish', '-f', 'json']), 'stylish and json', 'stdout');
    expectOneLineError(await cli(t.dir, ['a.md', '-o', 'x.sarif', '-f', 'sarif']), 'x.sarif', 'before');
    expectOneLineError(await cli(t.dir, ['a.md', '-f', 'sarif', '-o', 'x.sarif', '-o', 'y.sarif']), 'two output files');
    expectOneLineError(await cli(t.dir, ['a.md', '-f', 'sarif', '-o', 'x', '-f', 'json', '-o', './x']), '"./x"', 'both');
    expect(readdirSync(t.dir)).toEqual(['a.md']);
  });

  it('never writes over an input file (exit 2, answer untouched, nothing read)', async () => {
    const t = tree({ 'a.md': WEAK_TEXT, 'sub/b.md': HIGH_TEXT });
    expectOneLineError(await cli(t.dir, ['a.md', 'sub', '-f', 'json', '-o', 'sub/../sub/b.md']), 'sub/../sub/b.md', 'input file');
    expect(readFileSync(path.join(t.dir, 'sub', 'b.md'), 'utf8')).toBe(HIGH_TEXT);
  });

  it('writes atomically: a new file replaces the old one by rename, and no temporary file is left', async () => {
    const t = tree({ 'a.md': WEAK_TEXT, 'out/report.json': 'old report' });
    const file = path.join(t.dir, 'out', 'report.json');
    const before = statSync(file).ino;
    const run = await cli(t.dir, ['a.md', '-f', 'json', '-o', 'out/report.json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(1);
    // Written in place, the inode would stay; a rename brings the temporary file's inode.
    expect(statSync(file).ino).not.toBe(before);
    expect(readdirSync(path.join(t.dir, 'out'))).toEqual(['report.json']);
  });

  it('an output file that cannot be written is exit 2 with one line, and leaves no temporary file', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    mkdirSync(path.join(t.dir, 'taken'));
    expectOneLineError(await cli(t.dir, ['a.md', '-f', 'json', '-o', 'taken']), 'taken', 'Cannot write');
    expect(readdirSync(t.dir).sort()).toEqual(['a.md', 'taken']);
    expect(readdirSync(path.join(t.dir, 'taken'))).toEqual([]);
  });

  it('an output file is written even for a clean run (an empty SARIF run is still a valid upload)', async () => {
    const t = tree({ 'a.md': HIGH_TEXT, '.mlsd-lintrc.json': JSON.stringify({ rules: Object.fromEntries([...SIGNAL_IDS, 'framing-first', 'model-heavy', 'vague-language'].map((id) => [id, 'off'])) }) });
    const run = await cli(t.dir, ['a.md', '-f', 'sarif', '-o', 'clean.sarif']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    const sarif = JSON.parse(readFileSync(path.join(t.dir, 'clean.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]?.results).toEqual([]);
  });
});

describe('--format github and GITHUB_STEP_SUMMARY', () => {
  it('prints one annotation per message and appends the markdown report to the summary file', async () => {
    const t = tree({ 'answers/a.md': WEAK_TEXT, 'summary.md': '## Earlier step\n' });
    const summary = path.join(t.dir, 'summary.md');
    const run = await cli(t.dir, ['answers/a.md', '-f', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.every((line) => /^::(error|warning) file=answers\/a\.md,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=[^,:]+::/.test(line))).toBe(true);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('## Earlier step\n')).toBe(true);
    expect(text).toContain('# mlsd-lint report');
    expect(text).toMatch(/## answers\/a\.md: score \d+\/100/);
    expect(text).toContain('| Signal | Status | Line | Evidence |');
    // A second step appends again.
    await cli(t.dir, ['answers/a.md', '-f', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(summary, 'utf8').split('# mlsd-lint report')).toHaveLength(3);
  });

  it('leaves the summary alone for other formats, and prints nothing for a clean run', async () => {
    const t = tree({ 'a.md': HIGH_TEXT });
    const summary = path.join(t.dir, 'summary.md');
    await cli(t.dir, ['a.md', '-f', 'json'], { GITHUB_STEP_SUMMARY: summary });
    expect(existsSync(summary)).toBe(false);
    const off = Object.fromEntries([...SIGNAL_IDS, 'framing-first', 'model-heavy', 'vague-language'].map((id) => [id, 'off']));
    writeFileSync(path.join(t.dir, '.mlsd-lintrc.json'), JSON.stringify({ rules: off }));
    const clean = await cli(t.dir, ['a.md', '-f', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(summary, 'utf8')).toMatch(/a\.md: score \d+\/100/);
  });
});

describe('--fail-on and --min-score', () => {
  it('--fail-on warning fails a run that has warnings only; the default (error) passes it', async () => {
    const t = tree({ 'a.md': HIGH_TEXT });
    expect((await cli(t.dir, ['a.md', ...WARNINGS_ONLY])).code).toBe(0);
    expect((await cli(t.dir, ['a.md', ...WARNINGS_ONLY, '--fail-on', 'error'])).code).toBe(0);
    const strict = await cli(t.dir, ['a.md', ...WARNINGS_ONLY, '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('warn');
    // --quiet drops warnings from the decision too.
    expect((await cli(t.dir, ['a.md', ...WARNINGS_ONLY, '--fail-on', 'warning', '--quiet'])).code).toBe(0);
    expectOneLineError(await cli(t.dir, ['a.md', '--fail-on', 'info']), '--fail-on', 'info');
  });

  it('--min-score fails when any file scores below it, naming the files on stderr', async () => {
    const t = tree({ 'weak.md': WEAK_TEXT, 'high.md': HIGH_TEXT });
    const scores = JSON.parse((await cli(t.dir, ['weak.md', 'high.md', '-f', 'json'])).stdout) as Array<{ score: number }>;
    const [weak, high] = scores.map((s) => s.score) as [number, number];
    expect(weak).toBeLessThan(high);
    const args = ['high.md', ...WARNINGS_ONLY, '-f', 'json'];
    expect((await cli(t.dir, [...args, '--min-score', String(high)])).code).toBe(0);
    const below = await cli(t.dir, [...args, '--min-score', String(high + 1)]);
    expect(below.code).toBe(1);
    expect(stderrLines(below)).toEqual([`mlsd-lint: 1 file scores below --min-score ${high + 1}: high.md (${high})`]);
    expect(JSON.parse(below.stdout)).toHaveLength(1);
  });

  it('rejects a score outside 0-100', async () => {
    const t = tree({ 'a.md': HIGH_TEXT });
    expectOneLineError(await cli(t.dir, ['a.md', '--min-score', '101']), '--min-score', '0 to 100');
    expectOneLineError(await cli(t.dir, ['a.md', '--min-score', 'high']), '--min-score');
  });
});

describe('--print-config', () => {
  it('prints the resolved configuration of a file: presets, rules with options, matching overrides, plugins', async () => {
    const t = tree({
      '.mlsd-lintrc.json': JSON.stringify({
        extends: 'recommended',
        rules: { retraining: ['warn', { weak: 'error' }] },
        overrides: [{ files: 'interviews/**', rules: { 'vague-language': 'error' } }, { files: 'drafts/**', rules: { monitoring: 'off' } }],
      }),
    });
    const run = await cli(t.dir, ['--print-config', 'interviews/x/answer.md', '--rule', 'evaluation:off']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const config = JSON.parse(run.stdout) as Record<string, unknown> & { rules: Record<string, unknown> };
    expect(config).toMatchObject({ filePath: 'interviews/x/answer.md', configFile: '.mlsd-lintrc.json', extends: ['recommended'], plugins: [], matchedOverrides: [0] });
    expect(config.rules.retraining).toEqual(['warn', { weak: 'error' }]);
    expect(config.rules['vague-language']).toEqual(['error', { maxPerPhrase: 3 }]);
    expect(config.rules['framing-first']).toEqual(['warn']);
    expect(config.rules.monitoring).toEqual(['error', { weak: 'warn' }]);
    expect(config.rules.evaluation).toEqual(['off', { weak: 'warn' }]);
    expect(Object.keys(config.rules)).toHaveLength(14);
  });

  it('takes no other paths, and reports a bad configuration as exit 2', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    expectOneLineError(await cli(t.dir, ['a.md', '--print-config', 'a.md']), '--print-config');
    t.write({ '.mlsd-lintrc.json': '{"rules": {"nope": "off"}}' });
    expectOneLineError(await cli(t.dir, ['--print-config', 'a.md']), '`nope`');
  });
});

describe('mlsd-lint rules and explain', () => {
  it('rules lists every rule with its signal (or "finding") and its severity under recommended', async () => {
    const t = tree({});
    const run = await cli(t.dir, ['rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Rule\s+Signal\s+Recommended$/);
    expect(run.stdout).toMatch(/\nretraining\s+Retraining cadence and thresholds\s+error when missing, warn when weak\n/);
    expect(run.stdout).toMatch(/\nvague-language\s+finding\s+warn\n/);
    expect(run.stdout).toMatch(/\nevaluation\s+Offline and online evaluation\s+warn when missing, warn when weak\n/);
    expect(run.stdout).toContain('14 rules: 11 signals, 3 findings');
  });

  it('explain prints what a rule checks, why, what earns each status, and a weak vs high example', async () => {
    const t = tree({});
    const run = await cli(t.dir, ['explain', 'retraining']);
    expect(run.code).toBe(0);
    for (const heading of ['What it checks', 'Why', 'What earns each status', 'Severity', 'Weak-signal example', 'High-signal example']) expect(run.stdout).toContain(`\n${heading}`);
    expect(run.stdout).toContain('We retrain the model periodically as needed.');
    expect(run.stdout).toContain('Guide, step 05');
    expect(run.stdout).toContain('\nSeverity\n  recommended: error when missing, warn when weak\n  strict: error when missing, error when weak\n');
    expect(run.stdout).toContain('/docs/rules/retraining.md');
    expect(run.stdout.split('\n').every((line) => [...line].length <= 80 || !line.trim().includes(' '))).toBe(true);
  });

  it('explain of an unknown rule is exit 2 with a suggestion', async () => {
    const t = tree({});
    expectOneLineError(await cli(t.dir, ['explain', 'retrainig']), 'Unknown rule "retrainig"', 'did you mean "retraining"');
    expectOneLineError(await cli(t.dir, ['explain']), 'rule');
  });

  it('a path named rules is linted when written ./rules, after --, or not first', async () => {
    const t = tree({ rules: WEAK_TEXT, 'a.md': WEAK_TEXT });
    expect(paths(await cli(t.dir, ['./rules', '-f', 'json']))).toEqual(['./rules']);
    expect(paths(await cli(t.dir, ['a.md', 'rules', '-f', 'json']))).toEqual(['a.md', 'rules']);
    const dashed = await cli(t.dir, ['--', 'rules']);
    expect(dashed.code).toBe(1);
    expect(dashed.stdout).toMatch(/^rules {2}score/);
    // First, it is the command, which takes no paths.
    expectOneLineError(await cli(t.dir, ['rules', 'a.md']), './rules');
  });
});
