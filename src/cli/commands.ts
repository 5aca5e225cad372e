/**
 * `mlsd-lint rules` and `mlsd-lint explain <rule>`: the rules of the configuration found from the
 * working directory (built-in rules and plugins), described from their own metadata. Also the
 * arguments of `mlsd-lint history` (src/cli/history.ts) and `mlsd-lint merge-reports`
 * (src/cli/merge-reports.ts).
 *
 * They are commands only as the first argument; `mlsd-lint ./rules` or `mlsd-lint -- rules` lints a
 * path named `rules`. Loaded only when asked for.
 */
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { builtinRules } from '../../rules/index.js';
import { configureFiles } from '../config/configure.js';
import { parseCount, parseScore, usageErrorOf } from './options.js';
import { PRESETS } from '../config/presets.js';
import { FORMATTER_NAMES } from '../formatters/index.js';
import { DEFAULT_MAX_FINDINGS } from '../formatters/types.js';
import type { OutputArgument } from '../run/outputs.js';
import { closest } from '../support/spelling.js';
import { examplePair, type RuleInfo } from '../rule/help.js';
import { recommendedSeverity, severityUnder } from './rule-docs.js';
import { UsageError } from '../support/errors.js';
import { padEnd, sanitize, wrap } from '../formatters/text.js';
import { HISTORY_FILE, TOOL_NAME } from '../support/project.js';
import type { CliIo } from './io.js';

const WIDTH = 80;
const INDENT = '  ';

function program(name: string, description: string, io: CliIo, { config = true } = {}): Command {
  const command = new Command().name(`${TOOL_NAME} ${name}`).description(description);
  if (config) command.option('-c, --config <path>', 'use this configuration file (its plugins add rules)');
  return command
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({ writeOut: (text) => void io.stdout.write(text), writeErr: (text) => void io.stderr.write(text), outputError: () => undefined });
}

/** Every rule the working directory's configuration knows: built-in first, then plugins. */
async function knownRules(io: CliIo, configFile: string | undefined): Promise<RuleInfo[]> {
  // A path in the working directory selects the configuration a file there would get.
  const probe = path.join(io.cwd, `${TOOL_NAME}-rules.md`);
  const run = await configureFiles([probe], { cwd: io.cwd, builtinRules, ...(configFile !== undefined ? { configFile } : {}) });
  return [...run.rulesMeta].map(([id, meta]) => ({ id, meta: meta as RuleInfo['meta'] }));
}

function paragraph(text: string, indent = INDENT): string[] {
  return wrap(sanitize(text), WIDTH - indent.length).map((line) => indent + line);
}


export function listRules(rules: readonly RuleInfo[]): string {
  const idWidth = Math.max(4, ...rules.map((r) => r.id.length));
  const titles = rules.map((r) => (r.meta.signal ? r.meta.signal.title : 'finding'));
  const titleWidth = Math.min(38, Math.max(6, ...titles.map((t) => t.length)));
  const lines = [`${padEnd('Rule', idWidth)}  ${padEnd('Signal', titleWidth)}  Recommended`];
  rules.forEach((rule, i) => lines.push(`${padEnd(rule.id, idWidth)}  ${padEnd(titles[i] as string, titleWidth)}  ${recommendedSeverity(rule)}`));
  const signals = rules.filter((r) => r.meta.signal).length;
  lines.push('', `${rules.length} rules: ${signals} signals, ${rules.length - signals} findings. Details: ${TOOL_NAME} explain <rule>`);
  return `${lines.join('\n')}\n`;
}

export function explainRule(rule: RuleInfo): string {
  const m = rule.meta;
  const lines: string[] = [];
  lines.push(m.signal ? `${rule.id}: ${m.signal.title}` : `${rule.id} (finding)`, '');
  lines.push('What it checks', ...paragraph(`${m.description}.`));
  if (m.signal) lines.push(...paragraph(`A signal row, weight ${m.signal.weight} of 100 in the score${m.signal.step ? `, the guide's step ${m.signal.step}` : ''}.`));
  lines.push('', 'Why', ...paragraph(m.rationale));
  if (m.criteria) {
    lines.push('', m.signal ? 'What earns each status' : 'When it is reported');
    const keyWidth = Math.max(...Object.keys(m.criteria).map((k) => k.length));
    for (const [key, text] of Object.entries(m.criteria)) {
      const hang = INDENT + ' '.repeat(keyWidth + 2);
      const body = wrap(sanitize(text), WIDTH - hang.length);
      body.forEach((line, i) => lines.push(i === 0 ? `${INDENT}${padEnd(key, keyWidth)}  ${line}` : hang + line));
    }
  }
  lines.push('', 'Severity', `${INDENT}recommended: ${severityUnder(rule, 'recommended')}`, `${INDENT}strict: ${severityUnder(rule, 'strict')}`);
  const { weak, high } = examplePair(m);
  if (weak) lines.push('', `Weak-signal example (${weak.title})`, ...weak.text.trimEnd().split('\n').flatMap((line) => paragraph(line, '  │ ')));
  if (high) lines.push('', `High-signal example (${high.title})`, ...high.text.trimEnd().split('\n').flatMap((line) => paragraph(line, '  │ ')));
  if (m.docsUrl) lines.push('', `Docs: ${m.docsUrl}`);
  return `${lines.join('\n')}\n`;
}

function parse(command: Command, argv: readonly string[]): boolean {
  try {
    command.parse([...argv], { from: 'user' });
    return true;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') return false;
      throw usageErrorOf(error);
    }
    throw error;
  }
}

/** `mlsd-lint merge-reports <reports...>`: its options are the main command's output options. */
async function mergeReportsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const outputs: OutputArgument[] = [];
  const command = program('merge-reports', "Merge the json reports (or the sarif reports) of a run's shards (--shard i/n) into one report, printed in any format.", io)
    .argument('<reports...>', 'reports written by -f json, or all by -f sarif (those merge into sarif only)')
    .addOption(new Option('-f, --format <name>', "output format (repeatable; default: the reports' own, json or sarif)").choices([...FORMATTER_NAMES]))
    .option('-o, --output-file <path>', 'write the preceding --format to this file instead of stdout')
    .option('--max-findings <n>', `findings shown per file by the stylish report (default ${DEFAULT_MAX_FINDINGS}; 0 shows all)`)
    .option('--questions', 'add the follow-up questions to the stylish report')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('--debug', 'print stack traces for errors');
  // As in the main command, the order of -f and -o decides which file each format goes to.
  command.on('option:format', (value: string) => outputs.push({ kind: 'format', value }));
  command.on('option:output-file', (value: string) => outputs.push({ kind: 'output', value }));
  if (!parse(command, argv)) return 0;
  const opts = command.opts<{ config?: string; maxFindings?: string; questions?: boolean; color?: boolean }>();
  const { mergeReports } = await import('./merge-reports.js');
  return mergeReports(
    command.args,
    {
      outputs,
      ...(opts.config !== undefined ? { configFile: opts.config } : {}),
      maxFindings: opts.maxFindings === undefined ? DEFAULT_MAX_FINDINGS : parseCount(opts.maxFindings, '--max-findings'),
      questions: opts.questions === true,
      color: opts.color,
    },
    io,
  );
}

