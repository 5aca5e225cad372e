/**
 * The language server over its real protocol: the built server (bin/mlsd-lint-ls.js, and
 * `mlsd-lint --lsp`) spawned on stdio and driven with vscode-jsonrpc as an editor drives it. Its
 * findings are compared with the CLI's JSON for the same text and folder (one engine, one
 * configuration discovery), its edits are applied and sent back as changes, and the diagnostics
 * that come back are checked again. Plus the line arithmetic the edits rest on (src/lsp/text.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, Diagnostic, Hover, InitializeResult, PublishDiagnosticsParams, Range } from 'vscode-languageserver';
import { builtinRules } from '../rules/index.js';
import { DocumentLines } from '../src/lsp/text.js';
import type { JsonResult } from '../src/formatters/json.js';
import { BIN, ROOT, VAGUE_SENTENCE, expectOneLineError, runCli, useTempTrees } from './helpers.js';
import { HOSTILE_INPUTS } from './hostile-inputs.js';

const LS_BIN = path.join(ROOT, 'bin', 'mlsd-lint-ls.js');
const ANSWER = readFileSync(path.join(ROOT, 'examples', 'answer.md'), 'utf8');
const tree = useTempTrees();

/** A plugin rule that throws on an answer containing CRASH and ends its thread on one containing EXIT. */
const TROUBLE = `export default {
  id: 'local/trouble',
  meta: { description: 'Crashes on demand', rationale: 'test', defaultSeverity: 'error', messages: { boom: 'Boom' } },
  check(context) {
    if (context.document.text.includes('CRASH')) throw new Error('kaboom in ' + context.document.filePath);
    if (context.document.text.includes('EXIT')) process.exit(7);
  },
};
`;

/** `promise`, or a failure saying `why` after `ms`. */
function within<T>(promise: Promise<T>, ms: number, why: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(why())), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** An editor's side of the connection: open, change and save documents, and read what comes back. */
class Client {
  readonly logs: Array<{ type: number; message: string }> = [];
  readonly published: PublishDiagnosticsParams[] = [];
  private wake: Array<() => void> = [];
  private readonly exited: Promise<number | null>;
  private readonly versions = new Map<string, number>();
  stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.notify();
    });
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push(params);
      this.notify();
    });
    connection.listen();
  }

  /** Start the server (`args` after the executable) with `root` as the workspace, and initialize it. */
  static async start(root: string, args: readonly string[] = [], bin = LS_BIN): Promise<{ client: Client; init: InitializeResult }> {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new Client(child, connection);
    const init = await within(
      connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(root).href,
        workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'answers' }],
        capabilities: {},
      }),
      10_000,
      () => `no answer to initialize (stderr: ${client.stderr.trim() || 'empty'})`,
    );
    await connection.sendNotification('initialized', {});
    return { client, init };
  }

  private notify(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const wake of waiting) wake();
  }

  /** The first notification from index `from` on that `accept` takes; fails after `timeoutMs`. */
  async waitFor<T>(list: () => readonly T[], accept: (item: T) => boolean, from = 0, timeoutMs = 15_000, what = 'a notification'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = list().slice(from).find(accept);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms (stderr: ${this.stderr.trim() || 'empty'})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The diagnostics published for `uri` at `version`, from publication index `from` on. */
  diagnostics(uri: string, version: number, from = 0, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.published, (p) => p.uri === uri && p.version === version, from, timeoutMs, `diagnostics for ${uri} v${version}`);
  }

  async open(file: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = pathToFileURL(file).href;
    this.versions.set(uri, 1);
    const from = this.published.length;
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return { uri, diagnostics: (await this.diagnostics(uri, 1, from)).diagnostics };
  }

  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const from = this.published.length;
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return (await this.diagnostics(uri, version, from)).diagnostics;
  }

  async save(uri: string): Promise<Diagnostic[]> {
    const from = this.published.length;
    await this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    return (await this.diagnostics(uri, this.versions.get(uri) ?? 1, from)).diagnostics;
  }

  codeActions(uri: string, range: Range): Promise<CodeAction[]> {
    return this.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
  }

  hover(uri: string, position: Range['start']): Promise<Hover | null> {
    return this.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  codeLenses(uri: string): Promise<CodeLens[]> {
    return this.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  }

  /** shutdown, then exit: resolves to the server's exit code. */
  async stop(): Promise<number | null> {
    await within(this.connection.sendRequest('shutdown'), 10_000, () => 'no answer to shutdown');
    await this.connection.sendNotification('exit');
    return within(this.exited, 10_000, () => 'the server did not exit');
  }

  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** The CLI's JSON result for `text` as the file `name` in `cwd` (stdin, so the text need not be saved). */
async function cliResult(cwd: string, name: string, text: string): Promise<JsonResult> {
  const run = await runCli(['-', '--stdin-filename', name, '-f', 'json', '--no-history'], { cwd, input: text });
  expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
  return (JSON.parse(run.stdout) as JsonResult[])[0] as JsonResult;
}

/** What the server should publish for a CLI result: LSP's 0-based lines and columns, its severities. */
function expectedDiagnostics(result: JsonResult, text: string): Array<Pick<Diagnostic, 'code' | 'severity' | 'range' | 'message'>> {
  const lines = text.split('\n');
  return result.messages.map((m) => ({
    code: m.ruleId ?? undefined,
    severity: m.severity === 2 ? 1 : 2,
    message: m.message,
    range: {
      start: { line: m.line - 1, character: m.column - 1 },
      end: m.endLine !== undefined && m.endColumn !== undefined ? { line: m.endLine - 1, character: m.endColumn - 1 } : { line: m.line - 1, character: (lines[m.line - 1] ?? '').length },
    },
  }));
}

function essentials(diagnostics: readonly Diagnostic[]): Array<Pick<Diagnostic, 'code' | 'severity' | 'range' | 'message'>> {
  return diagnostics.map((d) => ({ code: d.code as string | undefined, severity: d.severity, message: d.message, range: d.range }));
}

/** The text after a code action's edit. */
function applied(uri: string, text: string, action: CodeAction | undefined): string {
  expect(action?.edit?.changes?.[uri], `an edit for ${uri}`).toBeDefined();
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), action!.edit!.changes![uri]!);
}

function byCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code);
  expect(found, `a ${code} diagnostic in ${JSON.stringify(diagnostics.map((d) => d.code))}`).toBeDefined();
  return found!;
}

describe('language server: one answer in a configured folder (vscode-jsonrpc over stdio)', () => {
  // A configuration that differs from the default, so that using it (or not) shows.
  const CONFIG = JSON.stringify({ rules: { retraining: 'off', monitoring: ['error', { weak: 'error' }] } });
  let dir: string;
  let client: Client;
  let init: InitializeResult;
  let uri: string;
  let opened: Diagnostic[];
  let cli: JsonResult;

  beforeAll(async () => {
    dir = tree({ '.mlsd-lintrc.json': CONFIG, 'answer.md': ANSWER }).dir;
    ({ client, init } = await Client.start(dir, ['--stdio']));
    ({ uri, diagnostics: opened } = await client.open(path.join(dir, 'answer.md'), ANSWER));
    cli = await cliResult(dir, 'answer.md', ANSWER);
  });
  afterAll(() => client?.kill());

  it('offers full-document sync with save, hover, quick fixes and code lenses, in UTF-16 positions', () => {
    expect(init.capabilities).toMatchObject({
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: 1, save: { includeText: false } },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      codeLensProvider: {},
    });
    expect(init.serverInfo?.name).toBe('mlsd-lint');
  });

  it("publishes on open what the CLI reports for the same text and folder: the folder's configuration, ranges in LSP's 0-based positions", () => {
    expect(cli.messages.length).toBeGreaterThan(3);
    expect(essentials(opened)).toEqual(expectedDiagnostics(cli, ANSWER));
    expect(opened.every((d) => d.source === 'mlsd-lint')).toBe(true);
    // .mlsd-lintrc.json turned retraining off and monitoring up to an error.
    expect(opened.some((d) => d.code === 'retraining')).toBe(false);
    expect(byCode(opened, 'monitoring').severity).toBe(1);
    expect(byCode(opened, 'feedback-loop').codeDescription?.href).toMatch(/docs\/rules\/feedback-loop\.md$/);
  });

  it("hover on a finding shows its rule's description, criteria and follow-up questions", async () => {
    const finding = byCode(opened, 'feedback-loop');
    const hover = await client.hover(uri, { line: finding.range.start.line, character: finding.range.start.character + 3 });
    const text = (hover?.contents as { kind: string; value: string }).value;
    const meta = builtinRules.find((r) => r.id === 'feedback-loop')!.meta;
    expect(text).toContain(meta.description);
    expect(text).toContain('What earns each status');
    for (const criterion of Object.values(meta.criteria ?? {})) expect(text).toContain(criterion);
    const questions = cli.signals.find((s) => s.id === 'feedback-loop')!.questions;
    expect(questions.length).toBeGreaterThan(0);
    for (const question of questions) expect(text).toContain(question);
    expect(hover?.range).toEqual(finding.range);
    // Nowhere near a finding: nothing.
    expect(await client.hover(uri, { line: 2, character: 0 })).toBeNull();
  });

  it("shows the score and the signals' statuses in code lenses on the first line", async () => {
    const lenses = await client.codeLenses(uri);
    expect(lenses.every((l) => l.range.start.line === 0)).toBe(true);
    const titles = lenses.map((l) => l.command?.title);
    expect(titles[0]).toBe(`mlsd-lint score ${cli.score}/100`);
    for (const status of ['high', 'weak', 'missing'] as const) {
      const ids = cli.signals.filter((s) => s.status === status && s.judged !== false).map((s) => s.id);
      if (ids.length) expect(titles).toContain(`${status}: ${ids.join(', ')}`);
    }
  });

  it('code actions on a weak signal: insert its rewrite at the end of its section, disable the rule for the block or the file', async () => {
    const finding = byCode(opened, 'feedback-loop');
    const actions = await client.codeActions(uri, finding.range);
    expect(actions.map((a) => a.title)).toEqual(['Insert suggested rewrite (feedback-loop)', 'Disable feedback-loop for this block', 'Disable feedback-loop for this file']);
    expect(actions.every((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'feedback-loop')).toBe(true);
    const suggestion = cli.messages.find((m) => m.ruleId === 'feedback-loop')!.suggestion!;
    const rewritten = applied(uri, ANSWER, actions[0]).split('\n');
    // The Problem section ends at the finding's paragraph: the rewrite follows it, a paragraph of its own before "## Scale".
    const at = rewritten.indexOf(suggestion);
    expect(at).toBeGreaterThan(finding.range.start.line);
    expect(rewritten[at - 1]).toBe('');
    expect(rewritten.slice(at + 1).find((line) => line !== '')).toBe('## Scale');
    expect(rewritten.slice(0, at - 1).join('\n')).toBe(ANSWER.split('\n').slice(0, at - 1).join('\n'));

    const block = applied(uri, ANSWER, actions[1]);
    expect(block).toContain('<!-- mlsd-lint-disable-next-line feedback-loop -->\nWe show a carousel');
    expect(applied(uri, ANSWER, actions[2]).startsWith('<!-- mlsd-lint-disable-file feedback-loop -->\n# Design')).toBe(true);
  });

  it('a missing signal: its rewrite goes at the end of the section its finding points to', async () => {
    const missing = cli.signals.find((s) => s.status === 'missing' && s.suggestion);
    expect(missing, 'a missing signal with a rewrite in examples/answer.md').toBeDefined();
    const finding = byCode(opened, missing!.id);
    const lines = ANSWER.split('\n');
    const heading = lines[finding.range.start.line]!;
    const actions = await client.codeActions(uri, finding.range);
    const rewrite = actions.find((a) => a.title === `Insert suggested rewrite (${missing!.id})`);
    const after = applied(uri, ANSWER, rewrite).split('\n');
    const at = after.indexOf(missing!.suggestion!);
    // Below the finding's line; the nearest heading above it is the finding's own, or the finding is on no heading (end of document).
    expect(at).toBeGreaterThan(finding.range.start.line);
    const above = after.slice(0, at).reverse().find((line) => line.startsWith('#'));
    if (heading.startsWith('#')) expect(above).toBe(heading);
    const next = after.slice(at + 1).find((line) => line !== '');
    if (next !== undefined) expect(next.startsWith('#')).toBe(true);
  });

  it('didChange: diagnostics follow the edits, equal to the CLI on the new text (a rewrite, a block directive, a file directive)', async () => {
    let text = ANSWER;
    let diagnostics = opened;
    const step = async (code: string, title: string): Promise<void> => {
      const actions = await client.codeActions(uri, byCode(diagnostics, code).range);
      text = applied(
        uri,
        text,
        actions.find((a) => a.title === title),
      );
      diagnostics = await client.change(uri, text);
      expect(essentials(diagnostics)).toEqual(expectedDiagnostics(await cliResult(dir, 'answer.md', text), text));
    };
    await step('feedback-loop', 'Insert suggested rewrite (feedback-loop)');
    expect(diagnostics.some((d) => d.code === 'feedback-loop')).toBe(false);
    // scale-latency and vague-language share a line; the directive silences only the rule it names.
    const vagueBefore = diagnostics.filter((d) => d.code === 'vague-language').length;
    await step('scale-latency', 'Disable scale-latency for this block');
    expect(diagnostics.some((d) => d.code === 'scale-latency')).toBe(false);
    expect(diagnostics.filter((d) => d.code === 'vague-language').length).toBe(vagueBefore);
    await step('vague-language', 'Disable vague-language for this file');
    expect(diagnostics.some((d) => d.code === 'vague-language')).toBe(false);
    expect(diagnostics.length).toBeGreaterThan(0);
  });
});

