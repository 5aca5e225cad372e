import type { LintMessage, LintResult } from '../engine/types.js';
import type { RuleMeta } from '../rule/types.js';

export interface FormatterContext {
  /** The working directory, for formatters that show or resolve paths. */
  cwd: string;
  /** Whether to use ANSI colours (decided by the CLI: TTY, NO_COLOR, FORCE_COLOR, --color). */
  color: boolean;
  /** Every rule of the run by id (built-in and plugins), for signal titles and rule kinds. */
  rulesMeta: ReadonlyMap<string, RuleMeta<string, unknown>>;
  /** Terminal width for wrapping (default 80). */
  width?: number;
  /** mlsd-lint's version, for formats that name the tool (SARIF). */
  version?: string;
  /** The text of a linted file by its `filePath`, when the caller kept it (SARIF fingerprints). */
  sourceText?: (filePath: string) => string | undefined;
  /**
   * Findings the stylish report shows per file (0 or absent: all). Over it, the most useful are
   * shown in the order of the guide's steps and the rest summarised in one line.
   */
  maxFindings?: number;
  /** The stylish report adds each signal's follow-up questions (`--questions`). */
  questions?: boolean;
  /** A file's recorded runs, oldest first (the score history), for formats that chart it (html). */
  history?: (filePath: string) => ReadonlyArray<{ time: string; score: number }>;
}

/** What the command line gives `maxFindings` unless told otherwise: a thin answer's most useful findings. */
export const DEFAULT_MAX_FINDINGS = 8;

/**
 * The rule behind a signal row: the rule of that id (every built-in signal), else the rule whose
 * `meta.signal.id` it is (a plugin's signal may be named apart from its rule).
 */
export function ruleOfSignal(signalId: string, context: FormatterContext): { ruleId: string; meta: RuleMeta<string, unknown> } | undefined {
  const own = context.rulesMeta.get(signalId);
  if (own) return { ruleId: signalId, meta: own };
  for (const [ruleId, meta] of context.rulesMeta) if (meta.signal?.id === signalId) return { ruleId, meta };
  return undefined;
}

/** A signal's title from its rule's metadata, or its id when no rule describes it. */
export function signalTitleOf(signalId: string, context: FormatterContext): string {
  return ruleOfSignal(signalId, context)?.meta.signal?.title ?? signalId;
}

/** The fatal message of a file abandoned before its report was complete (over its work budget), if it was. */
export function fatalOf(result: Pick<LintResult, 'messages'>): LintMessage | undefined {
  return result.messages.find((m) => m.fatal === true);
}

/** How a report names a message's source: its rule, or the tool for a fatal message. */
export const FATAL_LABEL = 'fatal';

/** A pure function: results in, the text for stdout out. It never prints or reads anything. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;

/**
 * What a report says about how the document was read, or undefined when there is nothing to say:
 * that it is not in the Latin alphabet (the rules read English), and for a document that is not an
 * ML design, which kind it reads as and that the signals needing a prediction problem were not judged.
 */
export function readingNote(result: Pick<LintResult, 'kind' | 'signals' | 'script'>): string | undefined {
  const notes = [scriptNote(result), notJudgedNote(result)].filter((note) => note !== undefined);
  return notes.length ? notes.join(' ') : undefined;
}

function notJudgedNote(result: Pick<LintResult, 'kind' | 'signals'>): string | undefined {
  if (result.kind === 'ml') return undefined;
  const notJudged = result.signals.filter((s) => s.judged === false).length;
  if (notJudged === 0) return undefined;
  const what =
    result.kind === 'non-ml'
      ? 'This reads as a system design without machine learning'
      : 'This reads as a design of ML infrastructure (a platform, a training or serving system) with no prediction problem of its own';
  return `${what}: the ${notJudged} signals that need a prediction problem are not judged, and the score counts only the others.`;
}

/** An answer not in the Latin alphabet: the rules read English, so what it says in its own words is not seen. */
function scriptNote(result: Pick<LintResult, 'script'>): string | undefined {
  if (!result.script) return undefined;
  return `This is written mostly in ${result.script} script, and mlsd-lint reads English: a signal the answer states in its own language reads as missing, so take the statuses below as a lower bound.`;
}
