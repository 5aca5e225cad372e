#!/usr/bin/env node
// scripts/eval.mjs — how often mlsd-lint's signal statuses agree with independent readers' labels.
//
// The corpus (default eval/corpus, in this repository) has SOURCES.tsv (one row per document: its
// repository, commit, licence, kind and part), labels.json (status, evidence quote and reason per
// signal) and the texts: docs/ for permissively licensed documents, and for the others a folder
// rebuilt from pinned snapshots by scripts/eval/rebuild-private.mjs (eval/private/, never
// committed). A document whose text is not here is skipped and counted.
//
// Parts: documents are split by source repository into a tuning part (rules are developed
// against it) and a check part (looked at only to label it; its figures are read at the end of a
// piece of work). Nothing is fitted to the labels, so there is no cross-validated figure to give.
//
// Reported per part, per document kind and per signal: agreement, Cohen's kappa, precision and
// recall of "high", off-by-two (high vs missing), the confusion of statuses, and evidence accuracy:
// of the judgements where linter and label agree on high or weak, the share whose evidence is the
// statement the reader quoted (by word overlap, see evidenceMatches).
//
// Usage: npm run eval -- [--corpus dir] [--private dir] [--part all|tuning|check] [--json]
//                        [--verbose] [--evidence] [--min pct] [--batch name]
//   --batch keeps the documents of one batch of SOURCES.tsv (a new batch's first measurement).
//   --evidence lists the agreeing high/weak judgements whose evidence is not the reader's statement.
//   --markdown prints the README's accuracy tables instead.
//   Exit 0 when it ran (a measurement, not a gate), 1 if --min is given and agreement over the
//   chosen part is below it, 2 on setup errors. With --json, stdout is JSON only.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readSources } from './eval/sources.mjs';

const STATUSES = ['high', 'weak', 'missing'];
// Linter-side category for a judgement with no usable status (crash, signal not reported).
const ERROR = 'error';
const PARTS = ['all', 'tuning', 'check'];
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

class SetupError extends Error {}
const fail = (message) => {
  throw new SetupError(message);
};

function parseCli(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        corpus: { type: 'string' },
        private: { type: 'string' },
        part: { type: 'string', default: 'all' },
        json: { type: 'boolean', default: false },
        markdown: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        evidence: { type: 'boolean', default: false },
        min: { type: 'string' },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    fail(err.message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) fail(`expected at most one corpus directory, got: ${positionals.join(' ')}`);
  if (!PARTS.includes(values.part)) fail(`--part must be one of ${PARTS.join(', ')} (got "${values.part}")`);
  let min = null;
  if (values.min !== undefined) {
    min = Number(values.min);
    if (!Number.isFinite(min)) fail(`--min must be a number (percent), got "${values.min}"`);
  }
  const corpus = path.resolve(values.corpus ?? positionals[0] ?? path.join(repoRoot, 'eval', 'corpus'));
  return { ...values, corpus, privateDir: path.resolve(values.private ?? path.join(repoRoot, 'eval', 'private')), min };
}

const isDir = (p) => existsSync(p) && statSync(p).isDirectory();

// ---------- inputs ----------

