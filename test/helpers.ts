import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'mlsd-lint.js');
export const ANSWERS = path.join(ROOT, 'fixtures', 'answers');

/** The rubric's two reference texts. */
export const WEAK_TEXT = "I'd use a recommendation model with collaborative filtering and serve it via an API.";
/**
 * A vague phrase in a sentence that no signal reports: a weak signal's report subsumes the vague
 * phrases of the statement it quotes (one finding per problem), so tests of vague-language findings use this.
 */
export const VAGUE_SENTENCE = 'We keep things tidy as needed.';
export const HIGH_TEXT =
  "For a real-time product recommendation system at 10M DAU, I'd use a two-stage retrieval + ranking architecture. ANN retrieval (Faiss) narrows 10M items to 500 candidates in <10ms; a LightGBM ranker scores candidates using 50 user + item features from Redis feature store. Training pipeline runs daily in Spark on 90-day event window. Monitoring: CTR degradation >15% triggers alert; AUC <0.80 triggers retraining. Training-serving skew managed by shared feature computation layer.";

export const SIGNAL_IDS = [
  'problem-framing',
  'feedback-loop',
  'training-serving-split',
  'feature-freshness',
  'skew-prevention',
  'monitoring',
  'retraining',
  'inference-mode',
  'scale-latency',
  'evaluation',
  'specificity',
];

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd?: string;
  /** Written to stdin, which is then closed; without it stdin is closed at once (empty pipe). */
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  /** Kill the run (SIGTERM) after this long, so a hang fails its test instead of outliving it. */
  timeoutMs?: number;
}

/** Run the real executable, as a user or CI would. Colour variables are cleared unless given. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    // A process ended by a signal has no exit code: say which signal, so a failing test shows it.
    child.on('close', (code, signal) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') + (code === null ? `[ended by ${signal ?? 'an unknown signal'}]` : '') }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** A temporary folder tree; `files` maps relative paths to contents. Remove with `cleanup`. */
export function tempTree(files: Record<string, string | Buffer> = {}): { dir: string; write(files: Record<string, string | Buffer>): void; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlsd-lint-test-'));
  const write = (more: Record<string, string | Buffer>) => {
    for (const [name, content] of Object.entries(more)) {
      const file = path.join(dir, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  };
  write(files);
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Assert-friendly view of a CLI error: exactly one line on stderr, prefixed with the tool name. */
export function stderrLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line !== '');
}

export const EXAMPLE_PLUGIN = path.join(ROOT, 'fixtures', 'plugins', 'mlsd-lint-plugin-example');

/**
 * Install the example plugin into `dir/node_modules` as npm would, with `mlsd-lint` itself beside it
 * (a link to this repository, built in dist/): `plugins: ["mlsd-lint-plugin-example"]` then loads it
 * by package name, and its `import { defineRule } from 'mlsd-lint'` resolves.
 */
export function installExamplePlugin(dir: string): string {
  const modules = path.join(dir, 'node_modules');
  const target = path.join(modules, 'mlsd-lint-plugin-example');
  mkdirSync(modules, { recursive: true });
  cpSync(EXAMPLE_PLUGIN, target, { recursive: true });
  if (!existsSync(path.join(modules, 'mlsd-lint'))) symlinkSync(ROOT, path.join(modules, 'mlsd-lint'), 'dir');
  return path.join(target, 'index.js');
}

/** `tree(files)` makes a temporary tree that is removed once the test file is done. Call at the top of a test file. */
export function useTempTrees(): (files?: Record<string, string | Buffer>) => ReturnType<typeof tempTree> {
  const trees: Array<ReturnType<typeof tempTree>> = [];
  afterAll(() => trees.forEach((t) => t.cleanup()));
  return (files = {}) => {
    const t = tempTree(files);
    trees.push(t);
    return t;
  };
}

/**
 * A usage, configuration or input problem as the CLI reports it: exit 2, nothing on stdout, one
 * `mlsd-lint: ...` line on stderr that mentions each of `mentions`, no stack trace and no
 * "unexpected error". Returns the line.
 */
export function expectOneLineError(run: CliRun, ...mentions: string[]): string {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = stderrLines(run);
  expect(lines, run.stderr).toHaveLength(1);
  const line = lines[0] as string;
  expect(line).toMatch(/^mlsd-lint: \S/);
  expect(run.stderr).not.toMatch(/^\s+at .+[:(]\d+/m);
  expect(line).not.toMatch(/\bat .+:\d+:\d+/);
  expect(line).not.toMatch(/unexpected error/);
  for (const mention of mentions) expect(line).toContain(mention);
  return line;
}

/**
 * Every format of one CLI run: stylish on stdout, the others written with `-o` to `<tag>.<format>`
 * in `cwd` and read back after the run.
 */
export async function runAllFormats(args: readonly string[], cwd: string, tag: string): Promise<{ run: CliRun; files: Record<string, string> }> {
  const formats = ['json', 'sarif', 'junit', 'markdown', 'github'];
  const outputs = formats.flatMap((f) => ['-f', f, '-o', `${tag}.${f}`]);
  const run = await runCli([...args, '-f', 'stylish', ...outputs], { cwd, env: { HOME: cwd } });
  return { run, files: Object.fromEntries(formats.map((f) => [f, readFileSync(path.join(cwd, `${tag}.${f}`), 'utf8')])) };
}
