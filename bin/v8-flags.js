// V8 flags of the mlsd-lint process, set before anything of the linter loads (bin/mlsd-lint.js
// imports this first).
//
// V8 runs a regular expression in its bytecode interpreter first and compiles it to machine code
// only once it has run; the rules hold a few hundred expressions, most run a few times per
// sentence, so in a short run most of the time went to the interpreter. Tiering up at once cuts a
// cold start by ~15% (README, Performance). Only the CLI sets it: the flag is the process's, and a
// program that imports the API keeps its own.
//
// Only the tick count changes, not whether V8 tiers up: switching tier-up off at run time
// (--no-regexp-tier-up, as this once did) leaves the expressions that Node compiled to bytecode
// before this line in a state V8 does not expect, and running one of them later through V8's
// runtime path is a segmentation fault (about one run in 150 on deeply nested Markdown;
// test/v8-flags.test.ts makes it happen every time).
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--regexp-tier-up-ticks=0');
