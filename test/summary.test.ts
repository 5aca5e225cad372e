import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lintTextSync } from '../src/api.js';
import formatHtml from '../src/formatters/html.js';
import formatMarkdown, { stepSummary } from '../src/formatters/markdown.js';
import { summarise } from '../src/formatters/summary.js';
import type { FormatterContext } from '../src/formatters/types.js';
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

  describe('as a section of the markdown and html reports', () => {
    const context: FormatterContext = { cwd: '/repo', color: false, rulesMeta: new Map(builtinRules.map((r) => [r.id, r.meta])) };
    const weak = lintTextSync(WEAK_TEXT, { filePath: 'docs/weak.md' });
    const high = lintTextSync(HIGH_TEXT, { filePath: 'docs/high|<b>.md' });

    it('opens a report of several files with the figures of -f summary, the weakest linked to their sections', () => {
      const s = summarise([weak, high]);
      const markdown = formatMarkdown([weak, high], context);
      const [head, rest] = markdown.split('\n## Summary\n');
      expect(head).toMatch(/^# mlsd-lint report\n\n2 files: \d+ errors?, \d+ warnings?\.\n$/);
      expect(rest?.indexOf('\n## docs/weak.md: score')).toBeGreaterThan(0);
      expect(rest).toContain(`Scores: median ${s.score?.median}, quartiles ${s.score?.q1}-${s.score?.q3}, lowest ${s.score?.min}, highest ${s.score?.max}.`);
      const monitoring = s.signals.find((r) => r.id === 'monitoring');
      const share = (n: number) => `${Math.round((n / 2) * 100)}%`;
      expect(rest).toContain(`| Monitoring with actions (\`monitoring\`) | ${share(monitoring?.high ?? 0)} | ${share(monitoring?.weak ?? 0)} | ${share(monitoring?.missing ?? 0)} | 0 |`);
      // Paths from the repository are escaped like everything else taken from it.
      expect(rest).toContain(`Weakest 2 files:\n\n1. docs/weak.md: score ${weak.score}/100\n2. docs/high\\|\\<b\\>.md: score ${high.score}/100\n`);
      expect(stepSummary([weak, high], context)).toBe(markdown);

      const html = formatHtml([high, weak], context);
      expect(html.indexOf('<h2 id="summary">Summary</h2>')).toBeLessThan(html.indexOf('<h2 id="index">Files</h2>'));
      expect(html).toContain(`<li><a href="#file-2">docs/weak.md</a> <span class="muted">score ${weak.score}</span></li><li><a href="#file-1">docs/high|&lt;b&gt;.md</a>`);
    });

    it('leaves a one-file report as it was: no summary', () => {
      expect(formatMarkdown([weak], context)).not.toContain('## Summary');
      expect(formatHtml([weak], context)).not.toContain('id="summary"');
    });

    it('keeps the summary in a job summary cut to one row per file, unless it alone would fill it', () => {
      const many = Array.from({ length: 300 }, (_, i) => ({ ...weak, filePath: `docs/${i}.md`, score: i % 100 }));
      const brief = stepSummary(many, context, 20_000);
      expect(Buffer.byteLength(brief)).toBeLessThanOrEqual(20_000);
      expect(brief).toMatch(/in brief:\n\n## Summary\n[\s\S]*\n\| File \| Score \| Errors \| Warnings \|\n/);
      expect(stepSummary(many, context, 1_500)).not.toContain('## Summary');
    });
  });
});

