/**
 * Errors that stop a run before any report is printed. Each carries a one-line message that names
 * the path, key or argument at fault, so the CLI can print it as is and exit 2.
 * (`RuleError`, a rule that misbehaved, lives with the code that runs a rule: src/rule/run.ts.)
 */

/** A problem with an input: a missing path, a directory where a file is needed, bytes that are not text. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    /** The path as the user gave it (or `<stdin>`). */
    readonly filePath: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${filePath}: ${problem}`, options);
  }
}

/** A bad command-line argument or API option (unknown format, malformed `--rule`, bad number). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A worker thread that stopped without answering (`--concurrency`): names the file it was linting. */
export class WorkerError extends Error {
  override name = 'WorkerError';
}

/** A configuration problem: bad key, value or file (also a rule option against its schema). Always names where. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
