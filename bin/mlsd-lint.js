#!/usr/bin/env node
import './v8-flags.js';

// The bundle (scripts/bundle.mjs) is minified; with --debug, stack traces are mapped back to the
// readable build in dist/src/. Turned on before the bundle loads, and only then: it costs time.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { run } = await import('../dist/bundle/cli.js');

await run();
