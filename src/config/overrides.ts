import path from 'node:path';
import picomatch from 'picomatch';
import type { UserConfig } from './types.js';

/**
 * Indices of the `overrides` blocks whose `files` globs match a file. Globs are relative to the
 * configuration file's folder, as in ESLint: `drafts/*.md` means the drafts folder beside the
 * config, and `**\/*.md` is needed to reach every folder. A file outside that folder matches none.
 */
export function matchingOverrides(config: UserConfig, configDirectory: string, absolutePath: string): number[] {
  const relative = path.relative(configDirectory, absolutePath).split(path.sep).join('/');
  const indices: number[] = [];
  (config.overrides ?? []).forEach((override, index) => {
    const globs = Array.isArray(override.files) ? override.files : [override.files];
    // `dot`: a hidden folder the user linted on purpose should still match `**`.
    if (picomatch(globs, { dot: true })(relative)) indices.push(index);
  });
  return indices;
}
