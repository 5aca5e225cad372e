/**
 * `--cache`: results of files whose content and configuration have not changed, kept in one JSON
 * file between runs (ESLint's `.eslintcache`, with a stricter key). Imported only when `--cache` is
 * given.
 *
 * A cached result is reused only when all of these are what they were when it was stored:
 * - the tool: its version, the code that lints (every file of the running build: the bundle, or
 *   `src/` and `rules/` unbundled; hashed once per run, so a rebuild with the same version number
 *   still invalidates) and
 *   the installed versions of its dependencies (the markdown parser decides positions);
 * - the file's content (a SHA-256 of the decoded text: the text is read anyway, for the report and
 *   for the same read errors a fresh run gives, and hashing it costs ~25 ms per 1,000 answers);
 * - its name as reported (`filePath`) and the configuration resolved for it (every rule's severity
 *   and options after presets, overrides and `--rule`), `--report-unused-disable-directives`, and
 *   the plugins that configuration loads (a local plugin by its file's content, a package by its
 *   name, version and main file's content).
 * Inline directives are part of the content. The cache never decides anything else: a cache file
 * that is missing, unreadable, truncated, corrupt or someone else's is ignored and rewritten.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RulesSource } from '../config/configure.js';
import type { LintResult, ResolvedConfig } from '../engine/types.js';
import { describeFsError } from './files.js';
import { writeAtomically } from './outputs.js';
import { TOOL_NAME, packageVersion } from '../support/project.js';

/** Default cache file name, in the working directory (or in the folder `--cache-location` names). */
export const DEFAULT_CACHE_FILE = '.mlsd-lintcache';
/** Marks our cache files; bump `CACHE_VERSION` when the layout changes. */
const CACHE_FORMAT = 'mlsd-lint-cache';
const CACHE_VERSION = 1;

interface Entry {
  /** Hash of the configuration key and the reported file name. */
  key: string;
  /** Hash of the decoded text. */
  content: string;
  result: LintResult;
}

interface CacheFile {
  format: typeof CACHE_FORMAT;
  version: number;
  /** Hash of the tool version, its code and its dependencies: entries of another tool are dropped. */
  tool: string;
  entries: Record<string, Entry>;
}

function sha256(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** The hash of an answer's text, as the cache compares it. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so equal values always hash the same. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * `--cache-location`: a file, or a folder (an existing directory, or a path ending in a slash) that
 * gets `.mlsd-lintcache` inside it. Relative to `cwd`; the default is `.mlsd-lintcache` there.
 */
export async function resolveCacheLocation(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return path.resolve(cwd, DEFAULT_CACHE_FILE);
  const absolute = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(absolute, DEFAULT_CACHE_FILE);
  try {
    if ((await stat(absolute)).isDirectory()) return path.join(absolute, DEFAULT_CACHE_FILE);
  } catch {
    // Not there yet: a file to create.
  }
  return absolute;
}

/** The folder holding the running build (dist/) or, from source, the repository. */
function codeRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/bundle/<chunk>.js, or (dist/)src/run/cache.(j|t)s
  return path.basename(here) === 'bundle' ? path.dirname(here) : path.resolve(here, '..', '..');
}

/**
 * The folders of the code that is running: the bundle (dist/bundle/, what the executable runs),
 * or, unbundled, src/ and rules/ (tsc's build, or the sources under test). Only those: the bundle
 * is made from dist/src/ and dist/rules/, so hashing them too would read everything twice.
 */
function codeFolders(): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (path.basename(here) === 'bundle') return [here];
  return ['src', 'rules'].map((folder) => path.join(codeRoot(), folder));
}

// The tool key reads ~70 code files and ~100 package.json files once per run: synchronous reads
// take ~10 ms where awaiting each one takes ~100 ms.

