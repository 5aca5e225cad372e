/**
 * Issue 14's "done when": a team's repository of 400 generated answers in git, linted as a CI
 * matrix would lint it. Four shards (`--shard i/4`) make exactly the unsharded run, each file once
 * with the same results; `--changed <ref>` after a commit that edits two answers and deletes one
 * lints exactly the two; and `merge-reports` turns the four shards' json reports, and their sarif
 * reports, into the unsharded run's json and sarif. Neither format holds anything specific to a run
 * (no times, no absolute paths, no run ids), so the merged reports are compared whole, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useTempTrees, type CliRun } from './helpers.js';
// The benchmark's seeded generator (mulberry32): the same answers on every machine.
import { prng } from '../scripts/bench/generate.mjs';

const tree = useTempTrees();
const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' };
const COUNT = 400;

const DOMAINS = [
  { item: 'restaurant', event: 'order', metric: 'order conversion rate', offline: 'NDCG@10', model: 'LightGBM ranker' },
  { item: 'video', event: 'watch', metric: 'watch time per session', offline: 'recall@50', model: 'two-tower model' },
  { item: 'ad', event: 'click', metric: 'click-through rate', offline: 'AUC', model: 'logistic regression' },
  { item: 'transaction', event: 'chargeback', metric: 'fraud loss per day', offline: 'PR-AUC', model: 'XGBoost classifier' },
];
type Domain = (typeof DOMAINS)[number];

/**
 * Per part of an answer, a strong and a thin way to write it (or nothing): an answer takes each
 * part strong, thin or not at all, so scores and statuses spread as in a real repository.
 */
const PARTS: Array<[strong: (d: Domain, n: number) => string, thin: (d: Domain, n: number) => string]> = [
  [
    (d) => `We predict the probability that a user engages with a ${d.item} shown on the home screen, and we optimise ${d.metric} per visit.`,
    (d) => `We want to show users better ${d.item}s.`,
  ],
  [
    (d, n) => `Labels come from ${d.event} events, which arrive within ${n % 20 + 2} hours of the prediction, so training examples are built only once that window has closed.`,
    (d) => `The ${d.event}s are the labels.`,
  ],
  [
    (d) => `Training is a daily Airflow job: Spark builds the training set from impression and ${d.event} logs and trains the ${d.model}. Serving is a separate online service that fetches features from Redis and scores candidates per request.`,
    (d) => `We train a ${d.model} and serve it behind an API.`,
  ],
  [
    () => 'Batch features such as user embeddings are recomputed daily in Spark and loaded into Redis; real-time features such as the items viewed in the current session are computed from Kafka events within seconds.',
    () => 'The model uses user features and item features.',
  ],
  [
    () => 'To prevent training-serving skew, one shared feature computation layer defines every feature once for the offline store and the online store, and the service logs the served feature values for the next training set.',
    () => 'Features should be consistent.',
  ],
  [
    (d, n) => `Monitoring: a PSI above 0.2 on any of the top features pages the on-call engineer, and if ${d.offline} on delayed labels falls more than ${n % 7 + 3}% below its 7-day baseline, retraining is triggered.`,
    () => 'We will monitor model performance on a dashboard.',
  ],
  [
    (d, n) => `We retrain weekly on a rolling ${n % 60 + 30}-day window, and retrain early when ${d.offline} drops more than 5% below its 30-day baseline.`,
    () => 'We retrain periodically.',
  ],
  [
    (_d, n) => `Inference is online, per request: about ${n % 9 + 1},000 requests per second at peak, each answered with a p99 latency under ${n % 150 + 50} ms.`,
    () => 'It needs to be fast and scalable.',
  ],
  [
    (d) => `Offline, ${d.offline} on a held-out final week must beat the production model; online, a two-week A/B test on 5% of traffic is judged on ${d.metric}.`,
    (d) => `We evaluate with ${d.offline}.`,
  ],
];

function answer(seed: number): string {
  const random = prng(seed);
  const domain = DOMAINS[Math.floor(random() * DOMAINS.length)] as Domain;
  const lines = [`# Design: ${domain.item} ${domain.item === 'transaction' ? 'risk' : 'ranking'} (${seed})`, ''];
  for (const [strong, thin] of PARTS) {
    const roll = random();
    const n = Math.floor(random() * 1000);
    if (roll < 0.5) lines.push(strong(domain, n), '');
    else if (roll < 0.8) lines.push(thin(domain, n), '');
  }
  return lines.join('\n');
}

/** 400 answers in folders whose names sort differently by code unit and by locale (`search-ads` before `search/`, `Fraud` first). */
function answers(): Record<string, string> {
  const teams = ['search', 'search-ads', 'feeds', 'Fraud', 'feeds/archive'];
  return Object.fromEntries(Array.from({ length: COUNT }, (_, i) => [`docs/${teams[i % teams.length]}/q${(i * 37) % 1000}-${['ranking', 'Retrieval', 'risk'][i % 3]}.md`, answer(i + 1)]));
}

