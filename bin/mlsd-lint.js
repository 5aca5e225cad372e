#!/usr/bin/env node
import './v8-flags.js';

// With --debug, the ES module bundle, whose stack traces are mapped back to the readable build in
// dist/src/ (turned on before the bundle loads, and only then: it costs time). Otherwise the
// CommonJS build of the same code with V8's code cache (bin/load-cli.js), for a faster start;
// MLSD_LINT_ESM=1 asks for the ES module bundle as well (the tests of what it loads lazily).
const debug = process.argv.includes('--debug');
let run;
if (debug || process.env.MLSD_LINT_ESM === '1') {
  if (debug) process.setSourceMapsEnabled(true);
  ({ run } = await import('../dist/bundle/cli.js'));
} else {
  const { loadCli } = await import('./load-cli.js');
  ({ run } = loadCli());
}

await run();
