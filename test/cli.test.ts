/**
 * CLI contract: the real executable (bin/mlsd-lint.js over the fresh dist/ build), its exit codes,
 * its stdout (the report and nothing else) and its one-line errors on stderr.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWERS, type CliRun, expectOneLineError, HIGH_TEXT, ROOT, runCli, SIGNAL_IDS, stderrLines, useTempTrees, VAGUE_SENTENCE, WEAK_TEXT } from './helpers.js';

const tree = useTempTrees();

function parseJson(run: CliRun): Array<Record<string, unknown>> {
  return JSON.parse(run.stdout) as Array<Record<string, unknown>>;
}

interface Json {
  filePath: string;
  kind: string;
  score: number;
  signals: Array<{ id: string; status: string; judged?: false; line?: number; evidence?: string; suggestion?: string; questions?: string[] }>;
  messages: Array<{ ruleId: string; severity: number; message: string; line: number; column: number; endLine?: number; endColumn?: number; suggestion?: string }>;
  errorCount: number;
  warningCount: number;
}
const json = (run: CliRun) => parseJson(run) as unknown as Json[];

// A configuration that silences everything except what a test turns back on.
const ALL_OFF = Object.fromEntries([...SIGNAL_IDS, 'framing-first', 'model-heavy', 'vague-language'].map((id) => [id, 'off']));

describe('help and version', () => {
  it('--version prints the package version and exits 0', async () => {
    const run = await runCli(['--version']);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists the options with examples and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const text of ['Usage: mlsd-lint', '--format', '--config', '--rule', '--stdin-filename', '--quiet', '--max-warnings', '--no-color', 'Examples:', 'Exit codes']) {
      expect(run.stdout).toContain(text);
    }
  });
});

describe('exit codes', () => {
  it('exits 1 on the weak reference answer: missing five-step signals are errors', async () => {
    const run = await runCli(['-'], { input: WEAK_TEXT });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Weak signal');
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?\)\n$/);
  });

  it('exits 0 when only warnings remain', async () => {
    const run = await runCli(['-', '--rule', 'feedback-loop:off', '-f', 'json'], { input: HIGH_TEXT });
    const [result] = json(run);
    expect(result?.errorCount).toBe(0);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('exits 0 and prints nothing at all when nothing is reported (silent for pre-commit, like ESLint)', async () => {
    const t = tree({ 'a.md': WEAK_TEXT, 'b.md': HIGH_TEXT, '.mlsd-lintrc.json': JSON.stringify({ rules: ALL_OFF }) });
    const run = await runCli(['a.md', 'b.md'], { cwd: t.dir, env: { HOME: t.dir } });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 on a fixture answer under the strict preset', async () => {
    const t = tree({ '.mlsd-lintrc.yaml': 'extends: strict\n' });
    const run = await runCli([path.join(ANSWERS, 'churn-terse.md'), '-c', path.join(t.dir, '.mlsd-lintrc.yaml'), '-f', 'json']);
    expect(run.code).toBe(1);
    expect(json(run)[0]?.errorCount).toBeGreaterThan(0);
  });
});

describe('stdin', () => {
  it('reads stdin for "-" and names it <stdin>', async () => {
    const run = await runCli(['-', '-f', 'json'], { input: WEAK_TEXT });
    expect(json(run).map((r) => r.filePath)).toEqual(['<stdin>']);
  });

  it('reads piped stdin when no path is given', async () => {
    const piped = await runCli(['-f', 'json'], { input: WEAK_TEXT });
    const dash = await runCli(['-', '-f', 'json'], { input: WEAK_TEXT });
    expect(piped.code).toBe(1);
    expect(piped.stdout).toBe(dash.stdout);
  });

  it('--stdin-filename names the input and selects its configuration and overrides', async () => {
    const t = tree({
      '.mlsd-lintrc.json': JSON.stringify({ overrides: [{ files: 'drafts/**', rules: { 'feedback-loop': 'off' } }] }),
    });
    const run = await runCli(['-', '--stdin-filename', 'drafts/answer.md', '-f', 'json'], { cwd: t.dir, input: WEAK_TEXT, env: { HOME: t.dir } });
    const [result] = json(run);
    expect(result?.filePath).toBe('drafts/answer.md');
    expect(result?.messages.some((m) => m.ruleId === 'feedback-loop')).toBe(false);
    expect(result?.messages.some((m) => m.ruleId === 'retraining')).toBe(true);
  });

  it('refuses "-" mixed with paths, and --stdin-filename with paths', async () => {
    expectOneLineError(await runCli(['-', 'README.md']), '"-"');
    expectOneLineError(await runCli([path.join(ANSWERS, 'churn-terse.md'), '--stdin-filename', 'x.md']), '--stdin-filename');
  });

  it('decodes binary-free UTF-16 on stdin too, and refuses binary stdin', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WEAK_TEXT, 'utf16le')]);
    const run = await runCli(['-f', 'json'], { input: utf16 });
    expect(json(run)[0]?.signals[0]?.evidence).toBe(WEAK_TEXT);
    expectOneLineError(await runCli([], { input: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) }), '<stdin>', 'binary');
  });
});

describe('--format json', () => {
  it('prints only a JSON array with the documented keys and types, 11 signals per file', async () => {
    const files = ['churn-terse.md', 'movie-recs-one-liner.md', 'nonml-url-shortener.md'].map((f) => path.join('fixtures', 'answers', f));
    const run = await runCli([...files, '-f', 'json']);
    expect(run.stderr).toBe('');
    const results = parseJson(run);
    expect(results).toHaveLength(3);
    for (const result of results) {
      expect(Object.keys(result)).toEqual(['filePath', 'kind', 'score', 'signals', 'messages', 'errorCount', 'warningCount']);
      const r = result as unknown as Json;
      expect(['ml', 'ml-infrastructure', 'non-ml']).toContain(r.kind);
      expect(typeof r.score).toBe('number');
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.signals.map((s) => s.id)).toEqual(SIGNAL_IDS);
      for (const signal of r.signals) {
        expect(['high', 'weak', 'missing']).toContain(signal.status);
        for (const key of Object.keys(signal)) expect(['id', 'status', 'judged', 'line', 'evidence', 'suggestion', 'questions']).toContain(key);
        expect(Array.isArray(signal.questions) && signal.questions.every((q: unknown) => typeof q === 'string')).toBe(true);
        if (signal.line !== undefined) expect(Number.isInteger(signal.line)).toBe(true);
        // A signal not judged (an ML signal on a non-ML design) is missing, says so, and carries nothing else.
        if (signal.judged !== undefined) expect(signal).toEqual({ id: signal.id, status: 'missing', judged: false, questions: [] });
      }
      for (const message of r.messages) {
        for (const key of Object.keys(message)) expect(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'suggestion']).toContain(key);
        expect([1, 2]).toContain(message.severity);
        expect(typeof message.message).toBe('string');
        expect(Number.isInteger(message.line) && Number.isInteger(message.column)).toBe(true);
      }
      expect(r.errorCount).toBe(r.messages.filter((m) => m.severity === 2).length);
      expect(r.warningCount).toBe(r.messages.filter((m) => m.severity === 1).length);
    }
    // One entry per file, in argument order, with the paths as given.
    expect(results.map((r) => r.filePath)).toEqual(files);
    const kinds = results.map((r) => (r as unknown as Json).kind);
    expect(kinds).toEqual(['ml', 'ml', 'non-ml']);
  });

  it('keeps argument order across files, and sorts a directory', async () => {
    const t = tree({ 'b.md': WEAK_TEXT, 'a.md': HIGH_TEXT, 'dir/z.md': WEAK_TEXT, 'dir/m.markdown': WEAK_TEXT, 'dir/sub/a.md': WEAK_TEXT });
    const run = await runCli(['b.md', 'dir', 'a.md', 'b.md', '-f', 'json'], { cwd: t.dir, env: { HOME: t.dir } });
    expect(json(run).map((r) => r.filePath)).toEqual(['b.md', 'dir/m.markdown', 'dir/sub/a.md', 'dir/z.md', 'a.md']);
  });

  it('expands globs but never inside node_modules or .git', async () => {
    const t = tree({ 'docs/a.md': WEAK_TEXT, 'docs/deep/b.md': WEAK_TEXT, 'docs/node_modules/c.md': WEAK_TEXT, 'docs/.git/d.md': WEAK_TEXT, 'docs/e.txt': WEAK_TEXT });
    const glob = await runCli(['docs/**/*.md', '-f', 'json'], { cwd: t.dir, env: { HOME: t.dir } });
    expect(json(glob).map((r) => r.filePath)).toEqual(['docs/a.md', 'docs/deep/b.md']);
    const dir = await runCli(['docs', '-f', 'json'], { cwd: t.dir, env: { HOME: t.dir } });
    expect(json(dir).map((r) => r.filePath)).toEqual(['docs/a.md', 'docs/deep/b.md']);
  });
});

