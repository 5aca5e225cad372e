/**
 * micromark 4.0.3 (what remark-parse resolves to without the pin) made parsing quadratic in the
 * number of container blocks: on every list item or block quote that closes, it rebuilds the whole
 * document's event list (micromark-util-edit-map's EditMap.consume copies every event) instead of
 * splicing near the end as 4.0.2 did. A list-heavy 400 KB answer takes 20 s instead of 2 s, a 5 MB
 * one minutes. package.json pins 4.0.2 through `overrides`; these checks fail if the pin is lost.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const PINNED = '4.0.2';

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Every installed copy of a package under node_modules, however deeply nested. */
function installedCopies(name: string, dir = path.join(ROOT, 'node_modules'), found: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (entry.startsWith('@')) {
      installedCopies(name, full, found);
      continue;
    }
    if (!statSync(full).isDirectory()) continue;
    if (entry === name && statSync(path.join(full, 'package.json'), { throwIfNoEntry: false })) found.push(full);
    const nested = path.join(full, 'node_modules');
    if (statSync(nested, { throwIfNoEntry: false })?.isDirectory()) installedCopies(name, nested, found);
  }
  return found;
}

/** Where Node's resolution finds a package from a folder (its exports hide package.json from require.resolve). */
function packageDir(name: string, from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (statSync(path.join(candidate, 'package.json'), { throwIfNoEntry: false })) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed (looked from ${from})`);
  }
}

describe('micromark stays on the linear release', () => {
  it('package.json pins micromark exactly through overrides', () => {
    const pkg = readJson(path.join(ROOT, 'package.json')) as { overrides?: Record<string, unknown> };
    expect(pkg.overrides?.micromark).toBe(PINNED);
  });

  it('the lockfile resolves every micromark to the pinned version', () => {
    const lock = readJson(path.join(ROOT, 'package-lock.json')) as { packages: Record<string, { version?: string }> };
    const entries = Object.entries(lock.packages).filter(([key]) => key === 'node_modules/micromark' || key.endsWith('/node_modules/micromark'));
    expect(entries.length).toBeGreaterThan(0);
    for (const [key, entry] of entries) expect(`${key}@${entry.version}`).toBe(`${key}@${PINNED}`);
  });

  it('every installed copy of micromark is the pinned version, including the one remark-parse loads', () => {
    const copies = installedCopies('micromark');
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(`${path.relative(ROOT, copy)}@${(readJson(path.join(copy, 'package.json')) as { version: string }).version}`).toBe(`${path.relative(ROOT, copy)}@${PINNED}`);
    // The copy that the linter's parser actually loads: remark-parse -> mdast-util-from-markdown -> micromark.
    const remarkParse = packageDir('remark-parse', ROOT);
    const micromark = packageDir('micromark', packageDir('mdast-util-from-markdown', remarkParse));
    expect((readJson(path.join(micromark, 'package.json')) as { version: string }).version).toBe(PINNED);
  });
});
