#!/usr/bin/env node
// `npm run build`, after tsc: bundle the CLI, the public API and the worker thread into
// dist/bundle/ with esbuild, so a run loads a handful of files instead of ~250 small modules
// (unified, micromark and friends). Resolving and reading those modules was a third of a cold
// start (docs: README, Performance).
//
// - The input is tsc's output (dist/src/*.js), so the bundle runs exactly the code tsc checked.
// - Code splitting keeps what is loaded lazily lazy: the formatters, the cache, the worker pool,
//   tinyglobby, ignore and cosmiconfig stay in their own chunks, loaded by dynamic import on use.
// - The CLI, the API (`import { defineRule } from 'mlsd-lint'`, what plugins use) and the worker
//   share chunks, so a plugin and the CLI that loads it see the same classes.
// - Whitespace and syntax minified (V8 compiles less source: ~50 ms of a cold start), names kept,
//   and source maps beside the chunks: under --debug, bin/mlsd-lint.js turns Node's source-map
//   support on, so stack traces point into dist/src/ (tsc's output, readable) instead.
// - `typescript` stays external: only cosmiconfig's TypeScript loader names it, and mlsd-lint
//   refuses TypeScript configs before that loader could run.
// - The parser's quadratic spots are patched on the way in (scripts/parser-patches.mjs).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATCHED_FILES, patchParserSource } from './parser-patches.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

// Everything lands in one folder: the code finds package.json (../../) and the worker (./) from
// wherever its chunk is.
rmSync(path.join(dist, 'bundle'), { recursive: true, force: true });
await build({
  entryPoints: {
    cli: path.join(dist, 'src', 'cli', 'cli.js'),
    index: path.join(dist, 'src', 'index.js'),
    'lint-worker': path.join(dist, 'src', 'run', 'lint-worker.js'),
  },
  outdir: path.join(dist, 'bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['typescript'],
  // CommonJS dependencies (cosmiconfig, picomatch, commander's internals) call require().
  banner: { js: "import { createRequire as __mlsdCreateRequire } from 'node:module';\nconst require = __mlsdCreateRequire(import.meta.url);" },
  chunkNames: '[name]-[hash]',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [
    {
      name: 'mlsd-lint-parser-patches',
      setup(bundle) {
        bundle.onLoad({ filter: PATCHED_FILES }, (args) => ({ contents: patchParserSource(args.path), loader: 'js' }));
      },
    },
  ],
});
