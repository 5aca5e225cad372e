#!/usr/bin/env node
// scripts/eval/rebuild-private.mjs — rebuild the texts of the labelled documents whose licence does
// not let them live in this repository (SOURCES.tsv `text` = private) into eval/private/, from
// snapshots of their repositories: bare git directories under MIRRORS, one per repository, named
// `owner+name` (as the team's snapshot tool lays them out), each read at the pinned commit.
// eval/private/ is git-ignored: these texts are never committed.
//
// Usage: node scripts/eval/rebuild-private.mjs MIRRORS   (e.g. /work/.mirror)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSources } from './sources.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mirrors = process.argv[2];
if (!mirrors || !existsSync(mirrors)) {
  console.error('usage: node scripts/eval/rebuild-private.mjs MIRRORS (a folder of bare repositories named owner+name)');
  process.exit(2);
}
const out = path.join(root, 'eval', 'private');
mkdirSync(out, { recursive: true });

/** The git directory of a snapshot: the folder itself, or the one inside it (bare, or a work tree's `.git`). */
function gitDir(folder) {
  for (const dir of [folder, ...readdirSync(folder).map((name) => path.join(folder, name))]) {
    for (const git of [dir, path.join(dir, '.git')]) if (existsSync(path.join(git, 'HEAD'))) return git;
  }
  return undefined;
}

let rebuilt = 0;
const missing = [];
for (const row of readSources(path.join(root, 'eval', 'corpus', 'SOURCES.tsv'))) {
  if (row.text !== 'private') continue;
  const folder = path.join(mirrors, row.repo.replace('/', '+'));
  const git = existsSync(folder) ? gitDir(folder) : undefined;
  try {
    if (!git) throw new Error('no snapshot');
    const text = execFileSync('git', ['--git-dir', git, 'show', `${row.commit}:${row.path_in_repo}`], { maxBuffer: 1 << 26 });
    writeFileSync(path.join(out, row.file), text);
    rebuilt += 1;
  } catch (error) {
    missing.push(`${row.file} (${row.repo}@${row.commit.slice(0, 10)}:${row.path_in_repo}): ${error.message.split('\n')[0]}`);
  }
}
console.log(`${rebuilt} private documents rebuilt into eval/private/`);
if (missing.length) console.log(`not rebuilt (${missing.length}):\n  ${missing.join('\n  ')}`);
