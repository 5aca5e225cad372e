/**
 * One text under the work budget, for `lintText`: on this thread under the deadline, or, when the
 * text is too large for a thread without a heap cap, on one worker thread that has the cap. A
 * configuration whose rules a worker cannot rebuild (rule objects that are not built in) stays on
 * this thread, under the deadline only.
 */
import { builtinRules } from '../../rules/index.js';
import type { RulesSource } from '../config/configure.js';
import { lintMarkdown, type LintMarkdownOptions } from '../engine/lint.js';
import type { LintResult, ResolvedConfig } from '../engine/types.js';
import { budgetResult, BudgetExceeded, deadlineMs, needsCappedHeap, withinTime, type Budget } from './budget.js';

/** Whether every rule of `config` is a built-in one, so a worker can rebuild the configuration. */
function builtinOnly(config: ResolvedConfig): boolean {
  if (config.components) return false;
  const builtins = new Set(builtinRules);
  for (const rule of config.rules.values()) if (!builtins.has(rule)) return false;
  return true;
}

export async function lintOneText(text: string, config: ResolvedConfig, options: LintMarkdownOptions, budget: Budget): Promise<LintResult> {
  const filePath = options.filePath ?? '<text>';
  if (!needsCappedHeap(text, budget) || !builtinOnly(config)) {
    try {
      return withinTime(() => lintMarkdown(text, config, options), budget, text.length);
    } catch (error) {
      if (error instanceof BudgetExceeded) return budgetResult(filePath, error, text);
      throw error;
    }
  }
  const { LintPool, SetupBuilder } = await import('./parallel.js');
  const setup = new SetupBuilder(options.reportUnusedDisableDirectives === true, budget);
  const source: RulesSource = { directory: process.cwd(), displayPath: '', plugins: [] };
  // Before the worker starts: it gets the configurations once, when it is created.
  const configIndex = setup.add(config, source);
  let outcome: { result: LintResult } | { error: Error } | undefined;
  const pool = new LintPool(1, setup.setup, {
    result: (_id, result) => (outcome = { result }),
    error: (_id, error) => (outcome = { error }),
    overBudget: (_id, limit) => (outcome = { result: budgetResult(filePath, new BudgetExceeded(limit, budget, deadlineMs(budget, text.length)), text) }),
    failedAt: () => Infinity,
  });
  try {
    pool.submit({ id: 0, text, displayPath: filePath, config: configIndex, capped: true });
    await pool.drain();
  } finally {
    await pool.close();
  }
  if (!outcome) throw new Error(`${filePath}: the worker thread gave no answer`);
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}
