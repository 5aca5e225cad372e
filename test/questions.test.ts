/**
 * Follow-up questions: each signal rule's `followUp` gives what an interviewer would ask next,
 * in the answer's own words (test/grounding.test.ts checks they name nothing the answer does not).
 * Shown by `--questions` in the stylish report, always in json and markdown, and as a sheet by
 * `mlsd-lint questions <paths>`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../src/rule/define.js';
import { lintTextSync } from '../src/api.js';
import { resolveConfig } from '../src/config/resolve.js';
import { builtinRules } from '../rules/index.js';
import { EXAMPLE_PLUGIN, WEAK_TEXT, expectOneLineError, installExamplePlugin, runCli, useTempTrees } from './helpers.js';

const tree = useTempTrees();

describe('mlsd-lint questions', () => {
  it('prints a mock-interview sheet, the weakest signals first, numbered through, and exits 0 whatever the lint result', async () => {
    const t = tree({ 'answer.md': WEAK_TEXT });
    const lint = await runCli(['answer.md'], { cwd: t.dir });
    expect(lint.code).toBe(1);
    const run = await runCli(['questions', 'answer.md'], { cwd: t.dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Mock interview: answer\.md \(score \d+\/100\)$/);
    const headers = lines.filter((l) => /^ {2}\S.*\((?:[a-z-]+), (missing|weak|high)\)$/.test(l));
    const statuses = headers.map((h) => (/, (missing|weak|high)\)$/.exec(h) as RegExpExecArray)[1] as string);
    expect(statuses.length).toBeGreaterThan(3);
    expect([...statuses].sort((a, b) => ['missing', 'weak', 'high'].indexOf(a) - ['missing', 'weak', 'high'].indexOf(b))).toEqual(statuses);
    const numbers = lines.map((l) => /^ {2}( ?\d+)\. /.exec(l)?.[1]).filter(Boolean).map(Number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const json = JSON.parse((await runCli(['answer.md', '-f', 'json'], { cwd: t.dir })).stdout) as Array<{ signals: Array<{ questions: string[] }> }>;
    expect(numbers).toHaveLength(json[0]!.signals.reduce((n, s) => n + s.questions.length, 0));
  });

  it('takes the usual paths and options; a missing file is the usual one-line error', async () => {
    const t = tree({ 'a/answer.md': WEAK_TEXT, 'b/other.md': WEAK_TEXT });
    const run = await runCli(['questions', 'a', 'b/other.md', '--rule', 'retraining:off'], { cwd: t.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Mock interview: a/answer.md');
    expect(run.stdout).toContain('Mock interview: b/other.md');
    expectOneLineError(await runCli(['questions', 'nope.md'], { cwd: t.dir }), 'nope.md');
  });
});

describe('where the questions show', () => {
  it('the stylish report adds them with --questions only', async () => {
    const t = tree({ 'answer.md': WEAK_TEXT });
    const plain = await runCli(['answer.md'], { cwd: t.dir });
    const asked = await runCli(['answer.md', '--questions'], { cwd: t.dir });
    expect(plain.stdout).not.toContain('Follow-up questions');
    expect(asked.stdout).toContain('  Follow-up questions (');
    expect(asked.stdout.startsWith(plain.stdout.slice(0, plain.stdout.indexOf('✖')).trimEnd())).toBe(true);
    expect(asked.code).toBe(plain.code);
  });

  it('markdown always has them', async () => {
    const t = tree({ 'answer.md': WEAK_TEXT });
    const md = await runCli(['answer.md', '-f', 'markdown'], { cwd: t.dir });
    expect(md.stdout).toContain('### Follow-up questions');
    expect(md.stdout).toMatch(/\n- `skew-prevention` \([^)\n]*missing\)\n {2}- /);
  });
});

describe('followUp in a rule', () => {
  it('a plugin rule may give questions: at most three kept, trimmed, without repeats', () => {
    const rule = defineRule({
      id: 'local/asks',
      meta: { description: 'Asks', rationale: 'test', signal: { id: 'asks', title: 'Asks', weight: 1 }, defaultSeverity: 'warn', messages: { weak: 'Weak', missing: 'Missing' } },
      check: () => ({ status: 'weak' }),
      followUp: () => [' One? ', 'One?', 'Two?', '', 'Three?', 'Four?'],
    });
    const result = lintTextSync(WEAK_TEXT, { config: resolveConfig({}, { rules: [...builtinRules, rule] }) });
    expect(result.signals.find((s) => s.id === 'asks')?.questions).toEqual(['One?', 'Two?', 'Three?']);
  });

  it('must be a function', () => {
    expect(() => defineRule({ id: 'local/bad', meta: { description: 'Bad', rationale: 'test', defaultSeverity: 'warn', messages: { m: 'M' } }, check: () => undefined, followUp: 'what?' as never })).toThrow(/followUp must be a function/);
  });

  it('a followUp that throws is a one-line error naming the rule (exit 2)', async () => {
    const t = tree({
      'asks.mjs':
        "export default { id: 'local/asks', meta: { description: 'Asks', rationale: 'test', signal: { id: 'asks', title: 'Asks', weight: 1 }, defaultSeverity: 'warn', messages: { weak: 'Weak', missing: 'Missing' } }, check() { return { status: 'weak' }; }, followUp() { throw new Error('no questions today'); } };\n",
      '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./asks.mjs'] }),
      'a.md': WEAK_TEXT,
    });
    expectOneLineError(await runCli(['a.md'], { cwd: t.dir }), 'local/asks', 'followUp', 'no questions today');
  });

  it('the example plugin asks about cost in the answer\'s words', async () => {
    const t = tree({ 'a.md': 'GPU serving is expensive, so we batch requests.\n', '.mlsd-lintrc.json': JSON.stringify({ plugins: ['mlsd-lint-plugin-example'] }) });
    installExamplePlugin(t.dir);
    const run = await runCli(['a.md', '-f', 'json'], { cwd: t.dir });
    const cost = (JSON.parse(run.stdout) as Array<{ signals: Array<{ id: string; questions: string[] }> }>)[0]!.signals.find((s) => s.id === 'cost-awareness');
    expect(cost?.questions).toEqual(['You say “GPU serving is expensive, so we batch requests.”: what is the figure, and what would you cut first to halve it?']);
    expect(path.basename(EXAMPLE_PLUGIN)).toBe('mlsd-lint-plugin-example');
  });
});
