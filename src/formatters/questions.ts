/**
 * `--format questions` and `mlsd-lint questions <files>`: the follow-up questions of every signal
 * as a mock-interview sheet. Per file, the signals an interviewer would press on first (missing,
 * then weak, then high), each in the order of the guide's steps, with their questions numbered
 * through the sheet. Plain text, no colour: it is meant to be printed or pasted.
 */
import type { LintResult, SignalResult } from '../engine/types.js';
import { fatalOf, signalTitleOf, type Formatter, type FormatterContext } from './types.js';
import { sanitize, wrap } from './text.js';

const ORDER = { missing: 0, weak: 1, high: 2 } as const;

/** Signals with questions, the weakest first; the guide's order within a status. */
export function askedSignals(signals: readonly SignalResult[]): SignalResult[] {
  return signals
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.judged !== false && (s.questions?.length ?? 0) > 0)
    .sort((a, b) => ORDER[a.s.status] - ORDER[b.s.status] || a.i - b.i)
    .map(({ s }) => s);
}

function sheet(result: LintResult, context: FormatterContext, width: number): string[] {
  const fatal = fatalOf(result);
  if (fatal) return [`${sanitize(result.filePath)}: not linted (${sanitize(fatal.message)})`];
  const asked = askedSignals(result.signals);
  const lines = [`Mock interview: ${sanitize(result.filePath)} (score ${result.score}/100)`];
  if (asked.length === 0) return [...lines, '', '  No follow-up questions.'];
  let n = 0;
  for (const s of asked) {
    lines.push('', `  ${sanitize(signalTitleOf(s.id, context))} (${s.id}, ${s.status})`);
    for (const q of s.questions ?? []) {
      n += 1;
      const label = `  ${String(n).padStart(2)}. `;
      wrap(sanitize(q), width - label.length).forEach((line, i) => lines.push(i === 0 ? label + line : ' '.repeat(label.length) + line));
    }
  }
  return lines;
}

const formatQuestions: Formatter = (results, context) => {
  const width = Math.max(50, context.width ?? 80);
  return `${results.map((r) => sheet(r, context, width).join('\n')).join('\n\n')}\n`;
};

export default formatQuestions;
