/**
 * action.yml: its declared inputs, and its lint step's script run for real with bash the way the
 * Actions runner would (inputs as INPUT_* variables, GITHUB_ACTION_PATH at this repository).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultLoaders } from 'cosmiconfig';
import { afterAll, describe, expect, it } from 'vitest';
import { HIGH_TEXT, ROOT, WEAK_TEXT, tempTree } from './helpers.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: Step[] };
}

const file = path.join(ROOT, 'action.yml');
const action = (defaultLoaders['.yaml'] as (filepath: string, content: string) => unknown)(file, readFileSync(file, 'utf8')) as Action;
const lintStep = action.runs.steps.find((s) => s.id === 'lint') as Step;

const trees: Array<{ cleanup(): void }> = [];
afterAll(() => trees.forEach((t) => t.cleanup()));

/** Run the lint step's script as the runner would, with `inputs` as the action's inputs. */
function runStep(cwd: string, inputs: Record<string, string>) {
  const values = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, inputs[name] ?? spec.default ?? '']));
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: cwd, GITHUB_ACTION_PATH: ROOT };
  for (const [key, template] of Object.entries(lintStep.env ?? {})) {
    env[key] = template.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
  }
  return spawnSync('bash', ['-e', '-c', lintStep.run as string], { cwd, env, encoding: 'utf8' });
}

describe('action.yml', () => {
  it('is a composite action with the documented inputs, on Node 20', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['files', 'format', 'config', 'fail-on', 'min-score', 'sarif-file', 'upload-sarif', 'shard', 'changed']));
    expect(action.inputs['node-version']?.default).toBe('20');
    expect(action.runs.steps.map((s) => s.uses ?? s.name)).toEqual(['actions/setup-node@v4', 'Install mlsd-lint', 'Run mlsd-lint', 'github/codeql-action/upload-sarif@v3']);
    // No input is spliced into a script: scripts read INPUT_* variables.
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
    expect(action.runs.steps[3]?.if).toContain("inputs.upload-sarif == 'true'");
  });

  it('runs mlsd-lint with annotations by default and fails the step on errors', () => {
    const t = tempTree({ 'docs/weak answer.md': WEAK_TEXT, 'docs/deep/high.md': HIGH_TEXT });
    trees.push(t);
    const run = runStep(t.dir, { files: 'docs/**/*.md' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=docs\/weak answer\.md,line=/m);
    expect(run.stderr).toBe('');
  });

  it('passes files with new lines, fail-on, min-score and config through, and writes the SARIF file', () => {
    const t = tempTree({ 'a.md': HIGH_TEXT, 'b.md': HIGH_TEXT, 'lint.json': JSON.stringify({ rules: { 'feedback-loop': 'off' } }) });
    trees.push(t);
    const base = { files: 'a.md\nb.md', config: 'lint.json', 'sarif-file': 'out/mlsd-lint.sarif' };
    const ok = runStep(t.dir, base);
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(t.dir, 'out', 'mlsd-lint.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(runStep(t.dir, { ...base, 'fail-on': 'warning' }).status).toBe(1);
    const low = runStep(t.dir, { ...base, 'min-score': '100' });
    expect(low.status).toBe(1);
    expect(low.stderr).toContain('below --min-score 100');
    expect(runStep(t.dir, { ...base, format: 'json' }).stdout).toMatch(/^\[\{"filePath":"a\.md"/);
  });

  it('passes shard and changed through: the shards are the whole run, changed lints what git says differs', () => {
    const t = tempTree({ 'docs/a.md': WEAK_TEXT, 'docs/b.md': WEAK_TEXT, 'docs/c.md': WEAK_TEXT, 'docs/d.md': WEAK_TEXT });
    trees.push(t);
    const files = (inputs: Record<string, string>) =>
      (JSON.parse(runStep(t.dir, { files: 'docs', format: 'json', ...inputs }).stdout || '[]') as Array<{ filePath: string }>).map((r) => r.filePath).sort();
    const whole = files({});
    expect([...files({ shard: '1/2' }), ...files({ shard: '2/2' })].sort()).toEqual(whole);
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', HOME: t.dir };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: t.dir, env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'answers');
    git('checkout', '-q', '-b', 'feature');
    t.write({ 'docs/b.md': HIGH_TEXT });
    git('commit', '-q', '-am', 'edit b');
    t.write({ 'docs/c.md': HIGH_TEXT });
    expect(files({ changed: 'true' })).toEqual(['docs/b.md', 'docs/c.md']);
    expect(files({ changed: 'main' })).toEqual(['docs/b.md']);
    expect(files({ changed: '' })).toEqual(whole);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares the mlsd-lint hook for markdown, run by node (proved end to end by npm run test:pre-commit)', () => {
    const hooksFile = path.join(ROOT, '.pre-commit-hooks.yaml');
    const hooks = (defaultLoaders['.yaml'] as (filepath: string, content: string) => unknown)(hooksFile, readFileSync(hooksFile, 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'mlsd-lint', language: 'node', entry: 'mlsd-lint', types: ['markdown'] });
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    // pre-commit runs `entry` from the package's bin after a global install.
    expect(pkg.bin['mlsd-lint']).toBe('bin/mlsd-lint.js');
    // `npm pack` must print only the tarball name (pre-commit reads it): no pack-time lifecycle script.
    for (const script of ['prepare', 'prepack', 'postpack']) expect(pkg.scripts[script]).toBeUndefined();
  });
});
