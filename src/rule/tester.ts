/**
 * A strict tester for rules, in the spirit of ESLint's RuleTester:
 *
 *   new RuleTester().run(rule, {
 *     valid: ['We retrain weekly on a rolling 90-day window…', { text, options, status: 'high' }],
 *     invalid: [{ text, status: 'weak', messages: [{ messageId: 'weak', line: 1, data: { … } }] }],
 *   });
 *
 * A valid case must produce no message from the rule (and, when given, the signal status). An
 * invalid case lists the rule's messages exactly, in position order: a missing, extra or different
 * message fails. Loud failures also for an unknown message id, a duplicate case, an unknown case
 * key, bad options, and a rule that changes the Document it reads.
 *
 * Under a test framework with `describe` / `it` (vitest, jest, mocha) each case is its own test:
 * set `RuleTester.describe` and `RuleTester.it`, or let the tester find them as globals. Without one
 * it runs every case at once and throws one error listing the failures.
 */
import { Document } from '../document/document.js';
import { ConfigError } from '../support/errors.js';
import { defineRule } from './define.js';
import { ruleOptions } from './options.js';
import { formatMessage, inFile, runRule, sortMessages } from './run.js';
import type { AnyRule, RuleMessage, RuleDefinition, SignalStatus } from './types.js';

type Describe = (name: string, body: () => void) => unknown;
type It = (name: string, body: () => void) => unknown;

export interface RuleTesterConfig {
  /** Options given to the rule in every case (a case's own options are merged over them). */
  options?: Record<string, unknown>;
  /** The file name the Document is given (default `answer.md`). */
  filePath?: string;
}

export interface ValidCase<O> {
  text: string;
  options?: Partial<O>;
  /** For a signal rule: the status the answer must get. */
  status?: SignalStatus;
  /** Test name (default: the start of the text). */
  name?: string;
}

export interface ExpectedMessage<M extends string> {
  messageId: M;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Placeholder values: the message text must be the template filled with them. */
  data?: Record<string, string | number>;
  /** The suggested rewrite, exactly. */
  suggestion?: string;
}

export interface InvalidCase<M extends string, O> extends ValidCase<O> {
  /** Every message the rule reports, in position order. */
  messages: ReadonlyArray<ExpectedMessage<M>>;
}

export interface RuleTests<M extends string, O> {
  valid: ReadonlyArray<string | ValidCase<O>>;
  invalid: ReadonlyArray<InvalidCase<M, O>>;
}

/** A failed case: names the rule and the case. */
export class RuleTesterError extends Error {
  override name = 'RuleTesterError';
}

const VALID_KEYS = new Set(['text', 'options', 'status', 'name']);
const INVALID_KEYS = new Set([...VALID_KEYS, 'messages']);
const MESSAGE_KEYS = new Set(['messageId', 'line', 'column', 'endLine', 'endColumn', 'data', 'suggestion']);

