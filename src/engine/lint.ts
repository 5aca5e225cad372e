import { Document } from '../document/document.js';
import type { Block, Section, Sentence } from '../document/types.js';
import type { Anchor, AnyRule, Report, SignalStatus, SignalVerdict } from '../rule/define.js';
import { applyDirectives } from './directives.js';
import type { LintMessage, LintResult, ResolvedConfig, SignalResult } from './types.js';

/** Raised when a rule misbehaves; names the rule so the user knows whom to blame. */
export class RuleError extends Error {
  override name = 'RuleError';
  constructor(
    readonly ruleId: string,
    /** What went wrong, without the rule or the file. */
    readonly detail: string,
    options?: { cause?: unknown; filePath?: string },
  ) {
    super(`rule "${ruleId}" ${detail}${options?.filePath ? ` while linting ${options.filePath}` : ''}`, options);
    this.filePath = options?.filePath;
  }

  /** The file being linted, when known. */
  readonly filePath: string | undefined;
}

const STATUS_CREDIT: Record<SignalStatus, number> = { high: 1, weak: 0.5, missing: 0 };
const EVIDENCE_MAX = 200;

interface Range {
  start: number;
  end: number;
}

function isSection(anchor: object): anchor is Section {
  return 'level' in anchor && 'ownKinds' in anchor;
}

function isSentenceOrBlock(anchor: object): anchor is Sentence | Block {
  return 'start' in anchor && 'end' in anchor && ('sentences' in anchor || 'words' in anchor);
}

function toRange(doc: Document, anchor: Anchor): Range {
  if (typeof anchor === 'number') {
    const line = doc.point(anchor).line;
    return { start: anchor, end: Math.max(anchor, doc.lines.lineEnd(line)) };
  }
  if (isSection(anchor)) {
    if (anchor.heading) return { start: anchor.heading.start, end: anchor.heading.end };
    return { start: anchor.start, end: anchor.start };
  }
  if (isSentenceOrBlock(anchor)) return { start: anchor.start, end: anchor.end };
  return { start: anchor.start, end: anchor.end };
}

export function formatMessage(ruleId: string, template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = data?.[name];
    if (value === undefined) throw new RuleError(ruleId, `reported message "${template}" without a value for {${name}}`);
    return String(value);
  });
}

/** Where a finding about absent content points: the most relevant heading, or line 1. */
function defaultAnchor(doc: Document, rule: AnyRule): Anchor {
  const kinds = rule.meta.signal?.sectionKinds ?? [];
  for (const kind of kinds) {
    const section = doc.sections.find((s) => s.ownKinds.has(kind) && s.heading);
    if (section) return section;
  }
  return 0;
}

function evidenceText(doc: Document, anchor: Anchor): string {
  const range = toRange(doc, anchor);
  const text = typeof anchor === 'object' && 'text' in anchor && typeof anchor.text === 'string' && !isSection(anchor) ? anchor.text : doc.text.slice(range.start, range.end);
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > EVIDENCE_MAX ? `${clean.slice(0, EVIDENCE_MAX - 1)}…` : clean;
}

