#!/usr/bin/env node
// Writes docs/rules/<id>.md (one page per rule) and docs/rules/README.md from the rules' own
// metadata, so the documentation cannot drift from the code. `--check` fails if a page is stale.
// Run after `npm run build`: `npm run docs`.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { renderRuleDoc, renderRuleIndex } = await import(pathToFileURL(path.join(root, 'dist/src/cli/rule-docs.js')).href);
const { builtinRules } = await import(pathToFileURL(path.join(root, 'dist/rules/index.js')).href);

const check = process.argv.includes('--check');
const dir = path.join(root, 'docs', 'rules');
mkdirSync(dir, { recursive: true });
const pages = new Map(builtinRules.map((rule) => [path.join(dir, `${rule.id}.md`), renderRuleDoc(rule)]));
pages.set(path.join(dir, 'README.md'), renderRuleIndex(builtinRules));
let stale = 0;
for (const [file, text] of pages) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current === text) continue;
  stale++;
  if (check) console.error(`stale: ${path.relative(root, file)}`);
  else writeFileSync(file, text);
}
if (check && stale) {
  console.error(`${stale} doc page(s) out of date: run npm run docs`);
  process.exit(1);
}
console.log(check ? 'docs are up to date' : `wrote ${stale} page(s)`);
