#!/usr/bin/env node
// scripts/eval.mjs — measure how often mlsd-lint's signal statuses agree with hand labels.
//
// For every labelled document in the corpus it runs lintText() from the built linter
// (dist/src/index.js, or $MLSD_LINT_DIST) and compares each labelled signal's status
// (high | weak | missing) with the linter's. It reports raw agreement, Cohen's kappa
// (agreement corrected for chance), a per-signal table, a confusion matrix, false "high"
// verdicts (precision of "high" matters most: a wrong "high" tells a candidate they covered
// something they did not), and documents on which the linter crashed.
//
// Why the dev/holdout split: the labelled file names are sorted and alternately assigned to
// "dev" (even indices) and "holdout" (odd indices). Tune the linter by looking at dev only;
// use holdout as the check. The tool will be judged on answers it has never seen, so a gap
// between dev and holdout agreement is a sign of overfitting to the dev documents.
//
// Usage: npm run eval [dir] [--labels file] [--docs dir] [--split dev|holdout|all]
//                          [--json] [--verbose] [--min pct]
//   dir defaults to ../shared/corpus (relative to the repo root); labels are <dir>/labels.json
//   and documents <dir>/docs/<file>. Exit 0 when it ran (it is a measurement, not a gate),
//   1 if --min is given and overall agreement is below it, 2 on setup errors.
//   With --json, stdout is JSON only and the summary line goes to stderr.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const STATUSES = ['high', 'weak', 'missing'];
// Linter-side category for a judgement with no usable status (crash, signal not reported,
// unknown status). It never matches a label, so it always counts as a disagreement.
const ERROR = 'error';
const SPLITS = ['dev', 'holdout', 'all'];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

class SetupError extends Error {}

function fail(message) {
  throw new SetupError(message);
}

// ---------- arguments and inputs ----------

function parseCli(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        labels: { type: 'string' },
        docs: { type: 'string' },
        json: { type: 'boolean', default: false },
        split: { type: 'string', default: 'all' },
        verbose: { type: 'boolean', default: false },
        min: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    fail(err.message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) fail(`expected at most one corpus directory, got: ${positionals.join(' ')}`);
  if (!SPLITS.includes(values.split)) fail(`--split must be one of ${SPLITS.join(', ')} (got "${values.split}")`);
  let min = null;
  if (values.min !== undefined) {
    min = Number(values.min);
    if (!Number.isFinite(min)) fail(`--min must be a number (percent), got "${values.min}"`);
  }
  const dir = positionals[0] ? path.resolve(positionals[0]) : path.resolve(repoRoot, '../shared/corpus');
  return {
    dir,
    labelsPath: values.labels ? path.resolve(values.labels) : path.join(dir, 'labels.json'),
    docsDir: values.docs ? path.resolve(values.docs) : path.join(dir, 'docs'),
    // the corpus dir only has to exist if one of the two paths is derived from it
    dirUsed: !(values.labels && values.docs),
    json: values.json,
    split: values.split,
    verbose: values.verbose,
    min,
    help: values.help,
  };
}

function isDir(p) {
  return existsSync(p) && statSync(p).isDirectory();
}

function loadLabels(labelsPath) {
  if (!existsSync(labelsPath)) fail(`labels file not found: ${labelsPath}`);
  let data;
  try {
    data = JSON.parse(readFileSync(labelsPath, 'utf8'));
  } catch (err) {
    fail(`cannot parse labels file ${labelsPath}: ${err.message}`);
  }
  if (!data || typeof data.docs !== 'object' || data.docs === null) {
    fail(`labels file has no "docs" object: ${labelsPath}`);
  }
  // Normalise to { file: { signalId: status } }, skipping (with a warning) invalid entries.
  const labels = {};
  for (const [file, signals] of Object.entries(data.docs)) {
    labels[file] = {};
    for (const [id, judgement] of Object.entries(signals ?? {})) {
      const status = judgement?.status;
      if (!STATUSES.includes(status)) {
        console.error(`warning: ${file} / ${id}: invalid label status ${JSON.stringify(status)}, skipped`);
        continue;
      }
      labels[file][id] = { status, evidence: judgement.evidence };
    }
  }
  return labels;
}

async function loadLinter() {
  const distPath = process.env.MLSD_LINT_DIST
    ? path.resolve(process.env.MLSD_LINT_DIST)
    : path.join(repoRoot, 'dist/src/index.js');
  if (!existsSync(distPath)) {
    fail(`linter not built (${distPath} missing): run \`npm run build\` first`);
  }
  let mod;
  try {
    mod = await import(pathToFileURL(distPath).href);
  } catch (err) {
    fail(`cannot load linter from ${distPath}: ${firstLine(err)}`);
  }
  if (typeof mod.lintText !== 'function') fail(`${distPath} does not export lintText()`);
  return { lintText: mod.lintText, distPath };
}

// ---------- running the linter ----------

function firstLine(err) {
  const msg = err instanceof Error ? err.message : String(err);
  return (msg.split('\n')[0] || (err?.name ?? 'error')).trim();
}

