/**
 * `--format markdown`: the report as GitHub-flavoured markdown for a pull-request comment or a job
 * summary. Per file: the score, the signal table, the weak-signal findings with their rewrites and
 * the high signals; with more than one file, a summary of them all comes first (the figures of
 * `--format summary`), so a one-file report is unchanged by it. Everything taken from an answer is escaped, so a `|` cannot break the table and
 * a backtick, `<`, `*` or `[` cannot start markup.
 */
import type { LintMessage, LintResult, SignalResult } from '../engine/types.js';
import type { SignalStatus } from '../rule/types.js';
import { sanitize, truncate } from './text.js';
import { FATAL_LABEL, fatalOf, readingNote, ruleOfSignal, type Formatter, type FormatterContext } from './types.js';
import { askedSignals } from './questions.js';
import { bar, percent, summarise } from './summary.js';

const STATUS: Record<SignalStatus, string> = { high: '✅ high', weak: '⚠️ weak', missing: '❌ missing' };
const EVIDENCE_MAX = 160;

/**
 * Inline text made inert: control characters dropped, line breaks flattened, and every character
 * that can start inline markup, a table cell or an entity backslash-escaped (CommonMark allows a
 * backslash before any ASCII punctuation; in a GFM table `\|` keeps the pipe in the cell).
 */
