/**
 * The house rules of docs/ARCHITECTURE.md, checked against the code: every source file belongs to
 * one layer (a stage folder, or a public entry point), every import goes to a layer its own layer
 * may import (the table in ARCHITECTURE.md is read, so the page and the code cannot drift apart),
 * and no file reaches itself through its imports (type-only imports count: they tie modules together
 * for a reader just the same).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

interface Layer {
  name: string;
  /** Folders (ending in /) or files, relative to the repository. */
  places: string[];
  mayImport: Set<string>;
}

/** The layer table between the `layers:start` and `layers:end` markers of docs/ARCHITECTURE.md. */
function readLayers(markdown: string): Layer[] {
  const start = markdown.indexOf('<!-- layers:start -->');
  const end = markdown.indexOf('<!-- layers:end -->');
  if (start < 0 || end < start) throw new Error('docs/ARCHITECTURE.md: no layer table between <!-- layers:start --> and <!-- layers:end -->');
  const rows = markdown
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1); // the header
  const names = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  return rows.map((row) => {
    const cells = row.split('|').slice(1, -1).map((c) => c.trim());
    const [name] = names(cells[0] ?? '');
    if (!name || cells.length < 4) throw new Error(`docs/ARCHITECTURE.md: a layer row needs a name, places, what it owns and what it may import: ${row}`);
    return { name, places: names(cells[1] ?? ''), mayImport: new Set(names(cells[3] ?? '')) };
  });
}

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.ts')) out.push(rel);
    }
  };
  walk(folder);
  return out.sort();
}

/** Relative imports of a file (static, type-only, re-exports and dynamic), as repository paths of .ts files. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts'));
}

function layerOf(file: string, layers: readonly Layer[]): Layer | undefined {
  return layers.find((layer) => layer.places.some((place) => (place.endsWith('/') ? file.startsWith(place) : file === place)));
}

type Graph = ReadonlyMap<string, readonly string[]>;

/** Every import that leaves its layer for one it may not import: "from -> to (layer -> layer)". */
export function forbiddenArrows(graph: Graph, layers: readonly Layer[]): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const own = layerOf(from, layers);
    for (const to of targets) {
      const other = layerOf(to, layers);
      if (!own || !other || own === other) continue;
      if (!own.mayImport.has(other.name)) out.push(`${from} -> ${to} (${own.name} may not import ${other.name})`);
    }
  }
  return out;
}

/** The import circles of a graph, each as the path around it ("a -> b -> a"), one per strongly connected group. */
export function importCircles(graph: Graph): string[] {
  // Tarjan's algorithm, iterative enough for a few hundred files.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  // Name each circle by one concrete path through its group, from its first file back to it.
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length) {
      const node = queue.shift()!;
      for (const next of graph.get(node) ?? []) {
        if (!members.has(next)) continue;
        if (next === start) {
          const chain: string[] = [];
          for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) chain.unshift(at);
          return [start, ...chain, start].join(' -> ');
        }
        if (!previous.has(next)) {
          previous.set(next, node);
          queue.push(next);
        }
      }
    }
    return group.join(' -> ');
  });
}

const architecture = readFileSync(path.join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
const layers = readLayers(architecture);
const files = [...sourceFiles('src'), ...sourceFiles('rules')];
const graph: Graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('architecture (docs/ARCHITECTURE.md)', () => {
  it('names each layer once, and each layer it allows exists', () => {
    const names = layers.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    for (const layer of layers) for (const name of layer.mayImport) expect(names, `${layer.name} may import ${name}`).toContain(name);
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it('places every file of src/ and rules/ in exactly one layer; src/ holds only the entry points outside a stage folder', () => {
    const homeless = files.filter((file) => !layerOf(file, layers));
    expect(homeless).toEqual([]);
    const loose = files.filter((file) => /^src\/[^/]+\.ts$/.test(file));
    expect(loose).toEqual(['src/api.ts', 'src/index.ts']);
    for (const layer of layers) for (const place of layer.places) expect(statSync(path.join(root, place)), place).toBeTruthy();
  });

  it('every import points to a layer its own may import', () => {
    expect(forbiddenArrows(graph, layers)).toEqual([]);
  });

  it('has no import circle', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it('the rule-author surface (src/rule/) imports nothing above the document model', () => {
    const rule = layers.find((l) => l.name === 'rule');
    expect([...(rule?.mayImport ?? [])].sort()).toEqual(['document', 'support']);
  });

  it('the checks can fail: a circle and an upward arrow in a made-up graph are both found', () => {
    const made: Graph = new Map([
      ['src/document/a.ts', ['src/engine/b.ts']],
      ['src/engine/b.ts', ['src/document/a.ts']],
      ['src/engine/c.ts', ['src/engine/c.ts']],
    ]);
    expect(importCircles(made)).toEqual(['src/document/a.ts -> src/engine/b.ts -> src/document/a.ts', 'src/engine/c.ts -> src/engine/c.ts']);
    expect(forbiddenArrows(made, layers)).toEqual(['src/document/a.ts -> src/engine/b.ts (document may not import engine)']);
  });
});
