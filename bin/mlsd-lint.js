#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 runs a regular expression in its bytecode interpreter first and compiles it to machine code
// only once it has run; the rules hold a few hundred expressions, most run a few times per
// sentence, so in a short run most of the time went to the interpreter. Compiling at once cuts a
// cold start by ~20% (README, Performance). Only the CLI sets it: the flag is the
// process's, and a program that imports the API keeps its own.
setFlagsFromString('--no-regexp-tier-up');

// The bundle (scripts/bundle.mjs) is minified; with --debug, stack traces are mapped back to the
// readable build in dist/src/. Turned on before the bundle loads, and only then: it costs time.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { run } = await import('../dist/bundle/cli.js');

await run();