describe('input problems exit 2 with one line naming the path', () => {
  it('missing file', async () => {
    expectOneLineError(await runCli(['no/such/answer.md']), 'no/such/answer.md', 'no such file');
  });

  it('directory with no markdown', async () => {
    const t = tree({ 'empty/notes.txt': 'x' });
    expectOneLineError(await runCli(['empty'], { cwd: t.dir }), 'empty', 'no markdown files');
  });

  it('glob that matches nothing', async () => {
    expectOneLineError(await runCli(['nothing/**/*.md']), 'nothing/**/*.md', 'no files match');
  });

  it('binary file', async () => {
    const t = tree({ 'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
    expectOneLineError(await runCli(['image.md'], { cwd: t.dir }), 'image.md', 'binary');
  });

  it('invalid UTF-8, with its line', async () => {
    const t = tree({ 'latin1.md': Buffer.from('# Caf\xe9\n\nna\xefve answer\n', 'latin1') });
    expectOneLineError(await runCli(['latin1.md'], { cwd: t.dir }), 'latin1.md', 'invalid UTF-8 at line 1');
  });

  it('a file above --max-file-size', async () => {
    const t = tree({ 'big.md': `${'word '.repeat(1000)}\n` });
    expectOneLineError(await runCli(['big.md', '--max-file-size', '0.001'], { cwd: t.dir }), 'big.md', 'limit');
    const ok = await runCli(['big.md', '--max-file-size', '1', '-f', 'json'], { cwd: t.dir, env: { HOME: t.dir } });
    expect(ok.code).not.toBe(2);
  });

  it('reads UTF-16 LE and BE with a BOM, and strips a UTF-8 BOM', async () => {
    const text = `# Reco\n\n${WEAK_TEXT}\n`;
    const be = Buffer.from(text, 'utf16le').swap16();
    const t = tree({
      'le.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'be.md': Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'plain.md': text,
    });
    const run = await runCli(['le.md', 'be.md', 'bom.md', 'plain.md', '-f', 'json'], { cwd: t.dir, env: { HOME: t.dir } });
    expect(run.code).toBe(1);
    const results = json(run);
    const plain = results[3];
    for (const result of results) {
      expect(result.signals).toEqual(plain?.signals);
      expect(result.messages).toEqual(plain?.messages);
    }
    expect(plain?.signals[0]?.line).toBe(3);
  });
});

describe('configuration problems exit 2 with one line naming the file and key', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['broken JSON', { '.mlsd-lintrc.json': '{\n  "rules": {\n    "retraining": "off",\n  }\n}\n' }, ['.mlsd-lintrc.json', 'invalid JSON at line 4']],
    ['broken YAML', { '.mlsd-lintrc.yaml': 'rules:\n  retraining: [error\n' }, ['.mlsd-lintrc.yaml', 'invalid YAML']],
    ['JS config that throws', { '.mlsd-lintrc.cjs': 'throw new Error("config exploded");\n' }, ['.mlsd-lintrc.cjs', 'config exploded']],
    ['ESM config that throws', { 'mlsd-lint.config.mjs': 'throw new TypeError("bad setup");\nexport default {};\n' }, ['mlsd-lint.config.mjs', 'bad setup']],
    ['empty file', { '.mlsd-lintrc.json': '' }, ['.mlsd-lintrc.json', 'empty']],
    ['unknown rule', { '.mlsd-lintrc.json': '{"rules": {"retrainng": "off"}}' }, ['.mlsd-lintrc.json', '`retrainng`', 'did you mean `retraining`']],
    ['bad severity', { '.mlsd-lintrc.yml': 'rules:\n  monitoring: loud\n' }, ['.mlsd-lintrc.yml', '`monitoring`', '"loud"']],
    ['bad option', { '.mlsd-lintrc.json': '{"rules": {"retraining": ["error", {"weak": "sometimes"}]}}' }, ['.mlsd-lintrc.json', '`weak`', '`retraining`']],
    ['unknown option', { '.mlsd-lintrc.json': '{"rules": {"retraining": ["error", {"window": 3}]}}' }, ['.mlsd-lintrc.json', '`window`']],
    ['unknown top-level key', { '.mlsd-lintrc': 'rule:\n  retraining: off\n' }, ['.mlsd-lintrc', '`rule`']],
    ['unknown preset', { 'package.json': '{"name": "x", "mlsd-lint": {"extends": "strictest"}}' }, ['package.json', 'strictest']],
    ['bad rule in a non-matching override', { '.mlsd-lintrc.json': '{"overrides": [{"files": "never/**", "rules": {"nope": "off"}}]}' }, ['.mlsd-lintrc.json', 'overrides[0]', '`nope`']],
  ];
  for (const [name, files, mentions] of cases) {
    it(name, async () => {
      const t = tree({ ...files, 'answer.md': WEAK_TEXT });
      expectOneLineError(await runCli(['answer.md'], { cwd: t.dir, env: { HOME: t.dir } }), ...mentions);
    });
  }

  it('a missing --config file', async () => {
    expectOneLineError(await runCli(['fixtures/answers/churn-terse.md', '-c', 'nope/.mlsd-lintrc.json']), 'nope/.mlsd-lintrc.json', 'no such file');
  });

  it('is reported before any input is read: a bad config wins over an unreadable file', async () => {
    const t = tree({ '.mlsd-lintrc.json': '{"rules": {"nope": "off"}}', 'binary.md': Buffer.from([0, 1, 2]) });
    expectOneLineError(await runCli(['binary.md'], { cwd: t.dir, env: { HOME: t.dir } }), '`nope`');
  });

  it('--rule with an unknown rule, a bad severity or bad JSON', async () => {
    const file = 'fixtures/answers/churn-terse.md';
    expectOneLineError(await runCli([file, '--rule', 'nope:off']), '`nope`', '--rule');
    expectOneLineError(await runCli([file, '--rule', 'retraining:sometimes']), '`retraining`', '"sometimes"');
    expectOneLineError(await runCli([file, '--rule', 'retraining:["error",{weak}]']), '--rule', 'JSON');
    expectOneLineError(await runCli([file, '--rule', 'retraining']), '--rule', 'id:severity');
  });

  it('usage errors: unknown format, unknown option, bad numbers', async () => {
    const file = 'fixtures/answers/churn-terse.md';
    expectOneLineError(await runCli([file, '-f', 'xml']), 'xml', 'stylish', 'json');
    expectOneLineError(await runCli([file, '--frmat', 'json']), '--frmat');
    expectOneLineError(await runCli([file, '--max-warnings', 'many']), '--max-warnings');
    expectOneLineError(await runCli([file, '--max-file-size', '-3']), '--max-file-size');
  });
});