interface JsonResult {
  filePath: string;
  score: number;
  signals: Array<{ id: string; status: string }>;
}

/** A lint run's outcome: exit 0 or 1 (the generated answers have errors), nothing on stderr. */
function expectLinted(run: CliRun): void {
  expect(run.stderr).toBe('');
  expect([0, 1]).toContain(run.code);
}

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');

describe('a team repository of 400 answers, in shards', () => {
  it('four shards are the unsharded run; --changed lints what a commit changed; merge-reports gives the unsharded json and sarif', { timeout: 120_000 }, async () => {
    const t = tree(answers());
    const git = (...args: string[]) => execFileSync('git', args, { cwd: t.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'answers');

    // The unsharded run and the four shards, all at once as a CI matrix would run them.
    const formats = (tag: string) => ['-f', 'json', '-o', `${tag}.json`, '-f', 'sarif', '-o', `${tag}.sarif`, '-f', 'markdown', '-o', `${tag}.md`, '--no-history'];
    const runs = await Promise.all([
      runCli(['docs', ...formats('whole')], { cwd: t.dir }),
      ...[1, 2, 3, 4].map((i) => runCli(['docs', '--shard', `${i}/4`, '--concurrency', 'off', ...formats(`shard-${i}`)], { cwd: t.dir })),
    ]);
    for (const run of runs) expectLinted(run);

    const whole = JSON.parse(read(t.dir, 'whole.json')) as JsonResult[];
    expect(whole).toHaveLength(COUNT);
    // The generated answers are not alike: scores spread and every status occurs.
    expect(new Set(whole.map((r) => r.score)).size).toBeGreaterThan(20);
    expect(new Set(whole.flatMap((r) => r.signals.map((s) => s.status)))).toEqual(new Set(['high', 'weak', 'missing']));

    const shards = [1, 2, 3, 4].map((i) => JSON.parse(read(t.dir, `shard-${i}.json`)) as JsonResult[]);
    for (const shard of shards) expect(shard.length).toBeGreaterThan(COUNT / 8);
    // Each file once: as many results as files, and as many paths.
    const union = shards.flat();
    expect(union).toHaveLength(COUNT);
    expect(new Set(union.map((r) => r.filePath)).size).toBe(COUNT);
    const byPath = new Map(union.map((r) => [r.filePath, r]));
    for (const r of whole) expect(byPath.get(r.filePath), r.filePath).toEqual(r);

    // merge-reports: the shards' reports, given in any order, are the unsharded run's.
    const jsons = ['shard-3.json', 'shard-1.json', 'shard-4.json', 'shard-2.json'];
    const sarifs = jsons.map((f) => f.replace('.json', '.sarif'));
    const merges = await Promise.all([
      runCli(['merge-reports', ...jsons], { cwd: t.dir }),
      runCli(['merge-reports', ...sarifs, '-o', 'merged.sarif'], { cwd: t.dir }),
      runCli(['merge-reports', ...jsons, '-f', 'sarif', '-o', 'from-json.sarif', '-f', 'markdown', '-o', 'merged.md'], { cwd: t.dir }),
    ]);
    for (const merge of merges) expect(merge, merge.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(merges[0]!.stdout)).toEqual(whole);
    expect(merges[0]!.stdout).toBe(`${read(t.dir, 'whole.json')}\n`);
    const sarif = read(t.dir, 'whole.sarif');
    expect(JSON.parse(read(t.dir, 'merged.sarif'))).toEqual(JSON.parse(sarif));
    expect(read(t.dir, 'merged.sarif')).toBe(sarif);
    // json converts faithfully: the fingerprints hash the answers' lines, read from the checkout.
    expect(read(t.dir, 'from-json.sarif')).toBe(sarif);
    expect(read(t.dir, 'merged.md')).toBe(read(t.dir, 'whole.md'));

    // --changed <ref>: a commit edits two answers and deletes a third; exactly the two are linted.
    const [first, second, third] = whole.map((r) => r.filePath).filter((_, i) => i % 97 === 5);
    t.write({ [first as string]: `${read(t.dir, first as string)}\nWe retrain weekly.\n`, [second as string]: answer(9999) });
    rmSync(path.join(t.dir, third as string));
    git('commit', '-q', '-am', 'edit two answers, delete one');
    const changed = await runCli(['--changed', 'HEAD~1', '-f', 'json', '--no-history'], { cwd: t.dir });
    expectLinted(changed);
    expect((JSON.parse(changed.stdout) as JsonResult[]).map((r) => r.filePath).sort()).toEqual([first, second].sort());
  });
});
