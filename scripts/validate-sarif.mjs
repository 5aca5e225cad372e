#!/usr/bin/env node
// Validate mlsd-lint's SARIF with Microsoft's SARIF Multitool, GitHub's ingestion rules included:
//   npm run validate:sarif
// The Multitool is about 100 MB, so it is not a devDependency: it is installed on first use into a
// cache folder outside the repository (MLSD_LINT_SARIF_TOOL_DIR, default <tmp>/mlsd-lint-sarif-tool)
// and reused after that. The script lints the fixtures in several ways (many files, stdin, inline
// directives, a plugin rule, a clean run), writes each as SARIF, runs
//   Sarif.Multitool validate <file> --rule-kind "Gh;Sarif" --output <file>.validation.sarif
// and fails unless every file has zero errors. Warnings and notes are listed, not fatal.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MULTITOOL = '@microsoft/sarif-multitool';
const MULTITOOL_VERSION = '5.7.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'mlsd-lint.js');
const toolDir = process.env.MLSD_LINT_SARIF_TOOL_DIR ?? path.join(os.tmpdir(), 'mlsd-lint-sarif-tool');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function log(message) {
  process.stdout.write(`${message}\n`);
}

/** The platform binary of the Multitool, installed into the cache folder when missing. */
function multitool() {
  const platformPackage = `${MULTITOOL}-${process.platform}`;
  const binaryName = process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool';
  const find = () => {
    try {
      const manifest = createRequire(path.join(toolDir, 'noop.js')).resolve(`${platformPackage}/package.json`);
      const version = JSON.parse(readFileSync(manifest, 'utf8')).version;
      const binary = path.join(path.dirname(manifest), binaryName);
      return version === MULTITOOL_VERSION && existsSync(binary) ? binary : undefined;
    } catch {
      return undefined;
    }
  };
  let binary = find();
  if (!binary) {
    log(`Installing ${MULTITOOL}@${MULTITOOL_VERSION} into ${toolDir} (about 100 MB, once)...`);
    mkdirSync(toolDir, { recursive: true });
    if (!existsSync(path.join(toolDir, 'package.json'))) writeFileSync(path.join(toolDir, 'package.json'), '{ "private": true }\n');
    execFileSync(npm, ['install', '--prefix', toolDir, '--no-audit', '--no-fund', '--no-save', `${MULTITOOL}@${MULTITOOL_VERSION}`], { stdio: 'inherit' });
    binary = find();
    if (!binary) throw new Error(`${MULTITOOL} installed, but ${platformPackage}/${binaryName} was not found in ${toolDir}`);
  }
  // Its postinstall only sets the executable bit; npm may skip install scripts.
  chmodSync(binary, 0o755);
  return binary;
}

/** Run mlsd-lint; it exits 1 when it finds problems, which is expected here. */
function lint(args, { cwd = root, input, env = {} } = {}) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, input: input ?? '', env: { ...process.env, ...env }, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`mlsd-lint ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
}

/** SARIF files to validate: one per situation the format has to handle. */
function produce(work) {
  const files = [];
  const out = (name) => {
    const file = path.join(work, `${name}.sarif`);
    files.push(file);
    return file;
  };
  const answers = readdirSync(path.join(root, 'fixtures', 'answers')).filter((f) => f.endsWith('.md')).map((f) => path.join('fixtures', 'answers', f));
  lint([...answers, 'fixtures/reference', '-f', 'sarif', '-o', out('fixtures')]);
  lint(['-', '--stdin-filename', 'answers/from stdin [1].md', '-f', 'sarif', '-o', out('stdin')], { input: readFileSync(path.join(root, 'fixtures', 'reference', 'weak.md'), 'utf8') });

  // Inline directives (unused and invalid ones become results) and a plugin rule with a signal.
  const project = path.join(work, 'project');
  mkdirSync(path.join(project, 'answers'), { recursive: true });
  const modules = path.join(project, 'node_modules');
  mkdirSync(modules, { recursive: true });
  cpSync(path.join(root, 'fixtures', 'plugins', 'mlsd-lint-plugin-example'), path.join(modules, 'mlsd-lint-plugin-example'), { recursive: true });
  symlinkSync(root, path.join(modules, 'mlsd-lint'), 'dir');
  writeFileSync(path.join(project, '.mlsd-lintrc.json'), JSON.stringify({ plugins: ['mlsd-lint-plugin-example'] }));
  const weak = readFileSync(path.join(root, 'fixtures', 'reference', 'weak.md'), 'utf8');
  writeFileSync(
    path.join(project, 'answers', 'directives.md'),
    `<!-- mlsd-lint-disable-file vague-language -->\n<!-- mlsd-lint-disable-next-line retrainig -->\n\n${weak}\n\n<!-- mlsd-lint-disable scale-latency -->\nGPU serving is expensive.\n`,
  );
  lint(['answers', '--report-unused-disable-directives', '-f', 'sarif', '-o', out('directives-and-plugin')], { cwd: project, env: { HOME: project } });

  // A clean run: no results, still a valid log.
  writeFileSync(path.join(project, 'clean.md'), weak);
  const off = Object.fromEntries(
    ['problem-framing', 'feedback-loop', 'training-serving-split', 'feature-freshness', 'skew-prevention', 'monitoring', 'retraining', 'inference-mode', 'scale-latency', 'evaluation', 'specificity', 'framing-first', 'model-heavy', 'vague-language'].map((id) => [id, 'off']),
  );
  writeFileSync(path.join(work, 'clean.json'), JSON.stringify({ rules: off }));
  lint(['clean.md', '-c', path.join(work, 'clean.json'), '-f', 'sarif', '-o', out('clean')], { cwd: project, env: { HOME: project } });
  return files;
}

/** Validate one SARIF file; the Multitool's own output is SARIF, so its findings are read from it. */
function validate(binary, file) {
  const report = `${file}.validation.sarif`;
  const run = spawnSync(binary, ['validate', file, '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note', '--output', report, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
  if (!existsSync(report)) throw new Error(`${MULTITOOL} wrote no report for ${file} (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  const results = JSON.parse(readFileSync(report, 'utf8')).runs.flatMap((r) => r.results ?? []);
  const count = (level) => results.filter((r) => (r.level ?? 'warning') === level);
  return { errors: count('error'), warnings: count('warning'), notes: count('note'), results: JSON.parse(readFileSync(file, 'utf8')).runs[0].results.length };
}

const binary = multitool();
const work = mkdtempSync(path.join(os.tmpdir(), 'mlsd-lint-sarif-'));
let failed = 0;
try {
  for (const file of produce(work)) {
    const { errors, warnings, notes, results } = validate(binary, file);
    const ids = (list) => [...new Set(list.map((r) => r.ruleId))].join(', ') || '-';
    log(`${path.basename(file)}: ${results} results; ${errors.length} errors, ${warnings.length} warnings (${ids(warnings)}), ${notes.length} notes (${ids(notes)})`);
    for (const error of errors) log(`  error ${error.ruleId}: ${error.message?.text ?? JSON.stringify(error.message)}`);
    failed += errors.length;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) {
  log(`SARIF validation failed: ${failed} error(s)`);
  process.exit(1);
}
log(`SARIF validation passed (${MULTITOOL} ${MULTITOOL_VERSION}, rule kinds Gh;Sarif): 0 errors`);
