import type { OptionSpec, RuleDefinition } from './types.js';
import { DOCUMENT_KINDS } from '../document/types.js';

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
  assertRule(rule.followUp === undefined || typeof rule.followUp === 'function', `${where}: followUp must be a function`);
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
    assertRule(s.mlOnly === undefined || typeof s.mlOnly === 'boolean', `${where}: meta.signal.mlOnly must be a boolean`);
    assertRule(
      s.judgedOn === undefined || (Array.isArray(s.judgedOn) && s.judgedOn.every((k) => (DOCUMENT_KINDS as readonly string[]).includes(k))),
      `${where}: meta.signal.judgedOn must list document kinds (${DOCUMENT_KINDS.join(', ')})`,
    );
    for (const status of ['weak', 'missing'] as const) {
      assertRule(status in meta.messages, `${where}: a signal rule needs a "${status}" message`);
    }
  }
  assertRule(meta.subsumedBySignals === undefined || typeof meta.subsumedBySignals === 'boolean', `${where}: meta.subsumedBySignals must be a boolean`);
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
