import type { Document } from '../document/document.js';
import type { Block, Section, Sentence, SectionKind } from '../document/types.js';

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
  /** The sentence (or range) that best supports the status. */
  evidence?: Anchor;
  /** The message for a weak or missing status (default: the `weak` / `missing` message). */
  messageId?: M;
  data?: Record<string, string | number>;
  /** Where the message points (default: the evidence, else a relevant heading, else line 1). */
  at?: Anchor;
  /** A concrete rewrite that lifts the signal to high. */
  suggestion?: string;
}

export interface RuleContext<M extends string, O> {
  readonly id: string;
  readonly document: Document;
  readonly options: Readonly<O>;
  /** Report a finding (for rules that are not signals, or extra findings of a signal rule). */
  report(report: Report<M>): void;
}

export interface RuleDefinition<M extends string = string, O = Record<string, unknown>> {
  /** kebab-case id; for built-in rules the file name. */
  id: string;
  meta: RuleMeta<M, O>;
  check(context: RuleContext<M, O>): SignalVerdict<M> | void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleDefinition<string, any>;

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

/**
 * Define a rule. Typed so that a misspelt message id or option name fails to compile;
 * checked at run time too, so JavaScript plugins get a clear error instead of a crash later.
 */
export function defineRule<M extends string, O = Record<string, never>>(rule: RuleDefinition<M, O>): RuleDefinition<M, O> {
  const where = `defineRule(${typeof rule?.id === 'string' ? JSON.stringify(rule.id) : '?'})`;
  assertRule(rule && typeof rule === 'object', `${where}: expected an object with id, meta and check`);
  assertRule(typeof rule.id === 'string' && RULE_ID.test(rule.id), `${where}: id must be kebab-case (optionally "plugin/rule"), got ${JSON.stringify(rule.id)}`);
  assertRule(typeof rule.check === 'function', `${where}: check must be a function`);
  const meta = rule.meta;
  assertRule(meta && typeof meta === 'object', `${where}: meta is required`);
  assertRule(typeof meta.description === 'string' && meta.description.length > 0, `${where}: meta.description must be a non-empty string`);
  assertRule(['off', 'warn', 'error'].includes(meta.defaultSeverity), `${where}: meta.defaultSeverity must be "off", "warn" or "error"`);
  assertRule(meta.messages && typeof meta.messages === 'object' && Object.keys(meta.messages).length > 0, `${where}: meta.messages must name at least one message`);
  for (const [id, template] of Object.entries(meta.messages)) {
    assertRule(typeof template === 'string' && template.length > 0, `${where}: message "${id}" must be a non-empty string`);
  }
  if (meta.signal) {
    const s = meta.signal;
    assertRule(typeof s.id === 'string' && RULE_ID.test(s.id), `${where}: meta.signal.id must be kebab-case`);
    assertRule(typeof s.title === 'string' && s.title.length > 0, `${where}: meta.signal.title is required`);
    assertRule(typeof s.weight === 'number' && s.weight >= 0 && s.weight <= 100, `${where}: meta.signal.weight must be a number from 0 to 100`);
    for (const status of ['weak', 'missing'] as const) {
      assertRule(status in meta.messages, `${where}: a signal rule needs a "${status}" message`);
    }
  }
  for (const [name, spec] of Object.entries((meta.options ?? {}) as Record<string, OptionSpec<unknown>>)) {
    assertRule(spec && typeof spec === 'object' && 'default' in spec, `${where}: option "${name}" needs a default`);
  }
  return Object.freeze(rule);
}

export class RuleDefinitionError extends Error {
  override name = 'RuleDefinitionError';
}

function assertRule(condition: unknown, message: string): asserts condition {
  if (!condition) throw new RuleDefinitionError(message);
}