export interface LintDocumentOptions {
  /** Report inline disable directives that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
}

/** Run every enabled rule over one document and collect signals, messages and the score. */
export function lintDocument(doc: Document, config: ResolvedConfig, filePath = doc.filePath ?? '<text>', options: LintDocumentOptions = {}): LintResult {
  try {
    return runRules(doc, config, filePath, options);
  } catch (error) {
    if (error instanceof RuleError && error.filePath === undefined) {
      throw new RuleError(error.ruleId, error.detail, { cause: error.cause ?? error, filePath });
    }
    throw error;
  }
}

function runRules(doc: Document, config: ResolvedConfig, filePath: string, options: LintDocumentOptions): LintResult {
  let messages: LintMessage[] = [];
  const signals: Array<SignalResult & { weight: number }> = [];

  const makeMessage = (rule: AnyRule, severity: 1 | 2, report: Report<string>): LintMessage => {
    const template = rule.meta.messages[report.messageId];
    if (template === undefined) throw new RuleError(rule.id, `reported an unknown message id "${report.messageId}"`);
    const text = formatMessage(rule.id, template, report.data);
    const range = toRange(doc, report.at ?? defaultAnchor(doc, rule));
    if (!(range.start >= 0 && range.end >= range.start && range.end <= doc.text.length)) {
      throw new RuleError(rule.id, `reported a position outside the document (${range.start}-${range.end} of ${doc.text.length})`);
    }
    const start = doc.point(range.start);
    const end = doc.point(range.end);
    const message: LintMessage = {
      ruleId: rule.id,
      severity,
      message: text,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      messageId: report.messageId,
    };
    if (report.suggestion) message.suggestion = report.suggestion;
    return message;
  };

  for (const [id, rule] of config.rules) {
    const setting = config.settings.get(id) ?? { severity: 0, options: {} };
    const isSignal = Boolean(rule.meta.signal);
    // A signal is judged even when its rule is off: the report always has every signal row.
    if (setting.severity === 0 && !isSignal) continue;
    const pending: Report<string>[] = [];
    let verdict: SignalVerdict<string> | void;
    try {
      verdict = rule.check({
        id,
        document: doc,
        options: setting.options,
        report: (report) => {
          pending.push(report);
        },
      });
    } catch (error) {
      if (error instanceof RuleError) throw error;
      throw new RuleError(id, `crashed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }

    if (isSignal) {
      const signal = rule.meta.signal!;
      if (!verdict || !['high', 'weak', 'missing'].includes(verdict.status)) {
        throw new RuleError(id, `must return a verdict with status "high", "weak" or "missing"`);
      }
      const row: SignalResult & { weight: number } = { id: signal.id, status: verdict.status, weight: signal.weight };
      if (verdict.evidence !== undefined) {
        const range = toRange(doc, verdict.evidence);
        const point = doc.point(range.start);
        row.line = point.line;
        row.column = point.column;
        row.evidence = evidenceText(doc, verdict.evidence);
      }
      if (verdict.status !== 'high' && verdict.suggestion) row.suggestion = verdict.suggestion;
      signals.push(row);
      if (verdict.status !== 'high' && setting.severity > 0) {
        const severity = severityFor(verdict.status, setting.severity, setting.options);
        if (severity > 0) {
          const report: Report<string> = { messageId: verdict.messageId ?? verdict.status, at: verdict.at ?? verdict.evidence ?? defaultAnchor(doc, rule) };
          if (verdict.data) report.data = verdict.data;
          if (verdict.suggestion) report.suggestion = verdict.suggestion;
          messages.push(makeMessage(rule, severity as 1 | 2, report));
        }
      }
    }
    if (setting.severity > 0) for (const report of pending) messages.push(makeMessage(rule, setting.severity as 1 | 2, report));
  }

  messages.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  // Inline directives filter messages only: signal rows and the score describe the answer as written.
  messages = applyDirectives(doc, messages, { knownRules: config.rules, reportUnused: options.reportUnusedDisableDirectives === true });
  const totalWeight = signals.reduce((sum, s) => sum + s.weight, 0);
  const earned = signals.reduce((sum, s) => sum + s.weight * STATUS_CREDIT[s.status], 0);
  const score = totalWeight > 0 ? Math.round((earned / totalWeight) * 100) : 0;
  return {
    filePath,
    score,
    signals: signals.map(({ weight: _weight, ...row }) => row),
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
  };
}

/**
 * A signal rule's severity applies to `missing`; a `weak` status is reported at the rule's
 * `weak` option ("warn" unless configured), never above the rule's own severity.
 */
function severityFor(status: SignalStatus, severity: number, options: Record<string, unknown>): number {
  if (status === 'missing') return severity;
  const weak = options.weak === 'error' ? 2 : options.weak === 'off' ? 0 : 1;
  return Math.min(weak, severity);
}
