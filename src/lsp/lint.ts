/**
 * The language server's linting: the CLI's configuration discovery from the document's own folder
 * (src/config/configure.ts, so presets, overrides, plugins and rule severities apply as they do to
 * a file on the command line), and the lint itself on a worker thread under the work budget
 * (src/run/parallel.ts and budget.ts, the machinery `--concurrency` and `--timeout` use).
 *
 * Never on the server's own thread: `withinTime` would stop a runaway lint there too, but the
 * thread would answer nothing (no hover, no cancel) until the deadline. On a worker, a document
 * over its deadline is answered `overBudget` while the server goes on; one over the heap cap takes
 * its worker down alone, and the pool starts another.
 *
 * A pool's configurations are fixed when it starts (workers get them once, as `workerData`), so
 * there is one pool per distinct configuration, the few used last kept warm.
 */
import { builtinRules } from '../../rules/index.js';
import { configureFiles } from '../config/configure.js';
import type { LintResult } from '../engine/types.js';
import type { RuleMeta } from '../rule/types.js';
import { budgetResult, BudgetExceeded, deadlineMs, type Budget } from '../run/budget.js';
import { LintPool, SetupBuilder, type Task } from '../run/parallel.js';
import { WorkerError } from '../support/errors.js';

export interface LintOutcome {
  result: LintResult;
  rulesMeta: ReadonlyMap<string, RuleMeta<string, unknown>>;
}

interface Waiting {
  task: Task;
  resolve(result: LintResult): void;
  reject(error: Error): void;
}

interface PoolEntry {
  pool: LintPool;
  waiting: Map<number, Waiting>;
}

/** Pools kept with their worker started: a workspace rarely has more configurations than this open at once. */
const WARM_POOLS = 3;

export class WorkerLinter {
  private readonly pools = new Map<string, PoolEntry>();
  private nextId = 0;

  constructor(
    private readonly cwd: string,
    private readonly budget: Budget,
  ) {}

  /**
   * Lint `text` as the file `filePath` (absolute: configuration is searched from its folder).
   * Rejects with the CLI's one-line errors: ConfigError (a broken configuration), InputError (a
   * document refused before parsing), RuleError (a rule crashed), WorkerError.
   */
  async lint(text: string, filePath: string, displayPath: string): Promise<LintOutcome> {
    const run = await configureFiles([filePath], { cwd: this.cwd, builtinRules });
    const setup = new SetupBuilder(false, this.budget);
    const config = setup.add(run.configFor(filePath), run.rulesSourceOf(filePath));
    // Only the server's workers lint (`capped`): its own thread stays free for the editor.
    const task: Task = { id: this.nextId++, text, displayPath, config, capped: true };
    const result = await new Promise<LintResult>((resolve, reject) => this.submit(JSON.stringify(setup.setup), setup, { task, resolve, reject }));
    return { result, rulesMeta: run.rulesMeta };
  }

  private submit(key: string, setup: SetupBuilder, job: Waiting): void {
    let entry = this.pools.get(key);
    if (entry) this.pools.delete(key);
    else entry = this.start(key, setup);
    // Most recently used last.
    this.pools.set(key, entry);
    entry.waiting.set(job.task.id, job);
    entry.pool.submit(job.task);
    this.trim();
  }

  private start(key: string, setup: SetupBuilder): PoolEntry {
    const waiting = new Map<number, Waiting>();
    const take = (id: number): Waiting | undefined => {
      const job = waiting.get(id);
      waiting.delete(id);
      return job;
    };
    const entry: PoolEntry = {
      waiting,
      pool: new LintPool(1, setup.setup, {
        result: (id, result) => take(id)?.resolve(result),
        overBudget: (id, limit) => {
          const job = take(id);
          job?.resolve(budgetResult(job.task.displayPath, new BudgetExceeded(limit, this.budget, deadlineMs(this.budget, job.task.text.length)), job.task.text));
        },
        error: (id, error) => {
          take(id)?.reject(error);
          // A worker that died without answering leaves its pool without a thread: start afresh,
          // and the documents queued behind the one it was linting go to the new pool.
          if (error instanceof WorkerError) this.restart(key, setup, entry);
        },
        failedAt: () => Infinity,
      }),
    };
    return entry;
  }

  private restart(key: string, setup: SetupBuilder, dead: PoolEntry): void {
    if (this.pools.get(key) === dead) this.pools.delete(key);
    void dead.pool.close();
    for (const job of dead.waiting.values()) this.submit(key, setup, job);
    dead.waiting.clear();
  }

  /** Stop the least recently used idle pools over WARM_POOLS. */
  private trim(): void {
    for (const [key, entry] of this.pools) {
      if (this.pools.size <= WARM_POOLS) return;
      if (entry.waiting.size > 0) continue;
      this.pools.delete(key);
      void entry.pool.close();
    }
  }

  async close(): Promise<void> {
    const entries = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(entries.map((entry) => entry.pool.close()));
  }
}
