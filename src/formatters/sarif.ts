/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif) and
 * other SARIF viewers. One run; `tool.driver.rules` describes every rule of the run (help from the
 * rule's own metadata, `helpUri` its doc page); each message is a result whose location is
 * relative to the working directory (`%SRCROOT%`, the checkout in CI), with a full region and a
 * `primaryLocationLineHash` that survives unrelated edits above it: the hash of the rule id and the
 * line's text, plus the occurrence index of that pair in the file.
 */
import { createHash } from 'node:crypto';
import { ruleHelp, type RuleInfo } from '../rule/help.js';
import { INVALID_DIRECTIVE_ID, UNUSED_DIRECTIVE_ID } from '../engine/directives.js';
import type { LintMessage, LintResult } from '../engine/types.js';
import { DIRECTIVES_DOCS_URL, REPOSITORY_URL, TOOL_NAME } from '../support/project.js';
import type { RuleMeta } from '../rule/types.js';
import { absoluteUri, relativeToCwd, relativeUri } from './paths.js';
import type { Formatter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** GitHub's name for the checkout root; the upload action resolves it. */
export const SRCROOT = '%SRCROOT%';

const LEVEL = { error: 'error', warn: 'warning', off: 'none' } as const;

/** Pseudo-rules for messages about directives themselves. */
const DIRECTIVE_RULES: Array<{ id: string; description: string; rationale: string }> = [
  {
    id: UNUSED_DIRECTIVE_ID,
    description: 'An inline mlsd-lint-disable directive suppressed nothing (--report-unused-disable-directives)',
    rationale: 'A stale directive would silently hide a future finding in that place; remove it.',
  },
  {
    id: INVALID_DIRECTIVE_ID,
    description: 'An inline mlsd-lint directive is misspelt or names an unknown rule',
    rationale: 'A directive that names no real rule disables nothing, so the finding it was meant for still shows.',
  },
];

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'none' };
  properties: { tags: string[] };
}

/** `training-serving-split` -> `TrainingServingSplit`; `acme/cost-check` -> `AcmeCostCheck`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The rule's human-readable SARIF name. SARIF wants it different from the id even ignoring case
 * (the Multitool's SARIF1001), so signals are `RetrainingSignal` and a one-word finding `XRule`.
 */
export function sarifRuleName(id: string, isSignal: boolean): string {
  const name = pascalCase(id) + (isSignal ? 'Signal' : '');
  return name.toLowerCase() === id.toLowerCase() ? `${name}Rule` : name;
}

function describeRule(id: string, meta: RuleMeta<string, unknown>): SarifRule {
  const info: RuleInfo = { id, meta: meta as RuleInfo['meta'] };
  const help = ruleHelp(info);
  const docs = meta.docsUrl;
  return {
    id,
    name: sarifRuleName(id, Boolean(meta.signal)),
    shortDescription: { text: sentence(meta.description) },
    fullDescription: { text: `${sentence(meta.description)} ${sentence(meta.rationale)}` },
    help: { text: help.text, markdown: docs ? `${help.markdown}\n\n[Documentation](${docs})` : help.markdown },
    ...(docs ? { helpUri: docs } : {}),
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { tags: [meta.signal ? 'signal' : 'structure'] },
  };
}

function directiveRule(rule: (typeof DIRECTIVE_RULES)[number]): SarifRule {
  const text = `${sentence(rule.description)} ${rule.rationale}`;
  return {
    id: rule.id,
    name: sarifRuleName(rule.id, false),
    shortDescription: { text: sentence(rule.description) },
    fullDescription: { text },
    help: { text, markdown: `${text}\n\n[Documentation](${DIRECTIVES_DOCS_URL})` },
    helpUri: DIRECTIVES_DOCS_URL,
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['directive'] },
  };
}

/** The line a message starts on, whitespace-normalised, for fingerprints. */
function lineText(source: string | undefined, line: number): string | undefined {
  if (source === undefined) return undefined;
  const lines = source.split(/\r\n|\r|\n/);
  return (lines[line - 1] ?? '').replace(/\s+/g, ' ').trim();
}

/** 16 hex digits of SHA-256 over the rule id and the line's text (or, without the source, the message). */
export function lineHash(ruleId: string, text: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${text}`).digest('hex').slice(0, 16);
}

function messageText(m: LintMessage): string {
  return m.suggestion ? `${m.message}\nRewrite: ${m.suggestion}` : m.message;
}

const formatSarif: Formatter = (results, context) => {
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  const add = (rule: SarifRule) => {
    index.set(rule.id, rules.length);
    rules.push(rule);
  };
  for (const [id, meta] of context.rulesMeta) add(describeRule(id, meta));
  for (const rule of DIRECTIVE_RULES) if (!index.has(rule.id)) add(directiveRule(rule));

  const sarifResults = results.flatMap((result: LintResult) => {
    const relative = relativeToCwd(result.filePath, context.cwd);
    const artifactLocation = relative !== undefined ? { uri: relativeUri(relative), uriBaseId: SRCROOT } : { uri: absoluteUri(result.filePath, context.cwd) };
    const source = context.sourceText?.(result.filePath);
    const occurrences = new Map<string, number>();
    return result.messages.flatMap((m) => {
      // A file abandoned over its budget is a problem of the run, not a result: see toolExecutionNotifications.
      if (m.ruleId === null) return [];
      const hash = lineHash(m.ruleId, lineText(source, m.line) ?? m.message);
      const key = `${m.ruleId}:${hash}`;
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      const ruleIndex = index.get(m.ruleId);
      return {
        ruleId: m.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: m.severity === 2 ? 'error' : 'warning',
        message: { text: messageText(m) },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: m.line, startColumn: m.column, endLine: m.endLine ?? m.line, endColumn: m.endColumn ?? m.column },
            },
          },
        ],
        partialFingerprints: { primaryLocationLineHash: `${hash}:${occurrence}` },
      };
    });
  });

  // Files abandoned over their work budget: the run did not finish its job on them.
  const notifications = results.flatMap((result) =>
    result.messages
      .filter((m) => m.fatal)
      .map((m) => {
        const relative = relativeToCwd(result.filePath, context.cwd);
        const artifactLocation = relative !== undefined ? { uri: relativeUri(relative), uriBaseId: SRCROOT } : { uri: absoluteUri(result.filePath, context.cwd) };
        return { level: 'error', message: { text: m.message }, locations: [{ physicalLocation: { artifactLocation } }], descriptor: { id: 'work-budget' } };
      }),
  );
  return sarifLog({ version: context.version ?? 'unknown', rules, results: sarifResults, notifications });
};

/**
 * The text of a log of one run: the rules, the results and the notifications of files not linted.
 * `mlsd-lint merge-reports` writes the runs of several logs through it as one.
 */
export function sarifLog(run: { version: string; rules: readonly unknown[]; results: readonly unknown[]; notifications: readonly unknown[] }): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: run.version, informationUri: REPOSITORY_URL, rules: run.rules } },
        // Columns are JavaScript string indices.
        columnKind: 'utf16CodeUnits',
        results: run.results,
        ...(run.notifications.length ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: run.notifications }] } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export default formatSarif;
