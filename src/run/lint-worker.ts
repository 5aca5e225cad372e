/**
 * A worker thread of `--concurrency` (see parallel.ts): rebuilds each configuration the main
 * thread resolved (built-in rules, then the same plugins loaded from the same folder, with the same
 * settings), then lints the answers it is sent, one at a time in the order sent, and answers
 * with the result or the error as data. Each answer is linted under the run's deadline (budget.ts);
 * one that passes it is answered `overBudget`, and the thread goes on with the next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { builtinRules } from '../../rules/index.js';
import { loadPluginModules } from '../config/plugins.js';
import { lintMarkdown } from '../engine/lint.js';
import type { ResolvedConfig } from '../engine/types.js';
import { BudgetExceeded, withinTime } from './budget.js';
import { serializeError, type Reply, type Task, type WorkerSetup } from './parallel.js';
import type { AnyRule } from '../rule/types.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('lint-worker.js runs as a worker thread');

const ruleSets = new Map<number, Promise<Map<string, AnyRule>>>();
const configs = new Map<number, Promise<ResolvedConfig>>();

async function rulesOf(index: number): Promise<Map<string, AnyRule>> {
  const source = setup.sources[index];
  if (!source) throw new Error(`unknown rule source ${index}`);
  const plugins = await loadPluginModules({ directory: source.directory, displayPath: source.displayPath, config: { plugins: source.plugins } });
  return new Map([...builtinRules, ...plugins.flatMap((p) => p.rules)].map((rule) => [rule.id, rule]));
}

async function buildConfig(index: number): Promise<ResolvedConfig> {
  const wanted = setup.configs[index];
  if (!wanted) throw new Error(`unknown configuration ${index}`);
  let rules = ruleSets.get(wanted.source);
  if (!rules) ruleSets.set(wanted.source, (rules = rulesOf(wanted.source)));
  const loaded = await rules;
  const ids = wanted.settings.map(([id]) => id);
  // A plugin that exports other rules on a second import would lint with rules the main thread never validated.
  if (ids.length !== loaded.size || ids.some((id) => !loaded.has(id))) {
    throw new Error(`the plugins of ${setup.sources[wanted.source]?.displayPath} gave other rules in a worker thread (${[...loaded.keys()].join(', ')})`);
  }
  return { rules: new Map(ids.map((id) => [id, loaded.get(id) as AnyRule])), settings: new Map(wanted.settings) };
}

function configFor(index: number): Promise<ResolvedConfig> {
  let config = configs.get(index);
  if (!config) configs.set(index, (config = buildConfig(index)));
  return config;
}

/** Tasks are answered strictly in the order they arrive (the pool matches answers to tasks by order). */
let queue: Promise<void> = Promise.resolve();

port.on('message', (task: Task) => {
  queue = queue.then(async () => {
    let reply: Reply;
    try {
      const config = await configFor(task.config);
      const options = { filePath: task.displayPath, ...(setup.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}) };
      const result = withinTime(() => lintMarkdown(task.text, config, options), setup.budget, task.text.length);
      reply = { id: task.id, result };
    } catch (error) {
      reply = error instanceof BudgetExceeded ? { id: task.id, overBudget: 'time' } : { id: task.id, error: serializeError(error) };
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      // A result a plugin filled with something that cannot be copied (a function, say).
      port.postMessage({ id: task.id, error: serializeError(error) } satisfies Reply);
    }
  });
});
