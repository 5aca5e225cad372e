/**
 * One lint run over several inputs (files or stdin): configure all of them first, then read each
 * in order and lint what the cache does not already know, on this thread or on worker threads.
 * Shared by `lintFiles` and the CLI so both behave the same.
 *
 * Whatever runs where, the outcome is the one a plain loop over the inputs would give: results in
 * input order and, when something fails, the failure of the earliest input in that order (its
 * read error, or its crashed rule), nothing after it read or reported.
 */
import os from 'node:os';
import { builtinRules } from '../../rules/index.js';
import { configureFiles, type ConfiguredRun, type RulesSource } from '../config/configure.js';
import type { RuleEntry } from '../config/types.js';
import { lintMarkdown } from '../engine/lint.js';
import { RuleError } from '../rule/run.js';
import type { LintResult, ResolvedConfig } from '../engine/types.js';
import type { RuleMeta } from '../rule/types.js';
import type { LintCache } from './cache.js';
import type { Concurrency } from './concurrency.js';
import type { LintPool, SetupBuilder } from './parallel.js';
import { budgetResult, BudgetExceeded, deadlineMs, defaultBudget, needsCappedHeap, withinTime, type Budget } from './budget.js';

export interface LintSource {
  /** Absolute path: where configuration is searched from and what overrides match. */
  path: string;
  /** Shown in results. */
  displayPath: string;
  /** The answer's text; called only after every configuration is validated. */
  read(): Promise<string>;
  /** A file whose result may be cached under `path` (not stdin). */
  cacheable?: boolean;
}

export type { Concurrency } from './concurrency.js';

export interface RunOptions {
  cwd: string;
  configFile?: string;
  rules?: Record<string, RuleEntry>;
  /** Report disable directives that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Reuse and store results in this cache file (absolute path; see cache.ts). */
  cacheFile?: string;
  /** Default `off`. */
  concurrency?: Concurrency;
  /** A problem that does not stop the run (the cache could not be written). */
  warn?: (message: string) => void;
  /** The work budget per file (default: `defaultBudget()`, 10 s and a quarter of the machine's memory). */
  budget?: Budget;
}

export interface RunOutcome {
  results: LintResult[];
  rulesMeta: Map<string, RuleMeta<string, unknown>>;
  /** Each linted text by its result's `filePath` (SARIF fingerprints hash its lines). */
  sources: Map<string, string>;
}

/**
 * `auto` starts worker threads once the answers waiting to be linted add up to enough work to pay
 * for them. Work is estimated in characters: an answer costs ~3 ms plus ~4 µs per character on one
 * thread (measured), so it counts as its length plus AUTO_FILE_COST. AUTO_MIN_WORK is ~3 s of
 * linting on one thread: about 75 answers of ~1,500 words, or 1,000 one-paragraph ones. Below it, a
 * worker (~0.4 s to start, then cold code to warm up) did not pay on the 2-core machine measured
 * (docs/cli.md, Parallel runs).
 */
export const AUTO_FILE_COST = 750;
export const AUTO_MIN_WORK = 750_000;

/** A crashed plugin rule names the plugin and the configuration that loaded it. */
function withPlugin(error: unknown, run: ConfiguredRun): unknown {
  const plugin = error instanceof RuleError ? run.pluginOf(error.ruleId) : undefined;
  if (error instanceof RuleError && plugin) {
    return new RuleError(error.ruleId, `from ${plugin} ${error.detail}`, { cause: error.cause ?? error, ...(error.filePath !== undefined ? { filePath: error.filePath } : {}) });
  }
  return error;
}

/**
 * Lint one text; a crashing rule surfaces as a RuleError naming the rule and the file (the engine
 * does that) and, for a plugin's rule, the plugin and the configuration that loaded it.
 */
function lintSource(text: string, source: LintSource, config: ResolvedConfig, run: ConfiguredRun, options: RunOptions, budget: Budget): LintResult {
  try {
    return withinTime(() => lintMarkdown(text, config, { filePath: source.displayPath, ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}) }), budget, text.length);
  } catch (error) {
    if (error instanceof BudgetExceeded) throw error;
    throw withPlugin(error, run);
  }
}

interface Job {
  index: number;
  source: LintSource;
  text: string;
  config: ResolvedConfig;
  rulesSource: RulesSource;
  /** Cache key and content hash, when the result is to be stored. */
  cache?: { key: string; content: string };
  /** Too large for this thread, whose heap has no cap: a worker lints it. */
  capped?: boolean;
}

/**
 * How many worker threads to start with `queued` answers waiting (`work`: their estimated cost) and
 * up to `more` to come; 0 = none yet (the main thread lints alone). With workers, the main thread
 * only reads and hands out, so `n` threads are `n` workers, and there are never more threads than
 * answers.
 */
function workersFor(concurrency: Concurrency, queued: number, work: number, more: number): number {
  if (concurrency === 'off' || queued === 0) return 0;
  if (concurrency === 'auto' && work < AUTO_MIN_WORK) return 0;
  const threads = Math.min(concurrency === 'auto' ? os.availableParallelism() : concurrency, queued + more);
  return threads > 1 ? threads : 0;
}

