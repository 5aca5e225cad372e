import type { AnyRule, SeverityLevel } from '../rule/types.js';
import { describeValue, ruleOptions } from '../rule/options.js';
import { closest } from '../support/spelling.js';
import type { ResolvedConfig, RuleSetting } from '../engine/types.js';
import type { ComponentLexicon } from '../document/components.js';
import { PRESETS } from './presets.js';
import { ConfigError, type RuleEntry, type UserConfig } from './types.js';

const SEVERITIES: Record<string, SeverityLevel> = { off: 0, warn: 1, error: 2, '0': 0, '1': 1, '2': 2 };
const TOP_LEVEL_KEYS = new Set(['extends', 'rules', 'plugins', 'overrides', '$schema']);

export function parseSeverity(value: unknown, where: string): SeverityLevel {
  const level = typeof value === 'string' || typeof value === 'number' ? SEVERITIES[String(value)] : undefined;
  if (level === undefined) throw new ConfigError(`Unexpected severity ${describeValue(value)} for ${where}, expected "off", "warn" or "error"`);
  return level;
}

function applyEntry(settings: Map<string, RuleSetting>, rules: ReadonlyMap<string, AnyRule>, id: string, entry: RuleEntry, where: string): void {
  const rule = rules.get(id);
  if (!rule) {
    const suggestion = closest(id, [...rules.keys()]);
    throw new ConfigError(`Unknown rule \`${id}\` in ${where}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`);
  }
  const raw: unknown = entry;
  if (Array.isArray(raw) && (raw.length === 0 || raw.length > 2)) {
    throw new ConfigError(`Unexpected entry ${describeValue(entry)} for \`${id}\` in ${where}, expected a severity or [severity, options]`);
  }
  const [severityValue, options] = Array.isArray(raw) ? (raw as [unknown, Record<string, unknown> | undefined]) : [raw, undefined];
  const severity = parseSeverity(severityValue, `\`${id}\` in ${where}`);
  const previous = settings.get(id);
  settings.set(id, { severity, options: ruleOptions(rule, options, previous?.options, where) });
}

/** Validate a user config's shape (before any file is read). */
export function validateUserConfig(config: unknown, where: string): UserConfig {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ConfigError(`Configuration in ${where} must be an object, got ${describeValue(config)}`);
  }
  const c = config as Record<string, unknown>;
  for (const key of Object.keys(c)) {
    if (!TOP_LEVEL_KEYS.has(key)) throw new ConfigError(`Unknown key \`${key}\` in ${where} (known: extends, rules, plugins, overrides)`);
  }
  if (c.extends !== undefined) {
    const list = Array.isArray(c.extends) ? c.extends : [c.extends];
    for (const name of list) {
      if (typeof name !== 'string' || !(name in PRESETS)) {
        throw new ConfigError(`Unknown preset ${describeValue(name)} in \`extends\` of ${where}, expected ${Object.keys(PRESETS).map((p) => `"${p}"`).join(' or ')}`);
      }
    }
  }
  if (c.rules !== undefined && (typeof c.rules !== 'object' || c.rules === null || Array.isArray(c.rules))) {
    throw new ConfigError(`\`rules\` in ${where} must be an object of rule id -> severity`);
  }
  if (c.plugins !== undefined && (!Array.isArray(c.plugins) || !c.plugins.every((p) => typeof p === 'string'))) {
    throw new ConfigError(`\`plugins\` in ${where} must be an array of module paths or package names`);
  }
  if (c.overrides !== undefined) {
    if (!Array.isArray(c.overrides)) throw new ConfigError(`\`overrides\` in ${where} must be an array`);
    c.overrides.forEach((o, i) => {
      const files = (o as Record<string, unknown> | null)?.files;
      const ok = typeof files === 'string' || (Array.isArray(files) && files.length > 0 && files.every((f) => typeof f === 'string'));
      if (!o || typeof o !== 'object' || !ok) throw new ConfigError(`\`overrides[${i}].files\` in ${where} must be a glob or an array of globs`);
      const extra = Object.keys(o as object).filter((k) => k !== 'files' && k !== 'rules');
      if (extra.length) throw new ConfigError(`Unknown key \`${extra[0]}\` in \`overrides[${i}]\` of ${where} (known: files, rules)`);
    });
  }
  return c as UserConfig;
}

export interface ResolveOptions {
  /** Where the config came from, for messages. */
  source?: string;
  /** Extra rules (plugins), after the built-in ones. */
  rules: readonly AnyRule[];
  /** Rule entries from the command line (`--rule id:severity`), applied last. */
  cliRules?: Record<string, RuleEntry>;
  /** Override rule blocks that match the file being linted, in order. */
  overrideRules?: ReadonlyArray<Record<string, RuleEntry>>;
  components?: ComponentLexicon;
}

/**
 * Presets, then the user's rules, then matching overrides, then command-line rules.
 * Every rule ends up with a setting; unknown rules, bad severities and bad options throw ConfigError.
 */
export function resolveConfig(user: UserConfig | undefined, options: ResolveOptions): ResolvedConfig {
  const where = options.source ?? 'configuration';
  const config = user ? validateUserConfig(user, where) : {};
  const rules = new Map<string, AnyRule>();
  for (const rule of options.rules) {
    if (rules.has(rule.id)) throw new ConfigError(`Rule \`${rule.id}\` is defined twice (a plugin reuses a built-in or another plugin's id)`);
    rules.set(rule.id, rule);
  }
  const settings = new Map<string, RuleSetting>();
  for (const rule of rules.values()) {
    settings.set(rule.id, { severity: parseSeverity(rule.meta.defaultSeverity, `the default of \`${rule.id}\``), options: ruleOptions(rule, undefined) });
  }
  const presets = config.extends === undefined ? ['recommended'] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const name of presets) {
    for (const [id, entry] of Object.entries(PRESETS[name] ?? {})) if (rules.has(id)) applyEntry(settings, rules, id, entry, `preset "${name}"`);
  }
  for (const [id, entry] of Object.entries(config.rules ?? {})) applyEntry(settings, rules, id, entry, `\`rules\` of ${where}`);
  (options.overrideRules ?? []).forEach((block, i) => {
    for (const [id, entry] of Object.entries(block)) applyEntry(settings, rules, id, entry, `\`overrides[${i}].rules\` of ${where}`);
  });
  for (const [id, entry] of Object.entries(options.cliRules ?? {})) applyEntry(settings, rules, id, entry, '--rule');
  const resolved: ResolvedConfig = { rules, settings };
  if (options.components) resolved.components = options.components;
  return resolved;
}
