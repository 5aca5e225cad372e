// scripts/bench/generate.mjs — a seeded generator of realistic ML system design answers, for the
// benchmark. The same seed gives the same answers on every machine (mulberry32 PRNG, no Math.random).
//
// An answer (~1,500 words by default) has the sections a candidate writes: problem framing, data and
// labels, features, model, training, serving, evaluation, monitoring, retraining and scale, as
// headings (ATX, numbered, some bold pseudo-headings), paragraphs with figures and units, bullet and
// numbered lists (some nested), a table, sometimes code and an HTML comment, and front matter.
//
// Use as a module (generateAnswer, generateLongAnswer) or from the command line:
//   node scripts/bench/generate.mjs <out-dir> [--count 1000] [--seed 42] [--words 1500]

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAINS = [
  { name: 'video recommendations', entity: 'video', target: 'watch time', event: 'watch', metric: 'watch time per session', offline: 'NDCG@10', users: 'DAU' },
  { name: 'ad click prediction', entity: 'ad', target: 'the probability of a click', event: 'click', metric: 'CTR', offline: 'AUC', users: 'DAU' },
  { name: 'payment fraud detection', entity: 'transaction', target: 'fraud probability', event: 'chargeback', metric: 'fraud loss in dollars', offline: 'PR-AUC', users: 'merchants' },
  { name: 'food delivery ETA', entity: 'order', target: 'delivery time in minutes', event: 'delivery', metric: 'late deliveries', offline: 'MAE', users: 'orders per day' },
  { name: 'search ranking', entity: 'document', target: 'relevance', event: 'click', metric: 'successful sessions', offline: 'NDCG@10', users: 'queries per second' },
  { name: 'content moderation', entity: 'post', target: 'policy violation', event: 'report', metric: 'prevalence of harmful content', offline: 'recall at 95% precision', users: 'posts per day' },
  { name: 'churn prediction', entity: 'subscriber', target: 'churn within 30 days', event: 'cancellation', metric: 'retained revenue', offline: 'AUC', users: 'subscribers' },
  { name: 'demand forecasting', entity: 'store-item pair', target: 'units sold per day', event: 'sale', metric: 'stock-outs', offline: 'WAPE', users: 'stores' },
];
const COMPONENTS = ['Kafka', 'Flink', 'Spark', 'Redis', 'Feast', 'Airflow', 'BigQuery', 'S3', 'Faiss', 'LightGBM', 'XGBoost', 'PyTorch', 'TensorFlow Serving', 'Triton', 'Kubernetes', 'Prometheus', 'Grafana', 'Snowflake', 'DynamoDB', 'Cassandra', 'MLflow', 'Ray'];
const FILLER = [
  'This keeps the design simple enough to operate with a small team.',
  'We start with the simplest version that meets the constraints and iterate from there.',
  'The trade-off is more infrastructure in exchange for fresher signals.',
  'Each choice here is driven by the latency budget and the label delay.',
  'I would confirm this assumption with the interviewer before going deeper.',
  'In practice the biggest wins come from better data rather than a bigger model.',
  'Both options are viable; the second one is cheaper to run at our scale.',
  'We log every prediction with its features so that training uses exactly what serving saw.',
  'A fallback path returns a popularity-based result if the model service times out.',
  'The team owning the pipeline is paged when the job misses its deadline.',
];

function makeWriter(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const fig = () => pick([`${int(2, 90)}M ${pick(['users', 'DAU', 'requests per day', 'events per day'])}`, `${int(1, 50)},000 QPS`, `${int(10, 300)} ms`, `p99 under ${int(20, 200)} ms`, `${int(1, 30)}%`, `${int(7, 180)} days`, `${int(1, 24)} hours`, `$${int(1, 40)},000 per month`, `${int(10, 900)} GB`]);
  return { pick, int, fig, rand };
}

function sentence(w, d) {
  const c = () => w.pick(COMPONENTS);
  const forms = [
    () => `We predict ${d.target} for each ${d.entity} and optimise ${d.metric}, with ${w.fig()} at peak.`,
    () => `Labels come from ${d.event} events, which arrive within ${w.int(1, 48)} hours of the prediction.`,
    () => `Features are computed in ${c()} and served from ${c()} with a freshness of ${w.int(1, 60)} minutes.`,
    () => `The ${w.pick(['ranker', 'classifier', 'regressor', 'model'])} is a ${w.pick(['LightGBM', 'two-tower', 'DCN', 'XGBoost', 'transformer'])} model trained on ${w.int(7, 120)} days of ${d.event} logs.`,
    () => `Online inference must stay under ${w.int(20, 250)} ms at p99 for ${w.fig()}.`,
    () => `We retrain ${w.pick(['daily', 'weekly', 'every night', 'every 6 hours'])} and also when ${d.offline} drops more than ${w.int(2, 10)}%.`,
    () => `Monitoring tracks feature drift (PSI above 0.${w.int(1, 3)}), the prediction distribution and ${d.metric}; an alert pages the on-call engineer.`,
    () => `Offline we report ${d.offline} on a held-out week, and online we run an A/B test on ${w.int(1, 10)}% of traffic for ${w.int(7, 21)} days.`,
    () => `Training-serving skew is prevented by computing features once in ${c()} and logging them at serving time.`,
    () => `The candidate generator narrows ${w.int(1, 50)}M ${d.entity}s to ${w.int(100, 1000)} candidates using ${c()}.`,
    () => `Storage is about ${w.fig()} and the batch job in ${c()} takes ${w.int(10, 90)} minutes.`,
    () => w.pick(FILLER),
  ];
  return w.pick(forms)();
}

