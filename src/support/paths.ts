import path from 'node:path';

/**
 * `target` relative to `base` when it is `base` itself ('') or below it; `undefined` when it lies
 * outside (another drive, or up through `..`). Both absolute, or both relative to the same folder.
 */
export function relativeInside(base: string, target: string): string | undefined {
  const relative = path.relative(base, target);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative;
}
