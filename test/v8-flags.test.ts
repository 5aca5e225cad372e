import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * A process in which regular expressions already ran in V8's bytecode interpreter (as Node's own do
 * before the first line of bin/mlsd-lint.js), then the CLI's V8 flags are set, then those
 * expressions run again from deep in the stack and on long subjects, where V8 takes its runtime
 * path. Setting --no-regexp-tier-up there (what the CLI once did) ends this process with a
 * segmentation fault every time.
 */
function afterFlags(flagsModule: string): ReturnType<typeof spawnSync> {
  const script = `
    const early = [];
    for (let i = 0; i < 50; i++) { const re = new RegExp('(a|b' + i + ')*c'); re.exec('ab'.repeat(10) + 'c'); early.push(re); }
    const long = /(x|y)*z/; long.exec('xy'.repeat(1000) + 'z');
    await import(${JSON.stringify(flagsModule)});
    let matches = 0;
    const deep = (d) => { if (d === 0) { for (const re of early) matches += re.exec('ab'.repeat(100) + 'c') ? 1 : 0; matches += long.exec('xy'.repeat(5000) + 'z') ? 1 : 0; return; } deep(d - 1); };
    for (let k = 0; k < 20; k++) { try { deep(k * 500); } catch {} }
    let last = 0;
    for (const re of early) last += re.exec('ab'.repeat(100000) + 'c') ? 1 : 0;
    console.log(matches > 0, last);
  `;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
}

describe("the CLI's V8 flags", () => {
  it('leave expressions compiled before them working (no crash when they run again)', () => {
    const run = afterFlags(pathToFileURL(path.join(ROOT, 'bin', 'v8-flags.js')).href);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('true 50\n');
  });

  it('the check can fail: switching tier-up off at run time crashes the same process', () => {
    const run = afterFlags(`data:text/javascript,import { setFlagsFromString } from 'node:v8'; setFlagsFromString('--no-regexp-tier-up');`);
    expect(run.signal).toBe('SIGSEGV');
  });
});
