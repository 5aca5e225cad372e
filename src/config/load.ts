/**
 * Find and load configuration files (cosmiconfig), and turn every way that can fail into a
 * one-line ConfigError naming the file and the problem.
 *
 * Search: from the linted file's folder (or the working directory for stdin) upward, stopping after
 * the user's home folder when the file is inside it, else at the file-system root. The first folder
 * with a configuration wins; configurations do not cascade (ESLint's flat-config lesson: one file
 * says everything, so what applies is never a puzzle). `--config <path>` loads that file only.
 *
 * cosmiconfig is imported on first use so that `--help`, `--version` and usage errors stay fast.
 */
import { readdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CosmiconfigResult, Loader, PublicExplorer } from 'cosmiconfig';
import { relativeInside } from '../support/paths.js';
import { validateUserConfig } from './resolve.js';
import { ConfigError, type UserConfig } from './types.js';

export const MODULE_NAME = 'mlsd-lint';

export const SEARCH_PLACES = [
  'package.json',
  `.${MODULE_NAME}rc`,
  `.${MODULE_NAME}rc.json`,
  `.${MODULE_NAME}rc.yaml`,
  `.${MODULE_NAME}rc.yml`,
  `.${MODULE_NAME}rc.js`,
  `.${MODULE_NAME}rc.cjs`,
  `.${MODULE_NAME}rc.mjs`,
  `${MODULE_NAME}.config.js`,
  `${MODULE_NAME}.config.cjs`,
  `${MODULE_NAME}.config.mjs`,
] as const;

/** A configuration file, loaded and checked for shape (rules and options are checked by resolveConfig). */
export interface LoadedConfig {
  /** Absolute path of the file. */
  filepath: string;
  /** How messages name the file: relative to the working directory when inside it. */
  displayPath: string;
  /** Folder that `overrides[].files` globs and local plugin paths are relative to. */
  directory: string;
  config: UserConfig;
}

export interface ConfigLoaderOptions {
  cwd: string;
  /** Load this file only, no search (`--config`). Relative to `cwd`. */
  configFile?: string;
}

export interface ConfigLoader {
  /** The configuration that applies to a file or, for stdin, a folder; `undefined` when there is none. */
  forFile(absolutePath: string): Promise<LoadedConfig | undefined>;
}

/** A parse failure whose message is already one line without the path; `describeLoadError` adds the path. */
class ParseProblem extends Error {}

/** JSON with line and column, instead of parse-json's multi-line code frame. */
const loadJson: Loader = (_filepath, content) => {
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const detail = message.replace(/\s*(?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?/, '').replace(/ while parsing .*$/s, '');
    if (!position) throw new ParseProblem(`invalid JSON: ${detail}`);
    const before = content.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new ParseProblem(`invalid JSON at line ${line}, column ${column}: ${detail}`);
  }
};

/** Import JS configs directly: cosmiconfig's fallback to `require` would run a throwing config twice. */
const loadJs: Loader = async (filepath) => {
  const module = (await import(pathToFileURL(filepath).href)) as { default?: unknown };
  return snapshot(module.default);
};

/**
 * A JS configuration as plain data, read once, here: a getter that throws, a proxy or a cycle is a
 * problem with the file (one line, exit 2), not a crash later in validation.
 */
function snapshot(value: unknown): unknown {
  const seen = new Set<object>();
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (seen.has(v)) throw new ParseProblem('the exported configuration refers to itself (a cycle)');
    seen.add(v);
    const out: unknown = Array.isArray(v) ? v.map(copy) : Object.fromEntries(Object.keys(v).map((key) => [key, copy((v as Record<string, unknown>)[key])]));
    seen.delete(v);
    return out;
  };
  try {
    return copy(value);
  } catch (error) {
    if (error instanceof ParseProblem) throw error;
    throw new ParseProblem(`reading the exported configuration threw: ${firstLine(error instanceof Error ? error.message : String(error))}`);
  }
}

/** cosmiconfig would transpile TypeScript next to the file; we do not write beside the user's files. */
const loadTs: Loader = () => {
  throw new ParseProblem('TypeScript configuration is not supported, use .js, .mjs, .cjs, .json or .yaml');
};

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}

function isJs(filepath: string): boolean {
  return /\.[cm]?js$/.test(filepath);
}