/** Lint one doc. Returns { signals: Map id -> signal } or { crash: message }. */
async function lintDoc(lintText, docsDir, file) {
  const filePath = path.join(docsDir, file);
  let text;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (err) {
    return { crash: `cannot read document: ${firstLine(err)}` };
  }
  try {
    const result = await lintText(text, { filePath });
    if (!result || !Array.isArray(result.signals)) return { crash: 'lintText returned no signals array' };
    const signals = new Map();
    for (const s of result.signals) if (s && !signals.has(s.id)) signals.set(s.id, s);
    return { signals };
  } catch (err) {
    return { crash: firstLine(err) };
  }
}

/** One record per (doc, labelled signal): { file, split, signal, expected, got, line, evidence }. */
async function collectJudgements(lintText, docsDir, labels) {
  const files = Object.keys(labels).sort();
  const judgements = [];
  const crashes = [];
  for (const [index, file] of files.entries()) {
    const split = index % 2 === 0 ? 'dev' : 'holdout';
    const outcome = await lintDoc(lintText, docsDir, file);
    if (outcome.crash !== undefined) crashes.push({ file, split, error: outcome.crash });
    for (const [signal, label] of Object.entries(labels[file])) {
      const s = outcome.signals?.get(signal);
      let got = ERROR;
      if (s && STATUSES.includes(s.status)) got = s.status;
      const note = outcome.crash !== undefined ? 'crashed'
        : !s ? 'signal not reported'
        : got === ERROR ? `unknown status ${JSON.stringify(s.status)}` : undefined;
      judgements.push({
        file, split, signal,
        expected: label.status,
        labelEvidence: label.evidence,
        got, note,
        line: s?.line,
        evidence: s?.evidence,
      });
    }
  }
  return { files, judgements, crashes };
}

// ---------- statistics ----------

const CATEGORIES = [...STATUSES, ERROR];

/** Counts[expected][got] over STATUSES x CATEGORIES. */
function confusion(pairs) {
  const m = Object.fromEntries(STATUSES.map((r) => [r, Object.fromEntries(CATEGORIES.map((c) => [c, 0]))]));
  for (const { expected, got } of pairs) m[expected][got] += 1;
  return m;
}

/** Cohen's kappa from a confusion matrix; null when undefined (no data or chance agreement is 1). */
function cohenKappa(matrix) {
  const rows = Object.keys(matrix);
  let n = 0;
  let agree = 0;
  const rowTotals = {};
  const colTotals = {};
  for (const r of rows) {
    for (const [c, count] of Object.entries(matrix[r])) {
      n += count;
      if (r === c) agree += count;
      rowTotals[r] = (rowTotals[r] ?? 0) + count;
      colTotals[c] = (colTotals[c] ?? 0) + count;
    }
  }
  if (n === 0) return null;
  const po = agree / n;
  const pe = rows.reduce((sum, k) => sum + (rowTotals[k] / n) * ((colTotals[k] ?? 0) / n), 0);
  if (pe === 1) return null;
  return (po - pe) / (1 - pe);
}

function summarise(pairs) {
  const n = pairs.length;
  const agree = pairs.filter((p) => p.expected === p.got).length;
  const matrix = confusion(pairs);
  const linterHigh = pairs.filter((p) => p.got === 'high').length;
  const falseHigh = pairs.filter((p) => p.got === 'high' && p.expected !== 'high').length;
  return {
    n,
    agree,
    agreement: n ? agree / n : null,
    kappa: cohenKappa(matrix),
    linterHigh,
    falseHigh,
    highPrecision: linterHigh ? (linterHigh - falseHigh) / linterHigh : null,
    confusion: matrix,
  };
}

function evaluateSplit(name, data) {
  const inSplit = (x) => name === 'all' || x.split === name;
  const pairs = data.judgements.filter(inSplit);
  const signalIds = [...new Set(pairs.map((p) => p.signal))];
  const perSignal = Object.fromEntries(
    signalIds.map((id) => {
      const { n, agree, agreement, kappa, falseHigh } = summarise(pairs.filter((p) => p.signal === id));
      return [id, { n, agree, agreement, kappa, falseHigh }];
    }),
  );
  return {
    docs: data.files.filter((_, i) => name === 'all' || (i % 2 === 0 ? 'dev' : 'holdout') === name).length,
    ...summarise(pairs),
    perSignal,
    crashed: data.crashes.filter(inSplit).map(({ file, error }) => ({ file, error })),
  };
}

// ---------- formatting ----------

const pct = (x) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const kap = (x) => (x === null ? 'n/a' : (Math.abs(x) < 0.005 ? 0 : x).toFixed(2)); // no "-0.00"

/** Aligned plain-text table; align[i] is 'l' or 'r'. */
function formatTable(headers, rows, align = []) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const fmt = (r) => r.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(cells[0]), ...cells.slice(1).map(fmt)].join('\n');
}

