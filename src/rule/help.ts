/**
 * A rule described from its own metadata: the help text that `explain`, SARIF and other
 * formats show, and the example pair they quote. Built-in and plugin rules alike.
 */
import type { AnyRule, RuleExample } from './types.js';

/** A rule's id and metadata: enough to describe it (built-in or from a plugin). */
export interface RuleInfo {
  id: string;
  meta: AnyRule['meta'];
}

/** The example pair `explain` and SARIF help show: what costs points, and what earns credit. */
export function examplePair(meta: AnyRule['meta']): { weak?: RuleExample; high?: RuleExample } {
  const examples = meta.examples ?? [];
  const weak = examples.find((e) => (e.status ? e.status !== 'high' : e.reported === true));
  const high = examples.find((e) => (e.status ? e.status === 'high' : e.reported === false));
  return { ...(weak ? { weak } : {}), ...(high ? { high } : {}) };
}

/** A markdown fence around an example answer. */
export function fence(text: string): string {
  return ['```markdown', text.trimEnd(), '```'].join('\n');
}

/**
 * Help for one rule, as plain text and as markdown (SARIF `help`, `mlsd-lint explain`): what it
 * checks, why, what earns each status, and a weak vs high-signal example.
 */
export function ruleHelp(rule: RuleInfo): { text: string; markdown: string } {
  const m = rule.meta;
  const text: string[] = [`${m.description}.`];
  const markdown: string[] = [`**${rule.id}**: ${m.description}.`];
  if (m.signal) {
    const line = `Signal: ${m.signal.title}, weight ${m.signal.weight} of 100${m.signal.step ? `, the guide's step ${m.signal.step}` : ''}.`;
    text.push(line);
    markdown.push(line);
  }
  text.push('', 'Why:', m.rationale);
  markdown.push('', '## Why', '', m.rationale);
  if (m.criteria) {
    const title = m.signal ? 'What earns each status' : 'When it is reported';
    text.push('', `${title}:`);
    markdown.push('', `## ${title}`, '');
    for (const [key, value] of Object.entries(m.criteria)) {
      text.push(`- ${key}: ${value}`);
      markdown.push(`- **${key}**: ${value}`);
    }
  }
  const { weak, high } = examplePair(m);
  for (const [label, example] of [['Weak-signal example', weak], ['High-signal example', high]] as const) {
    if (!example) continue;
    text.push('', `${label} (${example.title}):`, example.text.trimEnd());
    markdown.push('', `## ${label}`, '', fence(example.text));
  }
  return { text: text.join('\n'), markdown: markdown.join('\n') };
}
