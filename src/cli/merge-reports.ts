/**
 * `mlsd-lint merge-reports <reports...>`: the reports of a run's shards (`--shard i/n`, one per job
 * of a CI matrix) as one report, as if one run had linted every file.
 *
 * - json reports (`-f json`) merge into results that print in any format. Files are sorted by path
 *   (by code unit, the order in which a directory's or a glob's files are linted), so the merged
 *   json of shards of a run over one directory or glob is the unsharded run's, byte for byte; totals
 *   and summaries are computed again from the merged files. The formats other than json and the
 *   summaries need the rules' metadata (signal titles, SARIF's rules): it comes from the
 *   configuration of the reported files found from the working directory, as the run found it
 *   (`-c` picks a file). SARIF's fingerprints hash the text of each message's line, which a json
 *   report does not hold: it is read from the files, so the merge runs in the checkout.
 * - sarif reports (`-f sarif`) merge into one sarif run, and only into sarif: a SARIF log has no
 *   scores and no signals to print another format from (a usage error, exit 2).
 * - A file in two reports is an error: the shards of one run never share a file, so the reports
 *   come from different runs, and keeping either copy could hide the other.
 * - A report from another mlsd-lint version (a SARIF driver's version; for json, fields this version
 *   does not write) is merged after a warning. Anything that is not a report (not JSON, JSON of
 *   another shape, a missing file, a directory) is one line naming the file, exit 2.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../../rules/index.js';
import { configureFiles } from '../config/configure.js';
import type { LintMessage, LintResult, SignalResult } from '../engine/types.js';
import { loadFormatter } from '../formatters/index.js';
import { SARIF_VERSION, SRCROOT, sarifLog } from '../formatters/sarif.js';
import type { FormatterContext } from '../formatters/types.js';
import { describeFsError, readInputFile } from '../run/files.js';
import { checkOutputFiles, deliverReports, pairOutputs, realOrResolved, type OutputArgument, type OutputTarget, type RenderedReport } from '../run/outputs.js';
import { InputError, UsageError } from '../support/errors.js';
import { TOOL_NAME, packageVersion } from '../support/project.js';
import { oneLine, shouldUseColor } from './options.js';
import type { CliIo } from './io.js';

export interface MergeOptions {
  /** `-f` and `-o` in the order given (paired as the main command pairs them). */
  outputs: readonly OutputArgument[];
  configFile?: string;
  maxFindings: number;
  questions: boolean;
  /** `--color` / `--no-color`, or neither. */
  color: boolean | undefined;
}

type Json = Record<string, unknown>;

interface JsonReport {
  kind: 'json';
  file: string;
  results: LintResult[];
}

interface SarifReport {
  kind: 'sarif';
  file: string;
  runs: Json[];
}

type Report = JsonReport | SarifReport;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalOf = (value: unknown, type: 'string' | 'number'): boolean => value === undefined || typeof value === type;

/** The keys `-f json` writes, per object: a report with others comes from another version. */
const RESULT_KEYS = new Set(['filePath', 'kind', 'script', 'score', 'signals', 'messages', 'errorCount', 'warningCount', 'fatalErrorCount']);
const SIGNAL_KEYS = new Set(['id', 'status', 'judged', 'line', 'evidence', 'suggestion', 'questions']);
const MESSAGE_KEYS = new Set(['ruleId', 'fatal', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'suggestion']);
const STATUSES: readonly unknown[] = ['high', 'weak', 'missing'];

// ---------- json reports ----------

function signalProblem(s: unknown): string | undefined {
  if (!isObject(s)) return 'is not an object';
  if (typeof s.id !== 'string') return 'has no id';
  if (!STATUSES.includes(s.status)) return `has the status ${JSON.stringify(s.status)}`;
  if (s.judged !== undefined && s.judged !== false) return 'has a judged other than false';
  if (!optionalOf(s.line, 'number') || !optionalOf(s.evidence, 'string') || !optionalOf(s.suggestion, 'string')) return 'has a line, evidence or suggestion of the wrong type';
  if (s.questions !== undefined && !(Array.isArray(s.questions) && s.questions.every((q) => typeof q === 'string'))) return 'has questions that are not strings';
  return undefined;
}

