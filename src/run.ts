/**
 * One lint run over several inputs (files or stdin): configure all of them first, then read and
 * lint each in order. Shared by `lintFiles` and the CLI so both behave the same.
 */
import { configureFiles, type ConfiguredRun } from './config/configure.js';
import type { RuleEntry } from './config/types.js';
import { lintTextSync } from './api.js';
import { RuleError } from './engine/lint.js';
import type { LintResult, ResolvedConfig } from './engine/types.js';
import type { RuleMeta } from './rule.js';

export interface LintSource {
  /** Absolute path: where configuration is searched from and what overrides match. */
  path: string;
  /** Shown in results. */
  displayPath: string;
  /** The answer's text; called only after every configuration is validated. */
  read(): Promise<string>;
}

export interface RunOptions {
  cwd: string;
  configFile?: string;
  rules?: Record<string, RuleEntry>;
  /** Report disable directives that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
}

export interface RunOutcome {
  results: LintResult[];
  rulesMeta: Map<string, RuleMeta<string, unknown>>;
  /** Each linted text by its result's `filePath` (SARIF fingerprints hash its lines). */
  sources: Map<string, string>;
}

/**
 * Lint one text; a crashing rule surfaces as a RuleError naming the rule and the file (the engine
 * does that) and, for a plugin's rule, the plugin and the configuration that loaded it.
 */
function lintSource(text: string, source: LintSource, config: ResolvedConfig, run: ConfiguredRun, options: RunOptions): LintResult {
  try {
    return lintTextSync(text, { filePath: source.displayPath, config, ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}) });
  } catch (error) {
    const plugin = error instanceof RuleError ? run.pluginOf(error.ruleId) : undefined;
    if (error instanceof RuleError && plugin) {
      throw new RuleError(error.ruleId, `from ${plugin} ${error.detail}`, { cause: error.cause ?? error, ...(error.filePath !== undefined ? { filePath: error.filePath } : {}) });
    }
    throw error;
  }
}

export async function runLint(sources: readonly LintSource[], options: RunOptions): Promise<RunOutcome> {
  const run = await configureFiles(
    sources.map((s) => s.path),
    { cwd: options.cwd, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}), ...(options.rules ? { cliRules: options.rules } : {}) },
  );
  const results: LintResult[] = [];
  const texts = new Map<string, string>();
  for (const source of sources) {
    const text = await source.read();
    texts.set(source.displayPath, text);
    results.push(lintSource(text, source, run.configFor(source.path), run, options));
  }
  return { results, rulesMeta: run.rulesMeta, sources: texts };
}
