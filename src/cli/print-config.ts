/**
 * `--print-config <file>`: the configuration that applies to a file, after presets, `rules`,
 * matching `overrides` and `--rule`, as JSON. The file need not exist (as in ESLint).
 */
import path from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { configureFiles } from '../config/configure.js';
import type { RuleEntry } from '../config/types.js';
import type { SeverityName } from '../rule/types.js';

const NAMES: readonly SeverityName[] = ['off', 'warn', 'error'];

export interface PrintConfigOptions {
  cwd: string;
  configFile?: string;
  rules?: Record<string, RuleEntry>;
}

export interface PrintedConfig {
  filePath: string;
  /** The configuration file that applies (relative to the working directory when inside it), or null. */
  configFile: string | null;
  extends: string[];
  plugins: string[];
  /** Indices of the `overrides` blocks that match the file. */
  matchedOverrides: number[];
  /** Every rule: `[severity]` or `[severity, options]`. */
  rules: Record<string, [SeverityName] | [SeverityName, Record<string, unknown>]>;
}

export async function resolvedConfigFor(file: string, options: PrintConfigOptions): Promise<PrintedConfig> {
  const absolute = path.resolve(options.cwd, file);
  const run = await configureFiles([absolute], {
    cwd: options.cwd,
    builtinRules,
    ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
    ...(options.rules ? { cliRules: options.rules } : {}),
  });
  const source = run.sourceOf(absolute);
  const config = run.configFor(absolute);
  const rules: PrintedConfig['rules'] = {};
  for (const id of config.rules.keys()) {
    const setting = config.settings.get(id);
    const severity = NAMES[setting?.severity ?? 0] as SeverityName;
    const ruleOptions = setting?.options ?? {};
    rules[id] = Object.keys(ruleOptions).length ? [severity, ruleOptions] : [severity];
  }
  return {
    filePath: file,
    configFile: source.configFile ?? null,
    extends: source.extends,
    plugins: source.plugins,
    matchedOverrides: source.overrides,
    rules,
  };
}

export async function printConfig(file: string, options: PrintConfigOptions): Promise<string> {
  return `${JSON.stringify(await resolvedConfigFor(file, options), null, 2)}\n`;
}
