#!/usr/bin/env node
// The build (`npm run build`, the tests' global setup) and `postinstall`: build dist/ (tsc, then
// the bundle: scripts/bundle.mjs) when this is a source checkout (src/ and tsconfig.json present), so
// `npm install` / `npm ci` in a clone, a git dependency and pre-commit's install all get a working
// `mlsd-lint`. An installed package ships dist/ and no src/, so there it does nothing.
//
// Why postinstall and not `prepare`: `npm pack` runs `prepare` and prints its banner on stdout,
// and pre-commit (before 3.8 or so, e.g. Debian's 3.0.4) reads that stdout as the tarball name, so
// the hook failed to install. `npm pack` runs no install script, so its stdout stays the file name.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'src')) || !existsSync(path.join(root, 'tsconfig.json'))) process.exit(0);
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.error('mlsd-lint: cannot build dist/: typescript is not installed (npm install --include=dev)');
  process.exit(1);
}
/** Run a build step; a failed one has printed why, so exit with its status and no stack of ours. */
function step(args) {
  try {
    execFileSync(process.execPath, args, { stdio: 'inherit', cwd: root });
  } catch (error) {
    process.exit(error.status ?? 1);
  }
}
step([tsc, '-p', path.join(root, 'tsconfig.json')]);
step([path.join(root, 'scripts', 'bundle.mjs')]);
