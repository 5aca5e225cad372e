/**
 * `--format json`: the machine-readable contract, and nothing else. Keys are listed explicitly so
 * internal fields (a message's `messageId`, a signal's `column`) never leak into it by accident.
 */
import type { LintMessage, LintResult, SignalResult } from '../engine/types.js';
import type { Formatter } from './types.js';

export interface JsonSignal {
  id: string;
  status: SignalResult['status'];
  /** Only on a signal that was not judged (it needs a prediction problem the document does not have). */
  judged?: false;
  line?: number;
  evidence?: string;
  suggestion?: string;
  /** What an interviewer would ask next about this signal, in the answer's own words (may be empty). */
  questions: string[];
}

export interface JsonMessage {
  /** null for a fatal message (see `fatal`). */
  ruleId: string | null;
  /** Only on the one message of a file abandoned over its work budget (ESLint's shape for a parse error). */
  fatal?: true;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  suggestion?: string;
}

export interface JsonResult {
  filePath: string;
  /** `ml`, `ml-infrastructure` or `non-ml`: what the document was judged as (absent when it was abandoned). */
  kind?: LintResult['kind'];
  /** The writing system most of the answer is in, when it is not Latin ('Cyrillic', 'Hangul', ...). */
  script?: string;
  score: number;
  signals: JsonSignal[];
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  /** Only on a file abandoned over its work budget: 1. */
  fatalErrorCount?: number;
}

function signal(s: SignalResult): JsonSignal {
  const out: JsonSignal = { id: s.id, status: s.status, questions: [] };
  if (s.judged === false) out.judged = false;
  if (s.line !== undefined) out.line = s.line;
  if (s.evidence !== undefined) out.evidence = s.evidence;
  if (s.suggestion !== undefined) out.suggestion = s.suggestion;
  out.questions = s.judged === false ? [] : [...(s.questions ?? [])];
  return out;
}

function message(m: LintMessage): JsonMessage {
  const out: JsonMessage = { ruleId: m.ruleId, ...(m.fatal ? { fatal: true as const } : {}), severity: m.severity, message: m.message, line: m.line, column: m.column };
  if (m.endLine !== undefined) out.endLine = m.endLine;
  if (m.endColumn !== undefined) out.endColumn = m.endColumn;
  if (m.suggestion !== undefined) out.suggestion = m.suggestion;
  return out;
}

export function toJsonResults(results: readonly LintResult[]): JsonResult[] {
  return results.map((r) => ({
    filePath: r.filePath,
    ...(r.kind !== undefined ? { kind: r.kind } : {}),
    ...(r.script !== undefined ? { script: r.script } : {}),
    score: r.score,
    signals: r.signals.map(signal),
    messages: r.messages.map(message),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    ...(r.fatalErrorCount !== undefined ? { fatalErrorCount: r.fatalErrorCount } : {}),
  }));
}

const formatJson: Formatter = (results) => JSON.stringify(toJsonResults(results));
export default formatJson;