function loadCorpus(dir, privateDir) {
  if (!isDir(dir)) fail(`corpus directory not found: ${dir}`);
  const labelsPath = path.join(dir, 'labels.json');
  if (!existsSync(labelsPath)) fail(`labels file not found: ${labelsPath}`);
  let data;
  try {
    data = JSON.parse(readFileSync(labelsPath, 'utf8'));
  } catch (err) {
    fail(`cannot parse ${labelsPath}: ${err.message}`);
  }
  if (!data || typeof data.docs !== 'object') fail(`${labelsPath} has no "docs" object`);
  const sourcesPath = path.join(dir, 'SOURCES.tsv');
  const sources = new Map(existsSync(sourcesPath) ? readSources(sourcesPath).map((s) => [s.file, s]) : []);
  const documents = [];
  const unavailable = [];
  for (const [file, signals] of Object.entries(data.docs).sort(([a], [b]) => a.localeCompare(b))) {
    const source = sources.get(file);
    const candidates = [path.join(dir, 'docs', file), path.join(dir, file), path.join(privateDir, file)];
    const textPath = candidates.find((p) => existsSync(p));
    if (!textPath) {
      unavailable.push(file);
      continue;
    }
    const labels = {};
    for (const [id, judgement] of Object.entries(signals ?? {})) {
      if (!STATUSES.includes(judgement?.status)) {
        console.error(`warning: ${file} / ${id}: invalid label status ${JSON.stringify(judgement?.status)}, skipped`);
        continue;
      }
      labels[id] = { status: judgement.status, evidence: judgement.evidence ?? '', otherEvidence: judgement.otherEvidence ?? [] };
    }
    documents.push({
      file,
      textPath,
      labels,
      part: source?.part || 'tuning',
      repo: source?.repo ?? '',
      kind: data.kinds?.[file] ?? source?.kind ?? 'unknown',
      batch: source?.batch ?? '',
    });
  }
  return { labelsPath, documents, unavailable, batches: new Map([...sources].map(([file, source]) => [file, source.batch])) };
}

async function loadLinter() {
  const distPath = process.env.MLSD_LINT_DIST ? path.resolve(process.env.MLSD_LINT_DIST) : path.join(repoRoot, 'dist/src/index.js');
  if (!existsSync(distPath)) fail(`linter not built (${distPath} missing): run \`npm run build\` first`);
  let mod;
  try {
    mod = await import(pathToFileURL(distPath).href);
  } catch (err) {
    fail(`cannot load linter from ${distPath}: ${firstLine(err)}`);
  }
  if (typeof mod.lintText !== 'function') fail(`${distPath} does not export lintText()`);
  return { lintText: mod.lintText, distPath };
}

function firstLine(err) {
  const msg = err instanceof Error ? err.message : String(err);
  return (msg.split('\n')[0] || (err?.name ?? 'error')).trim();
}

// ---------- running the linter ----------

async function lintDoc(lintText, doc) {
  try {
    const result = await lintText(readFileSync(doc.textPath, 'utf8'), { filePath: doc.textPath });
    if (!result || !Array.isArray(result.signals)) return { crash: 'lintText returned no signals array' };
    return { signals: new Map(result.signals.map((s) => [s.id, s])) };
  } catch (err) {
    return { crash: firstLine(err) };
  }
}

/** One record per (document, labelled signal). */
async function collectJudgements(lintText, documents) {
  const judgements = [];
  const crashes = [];
  for (const doc of documents) {
    const outcome = await lintDoc(lintText, doc);
    if (outcome.crash !== undefined) crashes.push({ file: doc.file, part: doc.part, error: outcome.crash });
    for (const [signal, label] of Object.entries(doc.labels)) {
      const s = outcome.signals?.get(signal);
      const got = s && STATUSES.includes(s.status) ? s.status : ERROR;
      judgements.push({
        file: doc.file,
        part: doc.part,
        kind: doc.kind,
        signal,
        expected: label.status,
        labelEvidence: label.evidence,
        labelOtherEvidence: label.otherEvidence,
        got,
        note: outcome.crash !== undefined ? 'crashed' : !s ? 'signal not reported' : undefined,
        line: s?.line,
        evidence: s?.evidence,
      });
    }
  }
  return { judgements, crashes };
}

// ---------- statistics ----------

const CATEGORIES = [...STATUSES, ERROR];

function confusion(pairs) {
  const m = Object.fromEntries(STATUSES.map((r) => [r, Object.fromEntries(CATEGORIES.map((c) => [c, 0]))]));
  for (const { expected, got } of pairs) m[expected][got] += 1;
  return m;
}

