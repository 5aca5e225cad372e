/**
 * The CLI's fast start (bin/load-cli.js): a plain run loads the CommonJS build of the CLI with
 * V8's code cache, which the build writes; --debug and MLSD_LINT_ESM=1 load the ES module bundle.
 * Both are the same code, so they must print the same reports; and the cache the build wrote must
 * be one V8 accepts under the flags the CLI sets, or it is dead weight.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANSWERS, ROOT, runCli } from './helpers.js';

const CLI = path.join(ROOT, 'dist', 'bundle', 'cli.cjs');

describe('the CLI with V8 code cache', () => {
  it('the build wrote the CommonJS CLI and a code cache that V8 accepts under the CLI flags', () => {
    expect(existsSync(CLI)).toBe(true);
    expect(existsSync(`${CLI}.cache`)).toBe(true);
    const check = (withFlags: boolean) =>
      spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `${withFlags ? `await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'bin', 'v8-flags.js')).href)});` : ''}
           const { cliScript } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'bin', 'load-cli.js')).href)});
           console.log(cliScript().cachedDataRejected ? 'rejected' : 'accepted');`,
        ],
        { encoding: 'utf8' },
      ).stdout.trim();
    expect(check(true)).toBe('accepted');
    // The check can fail: V8 refuses the cache under other flags.
    expect(check(false)).toBe('rejected');
  });

  it('prints the same reports as the ES module bundle, in every format', async () => {
    const files = readdirSync(ANSWERS).filter((f) => f.endsWith('.md')).map((f) => path.join(ANSWERS, f));
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'markdown', 'github']) {
      const args = [...files, '--format', format, '--no-history', '--no-color'];
      const [fast, esm] = await Promise.all([runCli(args), runCli(args, { env: { MLSD_LINT_ESM: '1' } })]);
      expect(fast.stdout.length).toBeGreaterThan(0);
      expect(fast).toEqual(esm);
    }
  });
});
