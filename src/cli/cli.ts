/**
 * The command line: arguments -> options -> run -> exit code.
 *
 * Exit codes (docs/cli.md has the table): 0 nothing fails the run; 1 lint errors (or warnings under
 * `--fail-on warning`), too many warnings, or a score below `--min-score`; 2 a usage, configuration
 * or input problem, or a crashed rule or plugin, reported as one line on stderr
 * (`mlsd-lint: <message>`), with a stack trace only under --debug. Stdout carries the report and
 * nothing else, so `--format json` can be piped. A first argument `rules`, `explain`, `history` or
 * `merge-reports` is a command (src/cli/commands.ts); `./rules` is the path.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../support/errors.js';
import { oneLine, parseCount, parseMegabytes, parseRuleOptions, parseScore, shouldUseColor, usageErrorOf } from './options.js';
import type { LintResult } from '../engine/types.js';
import { InputError, UsageError, WorkerError } from '../support/errors.js';
import { DEFAULT_MAX_FILE_SIZE, expandPatterns, readInputFile, readStreamText } from '../run/files.js';
import { FORMATTER_NAMES, loadFormatter } from '../formatters/index.js';
import { DEFAULT_MAX_FINDINGS } from '../formatters/types.js';
import { DEFAULT_FORMAT, pairOutputs, realOrResolved, type OutputArgument } from '../run/outputs.js';
import { HISTORY_FILE, TOOL_NAME as NAME, packageVersion } from '../support/project.js';
import { parseConcurrency } from '../run/concurrency.js';
import { DEFAULT_SECONDS_PER_MEGABYTE, DEFAULT_TIMEOUT_SECONDS, defaultBudget, parseMaxMemory, parseTimeout } from '../run/budget.js';
import type { LintSource, RunOptions, RunOutcome } from '../run/run.js';
import type { CliIo } from './io.js';

export type { CliIo } from './io.js';

const STDIN_NAME = '<stdin>';
/** First arguments that are commands rather than paths (`./rules` is the path); `questions` is handled by `main`. */
export const COMMANDS = ['rules', 'explain', 'history', 'merge-reports', 'init'] as const;


interface CliOptions {
  config?: string;
  rule?: string[];
  stdinFilename?: string;
  quiet?: boolean;
  maxWarnings?: string;
  maxFindings?: string;
  maxFileSize?: string;
  ignorePattern?: string[];
  errorOnUnmatchedPattern: boolean;
  failOn: 'error' | 'warning';
  minScore?: string;
  printConfig?: string;
  reportUnusedDisableDirectives?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  history: boolean;
  questions?: boolean;
  watch?: boolean;
  shard?: string;
  changed?: string | true;
  concurrency?: string;
  timeout?: string;
  maxMemory?: string;
  color?: boolean;
  debug?: boolean;
}

