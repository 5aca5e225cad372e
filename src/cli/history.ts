/**
 * `mlsd-lint history [files...]`: how answers moved over their runs, from `.mlsd-lint/history.jsonl`
 * (src/run/history.ts). With files: for each, the score as a sparkline with its first and latest
 * value, and per signal the first and latest status and the date it turned high. Without: one line
 * per file in the history. `--json` prints the records instead.
 */
import type { HistoryRecord } from '../run/history.js';
import { HISTORY_FILE, byFile, historyKey, historyPath, readHistory, skippedWarning } from '../run/history.js';
import { padEnd, sanitize } from '../formatters/text.js';
import { TOOL_NAME } from '../support/project.js';
import type { CliIo } from './io.js';

const BARS = '▁▂▃▄▅▆▇█';
/** Runs shown in a sparkline (the latest ones). */
const SPARK_RUNS = 40;

/** One bar per score, on the absolute 0-100 scale (so two answers' lines compare). */
export function sparkline(scores: readonly number[]): string {
  return scores.map((score) => BARS[Math.max(0, Math.min(BARS.length - 1, Math.floor((score / 100) * BARS.length)))]).join('');
}

const day = (time: string): string => time.slice(0, 10);
/** A change with its sign: +9, -3, 0. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

function scoreLine(records: readonly HistoryRecord[]): string {
  const scores = records.map((r) => r.score);
  const first = scores[0] as number;
  const latest = scores[scores.length - 1] as number;
  const shown = scores.slice(-SPARK_RUNS);
  const change = scores.length > 1 ? `${first} -> ${latest} (${signed(latest - first)})` : String(latest);
  return `${sparkline(shown)}  ${change}`;
}

/** When a signal turned high: the first record where it was high after not being high (or at the start). */
function turnedHigh(records: readonly HistoryRecord[], id: string): string {
  let since: string | undefined;
  let lost: string | undefined;
  let previous: string | undefined;
  for (const record of records) {
    const status = record.signals[id];
    if (status === 'high' && previous !== 'high') {
      since ??= day(record.time);
      lost = undefined;
    }
    if (status !== 'high' && previous === 'high') lost = day(record.time);
    previous = status;
  }
  if (since === undefined) return '-';
  return lost ? `${since} (lost ${lost})` : since;
}

export function fileHistory(file: string, records: readonly HistoryRecord[]): string {
  const first = records[0] as HistoryRecord;
  const latest = records[records.length - 1] as HistoryRecord;
  const runs = records.length === 1 ? '1 run' : `${records.length} runs`;
  const span = day(first.time) === day(latest.time) ? day(first.time) : `${day(first.time)} to ${day(latest.time)}`;
  const lines = [`${sanitize(file)}  ${runs}, ${span}`, `  score  ${scoreLine(records)}`, ''];
  const ids = [...new Set([...Object.keys(latest.signals), ...records.flatMap((r) => Object.keys(r.signals))])];
  const idWidth = Math.max(6, ...ids.map((id) => id.length));
  lines.push(`  ${padEnd('Signal', idWidth)}  ${padEnd('First', 8)} ${padEnd('Latest', 8)} Turned high`);
  for (const id of ids) {
    const firstStatus = records.find((r) => r.signals[id] !== undefined)?.signals[id] ?? '-';
    const latestStatus = latest.signals[id] ?? '-';
    lines.push(`  ${padEnd(sanitize(id), idWidth)}  ${padEnd(sanitize(firstStatus), 8)} ${padEnd(sanitize(latestStatus), 8)} ${turnedHigh(records, id)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function overview(byFile: ReadonlyMap<string, HistoryRecord[]>): string {
  const width = Math.max(4, ...[...byFile.keys()].map((f) => sanitize(f).length));
  const lines = [...byFile].map(([file, records]) => `${padEnd(sanitize(file), width)}  ${padEnd(records.length === 1 ? '1 run' : `${records.length} runs`, 9)} ${scoreLine(records)}`);
  lines.push('', `Details: ${TOOL_NAME} history <file>`);
  return `${lines.join('\n')}\n`;
}

export async function showHistory(files: readonly string[], options: { json: boolean }, io: CliIo): Promise<number> {
  const { records, skipped } = await readHistory(historyPath(io.cwd));
  const warning = skippedWarning(HISTORY_FILE, skipped);
  if (warning) io.stderr.write(`${TOOL_NAME}: warning: ${warning}\n`);
  const recorded = byFile(records);
  const keys = files.map((f) => historyKey(io.cwd, f));
  if (options.json) {
    const chosen = keys.length ? keys.flatMap((k) => recorded.get(k) ?? []) : [...recorded.values()].flat();
    io.stdout.write(`${JSON.stringify(chosen, null, 2)}\n`);
    return 0;
  }
  if (keys.length === 0) {
    io.stdout.write(recorded.size ? overview(recorded) : `No history yet in ${HISTORY_FILE}: it grows with each run of ${TOOL_NAME} on a file.\n`);
    return 0;
  }
  const parts = keys.map((key, i) => {
    const list = recorded.get(key);
    return list ? fileHistory(key, list) : `${sanitize(files[i] as string)}: no history yet (run ${TOOL_NAME} ${sanitize(files[i] as string)} to start one)\n`;
  });
  io.stdout.write(parts.join('\n'));
  return 0;
}
