/**
 * Score history: every run of a file appends one record (time, content hash, score, status per
 * signal) to `.mlsd-lint/history.jsonl` in the working directory, so `mlsd-lint history <file>`
 * can show how an answer moved from one edit to the next.
 *
 * - One JSON object per line. A run appends all its records with one `appendFile` (O_APPEND: the
 *   lines of concurrent runs never interleave inside a line), and never rewrites the file.
 * - Identical content is recorded once per file: a record whose file and hash are already there is
 *   not appended again.
 * - A line that is not a history record (corrupt, cut, from another tool) is skipped with a
 *   warning; reading or writing the history never fails a run (the caller turns an error into a
 *   warning).
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LintResult } from '../engine/types.js';
import { HISTORY_FILE, TOOL_NAME } from '../support/project.js';

export { HISTORY_FILE };
const FORMAT = 1;

export interface HistoryRecord {
  /** Record format. */
  v: number;
  tool: string;
  /** The tool's version that made the record. */
  version: string;
  /** The file, relative to the working directory, with `/` separators. */
  file: string;
  /** ISO 8601 time of the run. */
  time: string;
  /** A 64-bit fingerprint of the file's text (contentHash), 16 hex digits. */
  hash: string;
  score: number;
  /** Status per signal id. */
  signals: Record<string, string>;
}

export function historyPath(cwd: string): string {
  return path.join(cwd, HISTORY_FILE);
}

/** A file's key in the history: relative to the working directory, `/`-separated. */
export function historyKey(cwd: string, file: string): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
}

/**
 * A 64-bit fingerprint of a text, as 16 hex digits: two 32-bit multiply-xorshift hashes of its
 * UTF-16 code units (cyrb53's mixing, kept to 64 bits). It only tells versions of one file apart,
 * so it need not be cryptographic, and computing it here spares every run loading node:crypto
 * (~15 ms of a cold start).
 */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

function isRecord(value: unknown): value is HistoryRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return (
    r.tool === TOOL_NAME &&
    typeof r.v === 'number' &&
    typeof r.file === 'string' &&
    typeof r.time === 'string' &&
    !Number.isNaN(Date.parse(r.time)) &&
    typeof r.hash === 'string' &&
    typeof r.score === 'number' &&
    Number.isFinite(r.score) &&
    !!r.signals &&
    typeof r.signals === 'object' &&
    Object.values(r.signals as object).every((s) => typeof s === 'string')
  );
}

export interface ReadHistory {
  records: HistoryRecord[];
  /** 1-based line numbers of lines that are not records. */
  skipped: number[];
  /** The file exists, is not empty and its last line has no newline (cut short). */
  unterminated: boolean;
}

/** Every record of the history file (none when it does not exist), in file order. */
export async function readHistory(file: string): Promise<ReadHistory> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skipped: [], unterminated: false };
    throw error;
  }
  const records: HistoryRecord[] = [];
  const skipped: number[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (isRecord(value) && value.v <= FORMAT) records.push(value);
    else skipped.push(i + 1);
  });
  return { records, skipped, unterminated: text.length > 0 && !text.endsWith('\n') };
}

/** Records by file, each file's in time order (concurrent runs may have appended out of order). */
export function byFile<R extends Pick<HistoryRecord, 'file' | 'time'>>(records: readonly R[]): Map<string, R[]> {
  const files = new Map<string, R[]>();
  for (const record of records) {
    const list = files.get(record.file) ?? [];
    list.push(record);
    files.set(record.file, list);
  }
  for (const list of files.values()) list.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return files;
}

/** The warning for lines that were skipped, or undefined. */
export function skippedWarning(file: string, skipped: readonly number[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const shown = skipped.slice(0, 5).join(', ') + (skipped.length > 5 ? ` and ${skipped.length - 5} more` : '');
  return `${file}: ${skipped.length === 1 ? 'line' : 'lines'} ${shown} ${skipped.length === 1 ? 'is' : 'are'} not a history record; skipped`;
}

export interface RecordOptions {
  cwd: string;
  version: string;
  /** The text of each result's file, by the result's `filePath`. */
  texts: ReadonlyMap<string, string>;
  /** Results whose file is one of these are recorded (files, not stdin). */
  files: ReadonlySet<string>;
  now?: Date;
  warn?: (message: string) => void;
}

/**
 * Append one record per linted file whose content is not in the history yet. Results of files
 * abandoned over their budget, and of text from stdin, are not recorded. Resolves to the number of
 * records appended.
 */
export async function recordHistory(results: readonly LintResult[], options: RecordOptions): Promise<number> {
  const file = historyPath(options.cwd);
  const fresh = runRecords(results, options);
  if (fresh.length === 0) return 0;
  const { records, skipped, unterminated } = await readHistory(file);
  const warning = skippedWarning(HISTORY_FILE, skipped);
  if (warning) options.warn?.(warning);
  const lines = unseen(records, fresh).map((record) => JSON.stringify(record));
  if (lines.length === 0) return 0;
  await mkdir(path.dirname(file), { recursive: true });
  // One write of whole lines; a file cut short by a crash (no final newline) gets its own line.
  await appendFile(file, `${unterminated ? '\n' : ''}${lines.join('\n')}\n`, { encoding: 'utf8', flag: 'a' });
  return lines.length;
}

/** The records of `fresh` whose file and content are not among `records` (nor earlier in `fresh`). */
export function unseen(records: readonly HistoryRecord[], fresh: readonly HistoryRecord[]): HistoryRecord[] {
  const seen = new Set(records.map((r) => `${r.file}\0${r.hash}`));
  return fresh.filter((record) => {
    const key = `${record.file}\0${record.hash}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What this run would record: one record per linted file (not stdin, not an abandoned file). */
export function runRecords(results: readonly LintResult[], options: RecordOptions): HistoryRecord[] {
  const time = (options.now ?? new Date()).toISOString();
  const fresh: HistoryRecord[] = [];
  for (const result of results) {
    if (result.fatalErrorCount || !options.files.has(result.filePath)) continue;
    const text = options.texts.get(result.filePath);
    if (text === undefined) continue;
    fresh.push({
      v: FORMAT,
      tool: TOOL_NAME,
      version: options.version,
      file: historyKey(options.cwd, result.filePath),
      time,
      hash: contentHash(text),
      score: result.score,
      signals: Object.fromEntries(result.signals.map((s) => [s.id, s.status])),
    });
  }
  return fresh;
}
