/**
 * `mlsd-lint --watch <paths>`: lint, then lint again each answer that changes, until `q` or Ctrl-C.
 *
 * - Folders are watched, not files: the folder of every answer, and the folders and glob bases the
 *   user named (recursively). Editors that save by writing a new file and renaming it over the old
 *   one replace the file's inode, which a watch on the file itself would lose.
 * - Events are debounced (one burst of saves is one run). A run re-expands the paths, reads every
 *   answer and lints only those whose text changed or that are new; a file that disappeared is
 *   reported as deleted and comes back into the report when it reappears.
 * - On a terminal the screen is redrawn in place: the time, each changed answer's score and its
 *   change since the last save (`72 -> 81, +9`), the signals whose status changed, then the full
 *   report. Elsewhere (a pipe, a log) each run is appended as plain text.
 * - A problem while watching (a broken configuration, an unreadable file) is shown in place of the
 *   report and the watch goes on; the next save may fix it.
 */
import { existsSync, statSync, watch as watchFs, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../engine/types.js';
import type { LintSource, RunOutcome } from '../run/run.js';
import { TOOL_NAME } from '../support/project.js';
import { signed } from './history.js';
import type { CliIo } from './io.js';

export interface WatchSetup {
  io: CliIo;
  /** The paths, folders and globs as given. */
  patterns: readonly string[];
  /** The answers the patterns name now (missing ones skipped). */
  expand(): Promise<LintSource[]>;
  lint(inputs: LintSource[]): Promise<RunOutcome>;
  /** The report of these results, as the terminal shows it. */
  render(results: LintResult[], outcome: RunOutcome): string;
  /** After each run (the score history). */
  after?(outcome: RunOutcome, inputs: LintSource[]): Promise<void>;
  /** One line for a problem, as the CLI prints it. */
  describe(error: unknown): Promise<string>;
  debounceMs?: number;
}

const CLEAR = '\x1b[2J\x1b[3J\x1b[H';
const GLOB = /[*?[\]{}!]/;

/** Where to listen: each answer's folder, and each named folder or glob base (recursively). */
export function watchTargets(cwd: string, patterns: readonly string[], files: readonly string[]): Map<string, boolean> {
  const targets = new Map<string, boolean>();
  const add = (dir: string, recursive: boolean) => {
    if (!existsSync(dir)) return;
    targets.set(dir, (targets.get(dir) ?? false) || recursive);
  };
  for (const file of files) add(path.dirname(file), false);
  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    if (!GLOB.test(pattern)) {
      if (existsSync(absolute) && statSync(absolute).isDirectory()) add(absolute, true);
      else add(path.dirname(absolute), false);
      continue;
    }
    const parts = pattern.split(/[\\/]/);
    const base = parts.slice(0, parts.findIndex((p) => GLOB.test(p)));
    add(path.resolve(cwd, base.join('/') || '.'), true);
  }
  return targets;
}


/** What changed between two results of one answer: its score line and the signals that moved. */
export function changeLines(file: string, before: LintResult | undefined, after: LintResult): string[] {
  if (!before) return [`${file}: ${after.fatalErrorCount ? 'not linted' : `score ${after.score}`}`];
  const lines = [`${file}: ${before.score} -> ${after.score}, ${signed(after.score - before.score)}`];
  const old = new Map(before.signals.map((s) => [s.id, s.status]));
  for (const s of after.signals) {
    const was = old.get(s.id);
    if (was !== undefined && was !== s.status) lines.push(`  ${s.id}: ${was} -> ${s.status}`);
  }
  return lines;
}

