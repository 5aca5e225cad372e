#!/usr/bin/env node
// scripts/eval/review-rewrites.mjs — every rewrite the linter offers on the labelled corpus, for a
// human to read: per document, each weak or missing signal (of those judged) with its rewrite, and
// any grounding problem (scripts/eval/grounding.mjs) flagged under it.
//
// Usage: npm run build && node scripts/eval/review-rewrites.mjs [--problems] [corpus dir]
//   --problems   print only the rewrites with a grounding problem (exit 1 if there are any)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rewriteProblems } from './grounding.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const onlyProblems = args.includes('--problems');
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'eval', 'corpus'));
const dist = path.join(root, 'dist', 'src');
if (!existsSync(path.join(dist, 'index.js'))) {
  console.error('review-rewrites: linter not built (dist/src missing): run `npm run build` first');
  process.exit(2);
}
const { lintText } = await import(pathToFileURL(path.join(dist, 'index.js')).href);
const { Document } = await import(pathToFileURL(path.join(dist, 'document', 'document.js')).href);

const folders = [path.join(dir, 'docs'), path.join(root, 'eval', 'private')].filter((d) => existsSync(d));
const files = folders.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.md')).map((f) => path.join(d, f))).sort();
let flagged = 0;
let rewrites = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const result = await lintText(text, { filePath: file });
  const answer = new Document(text);
  const lines = [];
  for (const s of result.signals) {
    if (s.status === 'high' || s.judged === false || !s.suggestion) continue;
    rewrites++;
    const problems = rewriteProblems(Document, answer, s.suggestion);
    if (problems.length) flagged++;
    if (onlyProblems && !problems.length) continue;
    lines.push(`  ${s.id} (${s.status}): ${s.suggestion}`);
    for (const p of problems) lines.push(`    !! ${p}`);
  }
  if (lines.length) console.log(`${path.relative(root, file)} [${result.kind}]\n${lines.join('\n')}\n`);
}
console.log(`${rewrites} rewrites on ${files.length} documents; ${flagged} with a grounding problem`);
process.exit(onlyProblems && flagged ? 1 : 0);