function formatConfusion(matrix) {
  // Show the error column only when something landed in it.
  const cols = STATUSES.concat(STATUSES.some((r) => matrix[r][ERROR] > 0) ? [ERROR] : []);
  const rows = STATUSES.map((r) => [r, ...cols.map((c) => matrix[r][c])]);
  return formatTable(['label \\ linter', ...cols], rows, ['l', ...cols.map(() => 'r')]);
}

function formatSplit(name, r) {
  const out = [];
  out.push(`== ${name}: ${r.docs} docs, ${r.n} judgements ==`);
  out.push(`Agreement: ${pct(r.agreement)} (${r.agree}/${r.n}), kappa ${kap(r.kappa)}`);
  out.push(`False high: ${r.falseHigh} of ${r.linterHigh} linter "high" verdicts (precision of high ${pct(r.highPrecision)})`);
  out.push('');
  const rows = Object.entries(r.perSignal).map(([id, s]) => [id, s.n, pct(s.agreement), kap(s.kappa), s.falseHigh]);
  out.push(formatTable(['signal', 'n', 'agree', 'kappa', 'false-high'], rows, ['l', 'r', 'r', 'r', 'r']));
  out.push('');
  out.push('Confusion (rows = label, columns = linter):');
  out.push(formatConfusion(r.confusion));
  out.push('');
  if (r.crashed.length === 0) out.push('Crashed: none');
  else {
    out.push(`Crashed: ${r.crashed.length} doc(s), all their judgements count as disagreements`);
    for (const c of r.crashed) out.push(`  ${c.file}: ${c.error}`);
  }
  return out.join('\n');
}

function clip(s, max = 160) {
  if (s === undefined || s === null) return '';
  const flat = String(s).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function formatDisagreements(list) {
  if (list.length === 0) return 'Disagreements: none';
  const out = [`Disagreements (${list.length}):`];
  for (const d of list) {
    const where = d.line !== undefined ? ` line ${d.line}` : '';
    out.push(`  [${d.split}] ${d.file}  ${d.signal}: expected ${d.expected}, got ${d.got}${d.note ? ` (${d.note})` : ''}`);
    if (d.evidence) out.push(`      linter${where}: "${clip(d.evidence)}"`);
    if (d.labelEvidence) out.push(`      label: "${clip(d.labelEvidence)}"`);
  }
  return out.join('\n');
}

function summaryLine(results) {
  const { all, dev, holdout } = results;
  return `Signal agreement: all ${pct(all.agreement)} (kappa ${kap(all.kappa)}), dev ${pct(dev.agreement)}, holdout ${pct(holdout.agreement)}`;
}

// ---------- main ----------

async function main() {
  const opts = parseCli(process.argv.slice(2));
  if (opts.help) {
    console.log('Usage: npm run eval [dir] [--labels file] [--docs dir] [--split dev|holdout|all] [--json] [--verbose] [--min pct]');
    return 0;
  }
  if (opts.dirUsed && !isDir(opts.dir)) fail(`corpus directory not found: ${opts.dir}`);
  const labels = loadLabels(opts.labelsPath);
  if (!isDir(opts.docsDir)) fail(`docs directory not found: ${opts.docsDir}`);
  const { lintText, distPath } = await loadLinter();

  const data = await collectJudgements(lintText, opts.docsDir, labels);
  const results = Object.fromEntries(SPLITS.map((s) => [s, evaluateSplit(s, data)]));
  const shown = opts.split === 'all' ? SPLITS : [opts.split];
  const disagreements = data.judgements.filter(
    (j) => j.expected !== j.got && (opts.split === 'all' || j.split === opts.split),
  );
  const line = summaryLine(results);

  if (opts.json) {
    const report = {
      linter: distPath,
      labels: opts.labelsPath,
      docs: opts.docsDir,
      splits: Object.fromEntries(shown.map((s) => [s, results[s]])),
      summary: {
        all: { agreement: results.all.agreement, kappa: results.all.kappa },
        dev: { agreement: results.dev.agreement, kappa: results.dev.kappa },
        holdout: { agreement: results.holdout.agreement, kappa: results.holdout.kappa },
        line,
      },
    };
    if (opts.verbose) report.disagreements = disagreements;
    console.log(JSON.stringify(report, null, 2));
    console.error(line);
  } else {
    console.log(`mlsd-lint eval: ${data.files.length} labelled docs`);
    console.log(`  labels: ${opts.labelsPath}\n  docs:   ${opts.docsDir}\n  linter: ${distPath}\n`);
    for (const s of shown) console.log(`${formatSplit(s, results[s])}\n`);
    if (opts.verbose) console.log(`${formatDisagreements(disagreements)}\n`);
    console.log(line);
  }

  const overall = results.all.agreement;
  if (opts.min !== null && (overall === null || overall * 100 < opts.min)) {
    console.error(`Overall agreement ${pct(overall)} is below --min ${opts.min}%`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  if (err instanceof SetupError) console.error(`eval: ${err.message}`);
  else console.error(`eval: unexpected error: ${firstLine(err)}`);
  process.exitCode = 2;
}
