#!/usr/bin/env node
// scripts/bench.mjs — `npm run bench`: mlsd-lint against markdownlint-cli2 on the same inputs, in
// the same run, as a user runs them (the built bin and markdownlint-cli2's bin, each a fresh Node
// process, output discarded).
//
// Inputs are generated (scripts/bench/generate.mjs, seeded) into a temporary folder, never into the
// repository: one answer (cold start), 1,000 answers of ~1,500 words in one invocation, one 5 MB
// answer, and a 1 MB answer for the scaling row (1 MB vs 5 MB should cost ~5x if linear). Each
// case is the median of N runs (--runs, default 5), the tools alternating; peak memory is the
// largest max RSS of a run (GNU time's %M when /usr/bin/time exists, else the process's own
// resourceUsage().maxRSS reported at exit).
//
// Usage: npm run bench [-- --runs 3] [--count 1000] [--seed 42] [--json] [--keep] [--no-build]
//   --json  print one JSON object (the table's numbers) on stdout, progress on stderr
//   --keep  keep the generated inputs (their folder is printed)

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateAnswer, generateLongAnswer, writeAnswers } from './bench/generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

// Targets (mlsd-lint / markdownlint-cli2) from the issue, and markdownlint-cli2 0.22 as measured elsewhere.
const TARGETS = { cold: 0.6, many: 0.67, big: 1.0, memory: 1.0 };
const REFERENCE = { cold: 0.53, many: 8.6, big: 7.7 };

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log('Usage: npm run bench [-- --runs 5] [--count 1000] [--seed 42] [--json] [--keep] [--no-build]');
  process.exit(0);
}
const RUNS = Math.max(1, Number(opts.runs));
const COUNT = Math.max(1, Number(opts.count));
const SEED = Number(opts.seed);
const log = (line) => (opts.json ? process.stderr : process.stdout).write(`${line}\n`);

// ---------- the two tools ----------

