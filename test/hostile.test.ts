/**
 * Hostile inputs against the real executable, each with its expected outcome: a report (exit 0 or
 * 1, JSON with the 11 signals, positions inside the file), or exit 2 with exactly one line on
 * stderr that names the problem and no stack trace. Every run has a deadline, so a hang fails the
 * test instead of stalling it, and every input file is hashed before and after: the linter never
 * writes to what it reads.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS, BIN, expectOneLineError, HIGH_TEXT, SIGNAL_IDS, tempTree, WEAK_TEXT } from './helpers.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

interface Options {
  cwd: string;
  /** Kill the run and fail after this long. */
  timeoutMs?: number;
  /** Run as this user (to make a chmod 000 file unreadable when the tests run as root). */
  uid?: number;
  gid?: number;
}

function run(args: readonly string[], options: Options): Promise<Run> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: options.cwd };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env,
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mlsd-lint ${args.join(' ')} did not finish within ${timeoutMs} ms (a hang)`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - started });
    });
    child.stdin.end();
  });
}

interface Json {
  filePath: string;
  score: number;
  signals: Array<{ id: string; status: string; line?: number; column?: number; evidence?: string }>;
  messages: Array<{ ruleId: string; line: number; column: number; endLine?: number; endColumn?: number }>;
}

const NO_STACK = /^\s+at .+[:(]\d+/m;

/** A report: exit 0 or 1, nothing on stderr, the 11 signals per file, positions inside each file. */
function expectReport(result: Run, texts: Record<string, string>): Json[] {
  expect(result.stderr, result.stderr).toBe('');
  expect([0, 1]).toContain(result.code);
  const reports = JSON.parse(result.stdout) as Json[];
  expect(reports.map((r) => r.filePath).sort()).toEqual(Object.keys(texts).sort());
  for (const report of reports) {
    expect(report.signals.map((s) => s.id)).toEqual(SIGNAL_IDS);
    for (const s of report.signals) expect(['high', 'weak', 'missing']).toContain(s.status);
    const lines = (texts[report.filePath] as string).split(/\r\n|\r|\n/);
    const inside = (line: number | undefined, column: number | undefined) => {
      if (line === undefined) return;
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(lines.length);
      if (column !== undefined) {
        expect(column).toBeGreaterThanOrEqual(1);
        expect(column).toBeLessThanOrEqual((lines[line - 1] as string).length + 1);
      }
    };
    for (const s of report.signals) inside(s.line, s.column);
    for (const m of report.messages) {
      inside(m.line, m.column);
      inside(m.endLine, m.endColumn);
    }
  }
  return reports;
}

/** Content hash of every file (and symlink target) under a folder. */
function snapshot(dir: string, base = dir, out = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const info = lstatSync(full);
    const key = path.relative(base, full);
    if (info.isSymbolicLink()) out.set(key, `-> ${readlinkSync(full)}`);
    else if (info.isDirectory()) snapshot(full, base, out);
    else if (info.isFile()) {
      let hash: string;
      try {
        hash = createHash('sha256').update(readFileSync(full)).digest('hex');
      } catch {
        hash = 'unreadable'; // the chmod 000 file, when the tests do not run as root
      }
      out.set(key, `${info.mode.toString(8)} ${info.size} ${info.mtimeMs} ${hash}`);
    }
    else out.set(key, `special ${info.mode.toString(8)}`);
  }
  return out;
}

const fixture = (name: string) => readFileSync(path.join(ANSWERS, name), 'utf8');

/** A realistic answer grown to `bytes` by repeating the fixture answers under numbered headings. */
function bigAnswer(bytes: number): string {
  const parts = readdirSync(ANSWERS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => fixture(f).replace(/^---\n[\s\S]*?\n---\n/, ''));
  const chunks: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const chunk = `\n## Part ${i + 1}\n\n${parts[i % parts.length] as string}\n`;
    chunks.push(chunk);
    size += chunk.length;
  }
  return chunks.join('');
}

