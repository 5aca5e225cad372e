/** Parsing and checking of command-line values that commander leaves as strings. */
import type { CommanderError } from 'commander';
import type { RuleEntry } from '../config/types.js';
import { UsageError } from '../support/errors.js';

/** Text on one line: each line break, with the blanks around it, becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/(?<!\s)\s*\n\s*/g, ' ').trim();
}

/** A commander parse error as our one-line usage error, without commander's "error: " prefix. */
export function usageErrorOf(error: CommanderError): UsageError {
  return new UsageError(oneLine(error.message.replace(/^error: /, '')));
}

/**
 * `--rule id:severity` or `--rule 'id:["error",{"weak":"off"}]'`. Later entries for the same rule win.
 * Only the shape is checked here; rule ids, severities and options are validated with the config.
 */
export function parseRuleOptions(values: readonly string[]): Record<string, RuleEntry> {
  const rules: Record<string, RuleEntry> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    const id = value.slice(0, colon).trim();
    const raw = value.slice(colon + 1).trim();
    if (colon < 0 || id === '' || raw === '') {
      throw new UsageError(`Invalid --rule "${value}", expected id:severity (for example --rule retraining:off)`);
    }
    let entry: unknown = raw;
    if (/^[[{"]/.test(raw)) {
      try {
        entry = JSON.parse(raw);
      } catch (error) {
        throw new UsageError(`Invalid JSON in --rule "${value}": ${(error as Error).message}`);
      }
    }
    rules[id] = entry as RuleEntry;
  }
  return rules;
}

/** A non-negative integer option such as `--max-warnings`. */
export function parseCount(value: string, option: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new UsageError(`Invalid ${option} "${value}", expected a whole number >= 0`);
  return n;
}

/** A score threshold such as `--min-score`: a number from 0 to 100. */
export function parseScore(value: string, option: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`Invalid ${option} "${value}", expected a number from 0 to 100`);
  return n;
}

/** A positive size in megabytes (decimals allowed) -> bytes. MB here is 1024 * 1024 bytes. */
export function parseMegabytes(value: string, option: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`Invalid ${option} "${value}", expected a positive number of megabytes`);
  return Math.floor(n * 1024 * 1024);
}

export interface ColorInputs {
  /** `--color` (true), `--no-color` (false) or neither (undefined). */
  flag: boolean | undefined;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

/**
 * Colour is on when stdout is a terminal and NO_COLOR (https://no-color.org) is unset or empty.
 * `--color` / `--no-color` win over everything; FORCE_COLOR wins over the terminal test and
 * NO_COLOR, with chalk's reading of its values ("0" and "false" force it off).
 */
export function shouldUseColor({ flag, env, isTTY }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
