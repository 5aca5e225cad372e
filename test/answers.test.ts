import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTextSync } from '../src/api.js';
import { ANSWERS } from './helpers.js';

interface Labels {
  docs: Record<string, Record<string, { status: string }>>;
}

const labels = JSON.parse(readFileSync(path.join(ANSWERS, 'labels.json'), 'utf8')) as Labels;

/**
 * Our own labelled answers (fixtures/answers): a regression guard on agreement with hand labels.
 * The labelled corpus of third-party answers is measured by `npm run eval`, not here.
 */
describe('agreement with hand labels on fixtures/answers', () => {
  const rows: Array<{ doc: string; signal: string; expected: string; got: string }> = [];
  for (const [doc, signals] of Object.entries(labels.docs)) {
    const result = lintTextSync(readFileSync(path.join(ANSWERS, doc), 'utf8'), { filePath: doc });
    for (const [signal, label] of Object.entries(signals)) {
      rows.push({ doc, signal, expected: label.status, got: result.signals.find((s) => s.id === signal)?.status ?? 'absent' });
    }
  }

  it('covers every answer and signal', () => {
    expect(rows.length).toBe(Object.keys(labels.docs).length * 11);
  });

  it('agrees on at least 90% of judgements', () => {
    const agree = rows.filter((r) => r.expected === r.got).length;
    const disagreements = rows.filter((r) => r.expected !== r.got).map((r) => `${r.doc} ${r.signal}: ${r.expected} -> ${r.got}`);
    expect(agree / rows.length, disagreements.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('is never high where the label is missing', () => {
    const bad = rows.filter((r) => r.expected === 'missing' && r.got === 'high');
    expect(bad).toEqual([]);
  });
});