const t = tempTree();
let before: Map<string, string>;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** A GFM table of `columns` columns, rows added until it is `bytes` long. */
function wideTable(columns: number, bytes: number): string {
  const row = (cell: (i: number) => string): string => `|${Array.from({ length: columns }, (_, i) => cell(i)).join('|')}|\n`;
  const parts = [row((i) => `c${i}`), row(() => '-')];
  let size = parts[0]!.length + parts[1]!.length;
  const body = row(() => 'x');
  while (size < bytes) {
    parts.push(body);
    size += body.length;
  }
  return parts.join('');
}

const TEXTS = {
  'empty.md': '',
  'frontmatter.md': '---\ntitle: Ranking\ntags: [ml, ranking]\n---\n',
  'code-only.md': '```python\nmodel.fit(X, y)  # 10 ms p99, retrain daily\n```\n\n~~~sql\nSELECT * FROM events;\n~~~\n\n    indented code\n',
  'headings.md': Array.from({ length: 10_000 }, (_, i) => `${'#'.repeat(1 + (i % 6))} Heading ${i} about monitoring and retraining\n`).join('\n'),
  'table.md': [
    `| ${Array.from({ length: 1000 }, (_, i) => `feature ${i}`).join(' | ')} |`,
    `|${'---|'.repeat(1000)}`,
    `| ${Array.from({ length: 1000 }, (_, i) => `${i} ms`).join(' | ')} |`,
  ].join('\n'),
  'nested-100.md': Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}: retrain weekly`).join('\n'),
  'nested-1000-staircase.md': Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n'),
  'nested-1000-one-line.md': `${'- '.repeat(1000)}deep\n`,
  'quotes-1000.md': Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} quote ${i}`).join('\n'),
  // 4 MB of one table of 10,000 columns: the GFM table parser once exhausted the heap on it (exit 134).
  'table-10000-columns.md': wideTable(10_000, 4_000_000),
  'one-line-1mb.md': `${'The ranker scores 500 candidates in 10 ms at p99 '.repeat(21_000)}\n`,
  'plain.md': `# Reco\n\nIntro paragraph.\n\n## Monitoring\n\n${HIGH_TEXT}\n\n- first bullet\n- second bullet with 200 ms\n`,
} as const;

beforeAll(() => {
  t.write(TEXTS);
  t.write({
    'big-5mb.md': bigAnswer(5 * 1024 * 1024),
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'random-bytes.md': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)),
    'latin1.md': Buffer.from('# Caf\xe9\n\nna\xefve answer\n', 'latin1'),
    'truncated-utf8.md': Buffer.concat([Buffer.from('# R\u00e9sum\u00e9\n\nok '), Buffer.from([0xe2, 0x82])]),
    'utf16le.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXTS['plain.md'], 'utf16le')]),
    'utf16be.md': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXTS['plain.md'], 'utf16le').swap16()]),
    'utf16le-odd.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le'), Buffer.from([0x41])]),
    'crlf.md': TEXTS['plain.md'].replace(/\n/g, '\r\n'),
    'cr.md': TEXTS['plain.md'].replace(/\n/g, '\r'),
    'dir/a.md': WEAK_TEXT,
    'dir/sub/b.markdown': HIGH_TEXT,
    'dir/notes.txt': 'not markdown',
    'empty-dir/.keep': '',
    'not-a-dir.md': WEAK_TEXT,
    'unreadable.md': WEAK_TEXT,
    'cfg-json/.mlsd-lintrc.json': '{\n  "rules": {\n    "retraining": "off",\n  }\n}\n',
    'cfg-json/a.md': WEAK_TEXT,
    'cfg-yaml/.mlsd-lintrc.yaml': 'rules:\n  retraining: [error\n',
    'cfg-yaml/a.md': WEAK_TEXT,
    'cfg-js/mlsd-lint.config.mjs': 'throw new Error("config exploded");\n',
    'cfg-js/a.md': WEAK_TEXT,
    'cfg-cjs/.mlsd-lintrc.cjs': 'const rules = require("./missing-rules.json");\nmodule.exports = { rules };\n',
    'cfg-cjs/a.md': WEAK_TEXT,
    'cfg-getter/.mlsd-lintrc.cjs': 'module.exports = { get rules() { throw new Error("getter exploded"); } };\n',
    'cfg-getter/a.md': WEAK_TEXT,
    'cfg-cycle/mlsd-lint.config.mjs': 'const config = { rules: {} };\nconfig.rules.self = config;\nexport default config;\n',
    'cfg-cycle/a.md': WEAK_TEXT,
    'cfg-unknown-rule/.mlsd-lintrc.json': '{"rules": {"retrainng": "error"}}',
    'cfg-unknown-rule/a.md': WEAK_TEXT,
    'plugin-check/boom.mjs':
      "export default { id: 'local/boom', meta: { description: 'Throws', rationale: 'test', defaultSeverity: 'error', messages: { boom: 'Boom' } }, check() { throw new Error('kaboom in check'); } };\n",
    'plugin-check/.mlsd-lintrc.json': JSON.stringify({ plugins: ['./boom.mjs'] }),
    'plugin-check/a.md': WEAK_TEXT,
    'plugin-import/broken.mjs': "throw new Error('exploded on import');\nexport default [];\n",
    'plugin-import/.mlsd-lintrc.json': JSON.stringify({ plugins: ['./broken.mjs'] }),
    'plugin-import/a.md': WEAK_TEXT,
    'plugin-missing/.mlsd-lintrc.json': JSON.stringify({ plugins: ['./nowhere.mjs'] }),
    'plugin-missing/a.md': WEAK_TEXT,
  });
  symlinkSync('loop-b.md', path.join(t.dir, 'loop-a.md'));
  symlinkSync('loop-a.md', path.join(t.dir, 'loop-b.md'));
  mkdirSync(path.join(t.dir, 'cycle'));
  writeFileSync(path.join(t.dir, 'cycle', 'x.md'), WEAK_TEXT);
  mkdirSync(path.join(t.dir, 'cycle', 'sub'));
  symlinkSync('.', path.join(t.dir, 'cycle', 'self'));
  symlinkSync('..', path.join(t.dir, 'cycle', 'sub', 'up'));
  chmodSync(path.join(t.dir, 'unreadable.md'), 0o000);
  chmodSync(t.dir, 0o755);
  before = snapshot(t.dir);
});

