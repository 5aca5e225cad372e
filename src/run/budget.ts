/**
 * The work budget of one file: a wall-clock deadline and a memory cap. Some Markdown makes the
 * parser slow or hungry (emphasis nested thousands deep, storms of setext underlines, huge tables);
 * a file over budget is abandoned with a fatal message naming the file and the likely cause, and
 * the run goes on with the other files, as ESLint goes on after a file it cannot parse.
 *
 * - Time: every lint runs inside `vm` with a `timeout`, on whichever thread lints it. Node's
 *   watchdog stops the JavaScript running on that thread when the deadline passes (parser and rules
 *   alike: they are synchronous), and the thread is free for the next file.
 * - Memory: a worker thread's heap has a cap (`resourceLimits`); a worker over it dies alone and
 *   is replaced. The main thread's heap cannot be capped once Node runs, so only answers up to
 *   MAIN_THREAD_MAX_CHARS are linted there: at that size the hungriest input we know (a table of
 *   many columns) stays far below the cap within the deadline (docs/performance.md). Larger ones
 *   go to a worker.
 */
import os from 'node:os';
import vm from 'node:vm';
import type { LintMessage, LintResult } from '../engine/types.js';
import { UsageError } from '../support/errors.js';

export interface Budget {
  /** Wall-clock milliseconds per file; 0 = no deadline. */
  timeoutMs: number;
  /**
   * More milliseconds per megabyte over the first, so that a large answer that is merely long (the
   * linter takes ~4 s per MB) is not cut off by a deadline meant for pathological ones. The default
   * budget has it; an explicit `--timeout` is exact.
   */
  perMegabyteMs?: number;
  /** Heap megabytes of the worker that lints a large file; 0 = no cap (and no worker needed for one). */
  maxMemoryMb: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 10;
/** What the default deadline adds per MB over the first: ~2.5 times what a plain answer needs. */
export const DEFAULT_SECONDS_PER_MEGABYTE = 10;

/** A quarter of the machine's memory, at most 4 GB: room for a 10 MB answer (~2 GB), well under the machine. */
export function defaultMaxMemoryMb(): number {
  return Math.min(4096, Math.floor(os.totalmem() / 4 / 1024 / 1024));
}

export function defaultBudget(): Budget {
  return { timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000, perMegabyteMs: DEFAULT_SECONDS_PER_MEGABYTE * 1000, maxMemoryMb: defaultMaxMemoryMb() };
}

/** The deadline for a text of `chars` characters, ms (0 = none). */
export function deadlineMs(budget: Budget, chars: number): number {
  if (!(budget.timeoutMs > 0)) return 0;
  const extraMegabytes = Math.max(0, chars / (1024 * 1024) - 1);
  return Math.round(budget.timeoutMs + (budget.perMegabyteMs ?? 0) * extraMegabytes);
}

/**
 * Answers up to this many characters are linted on the main thread (no worker to start). Real
 * answers are far smaller (the largest of 156 in eval/corpus: 63 kB).
 */
export const MAIN_THREAD_MAX_CHARS = 128 * 1024;

/** Whether this text must be linted where the memory cap holds (a worker thread). */
export function needsCappedHeap(text: string, budget: Budget): boolean {
  return budget.maxMemoryMb > 0 && text.length > MAIN_THREAD_MAX_CHARS;
}

/** `--timeout <seconds>`: a number >= 0 (0 = none). */
export function parseTimeout(value: string, option = '--timeout'): number {
  const text = value.trim();
  const seconds = Number(text);
  if (text === '' || !Number.isFinite(seconds) || seconds < 0) throw new UsageError(`Invalid ${option} "${value}", expected a number of seconds >= 0 (0 = no limit)`);
  return Math.round(seconds * 1000);
}

/** `--max-memory <MB>`: a whole number of megabytes >= 64 (0 = no cap). */
export function parseMaxMemory(value: string, option = '--max-memory'): number {
  const text = value.trim();
  const mb = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(mb) || (mb !== 0 && mb < 64)) throw new UsageError(`Invalid ${option} "${value}", expected a whole number of megabytes >= 64 (0 = no cap)`);
  return mb;
}

