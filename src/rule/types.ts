/**
 * The rule contract: what a rule declares (meta), what it is given (context), what it returns
 * (a verdict) and reports, and the signal rows and messages the engine makes of them.
 */
import type { Document } from '../document/document.js';
import type { Block, DocumentKind, Section, Sentence, SectionKind } from '../document/types.js';

export type SignalStatus = 'high' | 'weak' | 'missing';
export const SIGNAL_STATUSES: readonly SignalStatus[] = ['high', 'weak', 'missing'];

export type SeverityName = 'off' | 'warn' | 'error';
export type SeverityLevel = 0 | 1 | 2;

/** Where a report points: a source range, a sentence, a block, a section (its heading) or an offset. */
export type Anchor = { start: number; end: number } | Sentence | Block | Section | number;

export interface OptionSpec<T> {
  type: 'number' | 'integer' | 'boolean' | 'string' | 'string[]';
  default: T;
  description: string;
  minimum?: number;
  maximum?: number;
  /** Allowed values for strings. */
  enum?: readonly string[];
}

export type OptionsSchema<O> = { [K in keyof O]: OptionSpec<O[K]> };

/** What a rule that judges a signal declares about it. */
export interface SignalDefinition {
  /** Public id (JSON, SARIF, config); for built-in rules the rule id. */
  id: string;
  title: string;
  /** Weight in the score (0..100 over all signals). */
  weight: number;
  /** The guide's step (1-5) the signal belongs to, if any. */
  step?: number;
  /** Section kinds where this signal belongs: a missing finding is anchored at such a heading. */
  sectionKinds?: readonly SectionKind[];
  /**
   * The signal needs a prediction problem: it is judged only on ML designs (`document.profile.isML`).
   * On any other document (a non-ML system design, ML infrastructure) the rule does not run, the row
   * is `missing` with `judged: false`, nothing is reported for it, and it does not count in the score.
   */
  mlOnly?: boolean;
  /**
   * The kinds of document the signal is judged on (`document.profile.kind`), when `mlOnly` is too
   * narrow: `['ml', 'ml-infrastructure']` judges the design of ML tooling too. On any other kind the
   * row is `missing` with `judged: false`, as with `mlOnly`. Takes precedence over `mlOnly`.
   */
  judgedOn?: readonly DocumentKind[];
}

export interface RuleExample {
  title: string;
  /** Markdown answer text. */
  text: string;
  /** For signal rules: the status this example must get. */
  status?: SignalStatus;
  /** For finding rules: whether the finding must be reported. */
  reported?: boolean;
}

export interface RuleMeta<M extends string, O> {
  /** One sentence: what the rule checks. */
  description: string;
  /** Why it matters, in the guide's words. */
  rationale: string;
  signal?: SignalDefinition;
  defaultSeverity: SeverityName;
  /** Message templates by id; `{name}` placeholders are filled from report data. */
  messages: Record<M, string>;
  options?: OptionsSchema<O>;
  /**
   * What earns each status (signal rules) or what is reported (finding rules), one short paragraph
   * per key; shown by `explain` and on the rule's doc page.
   */
  criteria?: Readonly<Record<string, string>>;
  /** Examples shown by `explain` and run as tests. */
  examples?: readonly RuleExample[];
  /** Where the rule's documentation lives. */
  docsUrl?: string;
  /**
   * For finding rules: a finding inside the statement a weak signal already reports is dropped,
   * one finding per problem (the signal's message and rewrite cover that statement).
   */
  subsumedBySignals?: boolean;
}

export interface Report<M extends string> {
  messageId: M;
  data?: Record<string, string | number>;
  at?: Anchor;
  suggestion?: string;
}

/** What a signal rule returns: the status, where it is grounded, and what to say when it is not high. */
export interface SignalVerdict<M extends string> {
  status: SignalStatus;
  /**
   * The sentence (or range) that best supports the status; or, for a criterion of two parts that
   * the answer states apart (a prediction target and its objective, a training and a serving flow),
   * the linked pair: both are shown, in document order, joined by " … ", and the row points at the first.
   */
  evidence?: Anchor | readonly [Anchor, Anchor];
  /** The message for a weak or missing status (default: the `weak` / `missing` message). */
  messageId?: M;
  data?: Record<string, string | number>;
  /** Where the message points (default: the evidence, else a relevant heading, else line 1). */
  at?: Anchor;
  /** A concrete rewrite that lifts the signal to high. */
  suggestion?: string;
  /**
   * `false`: the signal does not apply to this document (a training operator's design says nothing
   * of serving, and need not): with status `missing`, the row is not judged, as for a kind of
   * document outside `judgedOn`, and nothing is reported.
   */
  judged?: false;
}

export interface RuleContext<M extends string, O> {
  readonly id: string;
  readonly document: Document;
  readonly options: Readonly<O>;
  /** Report a finding (for rules that are not signals, or extra findings of a signal rule). */
  report(report: Report<M>): void;
}

/** What `followUp` sees: the document, and the status and evidence the signal got. */
export interface FollowUpContext {
  readonly document: Document;
  readonly status: SignalStatus;
  /** The evidence as the report shows it (a linked pair joined by " … "), when there is one. */
  readonly evidence?: string;
}

export interface RuleDefinition<M extends string = string, O = Record<string, unknown>> {
  /** kebab-case id; for built-in rules the file name. */
  id: string;
  meta: RuleMeta<M, O>;
  check(context: RuleContext<M, O>): SignalVerdict<M> | void;
  /**
   * Signal rules: the questions an interviewer would ask next about this signal, grounded in the
   * answer's own words (its metric, model, stores, the evidence quoted). At most three are kept.
   */
  followUp?(context: FollowUpContext): readonly string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleDefinition<string, any>;

/** A rule's severity and options, as configuration resolved them. */
export interface RuleSetting {
  severity: SeverityLevel;
  options: Record<string, unknown>;
}

/** One signal row of a result: the status and the statement it stands on. */
export interface SignalResult {
  id: string;
  status: SignalStatus;
  /** Present and false when the signal was not judged (an `mlOnly` signal on a document that is not an ML design). */
  judged?: false;
  line?: number;
  column?: number;
  evidence?: string;
  suggestion?: string;
  /** What an interviewer would ask next about this signal (the rule's `followUp`). */
  questions?: string[];
}

/** One problem a rule reported, with 1-based positions (what the engine collects). */
export interface RuleMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  suggestion?: string;
  /** Not part of the JSON contract: which message template produced it. */
  messageId?: string;
}

/**
 * One reported problem in a result: a rule's, or the fatal message of a file abandoned before its
 * report was complete (over its work budget), which has no rule.
 */
export interface LintMessage extends Omit<RuleMessage, 'ruleId'> {
  /** The rule that reported it; null for a fatal message. */
  ruleId: string | null;
  /** Present on a fatal message. */
  fatal?: true;
}
