/**
 * Linting on worker threads (`--concurrency`). Imported only when a run uses workers.
 *
 * The main thread has already loaded and validated every configuration; it reads every file and
 * hands it out, and the workers lint. (A worker's young generation can be sized, the main thread's
 * cannot once Node runs, and the parser makes so much short-lived garbage that a worker with a
 * larger one lints 1,000 answers faster than the main thread and a worker together: docs/cli.md.) A worker gets each configuration once (the rule settings as
 * resolved, and the plugin list, which it loads again from the same folder), then answers, and
 * sends back each one's result or error. Errors cross the thread boundary as plain data and are
 * rebuilt here with the same class and message, so a crashed rule reads the same with or without
 * workers. A worker that stops without answering (a plugin calling `process.exit`) fails the answer
 * it was linting.
 *
 * The work budget (budget.ts) holds here too: a worker lints each answer under the deadline and
 * answers `overBudget` when it passes; its heap is capped (`resourceLimits`), and a worker over the
 * cap dies alone: its answer is over budget, a new worker takes its place and the answers it had
 * queued.
 */
import { Worker } from 'node:worker_threads';
import type { RulesSource } from '../config/configure.js';
import { ConfigError, InputError } from '../support/errors.js';
import { RuleError } from '../rule/run.js';
import type { LintResult, ResolvedConfig, RuleSetting } from '../engine/types.js';
import type { Budget } from './budget.js';
import { WorkerError } from '../support/errors.js';

/** One configuration as a worker rebuilds it: which plugin set, and every rule's setting in order. */
export interface WorkerConfig {
  source: number;
  settings: Array<[string, RuleSetting]>;
}

/** Sent once to every worker (`workerData`). */
export interface WorkerSetup {
  sources: Array<{ directory: string; displayPath: string; plugins: string[] }>;
  configs: WorkerConfig[];
  reportUnusedDisableDirectives: boolean;
  /** The work budget per answer: its deadline, and the heap cap of each worker (budget.ts). */
  budget: Budget;
}

export interface Task {
  id: number;
  text: string;
  displayPath: string;
  config: number;
  /** Too large for the main thread (no heap cap there): only a worker lints it. */
  capped?: boolean;
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  ruleId?: string;
  detail?: string;
  filePath?: string;
  cause?: SerializedError;
}

export type Reply = { id: number; result: LintResult } | { id: number; error: SerializedError } | { id: number; overBudget: 'time' };

/** An error as data that survives `postMessage` (a thrown non-Error becomes its string). */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const data: SerializedError = { name: error.name, message: error.message };
  if (error.stack !== undefined) data.stack = error.stack;
  if (error instanceof RuleError) {
    data.ruleId = error.ruleId;
    data.detail = error.detail;
    if (error.filePath !== undefined) data.filePath = error.filePath;
  }
  if (error instanceof InputError) data.filePath = error.filePath;
  if (error.cause !== undefined && depth < 5) data.cause = serializeError(error.cause, depth + 1);
  return data;
}

/** The error a serialized one stands for, with its class, message and the worker's stack. */
export function reviveError(data: SerializedError): Error {
  const cause = data.cause ? { cause: reviveError(data.cause) } : {};
  let error: Error;
  if (data.name === 'RuleError' && data.ruleId !== undefined && data.detail !== undefined) {
    error = new RuleError(data.ruleId, data.detail, { ...cause, ...(data.filePath !== undefined ? { filePath: data.filePath } : {}) });
  } else if (data.name === 'ConfigError') {
    error = new ConfigError(data.message, cause);
  } else if (data.name === 'InputError' && data.filePath !== undefined) {
    // A document the worker refused (nested too deep, too many table cells): the same one-line error as on this thread.
    error = new InputError(data.filePath, '', cause);
    error.message = data.message;
  } else {
    error = new Error(data.message, cause);
    error.name = data.name;
  }
  if (data.stack !== undefined) error.stack = data.stack;
  return error;
}

/** The worker module: beside this one when built; the build's copy when running from source (tests). */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/src/run/lint-worker.js', import.meta.url) : new URL('./lint-worker.js', import.meta.url);
}

/** Turns the run's configurations into what workers need, numbering each configuration once. */
export class SetupBuilder {
  private readonly sources = new Map<RulesSource, number>();
  private readonly configs = new Map<ResolvedConfig, number>();
  readonly setup: WorkerSetup;

  constructor(reportUnusedDisableDirectives: boolean, budget: Budget) {
    this.setup = { sources: [], configs: [], reportUnusedDisableDirectives, budget };
  }

  /** The number a task uses for this configuration. */
  add(config: ResolvedConfig, source: RulesSource): number {
    let index = this.configs.get(config);
    if (index !== undefined) return index;
    let sourceIndex = this.sources.get(source);
    if (sourceIndex === undefined) {
      sourceIndex = this.setup.sources.length;
      this.setup.sources.push({ directory: source.directory, displayPath: source.displayPath, plugins: source.plugins.map((p) => p.specifier) });
      this.sources.set(source, sourceIndex);
    }
    index = this.setup.configs.length;
    this.setup.configs.push({ source: sourceIndex, settings: [...config.rules.keys()].map((id) => [id, config.settings.get(id) ?? { severity: 0, options: {} }]) });
    this.configs.set(config, index);
    return index;
  }
}

export interface PoolCallbacks {
  result(id: number, result: LintResult): void;
  error(id: number, error: Error): void;
  /** The answer went over its deadline (the worker said so) or its worker's heap cap (the worker died of it). */
  overBudget(id: number, limit: 'time' | 'memory'): void;
  /** The lowest failed id so far: jobs above it are not started. */
  failedAt(): number;
}