describe('language server: problems and limits', () => {
  let client: Client;
  let dir: string;
  beforeAll(async () => {
    dir = tree({ 'broken/.mlsd-lintrc.json': '{"rules": {', 'broken/answer.md': ANSWER, 'good/answer.md': ANSWER, 'notes.md': '' }).dir;
    // A short deadline, so the pathological document is given up on quickly.
    ({ client } = await Client.start(dir, ['--stdio', '--timeout', '2']));
  });
  afterAll(() => client?.kill());

  it('a broken configuration: one diagnostic on the top line and a log message; fixed and saved, the document is linted', async () => {
    const file = path.join(dir, 'broken', 'answer.md');
    const { uri, diagnostics } = await client.open(file, ANSWER);
    expect(diagnostics).toHaveLength(1);
    const [problem] = diagnostics as [Diagnostic];
    expect(problem.range.start).toEqual({ line: 0, character: 0 });
    expect(problem.range.end.line).toBe(0);
    expect(problem.severity).toBe(1);
    expect(problem.message).toMatch(/^mlsd-lint could not lint this document: broken\/\.mlsd-lintrc\.json: invalid JSON/);
    const log = await client.waitFor(() => client.logs, (l) => l.type === 1 && l.message.includes('invalid JSON'));
    expect(log.message).toMatch(/^mlsd-lint: broken\/answer\.md: broken\/\.mlsd-lintrc\.json: invalid JSON/);
    expect(log.message).not.toMatch(/\n\s+at /);
    // The server is alive: another document is linted, and the fixed configuration is read on save.
    expect((await client.open(path.join(dir, 'good', 'answer.md'), ANSWER)).diagnostics.length).toBeGreaterThan(3);
    writeFileSync(path.join(dir, 'broken', '.mlsd-lintrc.json'), JSON.stringify({ rules: { 'feedback-loop': 'off' } }));
    const fixed = await client.save(uri);
    expect(fixed.length).toBeGreaterThan(3);
    expect(fixed.some((d) => d.code === 'feedback-loop')).toBe(false);
  });

  it('columns are UTF-16 code units: a finding after an emoji covers exactly its phrase', async () => {
    const text = `# Notes\n\n🚀 ${VAGUE_SENTENCE} 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ${VAGUE_SENTENCE}\n`;
    const { uri, diagnostics } = await client.open(path.join(dir, 'emoji.md'), text);
    const vague = diagnostics.filter((d) => d.code === 'vague-language');
    expect(vague).toHaveLength(2);
    const document = TextDocument.create(uri, 'markdown', 1, text);
    for (const d of vague) {
      const phrase = /`([^`]+)`/.exec(d.message as string)?.[1];
      expect(document.getText(d.range)).toBe(phrase);
    }
  });

  it('a pathological document: a diagnostic that it was not linted within the budget, and the server answers meanwhile', async () => {
    const { uri: notes } = await client.open(path.join(dir, 'notes.md'), `# Notes\n\n${VAGUE_SENTENCE}\n`);
    const slow = pathToFileURL(path.join(dir, 'slow.md')).href;
    const from = client.published.length;
    const started = Date.now();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: slow, languageId: 'markdown', version: 1, text: HOSTILE_INPUTS.find((h) => h.name === 'nested-emphasis')!.text(40_000) } });
    // While a worker is stuck on it, the server's own thread answers at once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const asked = Date.now();
    await client.hover(notes, { line: 2, character: 3 });
    expect(Date.now() - asked).toBeLessThan(1000);
    const published = await client.diagnostics(slow, 1, from, 20_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(published.diagnostics).toHaveLength(1);
    expect(published.diagnostics[0]).toMatchObject({ severity: 1, range: { start: { line: 0, character: 0 } } });
    expect(published.diagnostics[0]!.message).toMatch(/^Not linted within the work budget: gave up after 2 s \(deeply nested emphasis\?\); raise --timeout/);
    expect((await client.codeLenses(slow)).map((l) => l.command?.title)).toEqual(['mlsd-lint: not linted within the work budget']);
    // And it goes on: the next document is linted as usual.
    expect((await client.change(notes, `# Notes\n\n${VAGUE_SENTENCE} More.\n`)).some((d) => d.code === 'vague-language')).toBe(true);
  }, 30_000);

  it("a plugin's rule that crashes, or that ends its worker thread: a diagnostic says so, and the next document is linted", async () => {
    const plugin = tree({
      'trouble.mjs': TROUBLE,
      '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./trouble.mjs'] }),
    }).dir;
    const crashed = (await client.open(path.join(plugin, 'crash.md'), `# A\n\nCRASH ${VAGUE_SENTENCE}\n`)).diagnostics;
    expect(crashed).toHaveLength(1);
    expect(crashed[0]!.message).toMatch(/^mlsd-lint could not lint this document: .*local\/trouble.*kaboom/);
    const exited = (await client.open(path.join(plugin, 'exit.md'), `# A\n\nEXIT ${VAGUE_SENTENCE}\n`)).diagnostics;
    expect(exited).toHaveLength(1);
    expect(exited[0]!.message).toMatch(/^mlsd-lint could not lint this document: .*the worker thread linting it stopped unexpectedly \(exit code 7\)/);
    // A new worker takes over for the next document of that configuration.
    const fine = (await client.open(path.join(plugin, 'fine.md'), `# A\n\n${VAGUE_SENTENCE}\n`)).diagnostics;
    expect(fine.some((d) => d.code === 'vague-language')).toBe(true);
  });

  it("a plugin that prints while it loads or lints does not corrupt the protocol: its output goes to stderr", async () => {
    const chatty = tree({
      'chatty.mjs': `console.log('chatty: loaded');\nexport default { rules: [{ id: 'local/chatty', meta: { description: 'Talks', rationale: 'test', defaultSeverity: 'warn', messages: { x: 'x' } }, check() { console.log('chatty: checking'); } }] };\n`,
      '.mlsd-lintrc.json': JSON.stringify({ plugins: ['./chatty.mjs'] }),
    }).dir;
    const first = (await client.open(path.join(chatty, 'one.md'), `# A\n\n${VAGUE_SENTENCE}\n`)).diagnostics;
    expect(first.some((d) => d.code === 'vague-language')).toBe(true);
    // The connection still parses what follows.
    const second = (await client.open(path.join(chatty, 'two.md'), `# B\n\n${VAGUE_SENTENCE}\n`)).diagnostics;
    expect(second.some((d) => d.code === 'vague-language')).toBe(true);
  });

  it('closing a document clears its diagnostics', async () => {
    const { uri } = await client.open(path.join(dir, 'closing.md'), `# Notes\n\n${VAGUE_SENTENCE}\n`);
    const from = client.published.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await client.waitFor(() => client.published, (p) => p.uri === uri, from);
    expect(cleared.diagnostics).toEqual([]);
  });
});

