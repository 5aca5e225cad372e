#!/usr/bin/env node
// The language server as its own command, for editors that want one (Helix, generic LSP clients):
// the same as `mlsd-lint --lsp`. It goes through the CLI's entry, which loads the server's chunk on
// demand and reports a bad argument as one line with exit code 2.
//
// Unlike bin/mlsd-lint.js it leaves V8's regular-expression tiering alone: that flag is for short
// runs, and a server lives long enough for the expressions that run hot to be compiled anyway.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
process.argv.splice(2, 0, '--lsp');
const { run } = await import('../dist/bundle/cli.js');

await run();