function caseName(c: ValidCase<unknown>): string {
  if (c.name) return c.name;
  const flat = c.text.replace(/\s+/g, ' ').trim();
  return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat || '(empty text)';
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

/**
 * A fingerprint of everything a rule can reach on a Document except its memo cache (rules may
 * memoise views there) and lazily computed profile: each reachable value by its first path.
 * Comparing two fingerprints names the first path that changed.
 */
function snapshot(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<object, string>();
  const walk = (value: unknown, where: string): void => {
    if (value === null || typeof value !== 'object') {
      out.set(where, typeof value === 'function' ? 'function' : `${typeof value}:${String(value)}`);
      return;
    }
    const first = seen.get(value);
    if (first !== undefined) {
      out.set(where, `ref:${first}`);
      return;
    }
    seen.set(value, where);
    if (value instanceof Map) {
      out.set(where, `map:${value.size}`);
      for (const [key, item] of value) walk(item, `${where}.get(${String(key)})`);
      return;
    }
    if (value instanceof Set) {
      out.set(where, `set:${[...value].map(String).sort().join(',')}`);
      return;
    }
    const keys = Object.keys(value);
    out.set(where, `${Array.isArray(value) ? 'array' : 'object'}:${keys.length}`);
    for (const key of keys) walk((value as Record<string, unknown>)[key], Array.isArray(value) ? `${where}[${key}]` : `${where}.${key}`);
  };
  for (const key of Object.keys(doc)) {
    if (key === 'cache' || key === 'profileValue') continue;
    walk((doc as unknown as Record<string, unknown>)[key], `document.${key}`);
  }
  return out;
}

function firstChange(before: Map<string, string>, after: Map<string, string>): string | undefined {
  for (const [path, value] of after) if (before.get(path) !== value) return path;
  for (const path of before.keys()) if (!after.has(path)) return path;
  return undefined;
}

function describeMessage(m: RuleMessage): string {
  return `${m.messageId ?? '?'} at ${m.line}:${m.column}-${m.endLine ?? m.line}:${m.endColumn ?? m.column}: ${JSON.stringify(m.message)}`;
}

interface Outcome {
  messages: RuleMessage[];
  status: SignalStatus | undefined;
}

export class RuleTester {
  /** The test framework's `describe`; detected as a global when not set. */
  static describe: Describe | undefined;
  /** The test framework's `it`; detected as a global when not set. */
  static it: It | undefined;

  readonly config: RuleTesterConfig;

  constructor(config: RuleTesterConfig = {}) {
    const unknown = Object.keys(config).filter((k) => k !== 'options' && k !== 'filePath');
    if (unknown.length) throw new RuleTesterError(`new RuleTester(config): unknown key "${unknown[0]}" (known: options, filePath)`);
    this.config = config;
  }

  /** Run the valid and invalid cases of one rule. */
  run<M extends string, O>(rule: RuleDefinition<M, O>, tests: RuleTests<NoInfer<M>, NoInfer<O>>): void {
    // A JavaScript rule gets defineRule's checks here, with its message.
    const checked = defineRule(rule as RuleDefinition<string, unknown>) as AnyRule;
    if (!tests || !Array.isArray(tests.valid) || !Array.isArray(tests.invalid)) {
      throw new RuleTesterError(`RuleTester.run(${checked.id}): expected { valid: [...], invalid: [...] }`);
    }
    const cases: Array<{ kind: 'valid' | 'invalid'; name: string; test: () => void }> = [];
    const seen = new Set<string>();
    const add = (kind: 'valid' | 'invalid', raw: unknown, index: number) => {
      const c = (typeof raw === 'string' ? { text: raw } : raw) as InvalidCase<string, unknown>;
      const label = `${checked.id} ${kind}[${index}]`;
      const name = c && typeof c === 'object' && typeof c.text === 'string' ? caseName(c) : label;
      const key = stable({ text: c?.text, options: c?.options ?? {}, status: c?.status, messages: c?.messages });
      const duplicate = seen.has(`${kind}:${key}`);
      seen.add(`${kind}:${key}`);
      cases.push({
        kind,
        name,
        test: () => {
          if (duplicate) throw new RuleTesterError(`${label} is a duplicate of an earlier ${kind} case: ${JSON.stringify(name)}`);
          if (kind === 'valid') this.checkValid(checked, c, label);
          else this.checkInvalid(checked, c, label);
        },
      });
    };
    tests.valid.forEach((c, i) => add('valid', c, i));
    tests.invalid.forEach((c, i) => add('invalid', c, i));

    const describe = RuleTester.describe ?? (globalThis as { describe?: Describe }).describe;
    const it = RuleTester.it ?? (globalThis as { it?: It }).it;
    if (typeof describe === 'function' && typeof it === 'function') {
      describe(checked.id, () => {
        for (const kind of ['valid', 'invalid'] as const) {
          const group = cases.filter((c) => c.kind === kind);
          if (group.length) describe(kind, () => group.forEach((c) => it(c.name, c.test)));
        }
      });
      return;
    }
    const failures: string[] = [];
    for (const c of cases) {
      try {
        c.test();
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (failures.length) {
      throw new RuleTesterError(`${failures.length} of ${cases.length} cases of rule "${checked.id}" failed:\n- ${failures.join('\n- ')}`);
    }
  }

  private lint(rule: AnyRule, c: ValidCase<unknown>, label: string): Outcome {
    let options: Record<string, unknown>;
    try {
      const given = { ...this.config.options, ...(c.options as Record<string, unknown> | undefined) };
      options = ruleOptions(rule, given, {}, label);
    } catch (error) {
      if (error instanceof ConfigError) throw new RuleTesterError(`${label}: ${error.message}`);
      throw error;
    }
    const doc = new Document(c.text, { filePath: this.config.filePath ?? 'answer.md' });
    const before = snapshot(doc);
    let outcome: ReturnType<typeof runRule>;
    try {
      outcome = runRule(doc, rule, { severity: 2, options });
    } catch (error) {
      throw inFile(error, doc.filePath ?? 'answer.md');
    }
    const changed = firstChange(before, snapshot(doc));
    if (changed !== undefined) {
      throw new RuleTesterError(`${label}: rule "${rule.id}" changed the Document it was given (${changed}); rules must only read it (use document.memo for derived views)`);
    }
    return { messages: sortMessages(outcome.messages), status: outcome.signal?.status };
  }

  private checkCaseShape(rule: AnyRule, c: InvalidCase<string, unknown>, label: string, keys: Set<string>): void {
    if (!c || typeof c !== 'object' || typeof c.text !== 'string') throw new RuleTesterError(`${label}: a case is a string or an object with a string \`text\``);
    const unknown = Object.keys(c).filter((k) => !keys.has(k));
    if (unknown.length) throw new RuleTesterError(`${label}: unknown key "${unknown[0]}" (known: ${[...keys].join(', ')})`);
    if (c.status !== undefined) {
      if (!rule.meta.signal) throw new RuleTesterError(`${label}: \`status\` is only for signal rules, and "${rule.id}" judges no signal`);
      if (!['high', 'weak', 'missing'].includes(c.status)) throw new RuleTesterError(`${label}: status must be "high", "weak" or "missing", got ${JSON.stringify(c.status)}`);
    }
  }

  private checkStatus(rule: AnyRule, c: ValidCase<unknown>, outcome: Outcome, label: string): void {
    if (c.status !== undefined && outcome.status !== c.status) {
      throw new RuleTesterError(`${label}: expected signal "${rule.meta.signal?.id}" to be ${c.status}, got ${outcome.status}`);
    }
  }

  private checkValid(rule: AnyRule, c: InvalidCase<string, unknown>, label: string): void {
    this.checkCaseShape(rule, c, label, VALID_KEYS);
    const outcome = this.lint(rule, c, label);
    this.checkStatus(rule, c, outcome, label);
    if (outcome.messages.length) {
      throw new RuleTesterError(`${label}: expected no message from "${rule.id}", got ${outcome.messages.length}:\n  ${outcome.messages.map(describeMessage).join('\n  ')}`);
    }
  }

  private checkInvalid(rule: AnyRule, c: InvalidCase<string, unknown>, label: string): void {
    this.checkCaseShape(rule, c, label, INVALID_KEYS);
    if (!Array.isArray(c.messages) || c.messages.length === 0) {
      throw new RuleTesterError(`${label}: an invalid case needs \`messages\`, a non-empty array (a case with no message is valid)`);
    }
    const known = Object.keys(rule.meta.messages);
    c.messages.forEach((expected, i) => {
      const unknown = Object.keys(expected ?? {}).filter((k) => !MESSAGE_KEYS.has(k));
      if (unknown.length) throw new RuleTesterError(`${label}: messages[${i}] has an unknown key "${unknown[0]}" (known: ${[...MESSAGE_KEYS].join(', ')})`);
      if (!known.includes(expected.messageId)) {
        throw new RuleTesterError(`${label}: messages[${i}].messageId "${expected.messageId}" is not a message of "${rule.id}" (known: ${known.join(', ')})`);
      }
    });
    const outcome = this.lint(rule, c, label);
    this.checkStatus(rule, c, outcome, label);
    const actual = outcome.messages;
    const lines = actual.map(describeMessage).join('\n  ') || '(none)';
    if (actual.length !== c.messages.length) {
      throw new RuleTesterError(`${label}: expected ${c.messages.length} message(s) from "${rule.id}", got ${actual.length}:\n  ${lines}`);
    }
    c.messages.forEach((expected, i) => {
      const got = actual[i] as RuleMessage;
      const fail = (what: string, want: unknown, have: unknown): never => {
        throw new RuleTesterError(`${label}: messages[${i}] ${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(have)}\n  ${lines}`);
      };
      if (got.messageId !== expected.messageId) fail('messageId', expected.messageId, got.messageId);
      for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
        if (expected[key] !== undefined && expected[key] !== got[key]) fail(key, expected[key], got[key]);
      }
      if (expected.data !== undefined) {
        const template = (rule.meta.messages as Record<string, string>)[expected.messageId] as string;
        let text: string;
        try {
          text = formatMessage(rule.id, template, expected.data);
        } catch (error) {
          throw new RuleTesterError(`${label}: messages[${i}].data does not fill "${template}": ${(error as Error).message}`);
        }
        if (text !== got.message) fail('text (from data)', text, got.message);
      }
      if (expected.suggestion !== undefined && expected.suggestion !== got.suggestion) fail('suggestion', expected.suggestion, got.suggestion);
    });
  }
}
