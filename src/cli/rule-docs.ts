/**
 * Rule descriptions for the command line and the docs: the doc page of a rule and the index
 * (`npm run docs` writes docs/rules/), and the severity a preset gives a rule (`mlsd-lint rules`,
 * `explain`).
 */
import { PRESETS } from '../config/presets.js';
import type { RuleEntry } from '../config/types.js';
import { fence, type RuleInfo } from '../rule/help.js';
import type { AnyRule, OptionSpec } from '../rule/types.js';

/** Severity a preset gives a rule, as text ("error", "warn (weak: error)"). */
function presetSeverity(rule: AnyRule, preset: string): string {
  const entry: RuleEntry | undefined = PRESETS[preset]?.[rule.id];
  if (entry === undefined) return rule.meta.defaultSeverity;
  const [severity, options] = Array.isArray(entry) ? entry : [entry, undefined];
  const weak = (options as Record<string, unknown> | undefined)?.weak;
  const name = typeof severity === 'number' ? (['off', 'warn', 'error'][severity] ?? String(severity)) : severity;
  if (!rule.meta.signal) return name;
  return `${name} when missing, ${weak ?? (name === 'off' ? 'off' : 'warn')} when weak`;
}

/** The documentation page of one rule, generated from its metadata. */
export function renderRuleDoc(rule: AnyRule): string {
  const m = rule.meta;
  const lines: string[] = [`# ${rule.id}`, '', m.description + '.', ''];
  if (m.signal) lines.push(`Signal: **${m.signal.title}** (\`${m.signal.id}\`), weight ${m.signal.weight} of 100 in the score${m.signal.step ? `, the guide's step ${m.signal.step}` : ''}.`, '');
  else lines.push('A structure finding: it reports messages, not a signal row.', '');
  lines.push('## Why', '', m.rationale, '');
  if (m.criteria) {
    lines.push(m.signal ? '## What earns each status' : '## When it is reported', '');
    for (const [key, text] of Object.entries(m.criteria)) lines.push(`- **${key}**: ${text}`);
    lines.push('');
  }
  lines.push('## Severity', '', `- \`recommended\` (default): ${presetSeverity(rule, 'recommended')}`, `- \`strict\`: ${presetSeverity(rule, 'strict')}`, '');
  const options = Object.entries((m.options ?? {}) as Record<string, OptionSpec<unknown>>);
  if (options.length) {
    lines.push('## Options', '', '| option | type | default | description |', '|---|---|---|---|');
    for (const [name, spec] of options) {
      const type = spec.enum ? spec.enum.map((v) => `\`"${v}"\``).join(' \\| ') : spec.type;
      lines.push(`| \`${name}\` | ${type} | \`${JSON.stringify(spec.default)}\` | ${spec.description} |`);
    }
    lines.push('', 'Set them in configuration:', '', '```json', JSON.stringify({ rules: { [rule.id]: ['warn', Object.fromEntries(options.map(([n, s]) => [n, s.default]))] } }, null, 2), '```', '');
  }
  if (m.examples?.length) {
    lines.push('## Examples', '');
    for (const example of m.examples) {
      const verdict = example.status ? `**${example.status}**` : example.reported ? '**reported**' : '**not reported**';
      lines.push(`### ${example.title} (${verdict})`, '', fence(example.text), '');
    }
    lines.push('These examples run as tests (`test/rules.test.ts`), so this page cannot drift from the rule.', '');
  }
  lines.push('## Messages', '');
  for (const [id, template] of Object.entries(m.messages as Record<string, string>)) lines.push(`- \`${id}\`: ${template}`);
  lines.push('', `Source: [\`rules/${rule.id}.ts\`](../../rules/${rule.id}.ts)`, '');
  return lines.join('\n');
}

/** The index of all rules. */
export function renderRuleIndex(rules: readonly AnyRule[]): string {
  const lines = ['# Rules', '', 'Generated from the rules themselves (`npm run docs`).', '', '| rule | signal | weight | recommended | description |', '|---|---|---|---|---|'];
  for (const rule of rules) {
    const signal = rule.meta.signal;
    lines.push(`| [\`${rule.id}\`](${rule.id}.md) | ${signal ? signal.title : '(finding)'} | ${signal ? signal.weight : ''} | ${presetSeverity(rule, 'recommended')} | ${rule.meta.description} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** Severity under the `recommended` preset, for listings (`mlsd-lint rules`). */
export function recommendedSeverity(rule: RuleInfo): string {
  return severityUnder(rule, 'recommended');
}

/** Severity a preset gives a rule, as text; a plugin's rule (in no preset) gets its own defaults. */
export function severityUnder(rule: RuleInfo, preset: string): string {
  if (PRESETS[preset]?.[rule.id] !== undefined || !rule.meta.signal) return presetSeverity(rule as AnyRule, preset);
  // A plugin's signal rule: its default severity, and its own `weak` option's default.
  const severity = rule.meta.defaultSeverity;
  const weak = (rule.meta.options as Record<string, OptionSpec<unknown>> | undefined)?.weak?.default;
  const weakSeverity = severity === 'off' ? 'off' : typeof weak === 'string' ? (weak === 'error' && severity === 'warn' ? 'warn' : weak) : 'warn';
  return `${severity} when missing, ${weakSeverity} when weak`;
}