describe('language server: the two ways to start it', () => {
  it('mlsd-lint --lsp is the same server; shutdown then exit ends it with code 0', async () => {
    const dir = tree({ 'answer.md': ANSWER }).dir;
    const { client, init } = await Client.start(dir, ['--lsp', '--stdio'], BIN);
    try {
      expect(init.capabilities.hoverProvider).toBe(true);
      expect((await client.open(path.join(dir, 'answer.md'), ANSWER)).diagnostics.length).toBeGreaterThan(3);
      expect(await client.stop()).toBe(0);
    } finally {
      client.kill();
    }
  });

  it('a bad argument is one line on stderr and exit code 2', async () => {
    expectOneLineError(await runCli(['--lsp', '--timeout', 'soon']), '--timeout');
    expectOneLineError(await runCli(['--lsp', 'answer.md']), 'takes no paths');
  });
});

describe('DocumentLines: where edits go, from the lines alone', () => {
  const text = ['---', 'title: x', '---', '# Title', '', 'Intro line one', 'line two', '', '## A', '', 'a text', '', '```', '# not a heading', '```', '', 'B', '-', '', 'b text', '', '> quoted', '> more', ''].join('\n');
  const lines = new DocumentLines(text);

  it('reads front matter, ATX and setext headings, and skips fenced code', () => {
    expect(lines.bodyStart).toBe(3);
    expect(lines.headings).toEqual([
      { line: 3, depth: 1 },
      { line: 8, depth: 2 },
      { line: 16, depth: 2 },
    ]);
  });

  it('a section ends at its last non-blank line before the next heading of its level or higher', () => {
    expect(lines.sectionEnd(10)).toEqual({ line: 14, character: 3 });
    expect(lines.sectionEnd(8)).toEqual({ line: 14, character: 3 });
    // The top-level section holds the rest of the document.
    expect(lines.sectionEnd(5)).toEqual({ line: 22, character: 6 });
    expect(new DocumentLines('no heading\n\nat all\n').sectionEnd(0)).toEqual({ line: 2, character: 6 });
  });

  it("a block starts after a blank line, a heading or a fence; a directive line copies a quote's markers", () => {
    expect(lines.blockStart(6)).toBe(5);
    expect(lines.blockStart(3)).toBe(3);
    expect(lines.blockStart(13)).toBe(12);
    expect(lines.blockStart(19)).toBe(19);
    expect(lines.blockStart(22)).toBe(21);
    expect(lines.containerPrefix(21)).toBe('> ');
    expect(new DocumentLines('first\nsecond').blockStart(1)).toBe(0);
  });

  it('ranges: 0-based, CRLF lines, end of line when a message has no end, clamped to the text', () => {
    const crlf = new DocumentLines('ab\r\ncdef\r\n');
    expect(crlf.rangeOf({ line: 2, column: 2, endLine: 2, endColumn: 4 })).toEqual({ start: { line: 1, character: 1 }, end: { line: 1, character: 3 } });
    expect(crlf.rangeOf({ line: 2, column: 1 })).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    expect(crlf.rangeOf({ line: 9, column: 9, endLine: 9, endColumn: 20 })).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
  });
});