function messageProblem(m: unknown): string | undefined {
  if (!isObject(m)) return 'is not an object';
  if (m.ruleId !== null && typeof m.ruleId !== 'string') return 'has no ruleId';
  if (m.severity !== 1 && m.severity !== 2) return `has the severity ${JSON.stringify(m.severity)}`;
  if (typeof m.message !== 'string' || typeof m.line !== 'number' || typeof m.column !== 'number') return 'has no message, line or column';
  if (m.fatal !== undefined && m.fatal !== true) return 'has a fatal other than true';
  if (!optionalOf(m.endLine, 'number') || !optionalOf(m.endColumn, 'number') || !optionalOf(m.suggestion, 'string')) return 'has an end or suggestion of the wrong type';
  return undefined;
}

function resultProblem(r: unknown): string | undefined {
  if (!isObject(r)) return 'is not an object';
  if (typeof r.filePath !== 'string') return 'has no filePath';
  if (typeof r.score !== 'number' || typeof r.errorCount !== 'number' || typeof r.warningCount !== 'number') return 'has no score, errorCount or warningCount';
  if (!optionalOf(r.kind, 'string') || !optionalOf(r.fatalErrorCount, 'number')) return 'has a kind or fatalErrorCount of the wrong type';
  if (!Array.isArray(r.signals) || !Array.isArray(r.messages)) return 'has no signals or messages';
  for (const [i, s] of r.signals.entries()) {
    const problem = signalProblem(s);
    if (problem) return `signals[${i}] ${problem}`;
  }
  for (const [i, m] of r.messages.entries()) {
    const problem = messageProblem(m);
    if (problem) return `messages[${i}] ${problem}`;
  }
  return undefined;
}

/** The fields of `object` that `known` does not list, added to `into`. */
function collectUnknown(object: Json, known: ReadonlySet<string>, into: Set<string>): void {
  for (const key of Object.keys(object)) if (!known.has(key)) into.add(key);
}

function toSignal(s: Json): SignalResult {
  return {
    id: s.id as string,
    status: s.status as SignalResult['status'],
    ...(s.judged === false ? { judged: false as const } : {}),
    ...(s.line !== undefined ? { line: s.line as number } : {}),
    ...(s.evidence !== undefined ? { evidence: s.evidence as string } : {}),
    ...(s.suggestion !== undefined ? { suggestion: s.suggestion as string } : {}),
    questions: [...((s.questions as string[] | undefined) ?? [])],
  };
}

function toMessage(m: Json): LintMessage {
  return {
    ruleId: m.ruleId as string | null,
    ...(m.fatal === true ? { fatal: true as const } : {}),
    severity: m.severity as 1 | 2,
    message: m.message as string,
    line: m.line as number,
    column: m.column as number,
    ...(m.endLine !== undefined ? { endLine: m.endLine as number } : {}),
    ...(m.endColumn !== undefined ? { endColumn: m.endColumn as number } : {}),
    ...(m.suggestion !== undefined ? { suggestion: m.suggestion as string } : {}),
  };
}

function toResult(r: Json): LintResult {
  return {
    filePath: r.filePath as string,
    ...(r.kind !== undefined ? { kind: r.kind as LintResult['kind'] } : {}),
    ...(typeof r.script === 'string' ? { script: r.script } : {}),
    score: r.score as number,
    signals: (r.signals as Json[]).map(toSignal),
    messages: (r.messages as Json[]).map(toMessage),
    errorCount: r.errorCount as number,
    warningCount: r.warningCount as number,
    ...(r.fatalErrorCount !== undefined ? { fatalErrorCount: r.fatalErrorCount as number } : {}),
  };
}

function jsonReport(file: string, entries: unknown[], warn: (message: string) => void): JsonReport {
  const unknown = new Set<string>();
  const results = entries.map((entry, i) => {
    const problem = resultProblem(entry);
    if (problem) {
      const name = isObject(entry) && typeof entry.filePath === 'string' ? ` (${entry.filePath})` : '';
      throw new InputError(file, `not an mlsd-lint json report: entry ${i + 1}${name} ${problem}`);
    }
    const r = entry as Json;
    collectUnknown(r, RESULT_KEYS, unknown);
    for (const s of r.signals as Json[]) collectUnknown(s, SIGNAL_KEYS, unknown);
    for (const m of r.messages as Json[]) collectUnknown(m, MESSAGE_KEYS, unknown);
    return toResult(r);
  });
  if (unknown.size) warn(`${file} has fields that ${TOOL_NAME} ${packageVersion()} does not write (${[...unknown].join(', ')}): a report from another version? They are left out of the merge`);
  return { kind: 'json', file, results };
}

