import path from 'node:path';
import { lintMarkdown } from './engine/lint.js';
import type { LintResult, ResolvedConfig } from './engine/types.js';
import { resolveConfig } from './config/resolve.js';
import type { RuleEntry, UserConfig } from './config/types.js';
import { UsageError } from './support/errors.js';
import { DEFAULT_MAX_FILE_SIZE, expandPatterns, readInputFile } from './run/files.js';
import { builtinRules } from '../rules/index.js';

export interface LintTextOptions {
  /** Shown in results; also used to match `overrides`. */
  filePath?: string;
  /** A configuration object (as in `.mlsd-lintrc`) or one already resolved. */
  config?: UserConfig | ResolvedConfig;
  /** Add a warning for each inline disable directive that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Seconds a text may take, like `--timeout` (default 10; 0 = no limit). Over it, the result holds one fatal message. */
  timeout?: number;
  /** Heap megabytes for a large text, like `--max-memory` (default a quarter of the memory, at most 4096; 0 = no cap). */
  maxMemory?: number;
}

/** The work budget the API options ask for (`timeout` in seconds, `maxMemory` in MB). */
async function budgetOf(options: { timeout?: number; maxMemory?: number }): Promise<import('./run/budget.js').Budget> {
  const budget = await import('./run/budget.js');
  const defaults = budget.defaultBudget();
  const time = options.timeout === undefined ? { timeoutMs: defaults.timeoutMs, perMegabyteMs: defaults.perMegabyteMs as number } : { timeoutMs: budget.parseTimeout(String(options.timeout), 'timeout') };
  const maxMemoryMb = options.maxMemory === undefined ? defaults.maxMemoryMb : budget.parseMaxMemory(String(options.maxMemory), 'maxMemory');
  return { ...time, maxMemoryMb };
}

function isResolved(config: UserConfig | ResolvedConfig): config is ResolvedConfig {
  return (config as ResolvedConfig).settings instanceof Map;
}

/**
 * Lint markdown text. Never touches the file system (a large text is linted on a worker thread, so
 * that its memory has a cap). A text over its budget (`timeout`, `maxMemory`) gives a result with
 * one fatal message instead of a report.
 */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const config = options.config && isResolved(options.config) ? options.config : resolveConfig(options.config, { rules: builtinRules });
  const { lintOneText } = await import('./run/one.js');
  return lintOneText(text, config, { ...(options.filePath !== undefined ? { filePath: options.filePath } : {}), ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}) }, await budgetOf(options));
}

/** Synchronous core of `lintText`, with no work budget (for workers and tests). */
export function lintTextSync(text: string, options: LintTextOptions = {}): LintResult {
  const config = options.config && isResolved(options.config) ? options.config : resolveConfig(options.config, { rules: builtinRules });
  return lintMarkdown(text, config, options);
}

export interface LintFilesOptions {
  /** Where relative paths, globs and configuration search start (default: `process.cwd()`). */
  cwd?: string;
  /** Use this configuration file only, instead of searching from each file's folder. */
  configFile?: string;
  /** Rule entries applied after the configuration, like `--rule` (`{ retraining: 'off' }`). */
  rules?: Record<string, RuleEntry>;
  /** Largest file read, in bytes (default 10 MB); a larger one is an InputError. */
  maxFileSize?: number;
  /** gitignore-style patterns relative to `cwd`, like `--ignore-pattern`. */
  ignorePatterns?: string[];
  /** Read `.mlsd-lintignore` from `cwd` (default true). */
  ignore?: boolean;
  /** A path, directory or glob that yields no file is an InputError (default true). */
  errorOnUnmatchedPattern?: boolean;
  /** Add a warning for each inline disable directive that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Reuse results of unchanged files from a cache file, like `--cache` (default false). */
  cache?: boolean;
  /** The cache file, or a folder for `.mlsd-lintcache` (default `.mlsd-lintcache` in `cwd`), relative to `cwd`. */
  cacheLocation?: string;
  /** Worker threads, like `--concurrency`: `auto`, `off` (the default here) or a number. */
  concurrency?: 'auto' | 'off' | number;
  /** Seconds a file may take, like `--timeout` (default 10; 0 = no limit). A file over it gets one fatal message and the others go on. */
  timeout?: number;
  /** Heap megabytes for a large file, like `--max-memory` (default a quarter of the memory, at most 4096; 0 = no cap). */
  maxMemory?: number;
}

/**
 * Lint files, directories (their `*.md` and `*.markdown`, recursively) and globs, without the files
 * that `.mlsd-lintignore` or `ignorePatterns` ignore. One result per file, in argument order, each
 * `filePath` as given or relative to `cwd`. Configuration is loaded
 * and validated before any file is read. Throws `InputError` (missing path, pattern matching
 * nothing, unreadable or non-text file), `ConfigError` (bad configuration, naming the file and key)
 * or `RuleError` (a rule crashed, naming the rule and file). An empty pattern list gives `[]`. A
 * file over its work budget (`timeout`, `maxMemory`) gets a result with one fatal message
 * (`fatalErrorCount: 1`), and the other files are linted.
 */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (!(maxFileSize > 0)) throw new UsageError(`lintFiles: maxFileSize must be a positive number of bytes, got ${String(options.maxFileSize)}`);
  const budget = await budgetOf(options);
  if (patterns.length === 0) return [];
  const files = await expandPatterns(patterns, cwd, {
    ...(options.ignorePatterns ? { ignorePatterns: options.ignorePatterns } : {}),
    useIgnoreFile: options.ignore !== false,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern !== false,
  });
  const concurrency = options.concurrency === undefined ? 'off' : (await import('./run/concurrency.js')).parseConcurrency(String(options.concurrency), 'concurrency');
  let cacheFile: string | undefined;
  if (options.cache) {
    cacheFile = await (await import('./run/cache.js')).resolveCacheLocation(options.cacheLocation, cwd);
    (await import('./run/outputs.js')).checkCacheFile(cacheFile, [], cwd, files.map((f) => f.path));
  }
  const { runLint } = await import('./run/run.js');
  const { results } = await runLint(
    files.map((file) => ({ path: file.path, displayPath: file.displayPath, read: () => readInputFile(file, maxFileSize), cacheable: true })),
    {
      cwd,
      ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
      ...(options.rules ? { rules: options.rules } : {}),
      ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
      ...(cacheFile !== undefined ? { cacheFile } : {}),
      concurrency,
      budget,
    },
  );
  return results;
}
