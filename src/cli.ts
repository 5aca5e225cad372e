/**
 * The command line: arguments -> options -> run -> exit code.
 *
 * Exit codes: 0 no errors (and warnings within --max-warnings); 1 lint errors or too many warnings;
 * 2 a usage, configuration or input problem, or a crashed rule, reported as one line on stderr
 * (`mlsd-lint: <message>`), with a stack trace only under --debug. Stdout carries the report and
 * nothing else, so `--format json` can be piped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from './config/types.js';
import { parseCount, parseMegabytes, parseRuleOptions, shouldUseColor } from './cli-options.js';
import type { LintResult } from './engine/types.js';
import { InputError, UsageError } from './errors.js';
import { DEFAULT_MAX_FILE_SIZE, expandPatterns, readInputFile, readStreamText } from './files.js';
import { FORMATTER_NAMES, loadFormatter } from './formatters/index.js';
import type { LintSource } from './run.js';

const NAME = 'mlsd-lint';
const STDIN_NAME = '<stdin>';

export interface CliIo {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown };
}

interface CliOptions {
  format: string;
  config?: string;
  rule?: string[];
  stdinFilename?: string;
  quiet?: boolean;
  maxWarnings?: string;
  maxFileSize?: string;
  color?: boolean;
  debug?: boolean;
}

const EXAMPLES = `
Examples:
  $ mlsd-lint answer.md                    lint one answer
  $ mlsd-lint answers/ 'drafts/**/*.md'    a folder's .md/.markdown, a glob
  $ pbpaste | mlsd-lint                    an answer piped on stdin
  $ mlsd-lint - --stdin-filename draft.md  stdin, named for messages and config
  $ mlsd-lint answer.md --rule retraining:off
  $ mlsd-lint answer.md --rule 'monitoring:["warn",{"weak":"off"}]'
  $ mlsd-lint answer.md -f json | jq '.[0].score'

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  lint errors, or too many warnings
  2  usage, configuration or input problem (one line on stderr)

Configuration is read from the first of package.json ("mlsd-lint" key),
.mlsd-lintrc, .mlsd-lintrc.{json,yaml,yml,js,cjs,mjs} or
mlsd-lint.config.{js,cjs,mjs} found from each file's folder upward.`;

function packageVersion(): string {
  // Built, this file is dist/src/cli.js; run from source (tests), src/cli.ts.
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === NAME && pkg.version) return pkg.version;
    } catch {
      // Not this one; try the next.
    }
  }
  return 'unknown';
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function buildProgram(io: CliIo): Command {
  return new Command()
    .name(NAME)
    .description('Lint written ML system design answers for the signals interviewers credit.')
    .argument('[paths...]', 'answer files, directories and globs; "-" reads stdin')
    .addOption(new Option('-f, --format <name>', 'output format').choices([...FORMATTER_NAMES]).default('stylish'))
    .option('-c, --config <path>', 'use this configuration file only (no search)')
    .option('--rule <id:severity>', 'set a rule after the configuration (repeatable): off|warn|error or JSON [severity, options]', collect)
    .option('--stdin-filename <name>', 'name for stdin input, in the report and for configuration')
    .option('--quiet', 'report errors only (warnings neither shown nor counted)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--max-file-size <MB>', `largest file to read, in MB (default ${DEFAULT_MAX_FILE_SIZE / 1024 / 1024})`)
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('--debug', 'print stack traces for errors')
    .version(packageVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      // Errors are printed once, in our one-line form, by `main`.
      outputError: () => undefined,
    });
}

/** Decide where the answers come from: stdin (`-`, or nothing given with a pipe) or paths. */
async function sources(patterns: readonly string[], options: CliOptions, io: CliIo, maxBytes: number): Promise<LintSource[]> {
  const stdinMode = patterns.includes('-') || patterns.length === 0;
  if (stdinMode) {
    if (patterns.length > 1) throw new UsageError('"-" (stdin) cannot be combined with other paths');
    if (patterns.length === 0 && io.stdin.isTTY) {
      throw new UsageError('No input: give files, directories or globs, or pipe an answer on stdin (see --help)');
    }
    const name = options.stdinFilename ?? STDIN_NAME;
    const stdin = io.stdin as AsyncIterable<Buffer | string>;
    return [{ path: path.resolve(io.cwd, name), displayPath: name, read: () => readStreamText(stdin, name, maxBytes) }];
  }
  if (options.stdinFilename !== undefined) throw new UsageError('--stdin-filename is only used with input on stdin ("-" or a pipe)');
  const files = await expandPatterns(patterns, io.cwd);
  return files.map((file) => ({ path: file.path, displayPath: file.displayPath, read: () => readInputFile(file, maxBytes) }));
}

function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0 }));
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Problems we report in one line; anything else is a bug and says so. */
async function isKnownProblem(error: unknown): Promise<boolean> {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof InputError) return true;
  // Imported here, not at the top: the engine is not needed for --help, --version or usage errors.
  const { RuleError } = await import('./engine/lint.js');
  return error instanceof RuleError;
}

function stackWithCauses(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\nCaused by: ');
}

/** Run the CLI; resolves to the exit code. Never calls process.exit, so output is flushed. */
export async function main(io: CliIo): Promise<number> {
  const debug = io.argv.includes('--debug');
  try {
    const program = buildProgram(io);
    try {
      program.parse([...io.argv], { from: 'user' });
    } catch (error) {
      if (error instanceof CommanderError) {
        if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
        throw new UsageError(oneLine(error.message.replace(/^error: /, '')));
      }
      throw error;
    }
    const options = program.opts<CliOptions>();
    const maxWarnings = options.maxWarnings === undefined ? undefined : parseCount(options.maxWarnings, '--max-warnings');
    const maxBytes = options.maxFileSize === undefined ? DEFAULT_MAX_FILE_SIZE : parseMegabytes(options.maxFileSize, '--max-file-size');
    const rules = parseRuleOptions(options.rule ?? []);
    const formatter = await loadFormatter(options.format);

    const inputs = await sources(program.args, options, io, maxBytes);
    const { runLint } = await import('./run.js');
    const outcome = await runLint(inputs, { cwd: io.cwd, ...(options.config !== undefined ? { configFile: options.config } : {}), rules });
    const results = options.quiet ? errorsOnly(outcome.results) : outcome.results;

    const color = shouldUseColor({ flag: options.color, env: io.env, isTTY: Boolean(io.stdout.isTTY) });
    const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined;
    const output = formatter(results, { cwd: io.cwd, color, rulesMeta: outcome.rulesMeta, ...(width ? { width } : {}) });
    if (output) io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    if (errors > 0) return 1;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr.write(`${NAME}: too many warnings (${warnings}, maximum ${maxWarnings})\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    const message = (await isKnownProblem(error)) ? (error as Error).message : `unexpected error: ${error instanceof Error ? error.message : String(error)}${debug ? '' : ' (run with --debug for details)'}`;
    io.stderr.write(`${NAME}: ${oneLine(message)}\n`);
    if (debug) io.stderr.write(`${stackWithCauses(error)}\n`);
    return 2;
  }
}

/** Entry point for bin/mlsd-lint.js. */
export async function run(): Promise<void> {
  // A closed pipe (`mlsd-lint ... | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
