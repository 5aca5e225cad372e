export type SeverityInput = 'off' | 'warn' | 'error' | 0 | 1 | 2;

/** A rule entry in configuration: a severity, or a severity with options. */
export type RuleEntry = SeverityInput | [SeverityInput] | [SeverityInput, Record<string, unknown>];

export interface OverrideConfig {
  /** Glob(s) relative to the config file's folder (or the working directory). */
  files: string | string[];
  rules?: Record<string, RuleEntry>;
}

/** What a user writes in `.mlsd-lintrc` and friends. */
export interface UserConfig {
  /** A preset (`recommended`, `strict`) or several, applied in order. */
  extends?: string | string[];
  rules?: Record<string, RuleEntry>;
  /** Rule modules: local files or npm packages. */
  plugins?: string[];
  overrides?: OverrideConfig[];
}

export { ConfigError } from '../support/errors.js';
