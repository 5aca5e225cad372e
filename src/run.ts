/**
 * One lint run over several inputs (files or stdin): configure all of them first, then read and
 * lint each in order. Shared by `lintFiles` and the CLI so both behave the same.
 */
import { configureFiles } from './config/configure.js';
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
}

export interface RunOutcome {
  results: LintResult[];
  rulesMeta: Map<string, RuleMeta<string, unknown>>;
}

/** Lint one text, naming the file when a rule crashes (the engine only knows the rule). */
function lintSource(text: string, source: LintSource, config: ResolvedConfig): LintResult {
  try {
    return lintTextSync(text, { filePath: source.displayPath, config });
  } catch (error) {
    if (error instanceof RuleError) {
      const prefix = `rule "${error.ruleId}" `;
      const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
      throw new RuleError(error.ruleId, `${detail} while linting ${source.displayPath}`, { cause: error });
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
  for (const source of sources) {
    const text = await source.read();
    results.push(lintSource(text, source, run.configFor(source.path)));
  }
  return { results, rulesMeta: run.rulesMeta };
}