/** `mlsd-lint init`: the starter files for the working directory (src/cli/init.ts). */
async function initCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const command = program('init', 'Write a commented configuration, a pre-commit hook and a GitHub workflow for this folder; asks on a terminal, never overwrites without --force.', io, { config: false })
    .option('-y, --yes', 'ask nothing: take the defaults and the choices given here (also when not on a terminal)')
    .option('--force', 'overwrite the files init writes when they exist')
    .option('--preset <name>', `the preset to extend (${Object.keys(PRESETS).join(', ')}; default recommended)`)
    .option('--min-score <n>', 'the minimum score the hook and the workflow pass (0-100; default 60)')
    .option('--no-pre-commit', 'do not write a pre-commit hook')
    .option('--no-workflow', 'do not write a GitHub workflow')
    .allowExcessArguments(true);
  if (!parse(command, argv)) return 0;
  if (command.args.length) throw new UsageError(`mlsd-lint init takes no paths; it writes into the working directory`);
  const opts = command.opts<{ yes?: boolean; force?: boolean; preset?: string; minScore?: string; preCommit: boolean; workflow: boolean }>();
  const given: Partial<import('./init.js').InitChoices> = {};
  if (opts.preset !== undefined) given.preset = opts.preset;
  if (opts.minScore !== undefined) given.minScore = parseScore(opts.minScore, '--min-score');
  // Commander's --no-x options default to true; only a given --no-x is a choice.
  if (!opts.preCommit) given.preCommit = false;
  if (!opts.workflow) given.workflow = false;
  const { init } = await import('./init.js');
  return init({ yes: opts.yes === true, force: opts.force === true, given }, io);
}

export async function runCommand(name: 'rules' | 'explain' | 'history' | 'merge-reports' | 'init', argv: readonly string[], io: CliIo): Promise<number> {
  if (name === 'merge-reports') return mergeReportsCommand(argv, io);
  if (name === 'init') return initCommand(argv, io);
  if (name === 'history') {
    const command = program('history', `How answers moved over their runs: the score and each signal's status, from ${HISTORY_FILE}.`, io, { config: false })
      .argument('[files...]', 'answers to show (default: one line per file in the history)')
      .option('--json', 'print the records as JSON');
    if (!parse(command, argv)) return 0;
    const { showHistory } = await import('./history.js');
    return showHistory(command.args, { json: command.opts<{ json?: boolean }>().json === true }, io);
  }
  if (name === 'rules') {
    // Extra arguments get our message (with the ./rules hint), not commander's.
    const command = program('rules', 'List the rules: id, the signal it judges (or "finding") and its severity under recommended.', io).allowExcessArguments(true);
    if (!parse(command, argv)) return 0;
    if (command.args.length) throw new UsageError(`mlsd-lint rules takes no paths (to lint a path named "rules", write ./rules)`);
    io.stdout.write(listRules(await knownRules(io, command.opts<{ config?: string }>().config)));
    return 0;
  }
  const command = program('explain', 'Explain a rule: what it checks, why, what earns each status, and examples.', io).argument('<rule>', 'rule id');
  if (!parse(command, argv)) return 0;
  if (command.args.length !== 1) throw new UsageError('mlsd-lint explain takes one rule id');
  const id = command.args[0] as string;
  const rules = await knownRules(io, command.opts<{ config?: string }>().config);
  const rule = rules.find((r) => r.id === id);
  if (!rule) {
    const guess = closest(id, rules.map((r) => r.id));
    throw new UsageError(`Unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; mlsd-lint rules lists them`);
  }
  io.stdout.write(explainRule(rule));
  return 0;
}
