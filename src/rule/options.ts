/**
 * A rule's options against the schema it declares (`meta.options`): checked, with defaults filled
 * in. Configuration calls it for every rule entry; RuleTester for every case.
 */
import { ConfigError } from '../support/errors.js';
import type { AnyRule, OptionSpec } from './types.js';

/** A value as an error message quotes it. */
export function describeValue(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function checkOption(ruleId: string, name: string, spec: OptionSpec<unknown>, value: unknown, source?: string): void {
  const where = `option \`${name}\` of \`${ruleId}\`${source ? ` in ${source}` : ''}`;
  const fail = (expected: string): never => {
    throw new ConfigError(`Unexpected value ${describeValue(value)} for ${where}, expected ${expected}`);
  };
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') fail('true or false');
      break;
    case 'string':
      if (typeof value !== 'string') fail('a string');
      if (spec.enum && !spec.enum.includes(value as string)) fail(spec.enum.map((v) => `"${v}"`).join(', '));
      break;
    case 'string[]':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) fail('an array of strings');
      break;
    case 'number':
    case 'integer': {
      const n = value as number;
      if (typeof n !== 'number' || !Number.isFinite(n) || (spec.type === 'integer' && !Number.isInteger(n))) fail(spec.type === 'integer' ? 'an integer' : 'a number');
      if (spec.minimum !== undefined && n < spec.minimum) fail(`a ${spec.type} >= ${spec.minimum}`);
      if (spec.maximum !== undefined && n > spec.maximum) fail(`a ${spec.type} <= ${spec.maximum}`);
      break;
    }
  }
}

/**
 * Validate a rule's options against its schema and fill in defaults. `source` ("`rules` of
 * .mlsd-lintrc.json", "--rule") is named in errors so the user knows which file to fix.
 */
export function ruleOptions(rule: AnyRule, given: Record<string, unknown> | undefined, base: Record<string, unknown> = {}, source?: string): Record<string, unknown> {
  const inSource = source ? ` in ${source}` : '';
  const schema = (rule.meta.options ?? {}) as Record<string, OptionSpec<unknown>>;
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) options[name] = base[name] ?? spec.default;
  if (given === undefined) return options;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new ConfigError(`Unexpected options ${describeValue(given)} for \`${rule.id}\`${inSource}, expected an object`);
  }
  for (const [name, value] of Object.entries(given)) {
    const spec = schema[name];
    if (!spec) {
      const known = Object.keys(schema);
      throw new ConfigError(`Unknown option \`${name}\` for \`${rule.id}\`${inSource}${known.length ? ` (known: ${known.join(', ')})` : ' (it takes no options)'}`);
    }
    checkOption(rule.id, name, spec, value, source);
    options[name] = value;
  }
  return options;
}