/** Cohen's kappa from a confusion matrix; null when undefined. */
function cohenKappa(matrix) {
  let n = 0;
  let agree = 0;
  const rowTotals = {};
  const colTotals = {};
  for (const r of Object.keys(matrix)) {
    for (const [c, count] of Object.entries(matrix[r])) {
      n += count;
      if (r === c) agree += count;
      rowTotals[r] = (rowTotals[r] ?? 0) + count;
      colTotals[c] = (colTotals[c] ?? 0) + count;
    }
  }
  if (n === 0) return null;
  const po = agree / n;
  const pe = Object.keys(matrix).reduce((sum, k) => sum + (rowTotals[k] / n) * ((colTotals[k] ?? 0) / n), 0);
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

const words = (text) => new Set(String(text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu)?.filter((w) => w.length > 1) ?? []);

/**
 * The linter's evidence is the statement the reader quoted when at least half of the words of the
 * shorter of the two appear in the other (quotes may be a clause of a sentence, and the linter's
 * evidence is cut at 200 characters).
 */
export function evidenceMatches(linterEvidence, labelEvidence) {
  const a = words(linterEvidence);
  const b = words(labelEvidence);
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / Math.min(a.size, b.size) >= 0.5;
}

const ratio = (num, den) => (den ? num / den : null);

function summarise(pairs) {
  const n = pairs.length;
  const agree = pairs.filter((p) => p.expected === p.got).length;
  const matrix = confusion(pairs);
  const linterHigh = pairs.filter((p) => p.got === 'high').length;
  const labelHigh = pairs.filter((p) => p.expected === 'high').length;
  const trueHigh = pairs.filter((p) => p.got === 'high' && p.expected === 'high').length;
  const offByTwo = pairs.filter((p) => (p.expected === 'high' && p.got === 'missing') || (p.expected === 'missing' && p.got === 'high')).length;
  const grounded = pairs.filter((p) => p.expected === p.got && p.got !== 'missing' && p.labelEvidence);
  const evidenceRight = grounded.filter((p) => evidenceMatches(p.evidence, p.labelEvidence)).length;
  // Where two readers gave the status, either one's quote is a statement that earns it.
  const evidenceEitherRight = grounded.filter((p) => [p.labelEvidence, ...(p.labelOtherEvidence ?? [])].some((q) => evidenceMatches(p.evidence, q))).length;
  return {
    n,
    agree,
    agreement: ratio(agree, n),
    kappa: cohenKappa(matrix),
    linterHigh,
    falseHigh: linterHigh - trueHigh,
    highPrecision: ratio(trueHigh, linterHigh),
    highRecall: ratio(trueHigh, labelHigh),
    offByTwo,
    evidenceJudged: grounded.length,
    evidenceRight,
    evidenceAccuracy: ratio(evidenceRight, grounded.length),
    evidenceEitherReader: ratio(evidenceEitherRight, grounded.length),
    confusion: matrix,
  };
}

function groupBy(pairs, key) {
  const groups = new Map();
  for (const p of pairs) {
    if (!groups.has(p[key])) groups.set(p[key], []);
    groups.get(p[key]).push(p);
  }
  return groups;
}

function evaluatePart(part, data) {
  const inPart = (x) => part === 'all' || x.part === part;
  const pairs = data.judgements.filter(inPart);
  const perSignal = Object.fromEntries([...groupBy(pairs, 'signal')].map(([id, list]) => [id, summarise(list)]));
  const perKind = Object.fromEntries(
    [...groupBy(pairs, 'kind')].sort(([a], [b]) => a.localeCompare(b)).map(([kind, list]) => [kind, { docs: new Set(list.map((p) => p.file)).size, ...summarise(list) }]),
  );
  for (const table of [perSignal, perKind]) for (const row of Object.values(table)) delete row.confusion;
  return {
    docs: new Set(pairs.map((p) => p.file)).size,
    ...summarise(pairs),
    perSignal,
    perKind,
    crashed: data.crashes.filter(inPart),
  };
}

// ---------- formatting ----------

const pct = (x) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const kap = (x) => (x === null ? 'n/a' : (Math.abs(x) < 0.005 ? 0 : x).toFixed(2));

function formatTable(headers, rows, align = []) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const fmt = (r) => r.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(cells[0]), ...cells.slice(1).map(fmt)].join('\n');
}

