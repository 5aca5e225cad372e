#!/usr/bin/env node
// scripts/output-snapshot.mjs — everything the built CLI prints for a fixed set of answers, one
// file per output, so two builds can be compared byte for byte (`diff -r before/ after/`).
// A refactoring that keeps behaviour must leave every file identical.
//
// Usage: node scripts/output-snapshot.mjs OUT_DIR [extra answer folders...]
//   Lints fixtures/, examples/ and, when it is there, ../shared/corpus/docs (plus any folders
//   given) in every format, and records `rules`, `explain <id>` for every rule, `--print-config`
//   and `--help`. Runs bin/mlsd-lint.js, so build first (`npm run build`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [outArg, ...extra] = process.argv.slice(2);
const usage = 'usage: node scripts/output-snapshot.mjs OUT_DIR [answer folders...]';
if (!outArg || outArg.startsWith('-')) {
  console.error(outArg === '--help' || outArg === '-h' || !outArg ? usage : `unknown option ${outArg}\n${usage}`);
  process.exit(outArg === '--help' || outArg === '-h' ? 0 : 2);
}
const out = path.resolve(outArg);
// OUT_DIR is emptied first: only ever a folder this script wrote (it holds run.txt) or a new one.
if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(path.join(out, 'run.txt'))) {
  console.error(`${outArg} is not empty and is not an earlier snapshot; give a new folder`);
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const bin = path.join(root, 'bin', 'mlsd-lint.js');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', GITHUB_STEP_SUMMARY: '' };
/** Run the CLI from the repository root; stdout, stderr and the exit code, whatever the code. */
function cli(args) {
  try {
    const stdout = execFileSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    return { stdout, stderr: '', code: 0 };
  } catch (error) {
    return { stdout: error.stdout ?? '', stderr: error.stderr ?? '', code: error.status ?? -1 };
  }
}
function record(name, { stdout, stderr, code }) {
  writeFileSync(path.join(out, name), `exit ${code}\n--- stderr\n${stderr}--- stdout\n${stdout}`);
}

const shared = path.resolve(root, '..', 'shared', 'corpus', 'docs');
const folders = ['fixtures', 'examples', ...(existsSync(shared) ? [path.relative(root, shared)] : []), ...extra];
const formats = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown'];
const args = [...folders, '--concurrency', 'off'];
for (const format of formats) args.push('-f', format, '-o', path.join(out, `report.${format}`));
record('run.txt', cli(args));
for (const format of formats) record(`stdout-${format}.txt`, cli(['examples/answer.md', '-f', format]));
record('rules.txt', cli(['rules']));
const ids = [...cli(['rules']).stdout.matchAll(/^\s*([a-z][a-z-]+[a-z])\s{2,}/gm)].map((m) => m[1]);
for (const id of new Set(ids)) record(`explain-${id}.txt`, cli(['explain', id]));
record('print-config.txt', cli(['--print-config', 'examples/answer.md']));
record('help.txt', cli(['--help']));
console.log(`${out}: ${formats.length} formats over ${folders.join(', ')}; ${new Set(ids).size} rules explained`);
const api = await import(path.join(root, 'dist', 'bundle', 'index.js'));
writeFileSync(path.join(out, 'api-exports.txt'), `${Object.keys(api).sort().join('\n')}\n`);
