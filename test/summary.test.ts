import { describe, expect, it } from 'vitest';
import { summarise } from '../src/formatters/summary.js';
import type { LintResult, SignalResult } from '../src/engine/types.js';
import { HIGH_TEXT, WEAK_TEXT, runCli, useTempTrees } from './helpers.js';

const tree = useTempTrees();

function result(filePath: string, score: number, statuses: Record<string, SignalResult['status'] | 'not judged'>): LintResult {
  const signals: SignalResult[] = Object.entries(statuses).map(([id, s]) => (s === 'not judged' ? { id, status: 'missing', judged: false } : { id, status: s }));
  return { filePath, kind: 'ml', score, signals, messages: [], errorCount: 0, warningCount: 0 };
}

describe('the repository summary', () => {
  it('spreads the scores (median, quartiles, histogram), shares each signal and lists the weakest; abandoned files stay out', () => {
    const results = [
      result('a.md', 10, { monitoring: 'missing', retraining: 'high' }),
      result('b.md', 40, { monitoring: 'weak', retraining: 'high' }),
      result('c.md', 55, { monitoring: 'missing', retraining: 'not judged' }),
      result('d.md', 90, { monitoring: 'high', retraining: 'weak' }),
      { ...result('e.md', 0, {}), signals: [], fatalErrorCount: 1 },
    ];
    const s = summarise(results);
    expect(s.documents).toBe(5);
    expect(s.notLinted).toBe(1);
    expect(s.score).toMatchObject({ median: 47.5, q1: 32.5, q3: 63.8, min: 10, max: 90 });
    expect(s.score?.histogram.map((b) => b.count)).toEqual([1, 0, 2, 0, 1]);
    expect(s.signals).toEqual([
      { id: 'monitoring', high: 1, weak: 1, missing: 2, notJudged: 0, missingIn: ['a.md', 'c.md'] },
      { id: 'retraining', high: 2, weak: 1, missing: 0, notJudged: 1, missingIn: [] },
    ]);
    expect(s.weakest.map((w) => w.filePath)).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
  });

  it('prints as text (-f summary) and as JSON for dashboards (-f summary-json)', async () => {
    const t = tree({ 'docs/a.md': WEAK_TEXT, 'docs/b.md': HIGH_TEXT, 'docs/c.md': WEAK_TEXT });
    const text = await runCli(['docs', '-f', 'summary', '--no-history'], { cwd: t.dir });
    expect(text.stdout).toMatch(/^mlsd-lint summary: 3 documents\n\nScore: median \d+(\.\d)?, quartiles /);
    expect(text.stdout).toMatch(/\nmonitoring +\d+% +\d+% +\d+% +0\n/);
    expect(text.stdout).toContain('Weakest documents');
    const json = JSON.parse((await runCli(['docs', '-f', 'summary-json', '--no-history'], { cwd: t.dir })).stdout) as ReturnType<typeof summarise>;
    expect(json.documents).toBe(3);
    expect(json.signals).toHaveLength(11);
    expect(json.weakest).toHaveLength(3);
  });
});