export function watch(setup: WatchSetup): Promise<number> {
  const { io } = setup;
  const tty = Boolean(io.stdout.isTTY);
  const debounceMs = setup.debounceMs ?? 150;
  /** The latest result and text of each answer, by display path, in the order of the last expansion. */
  let results = new Map<string, LintResult>();
  let texts = new Map<string, string>();
  /** The last result of an answer that was deleted, for the change line when it comes back. */
  const gone = new Map<string, LintResult>();
  let order: string[] = [];
  let lastOutcome: RunOutcome | undefined;
  let watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const time = () => new Date().toTimeString().slice(0, 8);
  const show = (head: string[], body: string) => {
    const at = time();
    const banner = `${TOOL_NAME} --watch  ${at}${tty ? '  (q to quit)' : ''}`;
    const text = [banner, ...head, '', body.trimEnd()].join('\n');
    if (!tty) {
      io.stdout.write(`${text}\n\n`);
      return;
    }
    // A long report scrolls its top away: the score changes are repeated on the last lines.
    const scores = head.filter((line) => !line.startsWith(' '));
    const footer = ['', ...scores, `Watching ${order.length === 1 ? '1 answer' : `${order.length} answers`}, last run ${at}; q to quit`];
    io.stdout.write(`${CLEAR}${text}\n${footer.join('\n')}\n`);
  };

  const listen = (files: readonly string[]) => {
    const wanted = watchTargets(io.cwd, setup.patterns, files);
    for (const [dir, watcher] of watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const [dir, recursive] of wanted) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watchFs(dir, { recursive, persistent: true }, () => schedule());
        watcher.on('error', () => undefined);
        watchers.set(dir, watcher);
      } catch {
        // A folder that vanished between the check and the watch: the next run lists it again.
      }
    }
  };

  const runOnce = async (first: boolean): Promise<void> => {
    let inputs: LintSource[];
    const head: string[] = [];
    try {
      const found = await setup.expand();
      const read = await Promise.all(found.map(async (source) => ({ source, text: await source.read() })));
      const changed = read.filter(({ source, text }) => texts.get(source.displayPath) !== text);
      inputs = changed.map(({ source, text }) => ({ ...source, read: () => Promise.resolve(text) }));
      const now = new Set(found.map((s) => s.displayPath));
      for (const file of order) {
        if (!now.has(file)) {
          const last = results.get(file);
          if (last) gone.set(file, last);
          results.delete(file);
          texts.delete(file);
          head.push(`${file}: deleted; watching for it to come back`);
        }
      }
      order = found.map((s) => s.displayPath);
      listen(found.map((s) => s.path));
      if (inputs.length > 0) {
        const outcome = await setup.lint(inputs);
        lastOutcome = outcome;
        for (const result of outcome.results) {
          const before = results.get(result.filePath) ?? gone.get(result.filePath);
          if (!first) head.push(...changeLines(result.filePath, before, result));
          gone.delete(result.filePath);
          results.set(result.filePath, result);
          const text = outcome.sources.get(result.filePath);
          if (text !== undefined) texts.set(result.filePath, text);
        }
        await setup.after?.(outcome, inputs);
      }
      if (!first && head.length === 0) return; // a save that changed nothing (touch, same text)
    } catch (error) {
      show(head, await setup.describe(error));
      return;
    }
    const shown = order.map((file) => results.get(file)).filter((r): r is LintResult => r !== undefined);
    const body = lastOutcome && shown.length ? setup.render(shown, lastOutcome) : `No answers to lint in ${setup.patterns.join(' ')} yet; waiting.`;
    show(head, body || `${shown.length === 1 ? 'The answer has' : `${shown.length} answers have`} no problems.`);
  };

  const kick = (first = false) => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce(first).finally(() => {
      running = undefined;
      if (again) {
        again = false;
        kick();
      }
    });
  };

  function schedule() {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      kick();
    }, debounceMs);
  }

  return new Promise<number>((resolve) => {
    const stdin = io.stdin as NodeJS.ReadStream;
    const raw = tty && stdin.isTTY && typeof stdin.setRawMode === 'function';
    const onKey = (chunk: Buffer | string) => {
      const key = String(chunk);
      if (key === 'q' || key === 'Q' || key === '\u0003') stop();
    };
    const onSignal = () => stop();
    const stop = () => {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers = new Map();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (raw) {
        stdin.off('data', onKey);
        stdin.setRawMode(false);
        stdin.pause();
      }
      void Promise.resolve(running).then(() => resolve(0));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    if (raw) {
      stdin.setRawMode(true);
      stdin.resume();
      stdin.on('data', onKey);
    }
    kick(true);
  });
}
