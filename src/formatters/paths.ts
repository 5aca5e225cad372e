/** Paths as CI systems want them: relative to the working directory (the checkout), forward slashes. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { relativeInside } from '../support/paths.js';

/** `filePath` relative to `cwd` with `/` separators, or `undefined` when it lies outside `cwd`. */
export function relativeToCwd(filePath: string, cwd: string): string | undefined {
  const relative = relativeInside(cwd, path.resolve(cwd, filePath));
  return relative ? relative.split(path.sep).join('/') : undefined;
}

/** A relative path as a URI reference: each segment percent-encoded (`<stdin>` -> `%3Cstdin%3E`). */
export function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** An absolute `file:` URI for a path outside the working directory. */
export function absoluteUri(filePath: string, cwd: string): string {
  return pathToFileURL(path.resolve(cwd, filePath)).href;
}
