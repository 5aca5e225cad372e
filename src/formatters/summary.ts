/**
 * `--format summary` (text) and `--format summary-json`: a repository in one view, for whoever
 * reads the whole set rather than one answer: how many documents, how their scores spread (median,
 * quartiles, a histogram), for each signal the share of documents where it is high, weak or
 * missing, and the ten weakest documents. "Which design docs have no monitoring plan?" is the
 * `missing` column of `monitoring`, and `summary-json` lists them. The markdown and html reports of
 * more than one file open with the same figures (`summarise`).
 */
import type { LintResult } from '../engine/types.js';
import { sanitize, padEnd } from './text.js';
import type { Formatter } from './types.js';

export interface RepositorySummary {
  documents: number;
  /** Documents abandoned over their work budget (not in the figures below). */
  notLinted: number;
  score: { median: number; q1: number; q3: number; min: number; max: number; histogram: Array<{ from: number; to: number; count: number }> } | null;
  signals: Array<{ id: string; high: number; weak: number; missing: number; notJudged: number; missingIn: string[] }>;
  weakest: Array<{ filePath: string; score: number }>;
}

/** The value at quantile q of sorted numbers (linear interpolation, as numpy's default). */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return Math.round(((sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo)) * 10) / 10;
}

export function summarise(results: readonly LintResult[]): RepositorySummary {
  const linted = results.filter((r) => !r.fatalErrorCount);
  const scores = linted.map((r) => r.score).sort((a, b) => a - b);
  const histogram = Array.from({ length: 5 }, (_, i) => ({ from: i * 20, to: i === 4 ? 100 : i * 20 + 19, count: 0 }));
  for (const s of scores) (histogram[Math.min(4, Math.floor(s / 20))] as { count: number }).count += 1;
  const ids: string[] = [];
  for (const r of linted) for (const s of r.signals) if (!ids.includes(s.id)) ids.push(s.id);
  const signals = ids.map((id) => {
    const row = { id, high: 0, weak: 0, missing: 0, notJudged: 0, missingIn: [] as string[] };
    for (const r of linted) {
      const s = r.signals.find((x) => x.id === id);
      if (!s) continue;
      if (s.judged === false) row.notJudged += 1;
      else {
        row[s.status] += 1;
        if (s.status === 'missing') row.missingIn.push(r.filePath);
      }
    }
    return row;
  });
  return {
    documents: results.length,
    notLinted: results.length - linted.length,
    score: scores.length ? { median: quantile(scores, 0.5), q1: quantile(scores, 0.25), q3: quantile(scores, 0.75), min: scores[0] as number, max: scores[scores.length - 1] as number, histogram } : null,
    signals,
    weakest: [...linted].sort((a, b) => a.score - b.score || a.filePath.localeCompare(b.filePath)).slice(0, 10).map((r) => ({ filePath: r.filePath, score: r.score })),
  };
}

/** `n` as a whole percentage of `of` ("-" of nothing). */
export const percent = (n: number, of: number): string => (of ? `${Math.round((n / of) * 100)}%` : '-');

/** A histogram bar: `count` in blocks, the fullest bucket (`most`) `width` blocks long. */
export const bar = (count: number, most: number, width: number): string => '█'.repeat(most ? Math.round((count / most) * width) : 0);

export const formatSummary: Formatter = (results) => {
  const s = summarise(results);
  const lines = [`mlsd-lint summary: ${s.documents} ${s.documents === 1 ? 'document' : 'documents'}${s.notLinted ? ` (${s.notLinted} not linted)` : ''}`];
  if (!s.score) return `${lines.join('\n')}\n`;
  const { median, q1, q3, min, max, histogram } = s.score;
  lines.push('', `Score: median ${median}, quartiles ${q1}-${q3}, lowest ${min}, highest ${max}`);
  const most = Math.max(...histogram.map((b) => b.count));
  for (const b of histogram) lines.push(`  ${String(b.from).padStart(3)}-${String(b.to).padEnd(3)} ${bar(b.count, most, 30)}${b.count ? ' ' : ''}${b.count}`);
  const width = Math.max(6, ...s.signals.map((r) => r.id.length));
  lines.push('', `${padEnd('Signal', width)}   high   weak  missing  not judged`);
  for (const r of s.signals) {
    const judged = r.high + r.weak + r.missing;
    lines.push(`${padEnd(sanitize(r.id), width)}  ${percent(r.high, judged).padStart(5)}  ${percent(r.weak, judged).padStart(5)}  ${percent(r.missing, judged).padStart(7)}  ${String(r.notJudged).padStart(10)}`);
  }
  lines.push('', 'Weakest documents');
  for (const w of s.weakest) lines.push(`  ${String(w.score).padStart(3)}  ${sanitize(w.filePath)}`);
  return `${lines.join('\n')}\n`;
};

export const formatSummaryJson: Formatter = (results) => JSON.stringify(summarise(results));

export default formatSummary;