const EXAMPLES = `
Commands (first argument; write ./rules to lint a path named rules):
  mlsd-lint rules                          list the rules
  mlsd-lint explain <rule>                 what a rule checks, why, examples
  mlsd-lint history [files...]             how answers moved over their runs (score, signals)
  mlsd-lint merge-reports <reports...>     the json (or sarif) reports of --shard jobs as one
  mlsd-lint questions <paths...>           the follow-up questions as a mock-interview sheet
  mlsd-lint init                           a commented config, a pre-commit hook and a CI workflow here

Examples:
  $ mlsd-lint answer.md                    lint one answer
  $ mlsd-lint answers/ 'drafts/**/*.md'    a folder's .md/.markdown, a glob
  $ pbpaste | mlsd-lint                    an answer piped on stdin
  $ mlsd-lint - --stdin-filename draft.md  stdin, named for messages and config
  $ mlsd-lint answer.md --rule retraining:off
  $ mlsd-lint answer.md --rule 'monitoring:["warn",{"weak":"off"}]'
  $ mlsd-lint answer.md -f json | jq '.[0].score'
  $ mlsd-lint docs/ -f stylish -f sarif -o mlsd-lint.sarif
  $ mlsd-lint answers/ --cache             skip answers that have not changed

Each -o/--output-file goes with the -f/--format just before it; a format
without one goes to stdout (one at most).

Exit codes:
  0  nothing fails the run
  1  errors (or warnings with --fail-on warning), more warnings than
     --max-warnings, or a score below --min-score
  2  usage, configuration or input problem (one line on stderr)

Configuration is read from the first of package.json ("mlsd-lint" key),
.mlsd-lintrc, .mlsd-lintrc.{json,yaml,yml,js,cjs,mjs} or
mlsd-lint.config.{js,cjs,mjs} found from each file's folder upward.`;

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function buildProgram(io: CliIo, outputs: OutputArgument[]): Command {
  const program = new Command()
    .name(NAME)
    .description('Lint written ML system design answers for the signals interviewers credit.')
    .argument('[paths...]', 'answer files, directories and globs; "-" reads stdin')
    .addOption(new Option('-f, --format <name>', `output format (repeatable; default ${DEFAULT_FORMAT})`).choices([...FORMATTER_NAMES]))
    .option('-o, --output-file <path>', 'write the preceding --format to this file instead of stdout')
    .option('-c, --config <path>', 'use this configuration file only (no search)')
    .option('--rule <id:severity>', 'set a rule after the configuration (repeatable): off|warn|error or JSON [severity, options]', collect)
    .option('--stdin-filename <name>', 'name for stdin input, in the report and for configuration')
    .option('--quiet', 'report errors only (warnings neither shown nor counted)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--max-findings <n>', `findings shown per file by the stylish report, the most useful first in the order of the guide's steps (default ${DEFAULT_MAX_FINDINGS}; 0 shows all)`)
    .option('--max-file-size <MB>', `largest file to read, in MB (default ${DEFAULT_MAX_FILE_SIZE / 1024 / 1024})`)
    .addOption(new Option('--fail-on <level>', 'exit 1 on errors only, or on warnings too').choices(['error', 'warning']).default('error'))
    .option('--min-score <n>', 'exit 1 when a file scores below n (0-100)')
    .option('--ignore-pattern <pattern>', 'ignore files matching this gitignore-style pattern (repeatable)', collect)
    .option('--no-error-on-unmatched-pattern', 'skip paths, directories and globs that yield no file instead of exiting 2')
    .option('--report-unused-disable-directives', 'warn about disable directives that suppress nothing')
    .option('--cache', 'reuse results of files that have not changed (see --cache-location)')
    .option('--cache-location <path>', 'cache file, or a folder to keep .mlsd-lintcache in (default ./.mlsd-lintcache)')
    .option('--changed [ref]', 'lint only the answers that differ from a git ref (default: the merge base with the default branch, plus uncommitted and untracked files)')
    .option('--shard <i/n>', 'lint only the i-th of n parts of the files (a CI matrix job each); parts are stable as files come and go')
    .option('-w, --watch', 'lint again each answer when it is saved, redrawing the report (q or Ctrl-C ends)')
    .option('--questions', 'add the follow-up questions an interviewer would ask to the stylish report (json and markdown always have them)')
    .option('--no-history', `do not append this run's scores to ${HISTORY_FILE} (see mlsd-lint history)`)
    .option('--concurrency <n>', 'threads that lint: auto (one per CPU when the run is large), off (1), or a number (default auto)')
    .option('--timeout <seconds>', `give up on a file that takes longer, report it and go on (default ${DEFAULT_TIMEOUT_SECONDS}, plus ${DEFAULT_SECONDS_PER_MEGABYTE} per MB over the first; 0 waits forever)`)
    .option('--max-memory <MB>', 'give up on a file whose linting needs more heap than this (default: a quarter of the memory, at most 4096; 0: no cap)')
    .option('--print-config <file>', 'print the configuration that applies to a file, as JSON')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('--lsp', 'run the language server on stdin/stdout for editors (README: In your editor)')
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
  // The order of -f and -o decides which file each format goes to; commander keeps only values.
  program.on('option:format', (value: string) => outputs.push({ kind: 'format', value }));
  program.on('option:output-file', (value: string) => outputs.push({ kind: 'output', value }));
  return program;
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
  const files = await expandPatterns(patterns, io.cwd, {
    ignorePatterns: options.ignorePattern ?? [],
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
  });
  return files.map((file) => ({ path: file.path, displayPath: file.displayPath, read: () => readInputFile(file, maxBytes), cacheable: true }));
}