/** Where Node finds a package from the repository (its `exports` may hide package.json from require.resolve). */
function packageDir(name) {
  for (let dir = ROOT; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed: run npm install first`);
  }
}

function markdownlintBin() {
  const pkgPath = path.join(packageDir('markdownlint-cli2'), 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['markdownlint-cli2'];
  return { bin: path.join(path.dirname(pkgPath), bin), version: pkg.version };
}

const MLSD_BIN = path.join(ROOT, 'bin', 'mlsd-lint.js');
const MDL = markdownlintBin();
const MLSD_VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0 ? '/usr/bin/time' : undefined;

/** Reports the process's own max RSS at exit, when GNU time is not there to measure it. */
const RSS_HOOK = `data:text/javascript,${encodeURIComponent("import {writeFileSync} from 'node:fs'; process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));")}`;

/** Run one tool once; resolves to { seconds, rssKB, code }. */
function runOnce(tool, args, cwd) {
  const script = tool === 'mlsd' ? MLSD_BIN : MDL.bin;
  const rssFile = path.join(cwd, `.rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  let command = process.execPath;
  let argv = [script, ...args];
  const env = { ...process.env, HOME: cwd, NO_COLOR: '1', BENCH_RSS_FILE: rssFile };
  delete env.FORCE_COLOR;
  if (GNU_TIME) {
    command = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, process.execPath, script, ...args];
  } else {
    argv = ['--import', RSS_HOOK, script, ...args];
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let rssKB;
      try {
        rssKB = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        rmSync(rssFile, { force: true });
      } catch {
        rssKB = undefined;
      }
      // Both tools exit 1 when they find problems; 2 or more is a failure to run.
      if (code !== 0 && code !== 1) reject(new Error(`${tool} ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      else resolve({ seconds, rssKB, code });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Median time and largest max RSS of each tool over RUNS alternating runs. */
async function measure(label, cases, cwd) {
  const samples = Object.fromEntries(Object.keys(cases).map((tool) => [tool, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [tool, args] of Object.entries(cases)) {
      const result = await runOnce(tool, args, cwd);
      samples[tool].push(result);
      log(`  ${label}: ${tool === 'mlsd' ? 'mlsd-lint' : 'markdownlint-cli2'} run ${run + 1}/${RUNS}: ${result.seconds.toFixed(2)} s${result.rssKB ? `, ${(result.rssKB / 1024).toFixed(0)} MB` : ''}`);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([tool, runs]) => [
      tool,
      { seconds: median(runs.map((r) => r.seconds)), runs: runs.map((r) => Number(r.seconds.toFixed(3))), maxRssMB: Math.max(...runs.map((r) => (r.rssKB ?? 0) / 1024)) },
    ]),
  );
}

// ---------- main ----------

async function main() {
  if (!opts['no-build']) {
    // The whole build (tsc, then the bundle that bin/mlsd-lint.js runs), as `npm run build` does.
    log('Building dist/ (tsc, then the bundle) ...');
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-source.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlsd-bench-'));
  try {
    log(`Generating inputs (seed ${SEED}) in ${dir} ...`);
    writeFileSync(path.join(dir, 'one.md'), generateAnswer(SEED));
    writeAnswers(path.join(dir, 'answers'), COUNT, SEED);
    writeFileSync(path.join(dir, 'big-1mb.md'), generateLongAnswer(SEED, 1 * MB));
    writeFileSync(path.join(dir, 'big-5mb.md'), generateLongAnswer(SEED, 5 * MB));
    const answersBytes = spawnSync('du', ['-sb', path.join(dir, 'answers')], { encoding: 'utf8' }).stdout?.split('\t')[0];
    log(`  ${COUNT} answers (${answersBytes ? `${(Number(answersBytes) / MB).toFixed(1)} MB` : '?'}), one 1 MB and one 5 MB answer`);
    log(`mlsd-lint ${MLSD_VERSION} vs markdownlint-cli2 ${MDL.version}, Node ${process.version}, ${os.cpus().length} CPUs, median of ${RUNS} run(s); memory by ${GNU_TIME ? 'GNU time (max RSS)' : 'process.resourceUsage().maxRSS'}`);

    // Warm the file cache and the module cache of the OS once, untimed.
    await runOnce('mlsd', ['one.md'], dir);
    await runOnce('mdl', ['one.md'], dir);

    const cold = await measure('cold start, one answer', { mlsd: ['one.md'], mdl: ['one.md'] }, dir);
    const many = await measure(`${COUNT} answers`, { mlsd: ['answers'], mdl: ['answers/*.md'] }, dir);
    const big = await measure('5 MB answer', { mlsd: ['big-5mb.md'], mdl: ['big-5mb.md'] }, dir);
    const oneMb = await measure('1 MB answer', { mlsd: ['big-1mb.md'] }, dir);

    const ratio = (a, b) => a / b;
    // The runs alternate, so run i of one tool and run i of the other were made side by side: the
    // spread is the lowest and highest of those paired ratios.
    const spreadOf = (samples) => {
      if (!samples) return undefined;
      const pairs = samples.mlsd.runs.map((t, i) => t / samples.mdl.runs[i]);
      return [Math.min(...pairs), Math.max(...pairs)];
    };
    const rows = [
      { case: 'cold start, one answer', key: 'cold', mlsd: cold.mlsd.seconds, mdl: cold.mdl.seconds, unit: 's' },
      { case: `${COUNT} answers, one invocation`, key: 'many', mlsd: many.mlsd.seconds, mdl: many.mdl.seconds, unit: 's' },
      { case: 'one 5 MB answer', key: 'big', mlsd: big.mlsd.seconds, mdl: big.mdl.seconds, unit: 's' },
      // Peak memory on each workload (the target holds for each, not only for the largest).
      { case: 'peak memory, cold start', key: 'memory', mlsd: cold.mlsd.maxRssMB, mdl: cold.mdl.maxRssMB, unit: 'MB' },
      { case: `peak memory, ${COUNT} answers`, key: 'memory', mlsd: many.mlsd.maxRssMB, mdl: many.mdl.maxRssMB, unit: 'MB' },
      { case: 'peak memory, 5 MB answer', key: 'memory', mlsd: big.mlsd.maxRssMB, mdl: big.mdl.maxRssMB, unit: 'MB' },
    ].map((r) => ({ ...r, spread: spreadOf({ cold, many, big }[r.key]), ratio: ratio(r.mlsd, r.mdl), target: TARGETS[r.key], met: ratio(r.mlsd, r.mdl) <= TARGETS[r.key], reference: r.key === 'many' && COUNT !== 1000 ? undefined : REFERENCE[r.key] }));
    const scaling = { oneMbSeconds: oneMb.mlsd.seconds, fiveMbSeconds: big.mlsd.seconds, ratio: big.mlsd.seconds / oneMb.mlsd.seconds };

    const result = {
      mlsdLint: MLSD_VERSION,
      markdownlintCli2: MDL.version,
      node: process.version,
      cpus: os.cpus().length,
      runs: RUNS,
      seed: SEED,
      count: COUNT,
      rows: rows.map(({ key, case: name, mlsd, mdl, unit, ratio: r, spread, target, met, reference }) => ({ key, case: name, unit, mlsdLint: Number(mlsd.toFixed(3)), markdownlintCli2: Number(mdl.toFixed(3)), ratio: Number(r.toFixed(3)), ...(spread ? { ratioSpread: spread.map((x) => Number(x.toFixed(3))) } : {}), target, met, ...(reference ? { markdownlintCli2Elsewhere: reference } : {}) })),
      scaling: { oneMbSeconds: Number(scaling.oneMbSeconds.toFixed(3)), fiveMbSeconds: Number(scaling.fiveMbSeconds.toFixed(3)), ratio: Number(scaling.ratio.toFixed(2)), linear: 5 },
      samples: { cold, many, big, oneMb },
    };

    if (opts.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const fmt = (v, unit) => (unit === 'MB' ? `${v.toFixed(0)} MB` : `${v.toFixed(2)} s`);
      const table = [
        ['case', 'mlsd-lint', 'markdownlint-cli2', 'ratio', 'spread', 'target', '', 'markdownlint-cli2 elsewhere'],
        ...rows.map((r) => [r.case, fmt(r.mlsd, r.unit), fmt(r.mdl, r.unit), r.ratio.toFixed(2), r.spread ? `${r.spread[0].toFixed(2)}-${r.spread[1].toFixed(2)}` : '', `<= ${r.target}`, r.met ? 'met' : 'NOT met', r.reference ? `${r.reference} s` : '']),
        ['scaling, mlsd-lint 1 MB -> 5 MB', `${scaling.oneMbSeconds.toFixed(2)} s -> ${scaling.fiveMbSeconds.toFixed(2)} s`, '', scaling.ratio.toFixed(2), '', '~5 (linear)', scaling.ratio <= 6.5 ? 'met' : 'NOT met', ''],
      ];
      const widths = table[0].map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
      log('');
      for (const [i, row] of table.entries()) {
        log(`| ${row.map((cell, j) => String(cell).padEnd(widths[j])).join(' | ')} |`);
        if (i === 0) log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
      }
    }
  } finally {
    if (opts.keep) log(`Inputs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
