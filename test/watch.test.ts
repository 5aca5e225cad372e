/**
 * `--watch`, run for real: in a pseudo-terminal (tmux) with real file edits (append, an editor's
 * write-and-rename, delete and re-create), and through a pipe. tmux is installed with apt-get by the
 * test when it is missing and the machine allows it; where it cannot be, the terminal tests are
 * skipped with the reason printed.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, HIGH_TEXT, WEAK_TEXT, expectOneLineError, runCli, useTempTrees } from './helpers.js';

const tree = useTempTrees();
const RETRAIN = '\n\nWe retrain weekly when AUC drops by 2 points on the last 7 days, and an alert on PSI above 0.2 pages the on-call.\n';

function tmuxReady(): string | undefined {
  const has = () => spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
  if (has()) return undefined;
  if (process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    spawnSync('apt-get', ['install', '-y', 'tmux'], { stdio: 'ignore' });
    if (!has()) spawnSync('sh', ['-c', 'apt-get update >/dev/null && apt-get install -y tmux >/dev/null'], { stdio: 'ignore' });
  }
  return has() ? undefined : 'tmux is not installed and apt-get could not install it';
}
const noTmux = tmuxReady();
if (noTmux) console.warn(`watch.test.ts: terminal tests skipped: ${noTmux}`);

async function scoreOf(dir: string, file: string): Promise<number> {
  const run = await runCli([file, '-f', 'json', '--no-history'], { cwd: dir });
  return (JSON.parse(run.stdout) as Array<{ score: number }>)[0]!.score;
}
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 30_000, shown: () => string = () => ''): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}${shown() ? `; the screen:\n${shown()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(Boolean(noTmux))('--watch in a terminal (tmux)', () => {
  // A server of our own (-L): no user's tmux, and no other test run, shares it.
  const socket = ['-L', `mlsd-watch-test-${process.pid}`];
  const session = 'watch';
  const tmux = (...args: string[]) => execFileSync('tmux', [...socket, ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session);
  const appears = (pattern: RegExp | string, what: string) =>
    until(
      () => {
        const text = screen();
        return (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) ? text : undefined;
      },
      what,
      60_000,
      screen,
    );
  afterAll(() => void spawnSync('tmux', [...socket, 'kill-server'], { stdio: 'ignore' }));

  it('redraws in place on every save: the score change, the signals that moved, the report; follows renames and deletions; q quits', async () => {
    const t = tree({ 'answer.md': WEAK_TEXT });
    const file = path.join(t.dir, 'answer.md');
    const score0 = await scoreOf(t.dir, 'answer.md');
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '300', '-c', t.dir, `${process.execPath} ${BIN} --watch answer.md; echo "EXITED $?"; sleep 60`);

    let text = await appears('Watching 1 answer', 'the first report');
    expect(text).toMatch(/^mlsd-lint --watch {2}\d\d:\d\d:\d\d {2}\(q to quit\)$/m);
    expect(text).toContain(`answer.md  score ${score0}/100`);

    // An append, as an editor that writes in place does.
    appendFileSync(file, RETRAIN);
    const score1 = await scoreOf(t.dir, 'answer.md');
    text = await appears(`answer.md: ${score0} -> ${score1}, ${signed(score1 - score0)}`, 'the change line after an append');
    expect(text).toMatch(/^ {2}retraining: (missing|weak) -> (weak|high)$/m);
    // Redrawn, not appended: the first report's banner is gone from the terminal.
    expect(text.match(/^mlsd-lint --watch /gm)).toHaveLength(1);

    // A save by write-and-rename (vim, many IDEs): a new inode under the old name.
    writeFileSync(`${file}.tmp`, `${WEAK_TEXT}${RETRAIN}\n\n${HIGH_TEXT}\n`);
    renameSync(`${file}.tmp`, file);
    const score2 = await scoreOf(t.dir, 'answer.md');
    await appears(`answer.md: ${score1} -> ${score2}, ${signed(score2 - score1)}`, 'the change line after a rename');

    rmSync(file);
    await appears('answer.md: deleted; watching for it to come back', 'the deletion');
    writeFileSync(file, WEAK_TEXT);
    await appears(`answer.md: ${score2} -> ${score0}, ${signed(score0 - score2)}`, 'the answer coming back');

    tmux('send-keys', '-t', session, 'q');
    await appears(/^EXITED 0$/m, 'a clean exit on q');
  });

  it('Ctrl-C ends it cleanly too, and the terminal is left in its normal mode', async () => {
    const t = tree({ 'answer.md': WEAK_TEXT });
    spawnSync('tmux', [...socket, 'kill-session', '-t', session], { stdio: 'ignore' });
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '300', '-c', t.dir, `${process.execPath} ${BIN} --watch answer.md; echo "EXITED $?"; stty -a | grep -o -- '-\\?icanon' | head -1; sleep 60`);
    await appears('Watching 1 answer', 'the first report');
    tmux('send-keys', '-t', session, 'C-c');
    const text = await appears(/^EXITED 0$/m, 'a clean exit on Ctrl-C');
    // Raw mode was turned off on the way out: canonical input is on again ("icanon", not "-icanon").
    await until(() => (/^icanon$/m.test(screen()) ? true : undefined), 'stty to show canonical mode');
    expect(text).not.toMatch(/^-icanon$/m);
  });
});

describe('--watch through a pipe', () => {
  it('appends each run as plain text and ends cleanly on SIGINT', async () => {
    const t = tree({ 'a.md': WEAK_TEXT, 'notes/b.md': WEAK_TEXT });
    const score0 = await scoreOf(t.dir, 'a.md');
    const child = spawn(process.execPath, [BIN, '--watch', 'a.md', 'notes'], { cwd: t.dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await until(() => (out.includes('a.md  score') && out.includes('notes/b.md  score') ? true : undefined), 'the first report');
    appendFileSync(path.join(t.dir, 'a.md'), RETRAIN);
    const score1 = await scoreOf(t.dir, 'a.md');
    await until(() => (out.includes(`a.md: ${score0} -> ${score1}, ${signed(score1 - score0)}`) ? true : undefined), 'the change line');
    // A new answer in a watched folder joins the report.
    writeFileSync(path.join(t.dir, 'notes', 'c.md'), HIGH_TEXT);
    await until(() => (/^notes\/c\.md: score \d+$/m.test(out) ? true : undefined), 'the new answer');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).not.toContain('\x1b[2J');
    expect(out.match(/^mlsd-lint --watch /gm)?.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses what it cannot watch: stdin, other formats, output files (exit 2, one line)', async () => {
    const t = tree({ 'a.md': WEAK_TEXT });
    expectOneLineError(await runCli(['--watch', '-'], { cwd: t.dir, input: WEAK_TEXT }), '--watch');
    expectOneLineError(await runCli(['--watch', 'a.md', '-f', 'json'], { cwd: t.dir }), '--watch', '--format');
    expectOneLineError(await runCli(['--watch', 'a.md', '-o', 'out.txt'], { cwd: t.dir }), '--watch', '--output-file');
  });
});