describe('rules from the command line and the configuration', () => {
  it('--rule id:off removes that rule\'s messages (its signal is still judged)', async () => {
    const run = await runCli(['-', '--rule', 'retraining:off', '-f', 'json'], { input: WEAK_TEXT });
    const [result] = json(run);
    expect(result?.messages.some((m) => m.ruleId === 'retraining')).toBe(false);
    expect(result?.signals.find((s) => s.id === 'retraining')?.status).toBe('missing');
  });

  it('--rule accepts JSON [severity, options], the last one winning', async () => {
    const run = await runCli(['-', '--rule', 'vague-language:off', '--rule', 'vague-language:["error"]', '-f', 'json'], { input: `${WEAK_TEXT}\n\n${VAGUE_SENTENCE}\n` });
    expect(json(run)[0]?.messages.filter((m) => m.ruleId === 'vague-language').every((m) => m.severity === 2)).toBe(true);
    expect(json(run)[0]?.messages.some((m) => m.ruleId === 'vague-language')).toBe(true);
  });

  it('finds the configuration from the file\'s folder upward, not from the working directory', async () => {
    const t = tree({
      'project/.mlsd-lintrc.json': JSON.stringify({ rules: { retraining: 'off' } }),
      'project/answers/deep/a.md': WEAK_TEXT,
      'other/b.md': WEAK_TEXT,
    });
    const run = await runCli(['project/answers/deep/a.md', 'other/b.md', '-f', 'json'], { cwd: t.dir, env: { HOME: t.dir } });
    const [a, b] = json(run);
    expect(a?.messages.some((m) => m.ruleId === 'retraining')).toBe(false);
    expect(b?.messages.some((m) => m.ruleId === 'retraining')).toBe(true);
  });

  it('--config loads that file only', async () => {
    const t = tree({
      '.mlsd-lintrc.json': '{"rules": {"nope": "off"}}', // would fail if it were searched
      'custom.yml': 'rules:\n  retraining: off\n',
      'a.md': WEAK_TEXT,
    });
    const run = await runCli(['a.md', '--config', 'custom.yml', '-f', 'json'], { cwd: t.dir, env: { HOME: t.dir } });
    expect(run.code).toBe(1);
    expect(json(run)[0]?.messages.some((m) => m.ruleId === 'retraining')).toBe(false);
  });

  it('applies overrides whose globs match relative to the config file\'s folder', async () => {
    const t = tree({
      'repo/.mlsd-lintrc.json': JSON.stringify({ overrides: [{ files: ['drafts/**/*.md'], rules: { 'feedback-loop': 'off', retraining: 'warn' } }] }),
      'repo/drafts/x/a.md': WEAK_TEXT,
      'repo/final/a.md': WEAK_TEXT,
    });
    // Run from outside the repo: globs are relative to the config, not the working directory.
    const run = await runCli(['repo/drafts', 'repo/final', '-f', 'json'], { cwd: t.dir, env: { HOME: t.dir } });
    const [draft, final] = json(run);
    expect(draft?.filePath).toBe('repo/drafts/x/a.md');
    expect(draft?.messages.some((m) => m.ruleId === 'feedback-loop')).toBe(false);
    expect(draft?.messages.find((m) => m.ruleId === 'retraining')?.severity).toBe(1);
    expect(final?.messages.some((m) => m.ruleId === 'feedback-loop')).toBe(true);
    expect(final?.messages.find((m) => m.ruleId === 'retraining')?.severity).toBe(2);
  });

  it('a rule that crashes exits 2 naming the rule and the file', async () => {
    const t = tree({
      'crash.mjs': `export default { id: 'local/crash', meta: { description: 'Crashes', rationale: 'test', defaultSeverity: 'error', messages: { boom: 'Boom' } }, check() { throw new Error('kaboom'); } };\n`,
      '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./crash.mjs'] }),
      'a.md': WEAK_TEXT,
    });
    expectOneLineError(await runCli(['a.md'], { cwd: t.dir, env: { HOME: t.dir } }), 'local/crash', 'kaboom', 'a.md');
    const debug = await runCli(['a.md', '--debug'], { cwd: t.dir, env: { HOME: t.dir } });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/at .+:\d+:\d+/);
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet drops warnings from the output', async () => {
    const run = await runCli(['-', '--quiet', '-f', 'json'], { input: WEAK_TEXT });
    const [result] = json(run);
    expect(run.code).toBe(1);
    expect(result?.warningCount).toBe(0);
    expect(result?.messages.length).toBeGreaterThan(0);
    expect(result?.messages.every((m) => m.severity === 2)).toBe(true);
  });

  it('--max-warnings fails the run when warnings exceed it, with a note on stderr', async () => {
    const args = ['-', '--rule', 'feedback-loop:off', '-f', 'json'];
    const over = await runCli([...args, '--max-warnings', '0'], { input: HIGH_TEXT });
    expect(over.code).toBe(1);
    expect(json(over)[0]?.warningCount).toBeGreaterThan(0);
    expect(stderrLines(over)).toEqual([expect.stringMatching(/^mlsd-lint: too many warnings \(\d+, maximum 0\)$/)]);
    const within = await runCli([...args, '--max-warnings', '100'], { input: HIGH_TEXT });
    expect(within.code).toBe(0);
  });

  it('--quiet takes warnings out of the --max-warnings decision', async () => {
    const run = await runCli(['-', '--rule', 'feedback-loop:off', '--quiet', '--max-warnings', '0'], { input: HIGH_TEXT });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  const answer = ['fixtures/answers/churn-terse.md'];

  it('is off when stdout is not a terminal', async () => {
    const run = await runCli(answer);
    expect(run.stdout).toContain('Weak signal');
    expect(run.stdout).not.toContain(ESC);
  });

  it('FORCE_COLOR turns it on; NO_COLOR and --no-color keep it off; --color forces it', async () => {
    expect((await runCli(answer, { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await runCli(answer, { env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCli([...answer, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCli([...answer, '--color'], { env: { NO_COLOR: '1' } })).stdout).toContain(ESC);
  });

  it('never colours JSON', async () => {
    const run = await runCli([...answer, '-f', 'json', '--color']);
    expect(run.stdout).not.toContain(ESC);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});

describe('the README shows real output', () => {
  it('every line of "What you get" is printed, in order, by `mlsd-lint examples/answer.md`', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /## What you get\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeTruthy();
    const run = await runCli(['examples/answer.md'], { cwd: ROOT, env: { NO_COLOR: '1' } });
    expect(run.code).toBe(1);
    const printed = run.stdout.split('\n');
    let at = 0;
    for (const line of (block as string).split('\n')) {
      if (line.trim() === '' || line.trim() === '…') continue;
      const found = printed.indexOf(line, at);
      expect(found, `README line not in the output (or out of order): ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});

describe('--max-findings', () => {
  const text = readFileSync(path.join(ANSWERS, 'friend-suggestions-vague.md'), 'utf8');
  it('shows a thin answer its most useful findings, in the order of the guide, and summarises the rest', async () => {
    const all = json(await runCli(['-', '-f', 'json'], { input: text }))[0]!;
    expect(all.messages.length).toBeGreaterThan(8);
    const run = await runCli(['-', '--no-color'], { input: text });
    const shown = run.stdout.split('\n').filter((l) => /^ {4}\d+:\d+ +(?:error|warn) /.test(l)).map((l) => l.trim().split(/\s+/)[2]);
    expect(shown).toHaveLength(8);
    // Missing signals (errors) first, then weak ones by the guide's step.
    expect(shown[0]).toBe(all.messages.find((m) => m.severity === 2)?.ruleId);
    expect(run.stdout).toContain(`Weak signal (8 of ${all.messages.length}, most useful first)`);
    expect(run.stdout).toMatch(new RegExp(`… ${all.messages.length - 8} more findings? not shown: .* \\(--max-findings 0 shows all\\)`));
    // The summary still counts every problem.
    expect(run.stdout).toContain(`✖ ${all.messages.length} problems`);
  });

  it('0 shows every finding, in reading order; a bad value is a usage error', async () => {
    const run = await runCli(['-', '--no-color', '--max-findings', '0'], { input: text });
    expect(run.stdout).not.toContain('not shown');
    const lines = run.stdout.split('\n').filter((l) => /^ {4}\d+:\d+ +(?:error|warn) /.test(l)).map((l) => Number(l.trim().split(':')[0]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const bad = await runCli(['-', '--max-findings', 'lots'], { input: text });
    expect(bad.code).toBe(2);
    expect(stderrLines(bad)).toHaveLength(1);
  });
});