/** Jobs sent to a worker ahead of time, so it never waits for the next one. */
const IN_FLIGHT = 2;

/**
 * A worker's young generation, MB (V8's default for these workers is about 48). Parsing an answer
 * makes ~10 MB of short-lived objects (micromark's events and tokens); with the default, many of
 * them live through a scavenge and are copied to the old generation, whose collections then cost
 * more. 64 MB lints 1,000 answers in less time for about the same peak memory (docs/cli.md,
 * Parallel runs).
 */
export const WORKER_YOUNG_GENERATION_MB = 64;

interface Slot {
  worker: Worker;
  /** Sent and not answered yet, in order: the first is the one being linted. */
  jobs: Task[];
  /** The last job it finished, to name when it dies between jobs. */
  last: Task | undefined;
  /** An uncaught error reported just before the thread exits. */
  crash: Error | undefined;
  stopped: boolean;
}

/**
 * Worker threads linting from one queue in submission order (so the first failure in argument
 * order is known once every earlier job is done), fed as jobs arrive.
 */
export class LintPool {
  private slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly pending = new Set<number>();
  private waiters: Array<() => void> = [];
  private terminating = false;

  constructor(
    workers: number,
    private readonly setup: WorkerSetup,
    private readonly callbacks: PoolCallbacks,
  ) {
    for (let i = 0; i < workers; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const setup = this.setup;
    // `stdout: true`: what a plugin prints in the thread is not the parent's stdout, which carries
    // the report (or an editor's protocol); it goes to stderr.
    const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...(setup.budget.maxMemoryMb > 0 ? { maxOldGenerationSizeMb: setup.budget.maxMemoryMb } : {}) };
    const worker = new Worker(workerUrl(), { workerData: setup, stdout: true, resourceLimits });
    worker.stdout.pipe(process.stderr, { end: false });
    const slot: Slot = { worker, jobs: [], last: undefined, crash: undefined, stopped: false };
    worker.on('message', (reply: Reply) => this.answer(slot, reply));
    worker.on('error', (error) => {
      slot.crash = error;
    });
    worker.on('messageerror', (error) => {
      slot.crash = error;
    });
    worker.on('exit', (code) => {
      slot.stopped = true;
      if (this.terminating) return;
      if ((slot.crash as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY' && slot.jobs[0]) {
        this.replace(slot);
        return;
      }
      // Jobs sent after the one it was linting never started; they come after it in argument order, so
      // its failure makes them irrelevant. Between jobs, blame the last file it linted.
      const job = slot.jobs[0] ?? slot.last;
      const doing = slot.jobs.length ? 'linting it' : 'that had just linted it';
      for (const dropped of slot.jobs.slice(1)) this.pending.delete(dropped.id);
      slot.jobs = [];
      if (job) {
        const why = slot.crash ? `crashed: ${slot.crash.message.split('\n')[0]}` : `stopped unexpectedly (exit code ${code})`;
        this.fail(job, new WorkerError(`${job.displayPath}: the worker thread ${doing} ${why}`, slot.crash ? { cause: slot.crash } : undefined));
      }
      this.next();
    });
    return slot;
  }

  /**
   * A worker died over its heap cap: the answer it was linting is over budget; the ones queued
   * behind it go back to the front of the queue, and a new worker takes its place.
   */
  private replace(slot: Slot): void {
    const [job, ...queued] = slot.jobs;
    slot.jobs = [];
    this.queue.unshift(...queued);
    this.slots = this.slots.map((s) => (s === slot ? this.spawn() : s));
    if (job) {
      this.pending.delete(job.id);
      this.callbacks.overBudget(job.id, 'memory');
    }
    this.next();
  }

  private fail(job: Task, error: Error): void {
    this.pending.delete(job.id);
    this.callbacks.error(job.id, error);
    this.settle();
  }

  private answer(slot: Slot, reply: Reply): void {
    const job = slot.jobs[0];
    if (!job || job.id !== reply.id) return;
    slot.jobs.shift();
    slot.last = job;
    this.pending.delete(job.id);
    if ('result' in reply) this.callbacks.result(job.id, reply.result);
    else if ('overBudget' in reply) this.callbacks.overBudget(job.id, reply.overBudget);
    else this.callbacks.error(job.id, reviveError(reply.error));
    this.next();
    this.settle();
  }

  /** Queue an answer; a worker with room takes it at once. */
  submit(job: Task): void {
    this.queue.push(job);
    this.pending.add(job.id);
    this.next();
  }

  /** The next job worth starting: nothing after the first failure can change the outcome. */
  private take(): Task | undefined {
    const failedAt = this.callbacks.failedAt();
    while (this.queue.length && (this.queue[0] as Task).id > failedAt) this.pending.delete((this.queue.shift() as Task).id);
    return this.queue.shift();
  }

  private next(): void {
    for (let round = 0; round < IN_FLIGHT; round++) {
      for (const slot of this.slots) {
        if (slot.stopped || slot.jobs.length > round) continue;
        const job = this.take();
        if (!job) return this.settle();
        slot.jobs.push(job);
        slot.worker.postMessage(job);
      }
    }
    this.settle();
  }

  private done(): boolean {
    const failedAt = this.callbacks.failedAt();
    for (const id of this.pending) if (id < failedAt) return false;
    return true;
  }

  private settle(): void {
    if (!this.done()) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves when every job is done, or every job before the first failure. */
  async drain(): Promise<void> {
    this.next();
    if (!this.done()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Stop every worker (one still linting a job that no longer matters included). */
  async close(): Promise<void> {
    this.terminating = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
