// The source table of the evaluation corpus (eval/corpus/SOURCES.tsv): one row per document, with
// its repository, path, commit, licence, kind, part (tuning | check) and where its text is
// (in-repo under docs/, or private: rebuilt from a snapshot, never committed).
import { readFileSync } from 'node:fs';

export function readSources(file) {
  const [head, ...rows] = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t'));
  return rows.map((cells) => Object.fromEntries(head.map((name, i) => [name, cells[i] ?? ''])));
}