afterAll(() => {
  // Input files are never written, renamed or created by a lint run. The one file a run adds is
  // the score history (docs/cli.md, Score history), and it holds only history records.
  try {
    const after = snapshot(t.dir);
    const history = path.join('.mlsd-lint', 'history.jsonl');
    if (after.has(history)) {
      for (const line of readFileSync(path.join(t.dir, history), 'utf8').split('\n').filter(Boolean)) expect(JSON.parse(line)).toMatchObject({ tool: 'mlsd-lint', v: 1 });
      after.delete(history);
    }
    expect(after).toEqual(before);
  } finally {
    t.cleanup();
  }
});

const lint = (args: readonly string[], options: Partial<Options> = {}) => run([...args, '-f', 'json'], { cwd: t.dir, ...options });
const texts = (...names: Array<keyof typeof TEXTS>) => Object.fromEntries(names.map((n) => [n, TEXTS[n]]));

describe('hostile inputs that still get a report', () => {
  it('an empty file: every signal missing, exit 1', async () => {
    const [report] = expectReport(await lint(['empty.md']), texts('empty.md'));
    expect(report?.signals.every((s) => s.status === 'missing')).toBe(true);
  });

  it('only front matter, and only code blocks: nothing is prose, every signal missing', async () => {
    const reports = expectReport(await lint(['frontmatter.md', 'code-only.md']), texts('frontmatter.md', 'code-only.md'));
    for (const r of reports) expect(r.signals.every((s) => s.status === 'missing'), r.filePath).toBe(true);
  });

  it('10,000 headings', async () => {
    expectReport(await lint(['headings.md']), texts('headings.md'));
  });

  it('a table with 1,000 columns', async () => {
    expectReport(await lint(['table.md']), texts('table.md'));
  });

  it('lists nested 100 deep (the limit)', async () => {
    expectReport(await lint(['nested-100.md']), texts('nested-100.md'));
  });

  it('a single line of 1 MB', async () => {
    const result = await lint(['one-line-1mb.md'], { timeoutMs: 60_000 });
    expectReport(result, texts('one-line-1mb.md'));
  }, 90_000);

  it('a 5 MB answer', async () => {
    const text = readFileSync(path.join(t.dir, 'big-5mb.md'), 'utf8');
    const result = await lint(['big-5mb.md'], { timeoutMs: 150_000 });
    const [report] = expectReport(result, { 'big-5mb.md': text });
    expect(report?.signals.filter((s) => s.status === 'high').length).toBeGreaterThan(5);
  }, 180_000);

  it('UTF-16 LE and BE with a byte-order mark read like UTF-8', async () => {
    const reports = expectReport(await lint(['plain.md', 'utf16le.md', 'utf16be.md']), { 'plain.md': TEXTS['plain.md'], 'utf16le.md': TEXTS['plain.md'], 'utf16be.md': TEXTS['plain.md'] });
    const [plain, ...others] = reports;
    for (const other of others) {
      expect(other.signals).toEqual(plain?.signals);
      expect(other.messages).toEqual(plain?.messages);
    }
  });

  it('CRLF and CR line endings: the same lines and columns as LF', async () => {
    const plainText = TEXTS['plain.md'];
    const reports = expectReport(await lint(['plain.md', 'crlf.md', 'cr.md']), {
      'plain.md': plainText,
      'crlf.md': plainText.replace(/\n/g, '\r\n'),
      'cr.md': plainText.replace(/\n/g, '\r'),
    });
    const [plain, crlf, cr] = reports;
    // The evidence for scale-latency is HIGH_TEXT, which starts line 7.
    const scale = plain?.signals.find((s) => s.id === 'scale-latency');
    expect(scale?.line).toBe(7);
    expect(plainText.split('\n')[6]).toContain((scale?.evidence ?? '').slice(0, 20));
    for (const other of [crlf, cr]) {
      expect(other?.signals).toEqual(plain?.signals);
      expect(other?.messages).toEqual(plain?.messages);
    }
  });

  it('a directory: its markdown files, recursively', async () => {
    expectReport(await lint(['dir']), { [path.join('dir', 'a.md')]: WEAK_TEXT, [path.join('dir', 'sub', 'b.markdown')]: HIGH_TEXT });
  });

  it('a directory with symlink cycles: finishes, each path linted once', async () => {
    const result = await lint(['cycle'], { timeoutMs: 30_000 });
    expect(result.stderr).toBe('');
    const reports = JSON.parse(result.stdout) as Json[];
    expect(reports.length).toBeGreaterThanOrEqual(1);
    expect(new Set(reports.map((r) => r.filePath)).size).toBe(reports.length);
    expect(reports.map((r) => r.filePath)).toContain(path.join('cycle', 'x.md'));
  });

  it('a FIFO with a writer (process substitution) is read like a file', async () => {
    const fifo = path.join(t.dir, 'pipe.md');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo here: nothing to test
    const writer = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', path.join(t.dir, 'plain.md'), fifo]);
    try {
      expectReport(await lint(['pipe.md']), { 'pipe.md': TEXTS['plain.md'] });
    } finally {
      writer.kill();
      spawnSync('rm', ['-f', fifo]);
    }
  });
});