function formatPart(name, r) {
  const out = [];
  out.push(`== ${name}: ${r.docs} docs, ${r.n} judgements ==`);
  out.push(`Agreement: ${pct(r.agreement)} (${r.agree}/${r.n}), kappa ${kap(r.kappa)}`);
  out.push(`High: precision ${pct(r.highPrecision)} (${r.falseHigh} false of ${r.linterHigh}), recall ${pct(r.highRecall)}; off by two (high vs missing): ${r.offByTwo}`);
  out.push(`Evidence accuracy: ${pct(r.evidenceAccuracy)} (${r.evidenceRight} of ${r.evidenceJudged} agreeing high/weak judgements cite the reader's statement); ${pct(r.evidenceEitherReader)} cite a statement that a reader who gave the same status quoted`);
  out.push('');
  const rows = Object.entries(r.perSignal).map(([id, s]) => [id, s.n, pct(s.agreement), kap(s.kappa), pct(s.highPrecision), pct(s.highRecall), s.offByTwo, pct(s.evidenceAccuracy), pct(s.evidenceEitherReader)]);
  out.push(formatTable(['signal', 'n', 'agree', 'kappa', 'high prec', 'high rec', 'off-by-2', 'evidence', 'either reader'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  out.push('');
  const kinds = Object.entries(r.perKind).map(([kind, s]) => [kind, s.docs, pct(s.agreement), kap(s.kappa), pct(s.highPrecision), pct(s.evidenceAccuracy)]);
  out.push(formatTable(['kind', 'docs', 'agree', 'kappa', 'high prec', 'evidence'], kinds, ['l', 'r', 'r', 'r', 'r', 'r']));
  out.push('');
  const cols = STATUSES.concat(STATUSES.some((s) => r.confusion[s][ERROR] > 0) ? [ERROR] : []);
  out.push('Confusion (rows = label, columns = linter):');
  out.push(formatTable(['label \\ linter', ...cols], STATUSES.map((s) => [s, ...cols.map((c) => r.confusion[s][c])]), ['l', ...cols.map(() => 'r')]));
  out.push('', r.crashed.length ? `Crashed: ${r.crashed.map((c) => `${c.file}: ${c.error}`).join('; ')}` : 'Crashed: none');
  return out.join('\n');
}

const clip = (s, max = 160) => {
  const flat = String(s ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Judgements listed with the linter's evidence and the reader's quote; `head` says what each is. */
function formatJudgements(title, list, head) {
  if (list.length === 0) return `${title}: none`;
  const out = [`${title} (${list.length}):`];
  for (const d of list) {
    out.push(`  [${d.part}] ${d.file}  ${d.signal}${head(d)}`);
    if (d.evidence) out.push(`      linter${d.line !== undefined ? ` line ${d.line}` : ''}: "${clip(d.evidence)}"`);
    if (d.labelEvidence) out.push(`      label: "${clip(d.labelEvidence)}"`);
  }
  return out.join('\n');
}

const formatDisagreements = (list) => formatJudgements('Disagreements', list, (d) => `: expected ${d.expected}, got ${d.got}${d.note ? ` (${d.note})` : ''}`);
const formatEvidenceMisses = (list) => formatJudgements('Evidence misses', list, (d) => ` (${d.got})`);

const summaryLine = (results) =>
  `Signal agreement: all ${pct(results.all.agreement)} (kappa ${kap(results.all.kappa)}), tuning ${pct(results.tuning.agreement)}, check ${pct(results.check.agreement)}; high precision ${pct(results.all.highPrecision)}, evidence accuracy ${pct(results.all.evidenceAccuracy)}`;


/** The accuracy tables of the README: the parts, then each signal's agreement per part. */
function formatMarkdown(results, unavailable) {
  const rows = PARTS.map((p) => {
    const r = results[p];
    return `| ${p} | ${r.docs} | ${pct(r.agreement)} | ${kap(r.kappa)} | ${pct(r.highPrecision)} | ${pct(r.highRecall)} | ${r.offByTwo} | ${pct(r.evidenceAccuracy)} | ${pct(r.evidenceEitherReader)} |`;
  });
  const signals = Object.keys(results.all.perSignal).map((id) => `| \`${id}\` | ${PARTS.map((p) => pct(results[p].perSignal[id]?.agreement ?? null)).join(' | ')} |`);
  return [
    '| part | docs | agreement | kappa | high precision | high recall | off by two | evidence accuracy | evidence, either reader |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `| signal | ${PARTS.join(' | ')} |`,
    `|---|${PARTS.map(() => '---').join('|')}|`,
    ...signals,
    ...(unavailable.length ? ['', `(${unavailable.length} labelled documents without their text here were left out.)`] : []),
  ].join('\n');
}

// ---------- main ----------

async function main() {
  const opts = parseCli(process.argv.slice(2));
  if (opts.help) {
    console.log('Usage: npm run eval -- [--corpus dir] [--private dir] [--part all|tuning|check] [--json | --markdown] [--verbose] [--evidence] [--min pct] [--batch name]');
    return 0;
  }
  const corpus = loadCorpus(opts.corpus, opts.privateDir);
  if (opts.batch !== undefined) {
    corpus.documents = corpus.documents.filter((d) => d.batch === opts.batch);
    corpus.unavailable = corpus.unavailable.filter((file) => corpus.batches.get(file) === opts.batch);
    if (corpus.documents.length === 0) fail(`no labelled document of batch "${opts.batch}" has its text here`);
  }
  const { lintText, distPath } = await loadLinter();
  const data = await collectJudgements(lintText, corpus.documents);
  const results = Object.fromEntries(PARTS.map((p) => [p, evaluatePart(p, data)]));
  const shown = opts.part === 'all' ? PARTS : [opts.part];
  const disagreements = data.judgements.filter((j) => j.expected !== j.got && (opts.part === 'all' || j.part === opts.part));
  const evidenceMisses = data.judgements.filter(
    (j) => j.expected === j.got && j.got !== 'missing' && j.labelEvidence && !evidenceMatches(j.evidence, j.labelEvidence) && (opts.part === 'all' || j.part === opts.part),
  );
  const line = summaryLine(results);
  const skipped = corpus.unavailable.length ? `${corpus.unavailable.length} labelled documents have no text here (private ones: node scripts/eval/rebuild-private.mjs)` : '';

  if (opts.markdown) {
    console.log(formatMarkdown(results, corpus.unavailable));
  } else if (opts.json) {
    const report = { linter: distPath, labels: corpus.labelsPath, unavailable: corpus.unavailable, parts: Object.fromEntries(shown.map((p) => [p, results[p]])), summary: line };
    if (opts.verbose) report.disagreements = disagreements;
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`mlsd-lint eval: ${corpus.documents.length} labelled docs\n  labels: ${corpus.labelsPath}\n  linter: ${distPath}${skipped ? `\n  ${skipped}` : ''}\n`);
    for (const p of shown) console.log(`${formatPart(p, results[p])}\n`);
    if (opts.verbose) console.log(`${formatDisagreements(disagreements)}\n`);
    if (opts.evidence) console.log(`${formatEvidenceMisses(evidenceMisses)}\n`);
    console.log(line);
  }
  const measured = results[opts.part].agreement;
  if (opts.min !== null && (measured === null || measured * 100 < opts.min)) {
    console.error(`Agreement ${pct(measured)} (${opts.part}) is below --min ${opts.min}%`);
    return 1;
  }
  return 0;
}

// Imported by a test for evidenceMatches: run only as a script.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main();
  } catch (err) {
    console.error(err instanceof SetupError ? `eval: ${err.message}` : `eval: unexpected error: ${firstLine(err)}`);
    process.exitCode = 2;
  }
}