/** Each file's recorded scores, oldest first, for the html report's chart (none when unreadable). */
async function historyPoints(
  cwd: string,
  warn: (message: string) => void,
  options: import('../run/history.js').RecordOptions,
  results: readonly LintResult[],
): Promise<(filePath: string) => Array<{ time: string; score: number }>> {
  const history = await import('../run/history.js');
  let files = new Map<string, Array<{ time: string; score: number }>>();
  try {
    const { records } = await history.readHistory(history.historyPath(cwd));
    files = history.byFile([...records, ...history.unseen(records, history.runRecords(results, options))]);
  } catch (error) {
    warn(`could not read the score history in ${HISTORY_FILE}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (filePath) => files.get(history.historyKey(cwd, filePath)) ?? [];
}

function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0 }));
}

/** Problems we report in one line; anything else is a bug and says so. */
async function isKnownProblem(error: unknown): Promise<boolean> {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof InputError || error instanceof WorkerError) return true;
  // Imported here, not at the top: the engine is not needed for --help, --version or usage errors.
  const { RuleError } = await import('../rule/run.js');
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
    // `--lsp`: the language server for editors (src/lsp/), loaded only then; it runs until the editor ends it.
    if (io.argv.includes('--lsp')) return await (await import('../lsp/server.js')).serve(io.argv.filter((arg) => arg !== '--lsp'), io);
    const command = COMMANDS.find((c) => c === io.argv[0]);
    if (command) {
      const { runCommand } = await import('./commands.js');
      return await runCommand(command, io.argv.slice(1), io);
    }
    // `mlsd-lint questions <paths>`: a lint run printed as a mock-interview sheet; it checks nothing,
    // so lint problems do not fail it (exit 0), input problems still do (exit 2).
    const sheet = io.argv[0] === 'questions';
    const argv = sheet ? [...io.argv.slice(1), '--format', 'questions'] : io.argv;
    const outputArgs: OutputArgument[] = [];
    const program = buildProgram(io, outputArgs);
    try {
      program.parse([...argv], { from: 'user' });
    } catch (error) {
      if (error instanceof CommanderError) {
        if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
        throw usageErrorOf(error);
      }
      throw error;
    }
    const options = program.opts<CliOptions>();
    const maxWarnings = options.maxWarnings === undefined ? undefined : parseCount(options.maxWarnings, '--max-warnings');
    const maxFindings = options.maxFindings === undefined ? DEFAULT_MAX_FINDINGS : parseCount(options.maxFindings, '--max-findings');
    const minScore = options.minScore === undefined ? undefined : parseScore(options.minScore, '--min-score');
    const maxBytes = options.maxFileSize === undefined ? DEFAULT_MAX_FILE_SIZE : parseMegabytes(options.maxFileSize, '--max-file-size');
    const rules = parseRuleOptions(options.rule ?? []);
    const concurrency = options.concurrency === undefined ? 'auto' : parseConcurrency(options.concurrency);
    const defaults = defaultBudget();
    const budget = {
      ...(options.timeout === undefined ? { timeoutMs: defaults.timeoutMs, perMegabyteMs: defaults.perMegabyteMs as number } : { timeoutMs: parseTimeout(options.timeout) }),
      maxMemoryMb: options.maxMemory === undefined ? defaults.maxMemoryMb : parseMaxMemory(options.maxMemory),
    };
    if (options.cacheLocation !== undefined && !options.cache) throw new UsageError('--cache-location is only used with --cache');

    if (options.printConfig !== undefined) {
      if (program.args.length > 0) throw new UsageError('--print-config takes one file and no other paths');
      const { printConfig } = await import('./print-config.js');
      const text = await printConfig(options.printConfig, { cwd: io.cwd, ...(options.config !== undefined ? { configFile: options.config } : {}), rules });
      io.stdout.write(text);
      return 0;
    }

    const targets = pairOutputs(outputArgs);
    const formatters = await Promise.all(targets.map((t) => loadFormatter(t.format)));
    const warn = (message: string): void => void io.stderr.write(`${NAME}: warning: ${oneLine(message)}\n`);
    const lintOptions = (cacheFile: string | undefined): RunOptions => ({
      cwd: io.cwd,
      ...(options.config !== undefined ? { configFile: options.config } : {}),
      rules,
      ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
      ...(cacheFile !== undefined ? { cacheFile } : {}),
      concurrency,
      budget,
      warn,
    });
    const recordOptions = (outcome: RunOutcome, inputs: readonly LintSource[]) => ({
      cwd: io.cwd,
      version: packageVersion(),
      texts: outcome.sources,
      files: new Set(inputs.filter((input) => input.cacheable).map((input) => input.displayPath)),
      warn,
    });
    const record = async (outcome: RunOutcome, inputs: readonly LintSource[]): Promise<void> => {
      if (!options.history) return;
      // The history is a convenience: a failure to read or write it is a warning, never the run's.
      const { recordHistory } = await import('../run/history.js');
      await recordHistory(outcome.results, recordOptions(outcome, inputs)).catch((error: unknown) =>
        warn(`could not record the score history in ${HISTORY_FILE}: ${error instanceof Error ? error.message : String(error)}`),
      );
    };

    if (options.watch) {
      if (sheet) throw new UsageError('--watch cannot be used with mlsd-lint questions; use --watch --questions');
      if (program.args.length === 0 || program.args.includes('-')) throw new UsageError('--watch needs files, directories or globs to watch (not stdin)');
      if (options.shard !== undefined) throw new UsageError('--shard cannot be combined with --watch');
      if (targets.some((t) => t.file !== undefined || t.format !== DEFAULT_FORMAT)) throw new UsageError('--watch shows the stylish report in the terminal; it cannot be combined with --format or --output-file');
      const { watch } = await import('./watch.js');
      const { runLint } = await import('../run/run.js');
      const stylish = formatters[0] as (typeof formatters)[number];
      const color = shouldUseColor({ flag: options.color, env: io.env, isTTY: Boolean(io.stdout.isTTY) });
      return await watch({
        io,
        patterns: program.args,
        // A file deleted while watched is skipped, not an error: the watch reports it and waits.
        expand: () => sources(program.args, { ...options, errorOnUnmatchedPattern: false }, io, maxBytes),
        lint: (inputs) => runLint(inputs, lintOptions(undefined)),
        render: (results, outcome) =>
          stylish(options.quiet ? errorsOnly(results) : results, {
            cwd: io.cwd,
            rulesMeta: outcome.rulesMeta,
            version: packageVersion(),
            maxFindings,
            color,
            ...(io.stdout.isTTY && io.stdout.columns ? { width: io.stdout.columns } : {}),
            ...(options.questions ? { questions: true } : {}),
          }),
        after: record,
        describe: async (error) => `${NAME}: ${oneLine((await isKnownProblem(error)) ? (error as Error).message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`)}`,
      });
    }

    const shard = options.shard === undefined ? undefined : await import('../run/shard.js').then((m) => ({ ...m, value: m.parseShard(options.shard as string) }));
    if (shard && options.changed === undefined && (program.args.length === 0 || program.args.includes('-'))) throw new UsageError('--shard splits files, directories and globs, not stdin');
    let changed: Set<string> | undefined;
    let paths: readonly string[] = program.args;
    if (options.changed !== undefined) {
      const git = await import('../run/changed.js');
      let ref = options.changed === true ? undefined : options.changed;
      // `--changed docs/`: commander takes the path as the ref; a path that is no commit is a path.
      if (ref !== undefined && existsSync(path.resolve(io.cwd, ref)) && !(await git.isCommit(io.cwd, ref))) {
        paths = [ref, ...paths];
        ref = undefined;
      }
      changed = await git.changedFiles(io.cwd, ref);
    }
    // --changed with no paths looks at the whole working directory, not at stdin.
    const patterns = changed && paths.length === 0 ? ['.'] : paths;
    if (changed && patterns.includes('-')) throw new UsageError('--changed selects files, not stdin');
    const all = await sources(patterns, changed ? { ...options, errorOnUnmatchedPattern: false } : options, io, maxBytes);
    const inputs = all.filter((input) => (!changed || changed.has(realOrResolved(input.path))) && (!shard || shard.inShard(io.cwd, input.path, shard.value)));
    const outputs = await import('../run/outputs.js');
    outputs.checkOutputFiles(targets, io.cwd, inputs.map((i) => i.path));

    const cacheFile = options.cache ? await (await import('../run/cache.js')).resolveCacheLocation(options.cacheLocation, io.cwd) : undefined;
    if (cacheFile !== undefined) outputs.checkCacheFile(cacheFile, targets, io.cwd, inputs.map((i) => i.path));

    const { runLint } = await import('../run/run.js');
    const outcome = await runLint(inputs, lintOptions(cacheFile));
    const results = options.quiet ? errorsOnly(outcome.results) : outcome.results;

    const color = shouldUseColor({ flag: options.color, env: io.env, isTTY: Boolean(io.stdout.isTTY) });
    const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined;
    // The html chart includes this run, whose record is written only once the reports are.
    const history = targets.some((t) => t.format === 'html') && options.history ? await historyPoints(io.cwd, warn, recordOptions(outcome, inputs), outcome.results) : undefined;
    const base = {
      cwd: io.cwd,
      rulesMeta: outcome.rulesMeta,
      version: packageVersion(),
      sourceText: (file: string) => outcome.sources.get(file),
      maxFindings,
      ...(options.questions ? { questions: true } : {}),
      ...(history ? { history } : {}),
    };
    // Render everything first: a write only starts once every report exists.
    const rendered = targets.map((target, i) => {
      const toStdout = target.file === undefined;
      const context = { ...base, color: toStdout && color, ...(toStdout && width ? { width } : {}) };
      return { target, text: (formatters[i] as (typeof formatters)[number])(results, context) };
    });
    await outputs.deliverReports(rendered, io, async () => (await import('../formatters/markdown.js')).stepSummary(results, { ...base, color: false }));
    await record(outcome, inputs);
    // A file abandoned over its budget: one line each, and the run failed to do its job (exit 2).
    const abandoned = results.filter((r) => r.fatalErrorCount);
    for (const r of abandoned) io.stderr.write(`${NAME}: ${oneLine(`${r.filePath}: ${r.messages.find((m) => m.fatal)?.message ?? 'not linted'}`)}\n`);
    const code = exitCode(results, { failOn: options.failOn, maxWarnings, minScore }, io);
    return abandoned.length ? 2 : sheet ? 0 : code;
  } catch (error) {
    const message = (await isKnownProblem(error)) ? (error as Error).message : `unexpected error: ${error instanceof Error ? error.message : String(error)}${debug ? '' : ' (run with --debug for details)'}`;
    io.stderr.write(`${NAME}: ${oneLine(message)}\n`);
    if (debug) io.stderr.write(`${stackWithCauses(error)}\n`);
    return 2;
  }
}

