/**
 * One lint run over several inputs (files or stdin): configure all of them first, then read and
 * lint each in order. Shared by `lintFiles` and the CLI so both behave the same.
 */
import { configureFiles } from './config/configure.js';
import type { RuleEntry } from './config/types.js';
import { lintTextSync } from './api.js';
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
}

export interface RunOutcome {
  results: LintResult[];
  rulesMeta: Map<string, RuleMeta<string, unknown>>;
}

/** Lint one text; a crashing rule surfaces as a RuleError naming the rule and the file. */
function lintSource(text: string, source: LintSource, config: ResolvedConfig): LintResult {
  // The engine's RuleError already names the rule and this file.
  return lintTextSync(text, { filePath: source.displayPath, config });
}

export async function runLint(sources: readonly LintSource[], options: RunOptions): Promise<RunOutcome> {
  const run = await configureFiles(
    sources.map((s) => s.path),
    { cwd: options.cwd, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}), ...(options.rules ? { cliRules: options.rules } : {}) },
  );
  const results: LintResult[] = [];
  for (const source of sources) {
    const text = await source.read();
    results.push(lintSource(text, source, run.configFor(source.path)));
  }
  return { results, rulesMeta: run.rulesMeta };
}