function paragraph(w, d, n = w.int(2, 5)) {
  return Array.from({ length: n }, () => sentence(w, d)).join(' ');
}

function list(w, d, depth = 0) {
  const ordered = w.rand() < 0.3;
  const count = w.int(3, 6);
  const indent = '  '.repeat(depth) + (depth > 0 && ordered ? ' ' : '');
  const lines = [];
  for (let i = 0; i < count; i++) {
    const marker = ordered ? `${i + 1}.` : w.pick(['-', '-', '*']);
    const text = w.rand() < 0.35 ? `**${w.pick(['Latency', 'Freshness', 'Labels', 'Drift', 'Cost', 'Fallback', 'Scale'])}:** ${sentence(w, d)}` : sentence(w, d);
    lines.push(`${indent}${marker} ${text}`);
    if (depth < 2 && w.rand() < 0.2) lines.push(list(w, d, depth + 1));
  }
  return lines.join('\n');
}

function table(w, d) {
  const rows = [
    '| Feature | Source | Freshness | Store |',
    '| --- | --- | --- | --- |',
    ...Array.from({ length: w.int(3, 6) }, () => `| ${w.pick(['user 30-day CTR', `${d.entity} popularity`, 'session clicks', 'price bucket', 'embedding similarity', 'time of day', 'device type'])} | ${w.pick(['batch', 'streaming', 'request'])} | ${w.pick(['daily', '5 minutes', 'real time', 'hourly'])} | ${w.pick(COMPONENTS)} |`),
  ];
  return rows.join('\n');
}

const SECTIONS = [
  ['Problem framing', 'problem'],
  ['Requirements and scale', 'scale'],
  ['Data and labels', 'data'],
  ['Features', 'features'],
  ['Model', 'model'],
  ['Training pipeline', 'training'],
  ['Serving', 'serving'],
  ['Evaluation', 'evaluation'],
  ['Monitoring', 'monitoring'],
  ['Retraining', 'retraining'],
  ['Trade-offs and next steps', 'other'],
];

function countWords(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

/** One answer of about `words` words. */
export function generateAnswer(seed, words = 1500) {
  const w = makeWriter(prng(seed));
  const d = w.pick(DOMAINS);
  const parts = [];
  if (w.rand() < 0.3) parts.push(`---\ntitle: Design ${d.name}\nauthor: candidate-${w.int(1, 999)}\ntags: [ml-system-design, ${d.entity}]\n---`);
  parts.push(`# Design: ${d.name}`);
  parts.push(paragraph(w, d, 2));
  const style = w.pick(['atx', 'numbered', 'bold']);
  let total = countWords(parts.join('\n'));
  for (let round = 0; total < words; round++) {
    for (const [title] of SECTIONS) {
      if (total >= words) break;
      const name = round === 0 ? title : `${title} (part ${round + 1})`;
      const heading = style === 'atx' ? `## ${name}` : style === 'numbered' ? `## ${parts.length}. ${name}` : `**${name}**`;
      const body = [heading, paragraph(w, d)];
      if (w.rand() < 0.6) body.push(list(w, d));
      if (title === 'Features' && w.rand() < 0.7) body.push(table(w, d));
      if (title === 'Training pipeline' && w.rand() < 0.3) body.push(`\`\`\`python\nmodel = lgb.train(params, train_set, num_boost_round=${w.int(100, 900)})\n\`\`\``);
      if (w.rand() < 0.1) body.push(`<!-- TODO: ${sentence(w, d)} -->`);
      if (w.rand() < 0.5) body.push(paragraph(w, d, w.int(1, 3)));
      const text = body.join('\n\n');
      parts.push(text);
      total += countWords(text);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

/** One long answer of about `bytes` bytes: one title, then many answers' sections under numbered parts. */
export function generateLongAnswer(seed, bytes) {
  const chunks = [`# Design: a large platform of ML systems\n`];
  let size = chunks[0].length;
  for (let i = 0; size < bytes; i++) {
    const body = generateAnswer(seed + i + 1).replace(/^---\n[\s\S]*?\n---\n\n/, '').replace(/^# /, '## Part: ').replace(/\n## /g, '\n### ');
    chunks.push(body);
    size += Buffer.byteLength(body);
  }
  return chunks.join('\n');
}

/** Write `count` answers as answer-0000.md ... into `dir`. */
export function writeAnswers(dir, count, seed = 42, words = 1500) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `answer-${String(i).padStart(4, '0')}.md`), generateAnswer(seed * 100_003 + i, words));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { count: { type: 'string', default: '1000' }, seed: { type: 'string', default: '42' }, words: { type: 'string', default: '1500' } } });
  if (positionals.length !== 1) {
    console.error('usage: node scripts/bench/generate.mjs <out-dir> [--count 1000] [--seed 42] [--words 1500]');
    process.exit(2);
  }
  writeAnswers(positionals[0], Number(values.count), Number(values.seed), Number(values.words));
  console.log(`wrote ${values.count} answers to ${positionals[0]}`);
}
