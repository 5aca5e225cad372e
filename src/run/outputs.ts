/**
 * Where each report goes. `-f/--format` may be repeated; an `-o/--output-file` belongs to the
 * `--format` written just before it (`-f stylish -f sarif -o out.sarif`: stylish to stdout, SARIF
 * to out.sarif). A lone `-o` with no `--format` at all writes the default format to that file, as
 * in ESLint. At most one format goes to stdout. Files are written atomically (a temporary file in
 * the same folder, then a rename), never over an input file.
 */
import { realpathSync } from 'node:fs';
import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from './files.js';
import { UsageError } from '../support/errors.js';

export const DEFAULT_FORMAT = 'stylish';

/** `--format` and `--output-file` values in the order they were given. */
export type OutputArgument = { kind: 'format' | 'output'; value: string };

export interface OutputTarget {
  format: string;
  /** As given on the command line; absent for stdout. */
  file?: string;
}

/** Pair formats with output files by position (see the module comment). */
export function pairOutputs(args: readonly OutputArgument[]): OutputTarget[] {
  const targets: OutputTarget[] = [];
  const formats = args.filter((a) => a.kind === 'format').length;
  for (const arg of args) {
    if (arg.kind === 'format') {
      targets.push({ format: arg.value });
      continue;
    }
    if (arg.value.trim() === '') throw new UsageError('--output-file needs a file path');
    const last = targets[targets.length - 1];
    if (!last) {
      if (formats > 0) throw new UsageError(`--output-file "${arg.value}" comes before any --format: put it right after the --format it is for`);
      // No --format anywhere: the default format goes to this file.
      targets.push({ format: DEFAULT_FORMAT, file: arg.value });
      continue;
    }
    if (last.file !== undefined) {
      throw new UsageError(`--format ${last.format} has two output files ("${last.file}", "${arg.value}"): give each --output-file its own --format`);
    }
    last.file = arg.value;
  }
  if (targets.length === 0) targets.push({ format: DEFAULT_FORMAT });
  const toStdout = targets.filter((t) => t.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(`${toStdout.map((t) => t.format).join(' and ')} would both go to stdout: give all but one an --output-file`);
  }
  return targets;
}

/** The real path of a file, or its resolved path when it cannot be resolved (missing, unreadable). */
export function realOrResolved(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * Refuse output files that would overwrite an input, or that two formats share. Checked before any
 * answer is read, so a mistake costs nothing. `inputsAre` says what the inputs are, for the message.
 */
export function checkOutputFiles(targets: readonly OutputTarget[], cwd: string, inputPaths: readonly string[], inputsAre = 'an input file: reports are never written over an answer'): void {
  const inputs = new Set(inputPaths.map(realOrResolved));
  const seen = new Map<string, string>();
  for (const target of targets) {
    if (target.file === undefined) continue;
    const absolute = realOrResolved(path.resolve(cwd, target.file));
    if (inputs.has(absolute)) throw new UsageError(`--output-file "${target.file}" is ${inputsAre}`);
    const other = seen.get(absolute);
    if (other !== undefined) throw new UsageError(`--output-file "${target.file}" is given for both ${other} and ${target.format}`);
    seen.set(absolute, target.format);
  }
}

/**
 * Refuse a cache file (`--cache-location`) that is an input or an output file: the cache is
 * rewritten after every run, and answers are never written.
 */
export function checkCacheFile(cacheFile: string, targets: readonly OutputTarget[], cwd: string, inputPaths: readonly string[]): void {
  const cache = realOrResolved(cacheFile);
  if (inputPaths.some((input) => realOrResolved(input) === cache)) throw new UsageError(`The cache file "${cacheFile}" is an input file: answers are never written (see --cache-location)`);
  const output = targets.find((t) => t.file !== undefined && realOrResolved(path.resolve(cwd, t.file)) === cache);
  if (output) throw new UsageError(`--output-file "${output.file}" is also the cache file (see --cache-location)`);
}

/**
 * Write `text` to `file` atomically: into a temporary file beside it, then renamed over it, so a
 * reader (a CI upload step, an editor, a concurrent run) never sees half a file and a failed write
 * never leaves one. Missing folders are created. Throws the file system's error.
 */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const directory = path.dirname(file);
  // node:crypto is loaded here, not at the top: a plain run writes no file, and loading crypto
  // is ~15 ms of a cold start.
  const { randomBytes } = await import('node:crypto');
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** `--output-file`: written atomically; a failure is a usage problem naming the file. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  try {
    await writeAtomically(file, text);
  } catch (error) {
    throw new UsageError(`Cannot write --output-file "${file}": ${describeFsError(error)}`, { cause: error });
  }
}

/** Append to GitHub's step summary file (`GITHUB_STEP_SUMMARY`); other steps' summaries stay. */
export async function appendStepSummary(file: string, markdown: string): Promise<void> {
  try {
    await appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  } catch (error) {
    throw new UsageError(`Cannot append to GITHUB_STEP_SUMMARY "${file}": ${describeFsError(error)}`, { cause: error });
  }
}

/** A report rendered for one target. */
export interface RenderedReport {
  target: OutputTarget;
  text: string;
}

/**
 * Deliver reports that are all rendered: the files first (each atomically), then, when a github
 * format is asked for and GITHUB_STEP_SUMMARY is set, the markdown report appended to the job
 * summary (GitHub shows only a few annotations per step), then what goes to stdout. A write that
 * fails stops before stdout is touched.
 */
export async function deliverReports(
  rendered: readonly RenderedReport[],
  io: { cwd: string; env: NodeJS.ProcessEnv; stdout: { write(text: string): unknown } },
  stepSummary: () => Promise<string>,
): Promise<void> {
  for (const { target, text } of rendered) {
    if (target.file !== undefined) await writeFileAtomic(path.resolve(io.cwd, target.file), text);
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && rendered.some(({ target }) => target.format === 'github')) await appendStepSummary(summaryFile, await stepSummary());
  for (const { target, text } of rendered) {
    if (target.file === undefined && text) io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
