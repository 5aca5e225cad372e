import type { LintResult } from '../engine/types.js';
import type { RuleMeta } from '../rule.js';

export interface FormatterContext {
  /** The working directory, for formatters that show or resolve paths. */
  cwd: string;
  /** Whether to use ANSI colours (decided by the CLI: TTY, NO_COLOR, FORCE_COLOR, --color). */
  color: boolean;
  /** Every rule of the run by id (built-in and plugins), for signal titles and rule kinds. */
  rulesMeta: ReadonlyMap<string, RuleMeta<string, unknown>>;
  /** Terminal width for wrapping (default 80). */
  width?: number;
  /** mlsd-lint's version, for formats that name the tool (SARIF). */
  version?: string;
  /** The text of a linted file by its `filePath`, when the caller kept it (SARIF fingerprints). */
  sourceText?: (filePath: string) => string | undefined;
}

/** A pure function: results in, the text for stdout out. It never prints or reads anything. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