export function escapeMarkdown(text: string): string {
  return sanitize(text).replace(/[\\`*_[\]<>|~&!#]/g, (c) => `\\${c}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function signalTitle(id: string, context: FormatterContext): string {
  const title = ruleOfSignal(id, context)?.meta.signal?.title;
  return title ? `${escapeMarkdown(title)} (\`${id}\`)` : `\`${id}\``;
}

function table(signals: readonly SignalResult[], context: FormatterContext): string[] {
  const rows = ['| Signal | Status | Line | Evidence |', '| --- | --- | --: | --- |'];
  for (const s of signals) {
    const evidence = s.evidence ? escapeMarkdown(truncate(s.evidence, EVIDENCE_MAX)) : '';
    rows.push(`| ${signalTitle(s.id, context)} | ${s.judged === false ? 'not judged' : STATUS[s.status]} | ${s.line ?? '-'} | ${evidence} |`);
  }
  return rows;
}

function finding(m: LintMessage, context: FormatterContext): string[] {
  if (m.ruleId === null) return [`- **error** (${FATAL_LABEL}): ${escapeMarkdown(m.message)}`];
  const kind = context.rulesMeta.get(m.ruleId)?.signal ? 'signal' : 'structure';
  const lines = [`- **${m.severity === 2 ? 'error' : 'warning'}** \`${m.ruleId}\` (${kind}, line ${m.line}:${m.column}): ${escapeMarkdown(m.message)}`];
  if (m.suggestion) lines.push(`  > **Rewrite:** ${escapeMarkdown(m.suggestion)}`);
  return lines;
}

function fileReport(result: LintResult, context: FormatterContext): string[] {
  // The path goes in a heading, not a code span: a backtick in a file name must not end it early.
  const fatal = fatalOf(result);
  if (fatal) return [`## ${escapeMarkdown(result.filePath)}: not linted`, '', ...finding(fatal, context)];
  const lines = [`## ${escapeMarkdown(result.filePath)}: score ${result.score}/100`, ''];
  const note = readingNote(result);
  if (note) lines.push(`_${escapeMarkdown(note)}_`, '');
  if (result.signals.length) lines.push(...table(result.signals, context), '');
  lines.push(`### Weak signal (${result.messages.length})`, '');
  if (result.messages.length) for (const m of result.messages) lines.push(...finding(m, context));
  else lines.push('No problems.');
  const high = result.signals.filter((s) => s.status === 'high');
  lines.push('', `### High signal (${high.length})`, '');
  if (high.length === 0) lines.push('None yet.');
  for (const s of high) {
    lines.push(`- \`${s.id}\`${s.line !== undefined ? ` (line ${s.line})` : ''}${s.evidence ? `: “${escapeMarkdown(truncate(s.evidence, EVIDENCE_MAX))}”` : ''}`);
  }
  const asked = askedSignals(result.signals);
  if (asked.length) {
    lines.push('', `### Follow-up questions`, '');
    for (const s of asked) {
      lines.push(`- \`${s.id}\` (${STATUS[s.status]})`);
      for (const q of s.questions ?? []) lines.push(`  - ${escapeMarkdown(q)}`);
    }
  }
  return lines;
}

/**
 * The files at a glance, for a report of more than one: the score spread with a histogram, each
 * signal's share of high, weak and missing, and the ten weakest files (`--format summary`'s figures).
 */
function summarySection(results: readonly LintResult[], context: FormatterContext): string[] {
  const s = summarise(results);
  const lines = ['', '## Summary', ''];
  if (!s.score) return [...lines, `No file was linted (${plural(s.notLinted, 'file')} over the work budget).`];
  const { median, q1, q3, min, max, histogram } = s.score;
  const of = s.notLinted ? ` of the ${plural(s.documents - s.notLinted, 'file')} linted` : '';
  lines.push(`Scores${of}: median ${median}, quartiles ${q1}-${q3}, lowest ${min}, highest ${max}.`, '', '| Score | Files |', '| --- | --- |');
  const most = Math.max(...histogram.map((b) => b.count));
  for (const b of histogram) lines.push(`| ${b.from}-${b.to} | ${bar(b.count, most, 20)}${b.count ? ' ' : ''}${b.count} |`);
  lines.push('', '| Signal | High | Weak | Missing | Not judged |', '| --- | --: | --: | --: | --: |');
  for (const r of s.signals) {
    const judged = r.high + r.weak + r.missing;
    lines.push(`| ${signalTitle(r.id, context)} | ${percent(r.high, judged)} | ${percent(r.weak, judged)} | ${percent(r.missing, judged)} | ${r.notJudged} |`);
  }
  lines.push('', s.weakest.length === 1 ? 'Weakest file:' : `Weakest ${s.weakest.length} files:`, '');
  s.weakest.forEach((w, i) => lines.push(`${i + 1}. ${escapeMarkdown(w.filePath)}: score ${w.score}/100`));
  return lines;
}

/** The markdown report; also what `--format github` appends to GITHUB_STEP_SUMMARY. */
export function markdownReport(results: readonly LintResult[], context: FormatterContext): string {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const head = ['# mlsd-lint report', '', `${plural(results.length, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`];
  const summary = results.length > 1 ? summarySection(results, context) : [];
  const body = results.flatMap((r) => ['', ...fileReport(r, context)]);
  return `${[...head, ...summary, ...body].join('\n')}\n`;
}

/** GitHub refuses a job summary above 1 MiB per step; stay well below it. */
export const STEP_SUMMARY_LIMIT = 1_000_000;

/**
 * The report for GITHUB_STEP_SUMMARY: the full markdown report when it fits, else the summary of
 * the files and one table row per file (score, errors, warnings), cut with a note if even that is
 * too long.
 */
export function stepSummary(results: readonly LintResult[], context: FormatterContext, limit = STEP_SUMMARY_LIMIT): string {
  const full = markdownReport(results, context);
  if (Buffer.byteLength(full) <= limit) return full;
  const intro = ['# mlsd-lint report', '', `The full report is too long for a job summary; ${plural(results.length, 'file')} in brief:`];
  // Too long is when a repository's summary matters most: it stays unless it alone would nearly fill the limit.
  const summary = results.length > 1 ? summarySection(results, context) : [];
  const head = Buffer.byteLength([...intro, ...summary].join('\n')) + 400 <= limit ? [...intro, ...summary] : intro;
  const lines = [...head, '', '| File | Score | Errors | Warnings |', '| --- | --: | --: | --: |'];
  let size = Buffer.byteLength(lines.join('\n'));
  for (const [i, r] of results.entries()) {
    const row = `| ${escapeMarkdown(r.filePath)} | ${r.score} | ${r.errorCount} | ${r.warningCount} |`;
    if (size + Buffer.byteLength(row) + 200 > limit) {
      lines.push('', `…and ${plural(results.length - i, 'more file')}.`);
      break;
    }
    lines.push(row);
    size += Buffer.byteLength(row) + 1;
  }
  return `${lines.join('\n')}\n`;
}

const formatMarkdown: Formatter = (results, context) => markdownReport(results, context);
export default formatMarkdown;