describe('hostile inputs refused with one line (exit 2)', () => {
  it('lists nested 1,000 deep, one level a line or all on one line, and block quotes 1,000 deep', async () => {
    for (const [file, line] of [['nested-1000-staircase.md', 101], ['nested-1000-one-line.md', 1], ['quotes-1000.md', 101]] as const) {
      const result = await lint([file]);
      expectOneLineError(result, file, 'nested more than 100 levels deep', `line ${line}`);
      expect(result.ms).toBeLessThan(15_000);
    }
  });

  it('tables of more than 50,000 cells (a 4 MB table of 10,000 columns), without parsing them', async () => {
    const result = await lint(['table-10000-columns.md']);
    expectOneLineError(result, 'table-10000-columns.md', 'tables of more than 50,000 cells', 'line 1');
    expect(result.ms).toBeLessThan(15_000);
  });

  it('binary data', async () => {
    expectOneLineError(await lint(['binary.md']), 'binary.md', 'binary');
    expectOneLineError(await lint(['random-bytes.md']), 'random-bytes.md', 'binary');
  });

  it('invalid UTF-8, naming the line', async () => {
    expectOneLineError(await lint(['latin1.md']), 'latin1.md', 'invalid UTF-8 at line 1');
    expectOneLineError(await lint(['truncated-utf8.md']), 'truncated-utf8.md', 'invalid UTF-8 at line 3');
  });

  it('UTF-16 with a byte-order mark but an odd number of bytes', async () => {
    expectOneLineError(await lint(['utf16le-odd.md']), 'utf16le-odd.md', 'UTF-16');
  });

  it('a directory with no markdown in it', async () => {
    expectOneLineError(await lint(['empty-dir']), 'empty-dir', 'no markdown files');
  });

  it('a missing path, a path through a file, a name too long', async () => {
    expectOneLineError(await lint(['missing.md']), 'missing.md', 'no such file or directory');
    expectOneLineError(await lint(['not-a-dir.md/answer.md']), 'not-a-dir.md/answer.md', 'not a directory');
    const long = `${'x'.repeat(300)}.md`;
    expectOneLineError(await lint([long]), long, 'name too long');
  });

  it('a symlink loop', async () => {
    expectOneLineError(await lint(['loop-a.md']), 'loop-a.md', 'too many levels of symbolic links');
  });

  it('an unreadable file (chmod 000)', async () => {
    // Root reads anything, so as root the CLI is run as `nobody`, for whom the file is unreadable.
    const as = isRoot ? { uid: 65534, gid: 65534 } : {};
    const probe = await run(['--version'], { cwd: t.dir, ...as });
    if (probe.code !== 0) {
      // `nobody` cannot run the CLI from this checkout (a folder it may not enter): the case cannot be staged here.
      console.warn(`skipped the chmod 000 case: the CLI does not start as uid 65534 here (${probe.stderr.split('\n')[0]})`);
      return;
    }
    expectOneLineError(await lint(['unreadable.md'], as), 'unreadable.md', 'permission denied');
  });
});

