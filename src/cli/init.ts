/**
 * `mlsd-lint init`: a starting point for a folder of answers or design docs. It writes a commented
 * configuration (`.mlsd-lintrc.yaml`: a preset and every rule's severity, ready to change), a
 * pre-commit hook (`.pre-commit-config.yaml`) and a GitHub workflow
 * (`.github/workflows/mlsd-lint.yml`), both passing `--min-score`.
 *
 * On a terminal it asks for the preset, the minimum score and which of the two snippets to write;
 * with `--yes`, or when stdin or stdout is not a terminal, it asks nothing and takes the defaults.
 * It never overwrites a file without `--force`: when one of the files it would write exists, it
 * writes nothing and says which (exit 2), so a run is all or nothing. An existing
 * `.pre-commit-config.yaml` is the exception: it is the user's list of hooks, so init leaves it alone
 * and prints the lines to add. A folder that already has a configuration of another name is refused
 * (two files would compete for the same folder; the search takes only the first).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { builtinRules } from '../../rules/index.js';
import { PRESETS } from '../config/presets.js';
import { SEARCH_PLACES } from '../config/load.js';
import { UsageError } from '../support/errors.js';
import { REPOSITORY_URL, TOOL_NAME, packageVersion } from '../support/project.js';
import type { CliIo } from './io.js';

export const CONFIG_FILE = `.${TOOL_NAME}rc.yaml`;
export const PRE_COMMIT_FILE = '.pre-commit-config.yaml';
export const WORKFLOW_FILE = `.github/workflows/${TOOL_NAME}.yml`;

export interface InitChoices {
  preset: string;
  minScore: number;
  preCommit: boolean;
  workflow: boolean;
}

export interface InitOptions {
  /** Ask nothing, take the defaults (and the choices given as options). */
  yes: boolean;
  force: boolean;
  /** Choices given on the command line; what is not given is asked for (or defaulted). */
  given: Partial<InitChoices>;
}

export const DEFAULT_CHOICES: InitChoices = { preset: 'recommended', minScore: 60, preCommit: true, workflow: true };

/** The severity a preset gives a rule, as YAML flow text: `error`, `[error, { weak: error }]`. */
function entryText(entry: unknown): string {
  if (!Array.isArray(entry)) return String(entry);
  const [severity, options] = entry as [unknown, Record<string, unknown> | undefined];
  if (!options) return `[${String(severity)}]`;
  const pairs = Object.entries(options).map(([k, v]) => `${k}: ${String(v)}`);
  return `[${String(severity)}, { ${pairs.join(', ')} }]`;
}

/**
 * The configuration: the preset, then every built-in rule with the severity the preset gives it,
 * commented out (uncommenting a line and changing it is the way to adjust), each with its description.
 */
export function configText(choices: InitChoices): string {
  const preset = PRESETS[choices.preset] ?? {};
  const width = Math.max(...builtinRules.map((r) => r.id.length)) + 2;
  const ruleLines = builtinRules.map((rule) => {
    const entry = `#   ${`${rule.id}:`.padEnd(width)}${entryText(preset[rule.id] ?? rule.meta.defaultSeverity)}`;
    return `${entry.padEnd(width + 30)} # ${rule.meta.description}`;
  });
  return [
    `# ${TOOL_NAME} configuration, written by \`${TOOL_NAME} init\`.`,
    `# Reference: ${REPOSITORY_URL}#configuration ; one rule in detail: \`${TOOL_NAME} explain <rule>\`.`,
    '',
    '# A preset sets every rule: `recommended` makes a missing signal of the guide\'s five steps an',
    '# error and the rest warnings; `strict` makes every weak or missing signal an error.',
    `extends: ${choices.preset}`,
    '',
    '# Each rule: off, warn or error. A signal rule also takes the severity of a weak status,',
    "# never above the rule's own: [error, { weak: error }]. To change one, uncomment `rules:` and its",
    `# line; the values shown are what \`${choices.preset}\` gives.`,
    '# rules:',
    ...ruleLines,
    '',
    '# Rules for some files only (globs relative to this file):',
    '# overrides:',
    "#   - files: ['drafts/**/*.md']",
    '#     rules:',
    '#       specificity: off',
    '',
    `# The minimum score (0-100) is given where ${TOOL_NAME} runs: \`${TOOL_NAME} --min-score ${choices.minScore}\``,
    `# (${PRE_COMMIT_FILE} and ${WORKFLOW_FILE} pass it).`,
    '',
  ].join('\n');
}

function hookLines(choices: InitChoices): string[] {
  return [
    `  - repo: ${REPOSITORY_URL}`,
    `    rev: v${packageVersion()}`,
    '    hooks:',
    `      - id: ${TOOL_NAME}`,
    `        args: [--min-score, '${choices.minScore}']`,
  ];
}

export function preCommitText(choices: InitChoices): string {
  return [`# pre-commit hooks (https://pre-commit.com), written by \`${TOOL_NAME} init\`: \`pre-commit install\` turns them on.`, 'repos:', ...hookLines(choices), ''].join('\n');
}

