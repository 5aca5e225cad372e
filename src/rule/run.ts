/**
 * Running one rule over one Document: the context it is given, the checks on what it returns and
 * reports (a known message id, every placeholder filled, a position inside the document, a valid
 * status), and the signal row and messages made of them. The engine runs every rule of a
 * configuration through here; RuleTester runs one.
 */
import type { Document } from '../document/document.js';
import type { Block, Section, Sentence } from '../document/types.js';
import type { Anchor, AnyRule, RuleMessage, Report, RuleSetting, SignalDefinition, SignalResult, SignalStatus, SignalVerdict } from './types.js';

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

/** A pair in document order, or the one anchor when both parts are the same range. */
function evidenceParts(doc: Document, evidence: Anchor | readonly [Anchor, Anchor]): Anchor[] {
  if (!Array.isArray(evidence)) return [evidence as Anchor];
  const [a, b] = evidence as readonly [Anchor, Anchor];
  const ra = toRange(doc, a);
  const rb = toRange(doc, b);
  if (ra.start === rb.start && ra.end === rb.end) return [a];
  return ra.start <= rb.start ? [a, b] : [b, a];
}

function evidenceText(doc: Document, anchor: Anchor): string {
  const range = toRange(doc, anchor);
  const text = typeof anchor === 'object' && 'text' in anchor && typeof anchor.text === 'string' && !isSection(anchor) ? anchor.text : doc.text.slice(range.start, range.end);
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > EVIDENCE_MAX ? `${clean.slice(0, EVIDENCE_MAX - 1)}…` : clean;
}

/** A RuleError raised while linting a file, named with that file (once). */
export function inFile(error: unknown, filePath: string): unknown {
  if (error instanceof RuleError && error.filePath === undefined) {
    return new RuleError(error.ruleId, error.detail, { cause: error.cause ?? error, filePath });
  }
  return error;
}

/** What one rule gave: its signal row (with the signal's weight, for the score) and its messages. */
export interface RuleOutcome {
  signal?: SignalResult & { weight: number };
  messages: RuleMessage[];
}

/** The row of a signal that was not judged on this document: missing, nothing reported. */
function notJudged(definition: SignalDefinition): RuleOutcome {
  return { signal: { id: definition.id, status: 'missing', judged: false, weight: definition.weight }, messages: [] };
}

/**
 * Run one rule with its setting. A signal rule is judged even when it is off (every report has
 * every signal row); it reports a message only when on and not high. A finding rule that is off
 * does not run.
 */
export function runRule(doc: Document, rule: AnyRule, setting: RuleSetting, id = rule.id): RuleOutcome {
  const messages: RuleMessage[] = [];
  const isSignal = Boolean(rule.meta.signal);
  if (setting.severity === 0 && !isSignal) return { messages };

  const makeMessage = (severity: 1 | 2, report: Report<string>): RuleMessage => {
    const template = rule.meta.messages[report.messageId];
    if (template === undefined) throw new RuleError(rule.id, `reported an unknown message id "${report.messageId}"`);
    const text = formatMessage(rule.id, template, report.data);
    const range = toRange(doc, report.at ?? defaultAnchor(doc, rule));
    if (!(range.start >= 0 && range.end >= range.start && range.end <= doc.text.length)) {
      throw new RuleError(rule.id, `reported a position outside the document (${range.start}-${range.end} of ${doc.text.length})`);
    }
    const start = doc.point(range.start);
    const end = doc.point(range.end);
    const message: RuleMessage = {
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

  // A signal that needs a prediction problem is not judged on a document that has none (nor one
  // judged on some kinds of document only on the others).
  const judgedOn = rule.meta.signal?.judgedOn ?? (rule.meta.signal?.mlOnly ? ['ml'] : undefined);
  if (rule.meta.signal && judgedOn && !judgedOn.includes(doc.profile.kind)) return notJudged(rule.meta.signal);

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

  let signal: (SignalResult & { weight: number }) | undefined;
  if (isSignal) {
    const definition = rule.meta.signal!;
    if (!verdict || !['high', 'weak', 'missing'].includes(verdict.status)) {
      throw new RuleError(id, `must return a verdict with status "high", "weak" or "missing"`);
    }
    if (verdict.judged === false) {
      if (verdict.status !== 'missing') throw new RuleError(id, 'a verdict that is not judged must have status "missing"');
      return notJudged(definition);
    }
    signal = { id: definition.id, status: verdict.status, weight: definition.weight };
    const evidence = verdict.evidence !== undefined ? evidenceParts(doc, verdict.evidence) : undefined;
    if (evidence) {
      const range = toRange(doc, evidence[0] as Anchor);
      const point = doc.point(range.start);
      signal.line = point.line;
      signal.column = point.column;
      signal.evidence = evidence.map((part) => evidenceText(doc, part)).join(' … ');
    }
    if (verdict.status !== 'high' && verdict.suggestion) signal.suggestion = verdict.suggestion;
    if (rule.followUp) {
      let questions: readonly string[];
      try {
        questions = rule.followUp({ document: doc, status: verdict.status, ...(signal.evidence !== undefined ? { evidence: signal.evidence } : {}) });
      } catch (error) {
        throw new RuleError(id, `crashed in followUp: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (!Array.isArray(questions) || questions.some((q) => typeof q !== 'string')) throw new RuleError(id, 'followUp must return an array of strings');
      const kept = [...new Set(questions.map((q) => q.trim()).filter(Boolean))].slice(0, MAX_QUESTIONS);
      if (kept.length) signal.questions = kept;
    }
    if (verdict.status !== 'high' && setting.severity > 0) {
      const severity = severityFor(verdict.status, setting.severity, setting.options);
      if (severity > 0) {
        const report: Report<string> = { messageId: verdict.messageId ?? verdict.status, at: verdict.at ?? evidence?.[0] ?? defaultAnchor(doc, rule) };
        if (verdict.data) report.data = verdict.data;
        if (verdict.suggestion) report.suggestion = verdict.suggestion;
        messages.push(makeMessage(severity as 1 | 2, report));
      }
    }
  }
  if (setting.severity > 0) for (const report of pending) messages.push(makeMessage(setting.severity as 1 | 2, report));
  return signal ? { signal, messages } : { messages };
}

/** Follow-up questions kept per signal. */
const MAX_QUESTIONS = 3;

/** Messages in reading order: by line, then column, then rule id (a stable sort: ties keep report order). */
export function sortMessages(messages: RuleMessage[]): RuleMessage[] {
  return messages.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
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
