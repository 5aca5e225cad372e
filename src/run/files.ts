/**
 * Command-line arguments -> the answer files to lint, and reading them as text.
 *
 * - A path that exists is taken literally: a file (any extension) is linted as given; a directory is
 *   searched recursively for `*.md` and `*.markdown` (not `.mdx`: its JSX and imports would be read
 *   as prose), skipping `node_modules`, `.git` and other hidden folders.
 * - Otherwise, an argument with glob syntax is expanded (tinyglobby); it selects exactly what it
 *   matches, whatever the extension, but never inside `node_modules` or `.git`.
 * - Files keep the order of the arguments; a directory's or a glob's files are sorted. A file named
 *   twice is linted once. An argument that yields no file is an error (a typo must not pass CI)
 *   unless `errorOnUnmatchedPattern` is false.
 * - Ignored files (`.mlsd-lintignore` in the working directory and `--ignore-pattern`, gitignore
 *   syntax, relative to the working directory) are dropped everywhere, a file named explicitly
 *   included: pre-commit passes staged files by name and the ignore file must still apply. Nothing
 *   inside `node_modules` or `.git` is ever linted.
 *
 * Nothing here writes to the file system.
 */
import { open, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { DecodeError, decodeText } from './decode.js';
import { InputError } from '../support/errors.js';
import { relativeInside } from '../support/paths.js';

export interface InputFile {
  /** Absolute path, used to read the file and find its configuration. */
  path: string;
  /** The path as the user gave it, or joined to the directory or glob it came from: shown in reports. */
  displayPath: string;
}

export const MARKDOWN_EXTENSIONS = ['md', 'markdown'] as const;
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
/** Never searched: dependencies and version control are not answers. */
const NEVER_LINTED = new Set(['node_modules', '.git']);
/** The same folders as glob ignore patterns, so directory and glob expansion never enter them. */
const IGNORED = [...NEVER_LINTED].map((folder) => `**/${folder}/**`);
/** Read from the working directory, like `.eslintignore` was. */
export const IGNORE_FILE = '.mlsd-lintignore';

export interface ExpandOptions {
  /** Extra gitignore-style patterns, relative to `cwd` (`--ignore-pattern`). */
  ignorePatterns?: readonly string[];
  /** Read `.mlsd-lintignore` from `cwd` (default true). */
  useIgnoreFile?: boolean;
  /** A path, directory or glob that yields no file is an InputError (default true). */
  errorOnUnmatchedPattern?: boolean;
}

/** Whether an absolute path is ignored; built once per run. */
type IsIgnored = (absolutePath: string) => boolean;

/**
 * The ignore rules of a run. The `ignore` package (gitignore semantics, as ESLint uses) is only
 * imported when there is an ignore file or a pattern.
 */
export async function loadIgnore(cwd: string, options: ExpandOptions = {}): Promise<IsIgnored> {
  const sources: string[] = [];
  if (options.useIgnoreFile !== false) {
    const file = path.join(cwd, IGNORE_FILE);
    try {
      sources.push(await readFile(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(IGNORE_FILE, describeFsError(error), { cause: error });
    }
  }
  const patterns = (options.ignorePatterns ?? []).filter((p) => p.trim() !== '');
  const neverLinted = (absolute: string) => absolute.split(path.sep).some((part) => NEVER_LINTED.has(part));
  if (sources.length === 0 && patterns.length === 0) return neverLinted;
  const { default: ignore } = await import('ignore');
  // An array is read as one pattern per element: the file's text is added whole, split by `ignore`.
  const rules = ignore().add(sources.join('\n')).add(patterns);
  return (absolute) => {
    if (neverLinted(absolute)) return true;
    // Patterns are relative to the working directory; a file outside it is not theirs to ignore.
    const relative = relativeInside(cwd, absolute);
    if (!relative) return false;
    return rules.ignores(relative.split(path.sep).join('/'));
  };
}

const FS_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'no such file or directory (a parent is not a directory)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, expected a file',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** A one-line description of a file-system error (no stack, no absolute path repeated). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && FS_PROBLEMS[code]) return FS_PROBLEMS[code];
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `cannot read (${code ?? message})`;
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** tinyglobby costs more to import than a small run to lint; only directories and globs need it. */
async function globber(): Promise<typeof import('tinyglobby')> {
  return import('tinyglobby');
}

/** What one argument yielded: its files, or why it yielded none. */
interface Expansion {
  files: InputFile[];
  /** Set when no file came out of it: the one-line reason. */
  unmatched?: string;
}

function notIgnored(files: InputFile[], isIgnored: IsIgnored, none: string, allIgnored: string): Expansion {
  if (files.length === 0) return { files, unmatched: none };
  const kept = files.filter((file) => !isIgnored(file.path));
  return kept.length ? { files: kept } : { files: kept, unmatched: allIgnored };
}

async function expandDirectory(pattern: string, directory: string, isIgnored: IsIgnored): Promise<Expansion> {
  const { glob } = await globber();
  const found = await glob(
    MARKDOWN_EXTENSIONS.map((ext) => `**/*.${ext}`),
    // Case-insensitive so `README.MD` counts; the patterns only constrain the extension.
    { cwd: directory, ignore: IGNORED, dot: false, caseSensitiveMatch: false, expandDirectories: false },
  );
  const files = found.sort(byPath).map((relative) => ({ path: path.join(directory, relative), displayPath: path.join(pattern, relative) }));
  return notIgnored(files, isIgnored, `no markdown files (*.${MARKDOWN_EXTENSIONS.join(', *.')}) in this directory`, 'every markdown file in this directory is ignored');
}

async function expandGlob(pattern: string, cwd: string, isIgnored: IsIgnored): Promise<Expansion> {
  const { glob } = await globber();
  const absolute = path.isAbsolute(pattern);
  const found = await glob(pattern, { cwd, absolute, ignore: IGNORED, expandDirectories: false });
  const files = found.sort(byPath).map((match) => ({ path: path.resolve(cwd, match), displayPath: match }));
  return notIgnored(files, isIgnored, 'no files match this glob', 'every file matching this glob is ignored');
}

async function expandOne(pattern: string, cwd: string, isIgnored: IsIgnored): Promise<Expansion> {
  if (pattern.trim() === '') throw new InputError(JSON.stringify(pattern), 'empty path');
  const absolute = path.resolve(cwd, pattern);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(absolute)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A literal path wins over glob syntax, so `notes[1].md` that exists is read as is.
    if ((code === 'ENOENT' || code === 'ENOTDIR') && (await globber()).isDynamicPattern(pattern)) return expandGlob(pattern, cwd, isIgnored);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { files: [], unmatched: describeFsError(error) };
    throw new InputError(pattern, describeFsError(error), { cause: error });
  }
  if (isDirectory) return expandDirectory(pattern, absolute, isIgnored);
  // A file named explicitly and ignored is skipped without complaint: pre-commit names files.
  return { files: isIgnored(absolute) ? [] : [{ path: absolute, displayPath: pattern }] };
}

/**
 * Turn files, directories and globs into a deduplicated list of files, in argument order, without
 * ignored files. An argument that yields nothing is an InputError unless `errorOnUnmatchedPattern`
 * is false, in which case it is skipped.
 */
export async function expandPatterns(patterns: readonly string[], cwd: string, options: ExpandOptions = {}): Promise<InputFile[]> {
  const isIgnored = await loadIgnore(cwd, options);
  /** Real path -> where it is in `files`, and which argument brought it. */
  const seen = new Map<string, { index: number; argument: number }>();
  const files: InputFile[] = [];
  const depth = (file: InputFile) => file.displayPath.split(/[\\/]/).length;
  for (const [argument, pattern] of patterns.entries()) {
    const expansion = await expandOne(pattern, cwd, isIgnored);
    if (expansion.unmatched !== undefined && options.errorOnUnmatchedPattern !== false) {
      throw new InputError(pattern, expansion.unmatched);
    }
    for (const file of expansion.files) {
      // One file reached by several paths (a symlink, a link back up the tree) is linted once: under
      // the name an earlier argument gave it, else under the most direct of this argument's paths
      // (`docs/a.md`, not `docs/loop/a.md`). A path that does not resolve keeps its own name:
      // reading it reports the problem.
      const key = await realpath(file.path).catch(() => file.path);
      const before = seen.get(key);
      if (!before) {
        seen.set(key, { index: files.length, argument });
        files.push(file);
      } else if (before.argument === argument && depth(file) < depth(files[before.index] as InputFile)) {
        files[before.index] = file;
      }
    }
  }
  return files;
}

/** "12.3 MB", "4 KB", "512 bytes": small limits (tests, --max-file-size 0.001) stay readable. */
function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(2))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

