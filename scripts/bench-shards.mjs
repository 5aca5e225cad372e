#!/usr/bin/env node
// scripts/bench-shards.mjs — the wall time of linting a large repository as 1, 2 and 4 shards run
// side by side: each shard (`--shard i/n -f json -o shard-i.json`) a separate mlsd-lint process,
// all started at once, as the jobs of a CI matrix would run if they shared this machine; then the
// time `mlsd-lint merge-reports` takes to merge the shards' json reports, and a check that the
// merge equals the unsharded report.
//
// Inputs are generated (scripts/bench/generate.mjs, seeded: 10,000 answers of ~1,500 words by
// default) into a temporary folder, never into the repository. On one machine the shards share its
// cores, so more shards cannot lint faster than its threads do (`--concurrency auto` already uses
// every core in one process); what the numbers show is what splitting costs: each shard starts its
// own Node, reads its own configuration and walks the whole tree to find its part. On a CI matrix
// each shard has its own machine, and its time is the "slowest shard" column.
//
// Usage: node scripts/bench-shards.mjs [--count 10000] [--shards 1,2,4] [--runs 1] [--seed 42]
//                                      [--words 1500] [--concurrency auto] [--json] [--keep] [--no-build]

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeAnswers } from './bench/generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'mlsd-lint.js');

const { values: opts } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    shards: { type: 'string', default: '1,2,4' },
    runs: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
    words: { type: 'string', default: '1500' },
    concurrency: { type: 'string', default: 'auto' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log('Usage: node scripts/bench-shards.mjs [--count 10000] [--shards 1,2,4] [--runs 1] [--seed 42] [--words 1500] [--concurrency auto] [--json] [--keep] [--no-build]');
  process.exit(0);
}
const COUNT = Math.max(1, Number(opts.count));
const SHARDS = opts.shards.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const RUNS = Math.max(1, Number(opts.runs));
const log = (line) => (opts.json ? process.stderr : process.stdout).write(`${line}\n`);

/** One mlsd-lint process; resolves to its wall time in seconds. Exit 0 or 1 (answers with errors) is a run; anything else fails the benchmark. */
function mlsdLint(args, cwd) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`mlsd-lint ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      else resolve(Number(process.hrtime.bigint() - started) / 1e9);
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** n shards at once; the wall time until the last ends, each shard's own time, and the merge's. */
async function shardsSideBySide(n, dir) {
  const report = (i) => path.join(dir, `shard-${n}-${i}.json`);
  const started = process.hrtime.bigint();
  const shardSeconds = await Promise.all(
    Array.from({ length: n }, (_, k) => mlsdLint(['answers', ...(n > 1 ? ['--shard', `${k + 1}/${n}`] : []), '-f', 'json', '-o', report(k + 1), '--no-history', '--concurrency', opts.concurrency], dir)),
  );
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  // The machine's 1-minute load average as the shards end: the shards' own threads count in it
  // (up to two per shard with --concurrency auto on two CPUs); beyond them, it is other work.
  const load = os.loadavg()[0];
  const merged = path.join(dir, `merged-${n}.json`);
  const mergeSeconds = await mlsdLint(['merge-reports', ...Array.from({ length: n }, (_, k) => report(k + 1)), '-o', merged], dir);
  return { wall, shardSeconds, mergeSeconds, merged, load };
}

async function main() {
  if (!opts['no-build']) {
    log('Building dist/ (tsc, then the bundle) ...');
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-source.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlsd-bench-shards-'));
  try {
    log(`Generating ${COUNT} answers of ~${opts.words} words (seed ${opts.seed}) in ${dir} ...`);
    writeAnswers(path.join(dir, 'answers'), COUNT, Number(opts.seed), Number(opts.words));
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    log(`mlsd-lint ${version}, Node ${process.version}, ${os.availableParallelism()} CPUs, --concurrency ${opts.concurrency}, ${RUNS} run(s) each, median shown`);
    // Warm the OS's file and module caches once, untimed.
    await mlsdLint(['answers/answer-0000.md', '--no-history'], dir);

    // The configurations take turns (1, 2, 4, 1, 2, 4, ...), so a change in the machine's load
    // over the minutes a round takes falls on all of them rather than on one.
    const samplesOf = new Map(SHARDS.map((n) => [n, []]));
    let unsharded;
    for (let run = 0; run < RUNS; run++) {
      for (const n of SHARDS) {
        const sample = await shardsSideBySide(n, dir);
        const text = readFileSync(sample.merged, 'utf8');
        // Every configuration must produce the same merged report, or its time means nothing.
        unsharded ??= text;
        if (text !== unsharded) throw new Error(`the merged report of ${n} shards differs from the first configuration's`);
        samplesOf.get(n).push(sample);
        log(`  ${n} shard(s) side by side, run ${run + 1}/${RUNS}: ${sample.wall.toFixed(1)} s (shards ${sample.shardSeconds.map((s) => s.toFixed(1)).join(', ')} s), merge-reports ${sample.mergeSeconds.toFixed(2)} s, load average ${sample.load.toFixed(1)}`);
      }
    }
    const rows = [];
    for (const [n, samples] of samplesOf) {
      rows.push({
        shards: n,
        wallSeconds: Number(median(samples.map((s) => s.wall)).toFixed(2)),
        slowestShardSeconds: Number(median(samples.map((s) => Math.max(...s.shardSeconds))).toFixed(2)),
        fastestShardSeconds: Number(median(samples.map((s) => Math.min(...s.shardSeconds))).toFixed(2)),
        mergeSeconds: Number(median(samples.map((s) => s.mergeSeconds)).toFixed(2)),
        runs: samples.map((s) => ({ wall: Number(s.wall.toFixed(2)), shards: s.shardSeconds.map((x) => Number(x.toFixed(2))), merge: Number(s.mergeSeconds.toFixed(2)), loadAverage: Number(s.load.toFixed(2)) })),
      });
    }
    const result = { mlsdLint: version, node: process.version, cpus: os.availableParallelism(), count: COUNT, words: Number(opts.words), seed: Number(opts.seed), concurrency: opts.concurrency, rows };
    if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const table = [['shards', 'wall time', 'slowest shard', 'fastest shard', 'merge-reports'], ...rows.map((r) => [String(r.shards), `${r.wallSeconds.toFixed(1)} s`, `${r.slowestShardSeconds.toFixed(1)} s`, `${r.fastestShardSeconds.toFixed(1)} s`, `${r.mergeSeconds.toFixed(2)} s`])];
      const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
      log('');
      for (const [i, row] of table.entries()) {
        log(`| ${row.map((cell, j) => cell.padEnd(widths[j])).join(' | ')} |`);
        if (i === 0) log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
      }
    }
  } finally {
    if (opts.keep) log(`Inputs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench-shards: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
