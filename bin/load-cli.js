// Loads the CLI for a plain run, with V8's code cache (bin/mlsd-lint.js).
//
// A cold start used to spend about a third of its time before linting anything: compiling the
// bundle's modules (~30 ms) and waiting for the chain of lazily imported chunks to be read (~40 ms).
// `npm run build` therefore also writes the CLI as one CommonJS file (dist/bundle/cli.cjs) and, by
// running it once on the shipped example, V8's code cache for it (cli.cjs.cache): the functions a
// run compiles, ready to use. Loading that is one read and no compile. V8 checks that the cache
// matches the running V8, its flags and the file's source; when it does not (another Node version,
// an edited file), it is ignored and the file is compiled as usual. Nothing is written at run time.
//
// The ES module bundle (dist/bundle/cli.js) is still what --debug (source maps), the language
// server, the worker threads and the API use.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const FILE = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
const CACHE = `${FILE}.cache`;

/**
 * The CLI's file compiled as a script, with its code cache when there is one. CommonJS's wrapper
 * and one more parameter: the build turned the file's import() calls into calls of __mlsdImport,
 * this module's import (a script compiled from a code cache cannot import in Node 20).
 */
export function cliScript() {
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    cachedData = undefined;
  }
  const source = readFileSync(FILE, 'utf8');
  return new vm.Script(`(function (exports, require, module, __filename, __dirname, __mlsdImport) {${source}\n})`, { filename: FILE, cachedData });
}

export function loadCli() {
  const script = cliScript();
  const module = { exports: {} };
  // The specifiers it imports are built-in names, absolute URLs or this package's dependencies.
  script.runInThisContext()(module.exports, createRequire(FILE), module, FILE, path.dirname(FILE), (specifier) => import(specifier));
  // The build's one run (scripts/bundle.mjs) writes the cache when the process ends, after the
  // run has compiled what a run needs.
  if (process.env.MLSD_LINT_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(CACHE, script.createCachedData()));
  return module.exports;
}