function tooLarge(name: string, bytes: number | undefined, maxBytes: number): InputError {
  const actual = bytes === undefined ? 'larger than' : `${size(bytes)}, above`;
  return new InputError(name, `file is ${actual} the ${size(maxBytes)} limit (see --max-file-size)`);
}

function decode(name: string, bytes: Uint8Array): string {
  try {
    return decodeText(bytes);
  } catch (error) {
    if (error instanceof DecodeError) throw new InputError(name, error.message, { cause: error });
    throw error;
  }
}

/** Read a stream up to `maxBytes`; stops reading as soon as the limit is passed. */
async function readCapped(stream: AsyncIterable<Buffer | string>, name: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > maxBytes) throw tooLarge(name, undefined, maxBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Read one answer file as text; every problem is an InputError naming the file. */
export async function readInputFile(file: InputFile, maxBytes = DEFAULT_MAX_FILE_SIZE): Promise<string> {
  const name = file.displayPath;
  let handle;
  try {
    handle = await open(file.path, 'r');
  } catch (error) {
    throw new InputError(name, describeFsError(error), { cause: error });
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError(name, FS_PROBLEMS.EISDIR as string);
    if (info.isFile()) {
      if (info.size > maxBytes) throw tooLarge(name, info.size, maxBytes);
      return decode(name, await handle.readFile());
    }
    // A pipe or device (`<(cat answer.md)`): its size is unknown until read.
    return decode(name, await readCapped(handle.createReadStream({ autoClose: false }), name, maxBytes));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(name, describeFsError(error), { cause: error });
  } finally {
    await handle.close();
  }
}

/** Read an answer from a stream (stdin), with the same size limit and decoding as files. */
export async function readStreamText(stream: AsyncIterable<Buffer | string>, name: string, maxBytes = DEFAULT_MAX_FILE_SIZE): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readCapped(stream, name, maxBytes);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(name, describeFsError(error), { cause: error });
  }
  return decode(name, bytes);
}