// ---------- sarif reports ----------

/** Where a SARIF result or notification is, as a path relative to the working directory (its sort key). */
function locationKey(item: Json, cwd: string): string | undefined {
  const locations = item.locations;
  const first = Array.isArray(locations) && isObject(locations[0]) ? locations[0].physicalLocation : undefined;
  const artifact = isObject(first) ? first.artifactLocation : undefined;
  if (!isObject(artifact) || typeof artifact.uri !== 'string') return undefined;
  const uri = artifact.uri;
  try {
    // Inside the checkout: a relative URI reference; outside: a file: URI, shown relative like a path argument.
    if (artifact.uriBaseId === SRCROOT) return uri.split('/').map(decodeURIComponent).join('/');
    return path.relative(cwd, fileURLToPath(uri)).split(path.sep).join('/');
  } catch {
    return uri;
  }
}

const driverOf = (run: Json): Json => (run.tool as Json).driver as Json;
const notificationsOf = (run: Json): Json[] => ((run.invocations as Json[] | undefined) ?? []).flatMap((i) => (i.toolExecutionNotifications as Json[] | undefined) ?? []);

function runProblem(run: unknown, cwd: string): string | undefined {
  const driver = isObject(run) && isObject(run.tool) ? run.tool.driver : undefined;
  if (!isObject(run) || !isObject(driver)) return 'a run without a tool';
  if (driver.name !== TOOL_NAME) return `a SARIF log of ${typeof driver.name === 'string' ? driver.name : 'an unnamed tool'}`;
  if (!Array.isArray(driver.rules) || !driver.rules.every((r) => isObject(r) && typeof r.id === 'string')) return 'a run whose rules have no ids';
  if (!Array.isArray(run.results) || !run.results.every((r) => isObject(r) && typeof r.ruleId === 'string' && locationKey(r, cwd) !== undefined)) return 'a run whose results have no rule or location';
  const invocations = run.invocations ?? [];
  if (!Array.isArray(invocations) || !invocations.every((i) => isObject(i) && Array.isArray(i.toolExecutionNotifications ?? []))) return 'a run with malformed invocations';
  if (!notificationsOf(run).every((n) => isObject(n) && locationKey(n, cwd) !== undefined)) return 'a notification without a location';
  return undefined;
}

function sarifReport(file: string, log: Json, cwd: string, warn: (message: string) => void): SarifReport {
  if (log.version !== SARIF_VERSION) throw new InputError(file, `not an mlsd-lint report: SARIF version ${JSON.stringify(log.version)}, expected ${SARIF_VERSION}`);
  if (!Array.isArray(log.runs) || log.runs.length === 0) throw new InputError(file, 'not an mlsd-lint report: a SARIF log without runs');
  for (const run of log.runs) {
    const problem = runProblem(run, cwd);
    if (problem) throw new InputError(file, `not an mlsd-lint report: ${problem}`);
  }
  const runs = log.runs as Json[];
  const versions = new Set(runs.map((run) => driverOf(run).version));
  const current = packageVersion();
  const others = [...versions].filter((v) => v !== current);
  const named = others.map((v) => (typeof v === 'string' ? v : 'an unnamed version'));
  if (others.length) warn(`${file} was written by ${TOOL_NAME} ${named.join(', ')}, this is ${current}: merged as it is`);
  return { kind: 'sarif', file, runs };
}

/**
 * The driver of the merged run: the version and rules of the run that describes the most rules (an
 * empty shard's run describes fewer: no file brought the configuration's rules), then any rule
 * another run adds. For the shards of one run that is the unsharded run's driver.
 */
function mergedDriver(runs: readonly Json[]): { version: string; rules: Json[] } {
  const widestFirst = [...runs].sort((a, b) => (driverOf(b).rules as Json[]).length - (driverOf(a).rules as Json[]).length);
  const rules: Json[] = [];
  const seen = new Set<string>();
  for (const run of widestFirst) {
    for (const rule of driverOf(run).rules as Json[]) {
      if (seen.has(rule.id as string)) continue;
      seen.add(rule.id as string);
      rules.push(rule);
    }
  }
  const version = widestFirst[0] ? driverOf(widestFirst[0]).version : undefined;
  return { version: typeof version === 'string' ? version : packageVersion(), rules };
}