/** A file abandoned over its budget: `time` (the deadline passed) or `memory` (its worker hit the cap). */
export class BudgetExceeded extends Error {
  override name = 'BudgetExceeded';
  constructor(
    readonly limit: 'time' | 'memory',
    readonly budget: Budget,
    /** The deadline this text had, ms. */
    readonly deadline: number = budget.timeoutMs,
  ) {
    super(limit === 'time' ? `over the ${deadline} ms deadline` : `over the ${budget.maxMemoryMb} MB memory cap`);
  }
}

let context: vm.Context | undefined;
let script: vm.Script | undefined;

/**
 * `work()` on a text of `chars` characters, stopped with BudgetExceeded('time') when it runs past
 * its deadline (`deadlineMs`). What it was
 * doing is abandoned mid-way: it must keep its state in what it returns (a lint does: one Document
 * per call, memoised on itself).
 */
export function withinTime<T>(work: () => T, budget: Budget, chars: number): T {
  const deadline = deadlineMs(budget, chars);
  if (!(deadline > 0)) return work();
  context ??= vm.createContext(Object.create(null) as object);
  script ??= new vm.Script('work()', { filename: 'mlsd-lint-budget' });
  (context as { work?: () => T }).work = work;
  try {
    return script.runInContext(context, { timeout: deadline, breakOnSigint: false }) as T;
  } catch (error) {
    if ((error as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new BudgetExceeded('time', budget, deadline);
    throw error;
  } finally {
    (context as { work?: () => T }).work = undefined;
  }
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/**
 * What in `text` most likely ate the budget, from one linear pass: the constructs the parser is
 * slowest on, each counted against a level no real answer reaches. Undefined when none stands out.
 */
export function likelyCause(text: string): string | undefined {
  let emphasis = 0;
  let brackets = 0;
  let pipes = 0;
  let underlines = 0;
  let longest = 0;
  let lineStart = 0;
  let lineOnly = true;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code === 10 || code === 13) {
      if (lineOnly && i > lineStart) underlines++;
      longest = Math.max(longest, i - lineStart);
      lineStart = i + 1;
      lineOnly = true;
      continue;
    }
    if (code === 42 || code === 95 || code === 126) emphasis++; // * _ ~
    else if (code === 91 || code === 93) brackets++; // [ ]
    else if (code === 124) pipes++; // |
    if (code !== 61 && code !== 45 && code !== 32) lineOnly = false; // lines of = or -
  }
  const size = Math.max(1, text.length);
  const causes: Array<[number, string]> = [
    [emphasis / size / 0.05, 'deeply nested emphasis'],
    [brackets / size / 0.05, 'nested links or brackets'],
    [pipes / size / 0.1, 'a huge table'],
    [underlines / 2000, 'a storm of setext underlines or rules'],
    [longest / 200_000, 'a very long line'],
  ];
  const [score, cause] = causes.reduce((best, next) => (next[0] > best[0] ? next : best));
  return score >= 1 ? cause : undefined;
}

/** The one line that says why a file was abandoned (also the text of its fatal message). */
export function budgetMessage(exceeded: BudgetExceeded, text: string): string {
  const cause = likelyCause(text);
  const why = cause ? ` (${cause}?)` : '';
  return exceeded.limit === 'time'
    ? `gave up after ${seconds(exceeded.deadline)}${why}; raise --timeout to wait longer`
    : `gave up at the ${exceeded.budget.maxMemoryMb} MB memory cap${why}; raise --max-memory to allow more`;
}

/**
 * The result of a file abandoned over its budget: nothing judged, one fatal error at 1:1 (the way
 * ESLint reports a file it could not parse), no score.
 */
export function budgetResult(filePath: string, exceeded: BudgetExceeded, text: string): LintResult {
  const message: LintMessage = { ruleId: null, fatal: true, severity: 2, message: budgetMessage(exceeded, text), line: 1, column: 1 };
  return { filePath, score: 0, signals: [], messages: [message], errorCount: 1, warningCount: 0, fatalErrorCount: 1 };
}
