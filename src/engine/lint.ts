import { Document } from '../document/document.js';
import { inFile, runRule, sortMessages } from '../rule/run.js';
import type { SignalResult, SignalStatus } from '../rule/types.js';
import { applyDirectives } from './directives.js';
import type { LintResult, ResolvedConfig, RuleMessage } from './types.js';

const STATUS_CREDIT: Record<SignalStatus, number> = { high: 1, weak: 0.5, missing: 0 };

export interface LintDocumentOptions {
  /** Report inline disable directives that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
}

export interface LintMarkdownOptions extends LintDocumentOptions {
  /** Shown in the result (default `<text>`); also the Document's file name. */
  filePath?: string;
}

type Position = { line: number; column: number };
const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.column <= b.column);

/**
 * One finding per problem: a finding of a rule that declares `subsumedBySignals` (a vague phrase)
 * inside the statement a weak signal already reports is dropped, since the signal's message and
 * rewrite cover that statement.
 */
function oneFindingPerProblem(messages: RuleMessage[], config: ResolvedConfig): RuleMessage[] {
  const isSignal = (m: RuleMessage): boolean => Boolean(config.rules.get(m.ruleId)?.meta.signal);
  const subsumed = (m: RuleMessage): boolean => config.rules.get(m.ruleId)?.meta.subsumedBySignals === true;
  // A weak signal's message points at the statement it judged; a missing one points at a heading or line 1.
  const covering = messages.filter((m) => isSignal(m) && m.messageId !== 'missing' && m.endLine !== undefined && m.endColumn !== undefined);
  if (covering.length === 0) return messages;
  return messages.filter((m) => {
    if (!subsumed(m)) return true;
    const end = { line: m.endLine ?? m.line, column: m.endColumn ?? m.column };
    return !covering.some((c) => before(c, m) && before(end, { line: c.endLine!, column: c.endColumn! }));
  });
}

/** Parse markdown into a Document (with the configuration's named components) and lint it. */
export function lintMarkdown(text: string, config: ResolvedConfig, options: LintMarkdownOptions = {}): LintResult {
  const doc = new Document(text, { ...(options.filePath ? { filePath: options.filePath } : {}), ...(config.components ? { components: config.components } : {}) });
  return lintDocument(doc, config, options.filePath ?? '<text>', { reportUnusedDisableDirectives: options.reportUnusedDisableDirectives === true });
}

/** Run every enabled rule over one document and collect signals, messages and the score. */
export function lintDocument(doc: Document, config: ResolvedConfig, filePath = doc.filePath ?? '<text>', options: LintDocumentOptions = {}): LintResult {
  try {
    return runRules(doc, config, filePath, options);
  } catch (error) {
    throw inFile(error, filePath);
  }
}

function runRules(doc: Document, config: ResolvedConfig, filePath: string, options: LintDocumentOptions): LintResult {
  let messages: RuleMessage[] = [];
  const signals: Array<SignalResult & { weight: number }> = [];
  for (const [id, rule] of config.rules) {
    const outcome = runRule(doc, rule, config.settings.get(id) ?? { severity: 0, options: {} }, id);
    if (outcome.signal) signals.push(outcome.signal);
    messages.push(...outcome.messages);
  }

  sortMessages(messages);
  // Inline directives filter messages only: signal rows and the score describe the answer as written.
  messages = applyDirectives(doc, messages, { knownRules: config.rules, reportUnused: options.reportUnusedDisableDirectives === true });
  // After the directives: a signal message a directive silenced no longer covers its statement.
  messages = oneFindingPerProblem(messages, config);
  // The score is over the signals judged: a non-ML design is not marked down for lacking ML.
  const judged = signals.filter((s) => s.judged !== false);
  const totalWeight = judged.reduce((sum, s) => sum + s.weight, 0);
  const earned = judged.reduce((sum, s) => sum + s.weight * STATUS_CREDIT[s.status], 0);
  const score = totalWeight > 0 ? Math.round((earned / totalWeight) * 100) : 0;
  return {
    filePath,
    kind: doc.profile.kind,
    ...(doc.profile.script ? { script: doc.profile.script } : {}),
    score,
    signals: signals.map(({ weight: _weight, ...row }) => row),
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
  };
}