function mergeSarif(reports: readonly SarifReport[], cwd: string): string {
  const runs = reports.flatMap((r) => r.runs);
  const { version, rules } = mergedDriver(runs);
  const indexOf = new Map(rules.map((rule, i) => [rule.id as string, i]));
  const owner = new Map<string, string>();
  const results: Array<{ key: string; item: Json }> = [];
  const notifications: Array<{ key: string; item: Json }> = [];
  for (const report of reports) {
    const keys = new Set<string>();
    for (const run of report.runs) {
      for (const item of run.results as Json[]) {
        const key = locationKey(item, cwd) as string;
        keys.add(key);
        // Rule indices point into the merged rules now.
        const { ruleId, ruleIndex: _index, ...rest } = item;
        const index = indexOf.get(ruleId as string);
        results.push({ key, item: { ruleId, ...(index !== undefined ? { ruleIndex: index } : {}), ...rest } });
      }
      for (const item of notificationsOf(run)) {
        const key = locationKey(item, cwd) as string;
        keys.add(key);
        notifications.push({ key, item });
      }
    }
    claim(owner, keys, report.file);
  }
  // Sorted by file as the unsharded run orders them; a stable sort keeps each file's own order.
  return sarifLog({ version, rules, results: byKey(results), notifications: byKey(notifications) });
}

function byKey(items: Array<{ key: string; item: Json }>): Json[] {
  return items.sort((a, b) => compareCodeUnits(a.key, b.key)).map((x) => x.item);
}

// ---------- merging ----------

/** Code-unit order, as the files of a directory are linted (not the locale's). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Record that `file` reports `paths`; a path another report already has is an error. */
function claim(owner: Map<string, string>, paths: Iterable<string>, file: string): void {
  for (const key of paths) {
    const earlier = owner.get(key);
    if (earlier !== undefined) {
      throw new InputError(file, `${key} is also in ${earlier}: the shards of one run never share a file, so these are reports of different runs`);
    }
    owner.set(key, file);
  }
}

function mergeJson(reports: readonly JsonReport[]): LintResult[] {
  const owner = new Map<string, string>();
  for (const report of reports) {
    const paths = new Set<string>();
    for (const { filePath } of report.results) {
      if (paths.has(filePath)) throw new InputError(report.file, `${filePath} is reported twice`);
      paths.add(filePath);
    }
    claim(owner, paths, report.file);
  }
  return reports.flatMap((r) => r.results).sort((a, b) => compareCodeUnits(sortKey(a.filePath), sortKey(b.filePath)));
}

/** A reported path as directories' files are sorted when they are linted: with `/` between folders (Windows reports `\`). */
function sortKey(filePath: string): string {
  return path.sep === '/' ? filePath : filePath.split(path.sep).join('/');
}

async function readReport(file: string, cwd: string, warn: (message: string) => void): Promise<Report> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new InputError(file, describeFsError(error), { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(file, `not an mlsd-lint report: not JSON (${oneLine(error instanceof Error ? error.message : String(error))})`, { cause: error });
  }
  if (Array.isArray(value)) return jsonReport(file, value, warn);
  if (isObject(value) && 'runs' in value) return sarifReport(file, value, cwd, warn);
  throw new InputError(file, 'not an mlsd-lint report: expected the array that -f json writes or the SARIF log that -f sarif writes');
}

/** The formats and where they go: by default the reports' own format, to stdout (or the lone -o). */
function targetsFor(outputs: readonly OutputArgument[], kind: Report['kind'], reports: readonly Report[], cwd: string): OutputTarget[] {
  const given = outputs.some((o) => o.kind === 'format') ? outputs : [{ kind: 'format' as const, value: kind }, ...outputs];
  const targets = pairOutputs(given);
  checkOutputFiles(targets, cwd, reports.map((r) => path.resolve(cwd, r.file)), 'one of the reports being merged');
  if (kind === 'sarif') {
    const other = targets.find((t) => t.format !== 'sarif');
    if (other) throw new UsageError(`sarif reports merge into sarif only (-f sarif): a SARIF log has no scores or signals to print ${other.format} from; merge the shards' json reports for that`);
  }
  return targets;
}

