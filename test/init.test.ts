/**
 * `mlsd-lint init`, run for real in temporary folders: what it writes, that the configuration it
 * writes is one the linter accepts (also with every commented rule line turned on), that it never
 * overwrites without --force, and the questions it asks on a real terminal (tmux).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, HIGH_TEXT, expectOneLineError, runCli, useTempTrees } from './helpers.js';

const tree = useTempTrees();
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');
const CONFIG = '.mlsd-lintrc.yaml';
const HOOK = '.pre-commit-config.yaml';
const WORKFLOW = '.github/workflows/mlsd-lint.yml';

describe('mlsd-lint init, not on a terminal', () => {
  it('writes a configuration, a pre-commit hook and a workflow with the defaults, asking nothing', async () => {
    const t = tree({ 'answer.md': HIGH_TEXT });
    const run = await runCli(['init'], { cwd: t.dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote ${CONFIG}`);
    expect(run.stdout).not.toMatch(/\?/);
    expect(read(t.dir, CONFIG)).toMatch(/^extends: recommended$/m);
    expect(read(t.dir, HOOK)).toMatch(/- id: mlsd-lint\n\s+args: \[--min-score, '60'\]/);
    expect(read(t.dir, WORKFLOW)).toMatch(/min-score: 60/);
    // The linter finds and accepts the configuration.
    const lint = await runCli(['--print-config', 'answer.md'], { cwd: t.dir });
    expect(lint.code, lint.stderr).toBe(0);
    expect(lint.stdout).toContain(CONFIG);
  });

  it('writes a configuration that stays valid when every commented rule line is turned on', async () => {
    for (const preset of ['recommended', 'strict']) {
      const t = tree({ 'answer.md': HIGH_TEXT });
      expect((await runCli(['init', '--yes', '--preset', preset, '--no-pre-commit', '--no-workflow'], { cwd: t.dir })).code).toBe(0);
      const text = read(t.dir, CONFIG);
      const ruleLines = text.split('\n').filter((l) => /^#   [a-z-]+:/.test(l));
      expect(ruleLines.length).toBeGreaterThanOrEqual(14);
      // Turn them all on, each set to what the preset gives: the effective configuration is unchanged.
      writeFileSync(path.join(t.dir, CONFIG), text.replace(/^# rules:$/m, 'rules:').replace(/^# {3}([a-z-]+:)/gm, '  $1'));
      const on = await runCli(['--print-config', 'answer.md'], { cwd: t.dir });
      expect(on.code, on.stderr).toBe(0);
      writeFileSync(path.join(t.dir, CONFIG), text);
      const off = await runCli(['--print-config', 'answer.md'], { cwd: t.dir });
      const rulesOf = (out: string) => (JSON.parse(out) as { rules: unknown }).rules;
      expect(rulesOf(on.stdout)).toEqual(rulesOf(off.stdout));
    }
  });

  it('takes the choices given as options', async () => {
    const t = tree();
    const run = await runCli(['init', '--preset', 'strict', '--min-score', '75', '--no-workflow'], { cwd: t.dir });
    expect(run.code, run.stderr).toBe(0);
    expect(read(t.dir, CONFIG)).toMatch(/^extends: strict$/m);
    expect(read(t.dir, CONFIG)).toMatch(/^# {3}monitoring: +\[error, \{ weak: error \}\]/m);
    expect(read(t.dir, HOOK)).toContain("args: [--min-score, '75']");
    expect(existsSync(path.join(t.dir, WORKFLOW))).toBe(false);
  });

  it('never overwrites without --force, and writes nothing when one file exists', async () => {
    const t = tree({ [WORKFLOW]: 'name: mine\n' });
    const run = await runCli(['init'], { cwd: t.dir });
    expectOneLineError(run, WORKFLOW, '--force');
    expect(read(t.dir, WORKFLOW)).toBe('name: mine\n');
    expect(existsSync(path.join(t.dir, CONFIG))).toBe(false);
    expect(existsSync(path.join(t.dir, HOOK))).toBe(false);

    const again = await runCli(['init', '--force'], { cwd: t.dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`wrote ${WORKFLOW} (overwritten)`);
    expect(read(t.dir, WORKFLOW)).toContain('min-score: 60');

    const third = await runCli(['init'], { cwd: t.dir });
    expectOneLineError(third, CONFIG, 'exists');
  });

  it("leaves an existing .pre-commit-config.yaml alone and prints the lines to add", async () => {
    const mine = 'repos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v4.6.0\n    hooks:\n      - id: trailing-whitespace\n';
    const t = tree({ [HOOK]: mine });
    const run = await runCli(['init', '--force'], { cwd: t.dir });
    expect(run.code, run.stderr).toBe(0);
    expect(read(t.dir, HOOK)).toBe(mine);
    expect(run.stdout).toContain(`${HOOK} exists and was left as it is`);
    expect(run.stdout).toContain('- id: mlsd-lint');
  });

  it('refuses a folder that has a configuration of another name, paths, and unknown presets', async () => {
    const t = tree({ 'package.json': JSON.stringify({ name: 'x', 'mlsd-lint': { extends: 'strict' } }) });
    expectOneLineError(await runCli(['init'], { cwd: t.dir }), 'package.json', 'already has a configuration');
    const u = tree({ '.mlsd-lintrc.json': '{}' });
    expectOneLineError(await runCli(['init', '--force'], { cwd: u.dir }), '.mlsd-lintrc.json');
    const v = tree();
    expectOneLineError(await runCli(['init', '--preset', 'lenient'], { cwd: v.dir }), 'unknown preset "lenient"');
    expectOneLineError(await runCli(['init', 'answers/'], { cwd: v.dir }), 'takes no paths');
    expectOneLineError(await runCli(['init', '--min-score', '140'], { cwd: v.dir }), '--min-score');
    expect(existsSync(path.join(v.dir, CONFIG))).toBe(false);
  });
});

function tmuxReady(): string | undefined {
  const has = () => spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
  if (!has()) spawnSync('sh', ['-c', 'apt-get install -y tmux >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y tmux >/dev/null)'], { stdio: 'ignore' });
  return has() ? undefined : 'tmux is not installed and apt-get could not install it';
}
const noTmux = tmuxReady();
if (noTmux) console.warn(`init.test.ts: terminal test skipped: ${noTmux}`);

describe.skipIf(Boolean(noTmux))('mlsd-lint init on a terminal (tmux)', () => {
  const socket = ['-L', `mlsd-init-test-${process.pid}`];
  const tmux = (...args: string[]) => execFileSync('tmux', [...socket, ...args], { encoding: 'utf8' });
  afterAll(() => void spawnSync('tmux', [...socket, 'kill-server'], { stdio: 'ignore' }));
  const screenHas = async (text: string) => {
    const start = Date.now();
    for (;;) {
      const screen = tmux('capture-pane', '-p', '-J', '-t', 'init');
      if (screen.includes(text)) return screen;
      if (Date.now() - start > 20_000) throw new Error(`timed out waiting for "${text}"; the screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('asks for the preset, the minimum score and the snippets, re-asking a bad answer', async () => {
    const t = tree();
    tmux('new-session', '-d', '-s', 'init', '-x', '120', '-y', '40', '-c', t.dir, `${process.execPath} ${BIN} init; echo "EXITED $?"; sleep 60`);
    await screenHas('Preset, recommended or strict? (recommended)');
    tmux('send-keys', '-t', 'init', 'lenient', 'Enter');
    await screenHas('"lenient" is not a preset.');
    tmux('send-keys', '-t', 'init', 'strict', 'Enter');
    await screenHas('Minimum score for the hook and the CI check, 0-100? (60)');
    tmux('send-keys', '-t', 'init', '70', 'Enter');
    await screenHas('Write a pre-commit hook');
    tmux('send-keys', '-t', 'init', 'n', 'Enter');
    await screenHas('Write a GitHub workflow');
    tmux('send-keys', '-t', 'init', 'Enter');
    const screen = await screenHas('EXITED');
    expect(screen).toContain('EXITED 0');
    expect(read(t.dir, CONFIG)).toMatch(/^extends: strict$/m);
    expect(existsSync(path.join(t.dir, HOOK))).toBe(false);
    expect(read(t.dir, WORKFLOW)).toContain('min-score: 70');
  }, 60_000);
});
