#!/usr/bin/env node
// scripts/eval/merge-labels.mjs — build eval/corpus/labels.json from the independent readings.
//
// Each new document is read by two independent readers (helper sessions that saw only the
// labelling brief, the rubric and the document), stored verbatim as readers/<file>.r1.json and
// .r2.json. Where they agree on a signal, that is its label; where they differ, a third reader's
// full reading (.r3.json) decides. The documents of the shared corpus keep their published labels
// (shared-labels.json). Documents still waiting for a reader, or for the third reading a
// disagreement needs, are listed as pending and left out of labels.json.
//
// Also writes agreement.json: reader agreement (% and Cohen's kappa, r1 vs r2) per batch, and how
// often the two readers quote the same statement where they give the same high or weak status (by
// the eval's word overlap): the ceiling for the linter's evidence accuracy.
// Usage: node scripts/eval/merge-labels.mjs [corpus dir, default eval/corpus]
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSources } from './sources.mjs';
import { evidenceMatches } from '../eval.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.resolve(process.argv[2] ?? path.join(root, 'eval', 'corpus'));
const STATUSES = ['high', 'weak', 'missing'];
const pct = (x) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

const sources = readSources(path.join(dir, 'SOURCES.tsv'));
const shared = JSON.parse(readFileSync(path.join(dir, 'shared-labels.json'), 'utf8')).docs;
const signalIds = Object.keys(Object.values(shared)[0]);

function reading(file, reader) {
  const p = path.join(dir, 'readers', `${file}.${reader}.json`);
  if (!existsSync(p)) return undefined;
  const data = JSON.parse(readFileSync(p, 'utf8'));
  for (const id of signalIds) {
    if (!STATUSES.includes(data.signals?.[id]?.status)) throw new Error(`${p}: signal ${id} has no valid status`);
  }
  return data;
}

function kappa(pairs) {
  const n = pairs.length;
  if (!n) return null;
  const agree = pairs.filter(([a, b]) => a === b).length / n;
  const chance = STATUSES.reduce((sum, s) => sum + (pairs.filter(([a]) => a === s).length / n) * (pairs.filter(([, b]) => b === s).length / n), 0);
  return chance === 1 ? null : (agree - chance) / (1 - chance);
}

const docs = {};
const kinds = {};
const pending = [];
const byBatch = new Map();
const quotesByBatch = new Map();
for (const source of sources) {
  const { file, batch } = source;
  if (batch === 'shared') {
    if (!shared[file]) throw new Error(`${file}: in SOURCES.tsv as shared, but not in shared-labels.json`);
    docs[file] = shared[file];
    kinds[file] = source.kind;
    continue;
  }
  const [r1, r2, r3] = ['r1', 'r2', 'r3'].map((r) => reading(file, r));
  if (!r1 || !r2) {
    pending.push({ file, needs: 'two readings' });
    continue;
  }
  const pairs = signalIds.map((id) => [r1.signals[id].status, r2.signals[id].status]);
  if (!byBatch.has(batch)) byBatch.set(batch, []);
  byBatch.get(batch).push(...pairs);
  if (!quotesByBatch.has(batch)) quotesByBatch.set(batch, []);
  for (const id of signalIds) {
    const [a, b] = [r1.signals[id], r2.signals[id]];
    if (a.status === b.status && a.status !== 'missing' && a.evidence && b.evidence) quotesByBatch.get(batch).push(evidenceMatches(a.evidence, b.evidence));
  }
  const disputed = signalIds.filter((id) => r1.signals[id].status !== r2.signals[id].status);
  const kindDisputed = r1.kind !== r2.kind;
  if ((disputed.length || kindDisputed) && !r3) {
    pending.push({ file, needs: 'a third reading', disputed: [...disputed, ...(kindDisputed ? ['kind'] : [])] });
    continue;
  }
  const label = {};
  for (const id of signalIds) {
    const decided = disputed.includes(id) ? r3.signals[id] : r1.signals[id];
    label[id] = { status: decided.status, evidence: decided.evidence ?? '', reason: decided.reason ?? '' };
    // What the other readers who gave the same status quoted: statements that earn it as well.
    const others = [r1, r2, r3].filter((r) => r && r.signals[id] !== decided && r.signals[id].status === decided.status && r.signals[id].evidence).map((r) => r.signals[id].evidence);
    if (others.length) label[id].otherEvidence = others;
  }
  docs[file] = label;
  kinds[file] = kindDisputed ? r3.kind : r1.kind;
}

const agreement = {};
for (const [batch, pairs] of byBatch) {
  const agree = pairs.filter(([a, b]) => a === b).length;
  const quotes = quotesByBatch.get(batch);
  agreement[batch] = {
    judgements: pairs.length,
    documents: pairs.length / signalIds.length,
    agreement: agree / pairs.length,
    kappa: kappa(pairs),
    sameEvidence: { judgements: quotes.length, share: quotes.length ? quotes.filter(Boolean).length / quotes.length : null },
  };
}
const allQuotes = [...quotesByBatch.values()].flat();
const sameEvidence = { judgements: allQuotes.length, share: allQuotes.length ? allQuotes.filter(Boolean).length / allQuotes.length : null };
const labels = {
  rubric: 'shared/rubric.md',
  statuses: STATUSES,
  note: 'Labels of real documents against the rubric by independent readers (two per document, a third deciding disagreements); the shared corpus keeps its published labels. Evidence is a verbatim quote.',
  docs,
  kinds,
};
writeFileSync(path.join(dir, 'labels.json'), `${JSON.stringify(labels, null, 1)}\n`);
writeFileSync(path.join(dir, 'agreement.json'), `${JSON.stringify({ readerAgreement: agreement, readerSameEvidence: sameEvidence, pending }, null, 1)}\n`);
for (const [batch, a] of Object.entries(agreement)) {
  console.log(`${batch}: ${a.documents} docs read twice, reader agreement ${(a.agreement * 100).toFixed(1)}% (kappa ${a.kappa?.toFixed(2) ?? 'n/a'}), same evidence ${pct(a.sameEvidence.share)}`);
}
console.log(`readers who give the same high or weak status quote the same statement in ${pct(sameEvidence.share)} of ${sameEvidence.judgements} judgements`);
console.log(`labels.json: ${Object.keys(docs).length} labelled documents; pending: ${pending.length} (${pending.filter((p) => p.needs === 'a third reading').length} need a third reading)`);