/** Formats that print from the results alone; the others need the rules' metadata from the configuration. */
const WITHOUT_RULES = new Set(['json', 'summary', 'summary-json']);

/** The text of each reported file, for SARIF fingerprints; a file that cannot be read hashes its message instead (one warning). */
async function sourceTexts(results: readonly LintResult[], cwd: string, warn: (message: string) => void): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  let missing = 0;
  const files = results.filter((r) => r.messages.some((m) => m.ruleId !== null)).map((r) => r.filePath);
  // A few at a time: thousands of open files at once could run out of descriptors.
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(
      files.slice(i, i + 64).map(async (file) => {
        const text = await readInputFile({ path: path.resolve(cwd, file), displayPath: file }).catch(() => undefined);
        if (text === undefined) missing += 1;
        else texts.set(file, text);
      }),
    );
  }
  if (missing) warn(`${missing} of the reported files could not be read here: their SARIF fingerprints hash the message instead of the line (run merge-reports in the checkout the shards linted)`);
  return texts;
}

interface Rendered {
  reports: RenderedReport[];
  /** The markdown report for GITHUB_STEP_SUMMARY (asked for only when a github format goes there). */
  stepSummary: () => Promise<string>;
}

async function renderJson(results: readonly LintResult[], targets: readonly OutputTarget[], options: MergeOptions, io: CliIo, warn: (message: string) => void): Promise<Rendered> {
  const needsRules = targets.some((t) => !WITHOUT_RULES.has(t.format));
  const rulesMeta = needsRules
    ? (await configureFiles(results.map((r) => path.resolve(io.cwd, r.filePath)), { cwd: io.cwd, builtinRules, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) })).rulesMeta
    : new Map();
  const sources = targets.some((t) => t.format === 'sarif') ? await sourceTexts(results, io.cwd, warn) : new Map<string, string>();
  const color = shouldUseColor({ flag: options.color, env: io.env, isTTY: Boolean(io.stdout.isTTY) });
  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined;
  const base: FormatterContext = { cwd: io.cwd, color: false, rulesMeta, version: packageVersion(), sourceText: (file) => sources.get(file), maxFindings: options.maxFindings, ...(options.questions ? { questions: true } : {}) };
  const reports: RenderedReport[] = [];
  for (const target of targets) {
    const toStdout = target.file === undefined;
    const format = await loadFormatter(target.format);
    reports.push({ target, text: format(results, { ...base, color: toStdout && color, ...(toStdout && width ? { width } : {}) }) });
  }
  return { reports, stepSummary: async () => (await import('../formatters/markdown.js')).stepSummary(results, base) };
}

function renderSarif(reports: readonly SarifReport[], targets: readonly OutputTarget[], cwd: string): Rendered {
  const text = mergeSarif(reports, cwd);
  // A sarif merge has only sarif targets: no github format, so no job summary is asked for.
  return { reports: targets.map((target) => ({ target, text })), stepSummary: () => Promise.resolve('') };
}

/** Run `merge-reports`; resolves to the exit code (0: the merged report was printed). */
export async function mergeReports(files: readonly string[], options: MergeOptions, io: CliIo): Promise<number> {
  const warn = (message: string): void => void io.stderr.write(`${TOOL_NAME}: warning: ${oneLine(message)}\n`);
  const given = new Set<string>();
  for (const file of files) {
    const absolute = realOrResolved(path.resolve(io.cwd, file));
    if (given.has(absolute)) throw new UsageError(`"${file}" is given twice: each report is merged once`);
    given.add(absolute);
  }
  const reports: Report[] = [];
  for (const file of files) reports.push(await readReport(file, io.cwd, warn));
  const kind = (reports[0] as Report).kind;
  const other = reports.find((r) => r.kind !== kind);
  if (other) throw new UsageError(`${(reports[0] as Report).file} is a ${kind} report and ${other.file} a ${other.kind} one: merge reports of one format`);
  const targets = targetsFor(options.outputs, kind, reports, io.cwd);

  const rendered = kind === 'sarif' ? renderSarif(reports as SarifReport[], targets, io.cwd) : await renderJson(mergeJson(reports as JsonReport[]), targets, options, io, warn);
  // Everything is rendered before anything is written, as in the main command.
  await deliverReports(rendered.reports, io, rendered.stepSummary);
  return 0;
}
