import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCount, parseMegabytes, parseRuleOptions, shouldUseColor } from '../src/cli/options.js';
import { main, type CliIo } from '../src/cli/cli.js';
import { UsageError } from '../src/support/errors.js';

describe('parseRuleOptions', () => {
  it('reads id:severity and id:JSON, the last entry for a rule winning', () => {
    expect(parseRuleOptions(['retraining:off', 'monitoring:["warn",{"weak":"off"}]', 'team/rule:2', 'retraining:error'])).toEqual({
      retraining: 'error',
      monitoring: ['warn', { weak: 'off' }],
      'team/rule': '2',
    });
  });

  it.each(['retraining', ':off', 'retraining:', 'retraining:[oops'])('rejects %j with a UsageError', (value) => {
    expect(() => parseRuleOptions([value])).toThrow(UsageError);
  });
});

describe('number options', () => {
  it('parseCount takes whole numbers >= 0 only', () => {
    expect(parseCount('0', '--max-warnings')).toBe(0);
    expect(parseCount('12', '--max-warnings')).toBe(12);
    for (const bad of ['-1', '1.5', 'x', '']) expect(() => parseCount(bad, '--max-warnings')).toThrow(/--max-warnings/);
  });

  it('parseMegabytes takes positive megabytes, decimals allowed', () => {
    expect(parseMegabytes('10', '--max-file-size')).toBe(10 * 1024 * 1024);
    expect(parseMegabytes('0.5', '--max-file-size')).toBe(512 * 1024);
    for (const bad of ['0', '-1', 'ten', '']) expect(() => parseMegabytes(bad, '--max-file-size')).toThrow(/--max-file-size/);
  });
});

describe('shouldUseColor', () => {
  it.each([
    [{ flag: undefined, env: {}, isTTY: true }, true],
    [{ flag: undefined, env: {}, isTTY: false }, false],
    [{ flag: undefined, env: { NO_COLOR: '1' }, isTTY: true }, false],
    [{ flag: undefined, env: { NO_COLOR: '' }, isTTY: true }, true],
    [{ flag: undefined, env: { TERM: 'dumb' }, isTTY: true }, false],
    [{ flag: undefined, env: { FORCE_COLOR: '1' }, isTTY: false }, true],
    [{ flag: undefined, env: { FORCE_COLOR: '0' }, isTTY: true }, false],
    [{ flag: undefined, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, isTTY: false }, true],
    [{ flag: true, env: { NO_COLOR: '1' }, isTTY: false }, true],
    [{ flag: false, env: { FORCE_COLOR: '3' }, isTTY: true }, false],
  ])('%j -> %s', (inputs, expected) => {
    expect(shouldUseColor(inputs)).toBe(expected);
  });
});

describe('main (in process)', () => {
  function io(argv: string[], stdinIsTTY: boolean) {
    const out: string[] = [];
    const err: string[] = [];
    const stdin = Object.assign(new PassThrough(), { isTTY: stdinIsTTY });
    const cliIo: CliIo = { argv, cwd: process.cwd(), env: {}, stdin, stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } };
    return { cliIo, out, err, stdin };
  }

  it('with no paths and a terminal on stdin, exits 2 explaining how to give input', async () => {
    const { cliIo, out, err } = io([], true);
    expect(await main(cliIo)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toMatch(/^mlsd-lint: No input: give files, directories or globs, or pipe an answer on stdin \(see --help\)\n$/);
  });

  it('reads a pipe when no path is given', async () => {
    const { cliIo, out, stdin } = io(['-f', 'json'], false);
    stdin.end('We retrain weekly.');
    expect(await main(cliIo)).toBe(1);
    expect(JSON.parse(out.join(''))).toHaveLength(1);
  });
});