/** One line: what went wrong while reading or parsing a configuration file. */
function describeLoadError(error: unknown, filepath: string): string {
  if (error instanceof ParseProblem) return error.message;
  const e = error as { name?: string; code?: string; message?: string; reason?: string; mark?: { line: number; column: number } };
  if (e?.name === 'YAMLException' && e.reason) {
    return `invalid YAML${e.mark ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}` : ''}: ${e.reason}`;
  }
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EISDIR') return 'is a directory, expected a configuration file';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  const message = firstLine(e?.message ?? String(error));
  if (isJs(filepath)) return `failed to load: ${e?.name && e.name !== 'Error' ? `${e.name}: ` : ''}${message}`;
  return `cannot read: ${message}`;
}

export function displayPath(filepath: string, cwd: string): string {
  return relativeInside(cwd, filepath) || filepath;
}

function toLoaded(result: CosmiconfigResult, display: string): LoadedConfig {
  if (!result) throw new ConfigError(`${display}: no configuration found in this file`);
  if (result.isEmpty || result.config === undefined) {
    throw new ConfigError(`${display}: ${isJs(result.filepath) ? 'exports no configuration, expected an object' : 'empty configuration file'}`);
  }
  return { filepath: result.filepath, displayPath: display, directory: path.dirname(result.filepath), config: validateUserConfig(result.config, display) };
}

/**
 * cosmiconfig reads a `null` document as "no configuration here" and moves on; in a file named
 * like ours it is a mistake (package.json without our key is still skipped, as it should be).
 */
function nullIsAnError(loader: Loader): Loader {
  return async (filepath, content) => {
    const value: unknown = await loader(filepath, content);
    if (value === null && path.basename(filepath) !== 'package.json') {
      const onlyComments = content.split('\n').every((line) => /^\s*(?:#.*)?$/.test(line));
      throw new ParseProblem(onlyComments ? 'empty configuration file' : 'configuration is null, expected an object');
    }
    return value;
  };
}

async function createExplorer(): Promise<PublicExplorer> {
  // cosmiconfig is CommonJS: its exports are the module object, which Node also gives as `default`
  // (and a bundled chunk gives only as `default`).
  const loaded = (await import('cosmiconfig')) as typeof import('cosmiconfig') & { default?: typeof import('cosmiconfig') };
  const { cosmiconfig, defaultLoaders } = loaded.default ?? loaded;
  const loadYaml = nullIsAnError(defaultLoaders['.yaml'] as Loader);
  return cosmiconfig(MODULE_NAME, {
    searchPlaces: [...SEARCH_PLACES],
    packageProp: MODULE_NAME,
    // The upward walk is ours (see `search`), so cosmiconfig looks in one folder at a time and never
    // in the global ~/.config folder its "global" strategy adds.
    searchStrategy: 'none',
    // An empty configuration file is a mistake to report, not a reason to keep searching.
    ignoreEmptySearchPlaces: false,
    loaders: {
      '.json': nullIsAnError(loadJson),
      '.yaml': loadYaml,
      '.yml': loadYaml,
      '.js': loadJs,
      '.cjs': loadJs,
      '.mjs': loadJs,
      '.ts': loadTs,
      noExt: loadYaml,
      // `--config` may name any file: JSON is YAML, so YAML reads both.
      default: loadYaml,
    },
  });
}

/**
 * True when a folder certainly holds no configuration: none of our file names, and no package.json
 * or one that is valid JSON without our name in it. Most folders of a search are like that, and
 * answering without cosmiconfig keeps it (and its YAML parser, ~25 ms) out of runs that have no
 * configuration. Anything else, an unreadable folder included, goes to cosmiconfig as before.
 */
async function surelyNoConfig(folder: string): Promise<boolean> {
  let names: Set<string>;
  try {
    // Lower case: on a case-insensitive disk cosmiconfig would find `.MLSD-LINTRC` too.
    names = new Set((await readdir(folder)).map((name) => name.toLowerCase()));
  } catch {
    return false;
  }
  if (SEARCH_PLACES.some((place) => place !== 'package.json' && names.has(place))) return false;
  if (!names.has('package.json')) return true;
  try {
    const text = await readFile(path.join(folder, 'package.json'), 'utf8');
    if (text.includes(MODULE_NAME)) return false;
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Folders from `start` upward: through the home folder when `start` is inside it, else to the root. */
export function searchFolders(start: string, home = homedir()): string[] {
  const insideHome = relativeInside(home, start) !== undefined;
  const folders: string[] = [];
  let current = start;
  for (;;) {
    folders.push(current);
    const parent = path.dirname(current);
    if (parent === current || (insideHome && current === home)) break;
    current = parent;
  }
  return folders;
}

/**
 * A loader for one run. It remembers what it found per folder for the run only (no module-level
 * cache), so a long-lived process that calls `lintFiles` again sees edited configuration.
 */
export function createConfigLoader(options: ConfigLoaderOptions): ConfigLoader {
  let explorer: Promise<PublicExplorer> | undefined;
  const getExplorer = () => (explorer ??= createExplorer());
  const byFolder = new Map<string, Promise<LoadedConfig | undefined>>();

  const loadFile = async (file: string): Promise<LoadedConfig> => {
    const absolute = path.resolve(options.cwd, file);
    let result: CosmiconfigResult;
    try {
      result = await (await getExplorer()).load(absolute);
    } catch (error) {
      throw new ConfigError(`${file}: ${describeLoadError(error, absolute)}`, { cause: error });
    }
    return toLoaded(result, file);
  };

  const searchFolder = async (folder: string): Promise<LoadedConfig | undefined> => {
    if (await surelyNoConfig(folder)) return undefined;
    let result: CosmiconfigResult;
    try {
      result = await (await getExplorer()).search(folder);
    } catch (error) {
      const filepath = (error as { filepath?: string }).filepath ?? folder;
      throw new ConfigError(`${displayPath(filepath, options.cwd)}: ${describeLoadError(error, filepath)}`, { cause: error });
    }
    return result ? toLoaded(result, displayPath(result.filepath, options.cwd)) : undefined;
  };

  const search = async (start: string): Promise<LoadedConfig | undefined> => {
    for (const folder of searchFolders(start)) {
      let found = byFolder.get(folder);
      if (!found) byFolder.set(folder, (found = searchFolder(folder)));
      const loaded = await found;
      if (loaded) return loaded;
    }
    return undefined;
  };

  let explicit: Promise<LoadedConfig> | undefined;
  return {
    forFile(absolutePath) {
      if (options.configFile !== undefined) return (explicit ??= loadFile(options.configFile));
      return search(path.dirname(absolutePath));
    },
  };
}