interface ExitRules {
  failOn: 'error' | 'warning';
  maxWarnings: number | undefined;
  minScore: number | undefined;
}

/** 1 when errors (or warnings under --fail-on warning), too many warnings or a low score fail the run. */
function exitCode(results: readonly LintResult[], rules: ExitRules, io: CliIo): 0 | 1 {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  let code: 0 | 1 = errors > 0 || (rules.failOn === 'warning' && warnings > 0) ? 1 : 0;
  if (rules.maxWarnings !== undefined && warnings > rules.maxWarnings) {
    io.stderr.write(`${NAME}: too many warnings (${warnings}, maximum ${rules.maxWarnings})\n`);
    code = 1;
  }
  if (rules.minScore !== undefined) {
    const low = results.filter((r) => !r.fatalErrorCount && r.score < (rules.minScore as number));
    if (low.length) {
      const shown = low.slice(0, 5).map((r) => `${r.filePath} (${r.score})`).join(', ');
      const more = low.length > 5 ? ` and ${low.length - 5} more` : '';
      io.stderr.write(`${NAME}: ${low.length === 1 ? '1 file scores' : `${low.length} files score`} below --min-score ${rules.minScore}: ${shown}${more}\n`);
      code = 1;
    }
  }
  return code;
}

/** Entry point for bin/mlsd-lint.js. */
export async function run(): Promise<void> {
  // A closed pipe (`mlsd-lint ... | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // Stdout carries the report and nothing else (`-f json | jq`): what a plugin prints while it
  // loads or lints goes to stderr. The CLI itself writes through io.stdout, never the console.
  console.log = console.info = console.debug = console.error;
  process.exitCode = await main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
