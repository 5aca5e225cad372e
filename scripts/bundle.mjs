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
// - The CLI is also written as one CommonJS file with V8's code cache, which a plain run loads
//   (bin/load-cli.js): a cold start then compiles almost nothing.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATCHED_FILES, patchParserSource } from './parser-patches.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

// Everything lands in one folder: the code finds package.json (../../) and the worker (./) from
// wherever its chunk is.
rmSync(path.join(dist, 'bundle'), { recursive: true, force: true });

/** What both builds share: Node 20, minified whitespace and syntax, the parser patched on the way in. */
const common = {
  outdir: path.join(dist, 'bundle'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['typescript'],
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'mlsd-lint-parser-patches',
      setup(bundle) {
        bundle.onLoad({ filter: PATCHED_FILES }, (args) => ({ contents: patchParserSource(args.path), loader: 'js' }));
      },
    },
  ],
};

await build({
  ...common,
  entryPoints: {
    cli: path.join(dist, 'src', 'cli', 'cli.js'),
    index: path.join(dist, 'src', 'index.js'),
    'lint-worker': path.join(dist, 'src', 'run', 'lint-worker.js'),
  },
  splitting: true,
  format: 'esm',
  // CommonJS dependencies (cosmiconfig, picomatch, commander's internals) call require().
  banner: { js: "import { createRequire as __mlsdCreateRequire } from 'node:module';\nconst require = __mlsdCreateRequire(import.meta.url);" },
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
});

// The CLI once more, as one CommonJS file that bin/load-cli.js loads with V8's code cache: the same
// code (tsc's output, patched alike); import.meta.url is the file's own URL, so it finds
// package.json and the worker as the chunks do.
await build({
  ...common,
  entryPoints: { cli: path.join(dist, 'src', 'cli', 'cli.js') },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { 'import.meta.url': '__mlsdImportMetaUrl' },
  banner: { js: "const __mlsdImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// A script that V8 compiles from a code cache cannot import() in Node 20 (vm.Script loses its
// import callback), so the file's dynamic imports (node:crypto, plugins, configuration modules,
// typescript) call the loader's import instead, passed in as __mlsdImport.
const cjs = path.join(dist, 'bundle', 'cli.cjs');
const code = readFileSync(cjs, 'utf8');
const imports = code.match(/\bimport\(/g)?.length ?? 0;
writeFileSync(cjs, code.replace(/\bimport\(/g, '__mlsdImport('));
if (imports === 0) throw new Error('mlsd-lint build: the CommonJS CLI has no dynamic import; check the rewrite');

// Its code cache: one run on the shipped example, which compiles what a run needs, written when
// that process ends (bin/load-cli.js). Without the example (an installed package has none) there
// is no cache, and the CLI compiles as usual.
const example = path.join(root, 'examples', 'answer.md');
if (existsSync(example)) {
  const warm = spawnSync(process.execPath, [path.join(root, 'bin', 'mlsd-lint.js'), '-', '--stdin-filename', 'answer.md', '--no-history', '--no-color'], {
    input: readFileSync(example),
    env: { ...process.env, MLSD_LINT_WRITE_CODE_CACHE: '1', MLSD_LINT_ESM: '' },
    stdio: ['pipe', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (warm.status !== 0 && warm.status !== 1) console.warn(`mlsd-lint build: no code cache (the CLI ended with ${warm.status ?? warm.signal}: ${warm.stderr.trim().split('\n')[0]})`);
}