function filesUnder(directory: string): string[] {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && /\.(?:[cm]?js|ts)$/.test(e.name) && !/\.d\.[cm]?ts$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readPackageJson(directory: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

/** The installed copy of `name` seen from `from`: Node's lookup through `node_modules` folders upward. */
function findPackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `name@version` of every installed package in the dependency tree of `root`, sorted. */
function dependencyVersions(root: string): string[] {
  const seen = new Set<string>();
  const found = new Set<string>();
  const visit = (directory: string, pkg: PackageJson): void => {
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      const where = findPackage(name, directory);
      if (!where) continue;
      let real = where;
      try {
        real = realpathSync(where);
      } catch {
        // Keep the path as found.
      }
      if (seen.has(real)) continue;
      seen.add(real);
      const dependency = readPackageJson(real);
      if (!dependency) continue;
      found.add(`${dependency.name ?? name}@${dependency.version ?? '?'}`);
      visit(real, dependency);
    }
  };
  const own = readPackageJson(root);
  if (own) visit(root, own);
  return [...found].sort();
}

/** The package folder of the running code: the nearest folder upward with our package.json. */
function packageRoot(): string | undefined {
  for (let dir = codeRoot(); ; dir = path.dirname(dir)) {
    if (readPackageJson(dir)?.name === TOOL_NAME) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

let memoToolKey: string | undefined;

/**
 * What identifies the tool that produced a result: version, code and dependencies. Computed once
 * per process.
 */
export function toolKey(): string {
  if (memoToolKey !== undefined) return memoToolKey;
  const root = codeRoot();
  const hash = createHash('sha256').update(`${TOOL_NAME}@${packageVersion()}\0`);
  for (const folder of codeFolders()) {
    for (const file of filesUnder(folder)) {
      hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  const pkg = packageRoot();
  if (pkg) hash.update(dependencyVersions(pkg).join('\n'));
  return (memoToolKey = hash.digest('hex'));
}

async function fileHash(file: string): Promise<string> {
  try {
    return createHash('sha256').update(await readFile(file)).digest('hex');
  } catch (error) {
    return `unreadable: ${describeFsError(error)}`;
  }
}

/** The package.json above a resolved plugin module: the plugin package's own. */
function pluginPackage(resolved: string): PackageJson | undefined {
  for (let dir = path.dirname(resolved); ; dir = path.dirname(dir)) {
    const pkg = readPackageJson(dir);
    if (pkg?.name) return pkg;
    if (path.dirname(dir) === dir || path.basename(dir) === 'node_modules') return undefined;
  }
}

function isLocal(specifier: string): boolean {
  return specifier.startsWith('.') || path.isAbsolute(specifier);
}

/** What identifies a configuration's plugins: a local file by its content, a package by name, version and main file. */
async function pluginIdentities(source: RulesSource): Promise<unknown[]> {
  return Promise.all(
    source.plugins.map(async (plugin) => {
      const content = await fileHash(plugin.resolved);
      if (isLocal(plugin.specifier)) return { specifier: plugin.specifier, content };
      const pkg = pluginPackage(plugin.resolved);
      return { specifier: plugin.specifier, name: pkg?.name, version: pkg?.version, content };
    }),
  );
}

function isResult(value: unknown, filePath: string): value is LintResult {
  const r = value as Partial<LintResult> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.filePath === filePath &&
    typeof r.score === 'number' &&
    Array.isArray(r.signals) &&
    Array.isArray(r.messages) &&
    typeof r.errorCount === 'number' &&
    typeof r.warningCount === 'number'
  );
}

function isEntry(value: unknown): value is Entry {
  const e = value as Partial<Entry> | null;
  return typeof e === 'object' && e !== null && typeof e.key === 'string' && typeof e.content === 'string' && typeof e.result === 'object';
}

/** The cache file's text, or undefined when it is missing, unreadable or not a regular file (a FIFO would block). */
async function readCacheFile(file: string): Promise<string | undefined> {
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

export interface CacheKeyOptions {
  reportUnusedDisableDirectives: boolean;
}

/** One run's view of the cache file: look up, record, save. */
export class LintCache {
  private readonly entries: Map<string, Entry>;
  private readonly used = new Set<string>();
  private readonly configKeys = new Map<ResolvedConfig, Promise<string>>();
  private readonly pluginKeys = new Map<RulesSource, Promise<unknown[]>>();
  private dirty: boolean;

  private constructor(
    readonly file: string,
    private readonly tool: string,
    entries: Record<string, Entry> | undefined,
  ) {
    this.entries = new Map(Object.entries(entries ?? {}));
    this.dirty = entries === undefined;
  }

  /** Read the cache file; anything but a valid cache of this tool starts an empty one. Never throws. */
  static async open(file: string): Promise<LintCache> {
    const tool = toolKey();
    const text = await readCacheFile(file);
    let entries: Record<string, Entry> | undefined;
    if (text !== undefined) {
      try {
        const data = JSON.parse(text) as Partial<CacheFile> | null;
        if (data && data.format === CACHE_FORMAT && data.version === CACHE_VERSION && data.tool === tool && data.entries && typeof data.entries === 'object' && !Array.isArray(data.entries)) {
          entries = data.entries;
        }
      } catch {
        // Truncated or not JSON: start over.
      }
    }
    return new LintCache(file, tool, entries);
  }

  /** The key of one file's result: its configuration (with plugins), the options that change results and its reported name. */
  async keyFor(config: ResolvedConfig, source: RulesSource, displayPath: string, options: CacheKeyOptions): Promise<string> {
    let configKey = this.configKeys.get(config);
    if (!configKey) {
      let plugins = this.pluginKeys.get(source);
      if (!plugins) this.pluginKeys.set(source, (plugins = pluginIdentities(source)));
      const settled = plugins;
      configKey = (async () =>
        sha256(
          stableJson({
            rules: [...config.rules.keys()].map((id) => {
              const setting = config.settings.get(id);
              return [id, setting?.severity, setting?.options];
            }),
            plugins: await settled,
            reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
          }),
        ))();
      this.configKeys.set(config, configKey);
    }
    return sha256(await configKey, displayPath);
  }

  /** The stored result for this file, key and content, if there is one. */
  get(absolutePath: string, key: string, content: string): LintResult | undefined {
    const entry = this.entries.get(absolutePath);
    if (!isEntry(entry) || entry.key !== key || entry.content !== content) return undefined;
    // A well-formed file that someone edited by hand still must not put a malformed result in a report.
    const filePath = (entry.result as { filePath?: unknown }).filePath;
    if (typeof filePath !== 'string' || !isResult(entry.result, filePath)) return undefined;
    this.used.add(absolutePath);
    return entry.result;
  }

  set(absolutePath: string, key: string, content: string, result: LintResult): void {
    this.entries.set(absolutePath, { key, content, result });
    this.used.add(absolutePath);
    this.dirty = true;
  }

  /**
   * Write the cache atomically (a temporary file beside it, then a rename), without entries for
   * files that no longer exist. Skipped when nothing changed. Resolves to a one-line problem when it
   * cannot be written; never throws.
   */
  async save(): Promise<string | undefined> {
    const others = [...this.entries.keys()].filter((file) => !this.used.has(file));
    const gone = await Promise.all(others.map((file) => access(file).then(() => false, () => true)));
    others.forEach((file, i) => {
      if (gone[i]) {
        this.entries.delete(file);
        this.dirty = true;
      }
    });
    if (!this.dirty) return undefined;
    const data: CacheFile = { format: CACHE_FORMAT, version: CACHE_VERSION, tool: this.tool, entries: Object.fromEntries(this.entries) };
    try {
      await writeAtomically(this.file, JSON.stringify(data));
      this.dirty = false;
      return undefined;
    } catch (error) {
      return `cannot write the cache ${this.file}: ${describeFsError(error)}`;
    }
  }
}
