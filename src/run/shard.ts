/**
 * `--shard <i>/<n>` (as in Jest and Playwright): the files of a run split into n parts, one per job
 * of a CI matrix. A file's part is decided by a hash of its path relative to the working directory
 * (with `/` separators), not by its place in a sorted list, so adding or removing a file moves no
 * other file, and every machine and OS agrees. The union of the n parts is the unsharded run, each
 * file exactly once.
 */
import path from 'node:path';
import { UsageError } from '../support/errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `"2/4"` -> { index: 2, count: 4 }; anything else is a usage error. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`Invalid --shard "${value}", expected <i>/<n> with 1 <= i <= n (for example 2/4)`);
  }
  return { index, count };
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The 1-based part a file falls in, from its path relative to `cwd`. */
export function shardOf(cwd: string, file: string, count: number): number {
  const key = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  return (fnv1a(key) % count) + 1;
}

export function inShard(cwd: string, file: string, shard: Shard): boolean {
  return shardOf(cwd, file, shard.count) === shard.index;
}
