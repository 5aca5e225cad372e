/**
 * The default, human report. Per file: the path and score, a table of the 11 signals, then the
 * findings split in two: "Weak signal" (what costs points: weak and missing signals and structure
 * findings, each with its position, severity, message, rule and a suggested rewrite) and "High
 * signal" (what already earns credit, with its evidence). Ends with an ESLint-style summary. A
 * clean run prints nothing, as ESLint does: a pre-commit hook or CI step that passes stays silent.
 * Laid out for 80 columns, wrapped to `context.width`.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { LintMessage, LintResult, SignalResult } from '../engine/types.js';
import type { SignalStatus } from '../rule/types.js';
import { padEnd, padStart, sanitize, truncate, visibleLength, wrap } from './text.js';
import { FATAL_LABEL, fatalOf, readingNote, type Formatter, type FormatterContext } from './types.js';
import { askedSignals } from './questions.js';

const DEFAULT_WIDTH = 80;
/** Narrower than this and wrapping would be one word a line; let the terminal wrap instead. */
const MIN_WIDTH = 50;
const REWRITE_LABEL = '→ Rewrite: ';

interface Style {
  c: ChalkInstance;
  width: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function statusColour(status: SignalStatus, c: ChalkInstance): (text: string) => string {
  return status === 'high' ? c.green : status === 'weak' ? c.yellow : c.red;
}

function scoreText(score: number, c: ChalkInstance): string {
  const colour = score >= 80 ? c.green : score >= 50 ? c.yellow : c.red;
  return colour(`score ${score}/100`);
}

/** Lines of `text` wrapped to the width, the first after `first`, the rest indented by `indent`. */
function hanging(first: string, text: string, indent: number, width: number, paint: (s: string) => string = (s) => s): string[] {
  const lines = wrap(text, Math.max(20, width - indent));
  return lines.map((line, i) => (i === 0 ? first : ' '.repeat(indent)) + paint(line));
}

function signalTable(signals: readonly SignalResult[], { c, width }: Style): string[] {
  const idWidth = Math.max(6, ...signals.map((s) => visibleLength(s.id)));
  const lineWidth = Math.max(4, ...signals.map((s) => String(s.line ?? '-').length));
  const statusWidth = 7;
  const evidenceWidth = width - (2 + idWidth + 2 + statusWidth + 2 + lineWidth + 2);
  const rows = [c.dim(`  ${padEnd('Signal', idWidth)}  ${padEnd('Status', statusWidth)}  ${padStart('Line', lineWidth)}  Evidence`)];
  for (const s of signals) {
    const evidence = s.evidence && evidenceWidth >= 10 ? truncate(sanitize(s.evidence), evidenceWidth) : '';
    const line = padStart(s.line === undefined ? '-' : String(s.line), lineWidth);
    const status = s.judged === false ? c.dim(padEnd('n/a', statusWidth)) : statusColour(s.status, c)(padEnd(s.status, statusWidth));
    rows.push(`  ${padEnd(sanitize(s.id), idWidth)}  ${status}  ${c.dim(line)}  ${c.dim(evidence)}`.trimEnd());
  }
  return rows;
}

function severityText(severity: 1 | 2, c: ChalkInstance): string {
  return severity === 2 ? c.red('error') : c.yellow('warn ');
}

/** Findings are indented under their section heading. */
const ITEM = '    ';

function weakSection(messages: readonly LintMessage[], context: FormatterContext, style: Style, total = messages.length): string[] {
  const { c, width } = style;
  const positions = messages.map((m) => `${m.line}:${m.column}`);
  const posWidth = Math.max(3, ...positions.map((p) => p.length));
  const indent = ITEM.length + posWidth + 2 + 5 + 2;
  const pad = ' '.repeat(indent);
  const lines = [c.bold('  Weak signal') + c.dim(total > messages.length ? ` (${messages.length} of ${total}, most useful first)` : ` (${total})`)];
  messages.forEach((m, i) => {
    const kind = m.ruleId !== null && context.rulesMeta.get(m.ruleId)?.signal ? 'signal' : 'structure';
    if (i > 0) lines.push('');
    lines.push(`${ITEM}${c.dim(padEnd(positions[i] as string, posWidth))}  ${severityText(m.severity, c)}  ${c.bold(sanitize(m.ruleId ?? FATAL_LABEL))} ${c.dim(`(${kind})`)}`);
    lines.push(...hanging(pad, sanitize(m.message), indent, width));
    if (m.suggestion) {
      // Continuation lines hang under the text after the arrow; only the label is coloured, so the
      // rewrite itself stays plain and easy to copy.
      const body = hanging(pad, `${REWRITE_LABEL}${sanitize(m.suggestion)}`, indent + 2, width);
      body[0] = pad + c.cyan(REWRITE_LABEL) + (body[0] as string).slice(pad.length + REWRITE_LABEL.length);
      lines.push(...body);
    }
  });
  return lines;
}

/**
 * The most useful findings first, in the order of the guide's steps: missing signals (errors)
 * before weak ones, signals by their step (steps 1-5, then the unstepped ones by weight), then the
 * structure findings; ties keep reading order.
 */
function byUsefulness(messages: readonly LintMessage[], context: FormatterContext): LintMessage[] {
  const rank = (m: LintMessage): number[] => {
    const signal = m.ruleId === null ? undefined : context.rulesMeta.get(m.ruleId)?.signal;
    if (!signal) return [2, 0, 0];
    return [m.severity === 2 ? 0 : 1, signal.step ?? 6, -(signal.weight ?? 0)];
  };
  return messages
    .map((m, i) => ({ m, i, r: rank(m) }))
    .sort((a, b) => a.r[0]! - b.r[0]! || a.r[1]! - b.r[1]! || a.r[2]! - b.r[2]! || a.i - b.i)
    .map(({ m }) => m);
}

/** One line for the findings not shown: how many, of which rules. */
function restLine(rest: readonly LintMessage[], { c }: Style): string {
  const counts = new Map<string, number>();
  for (const m of rest) counts.set(m.ruleId ?? FATAL_LABEL, (counts.get(m.ruleId ?? FATAL_LABEL) ?? 0) + 1);
  const list = [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ');
  return c.dim(`${ITEM}… ${plural(rest.length, 'more finding')} not shown: ${sanitize(list)} (--max-findings 0 shows all)`);
}

function highSection(signals: readonly SignalResult[], { c, width }: Style): string[] {
  const high = signals.filter((s) => s.status === 'high');
  const lines = [c.bold('  High signal') + c.dim(` (${high.length})`)];
  if (high.length === 0) return [...lines, c.dim(`${ITEM}none yet`)];
  const lineWidth = Math.max(3, ...high.map((s) => String(s.line ?? '-').length));
  const indent = ITEM.length + lineWidth + 2;
  high.forEach((s, i) => {
    if (i > 0) lines.push('');
    lines.push(`${ITEM}${c.dim(padEnd(s.line === undefined ? '-' : String(s.line), lineWidth))}  ${c.green(sanitize(s.id))}`);
    if (s.evidence) lines.push(...hanging(' '.repeat(indent), `“${sanitize(s.evidence)}”`, indent, width, c.dim));
  });
  return lines;
}

/** A file abandoned over its work budget: its path and why, where a report would be. */
function fatalReport(result: LintResult, fatal: LintMessage, { c, width }: Style): string[] {
  const first = `${ITEM}${c.dim('1:1')}  ${severityText(2, c)}  `;
  return [`${c.underline(sanitize(result.filePath))}  ${c.red('not linted')}`, '', ...hanging(first, `${sanitize(fatal.message)} (${FATAL_LABEL})`, ITEM.length + 12, width)];
}

/** `--questions`: what an interviewer would ask next, the weakest signals first. */
function questionsSection(signals: readonly SignalResult[], { c, width }: Style): string[] {
  const asked = askedSignals(signals);
  const count = asked.reduce((n, s) => n + (s.questions?.length ?? 0), 0);
  const lines = [c.bold('  Follow-up questions') + c.dim(` (${count})`)];
  for (const s of asked) {
    lines.push(`${ITEM}${statusColour(s.status, c)(sanitize(s.id))} ${c.dim(`(${s.status})`)}`);
    for (const q of s.questions ?? []) lines.push(...hanging(`${ITEM}  ? `, sanitize(q), ITEM.length + 4, width));
  }
  return lines;
}

function fileReport(result: LintResult, context: FormatterContext, style: Style): string[] {
  const { c } = style;
  const fatal = fatalOf(result);
  if (fatal) return fatalReport(result, fatal, style);
  const head = `${c.underline(sanitize(result.filePath))}  ${scoreText(result.score, c)}`;
  const questions = context.questions && askedSignals(result.signals).length ? ['', ...questionsSection(result.signals, style)] : [];
  if (result.messages.length === 0) return [`${head}  ${c.green('✔ no problems')}`, ...questions];
  const note = readingNote(result);
  const max = context.maxFindings ?? 0;
  const ranked = max > 0 && result.messages.length > max ? byUsefulness(result.messages, context) : undefined;
  const shown = ranked ? ranked.slice(0, max) : result.messages;
  const rest = ranked ? ranked.slice(max) : [];
  return [
    head,
    ...(note ? hanging('  ', note, 2, style.width, c.dim) : []),
    '',
    ...signalTable(result.signals, style),
    '',
    ...weakSection(shown, context, style, result.messages.length),
    ...(rest.length ? ['', restLine(rest, style)] : []),
    '',
    ...highSection(result.signals, style),
    ...questions,
  ];
}

function summary(results: readonly LintResult[], c: ChalkInstance): string {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const problems = errors + warnings;
  const colour = errors > 0 ? c.red : c.yellow;
  return colour.bold(`✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
}

const formatStylish: Formatter = (results, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 });
  const width = Math.max(MIN_WIDTH, context.width ?? DEFAULT_WIDTH);
  const style: Style = { c, width };
  if (results.every((r) => r.messages.length === 0) && !(context.questions && results.some((r) => askedSignals(r.signals).length))) return '';
  const blocks = results.map((r) => fileReport(r, context, style).join('\n'));
  return `${blocks.join('\n\n')}\n\n${summary(results, c)}\n`;
};

export default formatStylish;