export async function runLint(sources: readonly LintSource[], options: RunOptions): Promise<RunOutcome> {
  const run = await configureFiles(
    sources.map((s) => s.path),
    { cwd: options.cwd, builtinRules, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}), ...(options.rules ? { cliRules: options.rules } : {}) },
  );
  const configs = sources.map((s) => run.configFor(s.path));
  const concurrency = options.concurrency ?? 'off';
  // Imported only when used: a plain run does not load the cache or the worker code.
  const caching = options.cacheFile !== undefined ? await import('./cache.js') : undefined;
  const cache: LintCache | undefined = caching && options.cacheFile !== undefined ? await caching.LintCache.open(options.cacheFile) : undefined;
  const keyOptions = { reportUnusedDisableDirectives: options.reportUnusedDisableDirectives === true };
  const budget = options.budget ?? defaultBudget();
  // Plugins' extra components cannot cross to a worker; such a run stays on this thread (under the deadline only).
  const onThisThread = configs.some((c) => c.components);

  const results: LintResult[] = new Array<LintResult>(sources.length);
  const texts = new Map<string, string>();
  let failure: { index: number; error: unknown } | undefined;
  const fail = (index: number, error: unknown) => {
    if (!failure || index < failure.index) failure = { index, error };
  };
  const failedAt = () => failure?.index ?? Infinity;
  const jobs = new Map<number, Job>();
  const finish = (job: Job, result: LintResult) => {
    results[job.index] = result;
    if (cache && job.cache) cache.set(job.source.path, job.cache.key, job.cache.content, result);
  };
  /** A job over its budget: a fatal result, never cached, and the run goes on. */
  const overBudget = (job: Job, exceeded: BudgetExceeded) => {
    results[job.index] = budgetResult(job.source.displayPath, exceeded, job.text);
  };
  /** Lint a job on this thread, recording its result or its failure. */
  const lintHere = (job: Job) => {
    try {
      finish(job, lintSource(job.text, job.source, job.config, run, options, budget));
    } catch (error) {
      if (error instanceof BudgetExceeded) overBudget(job, error);
      else fail(job.index, error);
    }
  };

  let queue: Job[] = [];
  let work = 0;
  let pool: { pool: LintPool; setup: SetupBuilder } | undefined;
  const submit = (job: Job) => {
    if (!pool) return;
    jobs.set(job.index, job);
    pool.pool.submit({ id: job.index, text: job.text, displayPath: job.source.displayPath, config: pool.setup.add(job.config, job.rulesSource), ...(job.capped ? { capped: true } : {}) });
  };

  try {
    for (let i = 0; i < sources.length && failedAt() > i; i++) {
      const source = sources[i] as LintSource;
      const config = configs[i] as ResolvedConfig;
      let text: string;
      try {
        text = await source.read();
      } catch (error) {
        fail(i, error);
        break;
      }
      texts.set(source.displayPath, text);
      const job: Job = { index: i, source, text, config, rulesSource: run.rulesSourceOf(source.path), ...(!onThisThread && needsCappedHeap(text, budget) ? { capped: true } : {}) };
      // Extra components (not from configuration files today) are not part of the key: not cached.
      if (cache && caching && source.cacheable && !config.components) {
        const key = await cache.keyFor(config, job.rulesSource, source.displayPath, keyOptions);
        const content = caching.hashText(text);
        const hit = cache.get(source.path, key, content);
        if (hit) {
          results[i] = hit;
          continue;
        }
        job.cache = { key, content };
      }
      if (pool) {
        submit(job);
        continue;
      }
      queue.push(job);
      work += text.length + AUTO_FILE_COST;
      // A capped job needs a worker whatever the concurrency.
      const size = onThisThread ? 0 : Math.max(job.capped ? 1 : 0, workersFor(concurrency, queue.length, work, sources.length - i - 1));
      if (size > 0) {
        const { LintPool, SetupBuilder } = await import('./parallel.js');
        const setup = new SetupBuilder(keyOptions.reportUnusedDisableDirectives, budget);
        // Every configuration goes to the workers up front, so none waits for one later.
        sources.forEach((s, j) => setup.add(configs[j] as ResolvedConfig, run.rulesSourceOf(s.path)));
        pool = {
          setup,
          pool: new LintPool(size, setup.setup, {
            result: (id, result) => finish(jobs.get(id) as Job, result),
            error: (id, error) => fail(id, withPlugin(error, run)),
            overBudget: (id, limit) => {
              const job = jobs.get(id) as Job;
              overBudget(job, new BudgetExceeded(limit, budget, deadlineMs(budget, job.text.length)));
            },
            failedAt,
          }),
        };
        for (const waiting of queue) submit(waiting);
        queue = [];
      }
    }
    if (pool) await pool.pool.drain();
    for (const job of queue) {
      if (failedAt() < job.index) break;
      lintHere(job);
    }
  } finally {
    await pool?.pool.close();
  }
  if (failure) throw failure.error;
  const problem = await cache?.save();
  if (problem) options.warn?.(problem);
  return { results, rulesMeta: run.rulesMeta, sources: texts };
}