export function workflowText(choices: InitChoices): string {
  return [
    `# ${TOOL_NAME} on every pull request, written by \`${TOOL_NAME} init\`: annotations on the changed`,
    `# answers, the report in the job summary, a failed check on errors or a score below ${choices.minScore}.`,
    `# More (SARIF upload, shards, only changed files): ${REPOSITORY_URL}/blob/main/docs/ci.md`,
    `name: ${TOOL_NAME}`,
    'on:',
    '  pull_request:',
    '  push:',
    '    branches: [main]',
    'permissions:',
    '  contents: read',
    'jobs:',
    `  ${TOOL_NAME}:`,
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    `      - uses: ${REPOSITORY_URL.replace(/^https:\/\/github\.com\//, '')}@v${packageVersion()}`,
    '        with:',
    '          files: .',
    '          fail-on: error',
    `          min-score: ${choices.minScore}`,
    '',
  ].join('\n');
}

/** A configuration of another name in the folder (package.json counts only with its key). */
function otherConfig(cwd: string): string | undefined {
  for (const name of SEARCH_PLACES) {
    if (name === CONFIG_FILE) continue;
    const file = path.join(cwd, name);
    if (!existsSync(file)) continue;
    if (name !== 'package.json') return name;
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[TOOL_NAME] !== undefined) return `${name} ("${TOOL_NAME}" key)`;
    } catch {
      // A package.json that is not JSON holds no configuration of ours.
    }
  }
  return undefined;
}

async function ask(io: CliIo, given: Partial<InitChoices>): Promise<InitChoices> {
  const rl = createInterface({ input: io.stdin, output: io.stdout as NodeJS.WritableStream, terminal: true });
  try {
    const question = async (text: string, fallback: string): Promise<string> => (await rl.question(`${text} (${fallback}) `)).trim() || fallback;
    const yesNo = async (text: string, fallback: boolean): Promise<boolean> => /^y/i.test(await question(`${text} [y/n]`, fallback ? 'y' : 'n'));
    let preset = given.preset;
    while (preset === undefined) {
      const answer = await question(`Preset, ${Object.keys(PRESETS).join(' or ')}?`, DEFAULT_CHOICES.preset);
      if (PRESETS[answer]) preset = answer;
      else io.stdout.write(`  "${answer}" is not a preset.\n`);
    }
    let minScore = given.minScore;
    while (minScore === undefined) {
      const answer = Number(await question('Minimum score for the hook and the CI check, 0-100?', String(DEFAULT_CHOICES.minScore)));
      if (Number.isInteger(answer) && answer >= 0 && answer <= 100) minScore = answer;
      else io.stdout.write('  A whole number from 0 to 100.\n');
    }
    const preCommit = given.preCommit ?? (await yesNo(`Write a pre-commit hook (${PRE_COMMIT_FILE})?`, true));
    const workflow = given.workflow ?? (await yesNo(`Write a GitHub workflow (${WORKFLOW_FILE})?`, true));
    return { preset, minScore, preCommit, workflow };
  } finally {
    rl.close();
  }
}

/** Writes the files; returns the exit code (0), or throws a UsageError before writing anything. */
export async function init(options: InitOptions, io: CliIo): Promise<number> {
  if (options.given.preset !== undefined && !PRESETS[options.given.preset]) {
    throw new UsageError(`unknown preset "${options.given.preset}" (presets: ${Object.keys(PRESETS).join(', ')})`);
  }
  const other = otherConfig(io.cwd);
  if (other) throw new UsageError(`this folder already has a configuration in ${other}; edit it, or remove it and run ${TOOL_NAME} init again`);
  // Refuse before asking: a question whose answer cannot be used wastes the user's time.
  const target = path.join(io.cwd, CONFIG_FILE);
  if (existsSync(target) && !options.force) throw new UsageError(`${CONFIG_FILE} exists; nothing written (--force overwrites it)`);

  const interactive = !options.yes && Boolean(io.stdin.isTTY) && Boolean(io.stdout.isTTY);
  const choices = interactive ? await ask(io, options.given) : { ...DEFAULT_CHOICES, ...options.given };

  const files: { name: string; text: string }[] = [{ name: CONFIG_FILE, text: configText(choices) }];
  const notes: string[] = [];
  if (choices.preCommit) {
    if (existsSync(path.join(io.cwd, PRE_COMMIT_FILE))) {
      // The user's own list of hooks: never rewritten, not even with --force.
      notes.push(`${PRE_COMMIT_FILE} exists and was left as it is; add under its \`repos:\`:`, ...hookLines(choices));
    } else {
      files.push({ name: PRE_COMMIT_FILE, text: preCommitText(choices) });
    }
  }
  if (choices.workflow) files.push({ name: WORKFLOW_FILE, text: workflowText(choices) });

  const existing = files.filter((f) => existsSync(path.join(io.cwd, f.name))).map((f) => f.name);
  if (existing.length > 0 && !options.force) throw new UsageError(`${existing.join(' and ')} ${existing.length > 1 ? 'exist' : 'exists'}; nothing written (--force overwrites)`);

  for (const file of files) {
    const full = path.join(io.cwd, file.name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, file.text);
    io.stdout.write(`wrote ${file.name}${existing.includes(file.name) ? ' (overwritten)' : ''}\n`);
  }
  if (notes.length > 0) io.stdout.write(`${notes.join('\n')}\n`);
  io.stdout.write(`Next: \`${TOOL_NAME} .\` lints this folder${choices.preCommit ? '; `pre-commit install` turns the hook on' : ''}.\n`);
  return 0;
}