describe('broken configuration and plugins (exit 2, one line naming the file)', () => {
  const cases: Array<[string, string, string[]]> = [
    ['JSON with a trailing comma', 'cfg-json', ['.mlsd-lintrc.json', 'invalid JSON']],
    ['YAML with an unclosed bracket', 'cfg-yaml', ['.mlsd-lintrc.yaml', 'invalid YAML']],
    ['an ES module config that throws', 'cfg-js', ['mlsd-lint.config.mjs', 'config exploded']],
    ['a CommonJS config that throws (a require that fails)', 'cfg-cjs', ['.mlsd-lintrc.cjs', 'missing-rules.json']],
    ['a CommonJS config whose getter throws', 'cfg-getter', ['.mlsd-lintrc.cjs', 'getter exploded']],
    ['a JS config that refers to itself', 'cfg-cycle', ['mlsd-lint.config.mjs', 'cycle']],
    ['an unknown rule', 'cfg-unknown-rule', ['.mlsd-lintrc.json', '`retrainng`']],
    ['a plugin whose check throws', 'plugin-check', ['local/boom', 'kaboom in check', 'a.md']],
    ['a plugin that throws on import', 'plugin-import', ['broken.mjs', 'exploded on import']],
    ['a plugin that does not exist', 'plugin-missing', ['nowhere.mjs', 'not found']],
  ];
  for (const [name, dir, mentions] of cases) {
    it(name, async () => {
      expectOneLineError(await run(['a.md', '-f', 'json'], { cwd: path.join(t.dir, dir) }), ...mentions);
    });
  }

  it('--debug adds the stack, mapped from the minified bundle back to the readable build', async () => {
    const debug = await run(['a.md', '--debug'], { cwd: path.join(t.dir, 'cfg-getter') });
    expect(debug.code).toBe(2);
    expect(debug.stderr.split('\n')[0]).toMatch(/^mlsd-lint: \.mlsd-lintrc\.cjs: .*getter exploded/);
    expect(debug.stderr).toMatch(/\n\s+at .*[\\/]dist[\\/]src[\\/]config[\\/]load\.js:\d+:\d+/);
    expect(debug.stderr).not.toMatch(/[\\/]dist[\\/]bundle[\\/]/);
  });

  it('an unknown rule on the command line', async () => {
    expectOneLineError(await lint(['plain.md', '--rule', 'nope:error']), '`nope`');
  });
});
