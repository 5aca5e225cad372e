/**
 * The language server: `mlsd-lint --lsp` and `mlsd-lint-ls`, LSP over stdin and stdout.
 *
 * Markdown documents are linted when opened and saved, and after each change once typing pauses
 * (DEBOUNCE_MS), with whole-document sync. Each document has at most one lint in flight: a change
 * that arrives meanwhile is linted when it ends, and a result for a version the editor has moved
 * past is dropped, not shown. What a lint found (or the one-line problem that stopped it: a broken
 * configuration, a document refused, a crashed rule) becomes diagnostics, hover text, code actions
 * and code lenses (present.ts); a problem is also logged (window/logMessage), once until it changes.
 *
 * Loaded only for `--lsp` (src/cli/cli.ts imports it on demand), so a lint run does not pay for
 * vscode-languageserver.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { CodeLensRefreshRequest, DidChangeWatchedFilesNotification, TextDocumentSyncKind, TextDocuments, createConnection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SEARCH_PLACES } from '../config/load.js';
import { RuleError } from '../rule/run.js';
import { DEFAULT_SECONDS_PER_MEGABYTE, DEFAULT_TIMEOUT_SECONDS, defaultBudget, parseMaxMemory, parseTimeout, type Budget } from '../run/budget.js';
import { ConfigError, InputError, UsageError, WorkerError } from '../support/errors.js';
import { relativeInside } from '../support/paths.js';
import { TOOL_NAME, packageVersion } from '../support/project.js';
import { WorkerLinter } from './lint.js';
import { codeActionsFor, codeLensesOf, diagnosticsOf, hoverAt, type Linted } from './present.js';
import { DocumentLines } from './text.js';

/** How long typing must pause before a changed document is linted again. */
const DEBOUNCE_MS = 300;

