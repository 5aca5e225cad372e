/**
 * Plugins through configuration, as users install them: the example plugin as an npm package
 * (fixtures/plugins/mlsd-lint-plugin-example, installed into a temporary node_modules), a local
 * plugin file, and plugins that fail to load or crash while linting (exit 2, one line naming the
 * plugin and the file, a stack trace only with --debug).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError, HIGH_TEXT, installExamplePlugin, runCli, SIGNAL_IDS, useTempTrees, WEAK_TEXT } from './helpers.js';

const tree = useTempTrees();

const cli = (dir: string, args: string[]) => runCli(args, { cwd: dir, env: { HOME: dir } });

interface Json {
  score: number;
  signals: Array<{ id: string; status: string }>;
  messages: Array<{ ruleId: string; severity: number; message: string }>;
}

describe('the example plugin, installed as an npm package', () => {
  const t = tree({
    '.mlsd-lintrc.json': JSON.stringify({ plugins: ['mlsd-lint-plugin-example'] }),
    'weak.md': WEAK_TEXT,
    'priced.md': `${HIGH_TEXT} Serving costs about $12k a month on 40 GPUs.`,
    'vague.md': `${HIGH_TEXT} GPU serving is expensive.`,
  });
  installExamplePlugin(t.dir);

  it('contributes a signal row after the built-in ones, with its own status, message and weight in the score', async () => {
    const run = await cli(t.dir, ['weak.md', 'priced.md', 'vague.md', '-f', 'json']);
    expect(run.stderr).toBe('');
    const [weak, priced, vague] = JSON.parse(run.stdout) as Json[];
    expect(weak?.signals.map((s) => s.id)).toEqual([...SIGNAL_IDS, 'cost-awareness']);
    expect(weak?.signals.at(-1)?.status).toBe('missing');
    expect(priced?.signals.at(-1)?.status).toBe('high');
    expect(vague?.signals.at(-1)?.status).toBe('weak');
    expect(weak?.messages.find((m) => m.ruleId === 'example/cost-awareness')).toMatchObject({ severity: 1, message: 'No cost: nothing says what the system costs to train or serve' });
    expect(vague?.messages.find((m) => m.ruleId === 'example/cost-awareness')?.message).toBe('Cost is mentioned without a figure: `GPU serving is expensive.`');
    expect(priced?.messages.some((m) => m.ruleId === 'example/cost-awareness')).toBe(false);
    // The same answer with a price scores higher: the plugin's weight counts.
    expect(priced!.score).toBeGreaterThan(vague!.score);
  });

  it('is configured like any rule, shows in print-config, rules, explain, SARIF and markdown', async () => {
    const config = JSON.parse((await cli(t.dir, ['--print-config', 'weak.md', '--rule', 'example/cost-awareness:error'])).stdout) as { plugins: string[]; rules: Record<string, unknown> };
    expect(config.plugins).toEqual(['mlsd-lint-plugin-example']);
    expect(config.rules['example/cost-awareness']).toEqual(['error', { weak: 'warn' }]);
    const rules = await cli(t.dir, ['rules']);
    expect(rules.stdout).toMatch(/\nexample\/cost-awareness\s+Cost and budget\s+warn when missing, warn when weak\n/);
    const explain = await cli(t.dir, ['explain', 'example/cost-awareness']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('Trade-offs are priced');
    expect(explain.stdout).toContain('GPU serving is expensive, so we batch requests.');
    const sarif = await cli(t.dir, ['weak.md', '-f', 'sarif', '-o', 'out.sarif', '-f', 'markdown']);
    expect(sarif.stdout).toContain('| Cost and budget (`cost-awareness`) | ❌ missing |');
    const log = JSON.parse(readFileSync(path.join(t.dir, 'out.sarif'), 'utf8')) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; name: string }> } }; results: Array<{ ruleId: string; ruleIndex: number }> }> };
    const driverRules = log.runs[0]!.tool.driver.rules;
    const result = log.runs[0]!.results.find((r) => r.ruleId === 'example/cost-awareness')!;
    expect(driverRules[result.ruleIndex]).toMatchObject({ id: 'example/cost-awareness', name: 'ExampleCostAwarenessSignal' });
  });
});

describe('a local plugin file', () => {
  it('loads relative to the configuration file', async () => {
    const t = tree({
      'config/.mlsd-lintrc.json': JSON.stringify({ plugins: ['../rules/no-todo.mjs'] }),
      'rules/no-todo.mjs': `export default { id: 'team/no-todo', meta: { description: 'No TODO', rationale: 'Unanswered.', defaultSeverity: 'error', messages: { todo: 'TODO left' } }, check({ document, report }) { for (const s of document.sentences) if (s.text.includes('TODO')) report({ messageId: 'todo', at: s }); } };\n`,
      'a.md': `${HIGH_TEXT}\n\nTODO: costs.\n`,
    });
    const run = await cli(t.dir, ['a.md', '-c', 'config/.mlsd-lintrc.json', '-f', 'json']);
    expect((JSON.parse(run.stdout) as Json[])[0]?.messages.find((m) => m.ruleId === 'team/no-todo')).toMatchObject({ severity: 2, message: 'TODO left' });
  });
});

describe('plugins that fail', () => {
  it('a plugin that throws on import: exit 2 naming the plugin and the configuration file, a stack only with --debug', async () => {
    const t = tree({ '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./broken.mjs'] }), 'broken.mjs': "throw new Error('plugin exploded');\n", 'a.md': WEAK_TEXT });
    expectOneLineError(await cli(t.dir, ['a.md']), 'plugin "./broken.mjs"', '.mlsd-lintrc.json', 'plugin exploded');
    const debug = await cli(t.dir, ['a.md', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/at .+broken\.mjs:\d+:\d+/);
  });

  it('a plugin that cannot be found, or exports no rule', async () => {
    const t = tree({ '.mlsd-lintrc.json': JSON.stringify({ plugins: ['mlsd-lint-plugin-nowhere'] }), 'a.md': WEAK_TEXT, 'empty.mjs': 'export default 42;\n' });
    expectOneLineError(await cli(t.dir, ['a.md']), 'plugin "mlsd-lint-plugin-nowhere"', '.mlsd-lintrc.json', 'not found');
    t.write({ '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./empty.mjs'] }) });
    expectOneLineError(await cli(t.dir, ['a.md']), 'plugin "./empty.mjs"', 'must export a rule');
  });

  it("a plugin that prints while it loads or lints: stdout keeps only the report, the plugin's output goes to stderr", async () => {
    const t = tree({
      '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./chatty.mjs'] }),
      'chatty.mjs': `console.log('chatty: loaded');\nexport default { rules: [{ id: 'team/chatty', meta: { description: 'Talks', rationale: 'test', defaultSeverity: 'warn', messages: { x: 'x' } }, check() { console.log('chatty: checking'); console.info('chatty: info'); } }] };\n`,
      'answers/a.md': WEAK_TEXT,
      'answers/b.md': HIGH_TEXT,
    });
    for (const args of [['answers/a.md'], ['answers/', '--concurrency', '2']]) {
      const run = await cli(t.dir, [...args, '-f', 'json', '--no-history']);
      expect(run.code, run.stderr).toBe(1); // the weak answer's errors
      expect(() => JSON.parse(run.stdout), run.stdout.slice(0, 200)).not.toThrow();
      expect(run.stderr).toContain('chatty: loaded');
    }
  });

  it('a plugin rule that throws while linting: exit 2 naming the rule, the plugin, its configuration and the answer', async () => {
    const t = tree({
      '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./crash.mjs'] }),
      'crash.mjs': `export default { rules: [{ id: 'team/crash', meta: { description: 'Crashes', rationale: 'test', defaultSeverity: 'warn', signal: { id: 'crash', title: 'Crash', weight: 1 }, messages: { weak: 'w', missing: 'm' } }, check() { throw new TypeError('cannot read x of undefined'); } }] };\n`,
      'answers/a.md': WEAK_TEXT,
    });
    expectOneLineError(await cli(t.dir, ['answers/a.md']), 'rule "team/crash" from plugin "./crash.mjs" in .mlsd-lintrc.json crashed: cannot read x of undefined while linting answers/a.md');
  });
});
