/**
 * A lint outcome as the editor sees it: diagnostics, hover text, code actions and code lenses.
 * Pure functions of the outcome and the text it was linted from; the server (server.ts) decides
 * when to compute and send them.
 */
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type CodeLens, type Diagnostic, type Hover } from 'vscode-languageserver';
import type { LintMessage } from '../engine/types.js';
import type { RuleMeta, SignalStatus } from '../rule/types.js';
import { TOOL_NAME } from '../support/project.js';
import type { LintOutcome } from './lint.js';
import { overlaps, type DocumentLines, type TextPosition, type TextRange } from './text.js';

/** One linted version of a document: what it said, or the one-line problem that stopped it. */
export interface Linted {
  version: number;
  lines: DocumentLines;
  outcome?: LintOutcome;
  problem?: string;
}

/** What a document whose lint failed shows, once, on its top line (the details go to the log). */
export function problemDiagnostic(lines: DocumentLines, problem: string): Diagnostic {
  return { range: lines.topRange(), severity: DiagnosticSeverity.Error, source: TOOL_NAME, message: `${TOOL_NAME} could not lint this document: ${problem}` };
}

function diagnosticOf(message: LintMessage, lines: DocumentLines, rulesMeta: LintOutcome['rulesMeta']): Diagnostic {
  // The fatal message of a document abandoned over its work budget has no rule and no position.
  if (message.fatal || message.ruleId === null) {
    return { range: lines.topRange(), severity: DiagnosticSeverity.Error, source: TOOL_NAME, message: `Not linted within the work budget: ${message.message}` };
  }
  const docsUrl = rulesMeta.get(message.ruleId)?.docsUrl;
  return {
    range: lines.rangeOf(message),
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: TOOL_NAME,
    code: message.ruleId,
    ...(docsUrl ? { codeDescription: { href: docsUrl } } : {}),
    message: message.message,
  };
}

export function diagnosticsOf(state: Linted): Diagnostic[] {
  if (state.problem !== undefined) return [problemDiagnostic(state.lines, state.problem)];
  if (!state.outcome) return [];
  const { result, rulesMeta } = state.outcome;
  return result.messages.map((m) => diagnosticOf(m, state.lines, rulesMeta));
}

/** The messages of a rule the configuration knows (not a fatal one, not a directive warning) that touch `range`. */
function findingsAt(state: Linted, range: TextRange): Array<{ message: LintMessage & { ruleId: string }; meta: RuleMeta<string, unknown>; range: TextRange }> {
  if (!state.outcome) return [];
  const { result, rulesMeta } = state.outcome;
  const out: Array<{ message: LintMessage & { ruleId: string }; meta: RuleMeta<string, unknown>; range: TextRange }> = [];
  for (const message of result.messages) {
    const meta = message.ruleId === null ? undefined : rulesMeta.get(message.ruleId);
    const at = state.lines.rangeOf(message);
    if (meta && !message.fatal && overlaps(at, range)) out.push({ message: message as LintMessage & { ruleId: string }, meta, range: at });
  }
  return out;
}

/** Hover on a finding: its rule's description, criteria and the follow-up questions of its signal. */
export function hoverAt(state: Linted, position: TextPosition): Hover | null {
  const found = findingsAt(state, { start: position, end: position });
  if (!found.length || !state.outcome) return null;
  const signals = state.outcome.result.signals;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const { message, meta } of found) {
    if (seen.has(message.ruleId)) continue;
    seen.add(message.ruleId);
    const lines = [`**${TOOL_NAME}: ${message.ruleId}**${meta.signal ? ` (${meta.signal.title})` : ''}`, '', `${meta.description}.`];
    if (meta.criteria) {
      lines.push('', meta.signal ? '**What earns each status**' : '**When it is reported**', '');
      for (const [key, text] of Object.entries(meta.criteria)) lines.push(`- *${key}*: ${text}`);
    }
    const signalId = meta.signal?.id;
    const questions = signalId === undefined ? [] : (signals.find((s) => s.id === signalId)?.questions ?? []);
    if (questions.length) lines.push('', '**Follow-up questions**', '', ...questions.map((q) => `- ${q}`));
    if (meta.docsUrl) lines.push('', `[Rule documentation](${meta.docsUrl})`);
    parts.push(lines.join('\n'));
  }
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range: (found[0] as (typeof found)[number]).range };
}

function insertion(uri: string, at: TextPosition, text: string): CodeAction['edit'] {
  return { changes: { [uri]: [{ range: { start: at, end: at }, newText: text }] } };
}

/**
 * The code actions for the findings in `range`: insert a signal's suggested rewrite at the end of
 * the section its finding points to (the end of the document when no heading is above it), and
 * silence a rule with the project's inline directives, for the finding's block
 * (`disable-next-line`, which covers the markdown block after the comment) or for the file.
 */
export function codeActionsFor(uri: string, state: Linted, range: TextRange): CodeAction[] {
  const found = findingsAt(state, range);
  if (!state.outcome) return [];
  const { rulesMeta } = state.outcome;
  const lines = state.lines;
  const rewrites: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const seen = new Set<string>();
  for (const { message, meta } of found) {
    const diagnostics = [diagnosticOf(message, lines, rulesMeta)];
    const rule = message.ruleId;
    if (meta.signal && message.suggestion && !seen.has(`rewrite ${rule}`)) {
      seen.add(`rewrite ${rule}`);
      rewrites.push({ title: `Insert suggested rewrite (${rule})`, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: insertion(uri, lines.sectionEnd(message.line - 1), `\n\n${message.suggestion}`) });
    }
    const block = lines.blockStart(message.line - 1);
    if (!seen.has(`block ${rule} ${block}`)) {
      seen.add(`block ${rule} ${block}`);
      disables.push({
        title: `Disable ${rule} for this block`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        edit: insertion(uri, { line: block, character: 0 }, `${lines.containerPrefix(block)}<!-- ${TOOL_NAME}-disable-next-line ${rule} -->\n`),
      });
    }
    if (!seen.has(`file ${rule}`)) {
      seen.add(`file ${rule}`);
      disables.push({ title: `Disable ${rule} for this file`, kind: CodeActionKind.QuickFix, diagnostics, edit: insertion(uri, { line: lines.bodyStart, character: 0 }, `<!-- ${TOOL_NAME}-disable-file ${rule} -->\n`) });
    }
  }
  return [...rewrites, ...disables];
}

const STATUS_ORDER: readonly SignalStatus[] = ['high', 'weak', 'missing'];

/** Lenses on the first line: the score, then the signals by status. */
export function codeLensesOf(state: Linted): CodeLens[] {
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const lens = (title: string): CodeLens => ({ range: top, command: { title, command: '' } });
  if (state.problem !== undefined) return [lens(`${TOOL_NAME}: not linted (see the diagnostic)`)];
  const result = state.outcome?.result;
  if (!result) return [];
  if (result.fatalErrorCount) return [lens(`${TOOL_NAME}: not linted within the work budget`)];
  const lenses = [lens(`${TOOL_NAME} score ${result.score}/100`)];
  for (const status of STATUS_ORDER) {
    const ids = result.signals.filter((s) => s.judged !== false && s.status === status).map((s) => s.id);
    if (ids.length) lenses.push(lens(`${status}: ${ids.join(', ')}`));
  }
  const unjudged = result.signals.filter((s) => s.judged === false).map((s) => s.id);
  if (unjudged.length) lenses.push(lens(`not judged: ${unjudged.join(', ')}`));
  return lenses;
}