/** What the server needs of the process (the CLI passes its own `io`). */
export interface ServerIo {
  cwd: string;
  stdin: NodeJS.ReadableStream;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

interface ServerOptions {
  timeout?: string;
  maxMemory?: string;
}

/** The server's own options; an unknown one is a usage error (one line, exit 2) before anything starts. */
function parseArguments(argv: readonly string[], io: ServerIo): ServerOptions | undefined {
  const command = new Command()
    .name(`${TOOL_NAME} --lsp`)
    .description('The language server, over stdin and stdout: diagnostics, hover, code actions and a score lens for markdown answers.')
    .option('--stdio', 'talk LSP over stdin and stdout (the default and only transport; editors pass it)')
    .option('--timeout <seconds>', `give up on a document that takes longer and say so in a diagnostic (default ${DEFAULT_TIMEOUT_SECONDS}, plus ${DEFAULT_SECONDS_PER_MEGABYTE} per MB over the first; 0 waits forever)`)
    .option('--max-memory <MB>', 'give up on a document whose linting needs more heap than this (default: a quarter of the memory, at most 4096; 0: no cap)')
    .option('--clientProcessId <pid>', 'exit when this process does (editors pass it)')
    .option('--debug', 'accepted for symmetry with the CLI')
    .helpOption('-h, --help', 'show this help')
    // Paths get our message below, not commander's.
    .allowExcessArguments(true)
    .exitOverride()
    .configureOutput({ writeOut: (text) => void io.stdout.write(text), writeErr: (text) => void io.stderr.write(text), outputError: () => undefined });
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') return undefined;
      throw new UsageError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  if (command.args.length) throw new UsageError(`${TOOL_NAME} --lsp takes no paths: the editor sends the documents`);
  return command.opts<ServerOptions>();
}

function budgetOf(options: ServerOptions): Budget {
  const defaults = defaultBudget();
  return {
    ...(options.timeout === undefined ? { timeoutMs: defaults.timeoutMs, perMegabyteMs: defaults.perMegabyteMs as number } : { timeoutMs: parseTimeout(options.timeout) }),
    maxMemoryMb: options.maxMemory === undefined ? defaults.maxMemoryMb : parseMaxMemory(options.maxMemory),
  };
}

/** A lint failure in one line: the CLI's own message for the problems it knows, else marked unexpected. */
function describe(error: unknown): { message: string; expected: boolean } {
  const expected = error instanceof ConfigError || error instanceof InputError || error instanceof RuleError || error instanceof WorkerError || error instanceof UsageError;
  const text = error instanceof Error ? error.message : String(error);
  const message = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
  return { message: expected ? message : `unexpected error: ${message}`, expected };
}

function isMarkdown(document: TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(?:md|markdown)$/i.test(document.uri);
}

/** Run the server until the editor ends it (the connection exits the process). Resolves only when the arguments asked for help. */
export async function serve(argv: readonly string[], io: ServerIo): Promise<number> {
  const options = parseArguments(argv, io);
  if (!options) return 0;
  const budget = budgetOf(options);
  // Stdout carries the protocol: the CLI's entry (cli.ts, run) already sends the console to stderr,
  // so a plugin's console.log cannot corrupt it, and workers print to stderr (parallel.ts).

  // Stdout is the process's own: the protocol writes to it as a stream, which `io.stdout` need not be.
  const connection = createConnection(io.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  let root = io.cwd;
  let linter: WorkerLinter | undefined;
  let lensRefresh = false;
  let watchConfigs = false;
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<string>();
  const again = new Set<string>();
  const lastProblem = new Map<string, string>();
  /** The version each document was opened at: TextDocuments reports the open as a change too. */
  const openedAt = new Map<string, number>();

  /** Where configuration is searched from: the document's own path, or the workspace for an unsaved one. */
  const filePathOf = (uri: string): string => {
    if (uri.startsWith('file:')) {
      try {
        return fileURLToPath(uri);
      } catch {
        // Not a local path (a file URI with a host): treat it as unsaved.
      }
    }
    return path.join(root, 'untitled.md');
  };

  const lintVersion = async (document: TextDocument): Promise<Linted> => {
    const version = document.version;
    const text = document.getText();
    const lines = new DocumentLines(text);
    const filePath = filePathOf(document.uri);
    const displayPath = relativeInside(root, filePath) || filePath;
    linter ??= new WorkerLinter(root, budget);
    try {
      const outcome = await linter.lint(text, filePath, displayPath);
      lastProblem.delete(document.uri);
      return { version, lines, outcome };
    } catch (error) {
      const { message, expected } = describe(error);
      if (lastProblem.get(document.uri) !== message) {
        lastProblem.set(document.uri, message);
        connection.console.error(`${TOOL_NAME}: ${displayPath}: ${message}`);
        if (!expected && error instanceof Error && error.stack) connection.console.error(error.stack);
      }
      return { version, lines, problem: message };
    }
  };

  const publish = (uri: string, state: Linted): void => {
    void connection.sendDiagnostics({ uri, version: state.version, diagnostics: diagnosticsOf(state) });
    if (lensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };

  const lintNow = async (uri: string): Promise<void> => {
    if (running.has(uri)) {
      again.add(uri);
      return;
    }
    running.add(uri);
    try {
      do {
        again.delete(uri);
        const document = documents.get(uri);
        if (!document || !isMarkdown(document)) break;
        const state = await lintVersion(document);
        // The editor moved on while this version was linted; its newer text is linted next.
        if (documents.get(uri)?.version !== state.version) continue;
        linted.set(uri, state);
        publish(uri, state);
      } while (again.has(uri));
    } finally {
      running.delete(uri);
    }
  };

  const schedule = (uri: string, delay: number): void => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        // A bug of ours is logged, not left to end the process: the editor keeps its server.
        lintNow(uri).catch((error: unknown) => connection.console.error(`${TOOL_NAME}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      }, delay),
    );
  };

  const relintAll = (): void => {
    for (const document of documents.all()) if (isMarkdown(document)) schedule(document.uri, 0);
  };

  /** The lint of the version the editor has now, if it is done. */
  const current = (uri: string): Linted | undefined => {
    const state = linted.get(uri);
    return state && state.version === documents.get(uri)?.version ? state : undefined;
  };

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) root = fileURLToPath(folder);
    lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    watchConfigs = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: TOOL_NAME, version: packageVersion() },
    };
  });
  connection.onInitialized(() => {
    const seconds = budget.timeoutMs > 0 ? `${budget.timeoutMs / 1000} s` : 'no deadline';
    connection.console.info(`${TOOL_NAME} ${packageVersion()} language server: configuration from each document's folder, work budget ${seconds} per document`);
    // An edited configuration file changes every open document's findings.
    if (watchConfigs) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: SEARCH_PLACES.map((name) => ({ globPattern: `**/${name}` })) }).catch(() => undefined);
  });
  connection.onDidChangeWatchedFiles(() => relintAll());

  documents.onDidOpen((event) => {
    openedAt.set(event.document.uri, event.document.version);
    if (isMarkdown(event.document)) schedule(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    const { uri, version } = event.document;
    // Also fired for the open, whose lint is already scheduled without the pause.
    if (isMarkdown(event.document) && openedAt.get(uri) !== version) schedule(uri, DEBOUNCE_MS);
  });
  documents.onDidSave((event) => {
    const { uri } = event.document;
    if (isMarkdown(event.document)) schedule(uri, 0);
    else if ((SEARCH_PLACES as readonly string[]).includes(path.posix.basename(uri))) relintAll();
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    linted.delete(uri);
    lastProblem.delete(uri);
    openedAt.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover((params) => {
    const state = current(params.textDocument.uri);
    return state ? hoverAt(state, params.position) : null;
  });
  connection.onCodeAction((params) => {
    const state = current(params.textDocument.uri);
    return state ? codeActionsFor(params.textDocument.uri, state, params.range) : [];
  });
  connection.onCodeLens((params) => {
    const state = current(params.textDocument.uri);
    return state ? codeLensesOf(state) : [];
  });
  connection.onShutdown(async () => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    await linter?.close();
  });

  documents.listen(connection);
  connection.listen();
  // The connection exits the process when the editor sends `exit` or closes stdin.
  return new Promise<number>(() => undefined);
}
