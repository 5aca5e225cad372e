import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lintTextSync } from '../src/api.js';
import type { LintResult } from '../src/engine/types.js';
import { UsageError } from '../src/support/errors.js';
import { FORMATTER_NAMES, loadFormatter } from '../src/formatters/index.js';
import formatJson from '../src/formatters/json.js';
import formatStylish from '../src/formatters/stylish.js';
import { sanitize, truncate, wrap } from '../src/formatters/text.js';
import type { FormatterContext } from '../src/formatters/types.js';
import { HIGH_TEXT, WEAK_TEXT } from './helpers.js';

const rulesMeta = new Map(builtinRules.map((r) => [r.id, r.meta]));
const context = (overrides: Partial<FormatterContext> = {}): FormatterContext => ({ cwd: '/work', color: false, rulesMeta, ...overrides });
const ANSI = /\u001b\[/;

function result(overrides: Partial<LintResult> = {}): LintResult {
  return {
    filePath: 'answer.md',
    kind: 'ml',
    score: 42,
    signals: [
      { id: 'retraining', status: 'weak', line: 3, column: 5, evidence: 'We retrain periodically.', suggestion: 'We retrain weekly on a rolling 90-day window.', questions: ['What would trigger an earlier retrain?'] },
      { id: 'monitoring', status: 'high', line: 7, column: 1, evidence: 'AUC < 0.80 pages the on-call engineer.' },
      { id: 'feedback-loop', status: 'missing', suggestion: 'Labels come from clicks within 24 hours.' },
    ],
    messages: [
      { ruleId: 'feedback-loop', severity: 2, message: 'No feedback loop', line: 1, column: 1, endLine: 1, endColumn: 9, messageId: 'missing', suggestion: 'Labels come from clicks within 24 hours.' },
      { ruleId: 'retraining', severity: 1, message: 'Retraining has no trigger: `We retrain periodically.`', line: 3, column: 5, messageId: 'weak' },
      { ruleId: 'vague-language', severity: 1, message: 'Vague phrase `periodically`', line: 3, column: 16, endLine: 3, endColumn: 28 },
    ],
    errorCount: 1,
    warningCount: 2,
    ...overrides,
  };
}

describe('loadFormatter', () => {
  it('loads the known formatters by name', async () => {
    expect(FORMATTER_NAMES).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'questions', 'html', 'summary', 'summary-json']);
    expect(await loadFormatter('json')).toBe(formatJson);
    expect(await loadFormatter('stylish')).toBe(formatStylish);
  });

  it('rejects an unknown name with a UsageError listing the formats', async () => {
    await expect(loadFormatter('xml')).rejects.toThrow(UsageError);
    await expect(loadFormatter('xml')).rejects.toThrow('Unknown format "xml", expected one of: stylish, json, sarif, github, junit, markdown, questions, html, summary, summary-json');
    await expect(loadFormatter('toString')).rejects.toThrow(UsageError);
  });
});

describe('json formatter', () => {
  it('emits exactly the contract: no messageId, no signal column, optional keys only when set', () => {
    const parsed = JSON.parse(formatJson([result()], context())) as unknown;
    expect(parsed).toEqual([
      {
        filePath: 'answer.md',
        kind: 'ml',
        score: 42,
        signals: [
          { id: 'retraining', status: 'weak', line: 3, evidence: 'We retrain periodically.', suggestion: 'We retrain weekly on a rolling 90-day window.', questions: ['What would trigger an earlier retrain?'] },
          { id: 'monitoring', status: 'high', line: 7, evidence: 'AUC < 0.80 pages the on-call engineer.', questions: [] },
          { id: 'feedback-loop', status: 'missing', suggestion: 'Labels come from clicks within 24 hours.', questions: [] },
        ],
        messages: [
          { ruleId: 'feedback-loop', severity: 2, message: 'No feedback loop', line: 1, column: 1, endLine: 1, endColumn: 9, suggestion: 'Labels come from clicks within 24 hours.' },
          { ruleId: 'retraining', severity: 1, message: 'Retraining has no trigger: `We retrain periodically.`', line: 3, column: 5 },
          { ruleId: 'vague-language', severity: 1, message: 'Vague phrase `periodically`', line: 3, column: 16, endLine: 3, endColumn: 28 },
        ],
        errorCount: 1,
        warningCount: 2,
      },
    ]);
  });

  it('is valid JSON for an empty run and escapes whatever the answer contains', () => {
    expect(JSON.parse(formatJson([], context()))).toEqual([]);
    const hostile = result({ filePath: 'a"b\n.md', signals: [{ id: 'retraining', status: 'weak', evidence: '\u001b[31m</script>"\\' }] });
    const parsed = JSON.parse(formatJson([hostile], context())) as Array<{ filePath: string; signals: Array<{ evidence: string }> }>;
    expect(parsed[0]?.filePath).toBe('a"b\n.md');
    expect(parsed[0]?.signals[0]?.evidence).toBe('\u001b[31m</script>"\\');
  });
});

describe('stylish formatter', () => {
  it('shows the path, score, signal table, weak and high sections, rewrites and a summary', () => {
    const out = formatStylish([result()], context());
    expect(out).toContain('answer.md  score 42/100');
    expect(out).toMatch(/Signal\s+Status\s+Line\s+Evidence/);
    expect(out).toMatch(/retraining\s+weak\s+3\s+We retrain periodically\./);
    expect(out).toMatch(/feedback-loop\s+missing\s+-/);
    expect(out).toMatch(/Weak signal \(3\)[\s\S]*High signal \(1\)/);
    expect(out).toMatch(/1:1\s+error\s+feedback-loop \(signal\)\n\s+No feedback loop\n\s+→ Rewrite: Labels come from clicks within 24 hours\./);
    expect(out).toMatch(/3:16\s+warn\s+vague-language \(structure\)/);
    expect(out).toMatch(/7\s+monitoring\n\s+“AUC < 0\.80 pages the on-call engineer\.”/);
    expect(out.endsWith('✖ 3 problems (1 error, 2 warnings)\n')).toBe(true);
    expect(out).not.toMatch(ANSI);
  });

  it('colours only when asked', () => {
    expect(formatStylish([result()], context({ color: true }))).toMatch(ANSI);
  });

  it('prints nothing for a clean run, whatever the scores', () => {
    const clean = result({ messages: [], errorCount: 0, warningCount: 0, score: 91 });
    expect(formatStylish([clean], context())).toBe('');
    expect(formatStylish([clean, { ...clean, score: 20 }], context({ color: true }))).toBe('');
    expect(formatStylish([], context())).toBe('');
  });

  it('gives a clean file one line in a run with problems', () => {
    const clean = result({ filePath: 'good.md', messages: [], errorCount: 0, warningCount: 0, score: 95 });
    expect(formatStylish([clean, result()], context())).toMatch(/^good\.md {2}score 95\/100 {2}✔ no problems\n\nanswer\.md/);
  });

  it('wraps to the terminal width', () => {
    const lint = lintTextSync(WEAK_TEXT, { filePath: 'weak.md' });
    for (const width of [80, 100]) {
      const lines = formatStylish([lint], context({ width })).split('\n');
      // A line may only pass the width when it is one unbreakable word after the indent.
      const tooLong = lines.filter((line) => [...line].length > width && line.trim().includes(' '));
      expect(tooLong).toEqual([]);
    }
  });

  it('strips terminal control sequences and bidi overrides from embedded text', () => {
    const hostile = result({
      filePath: 'evil\u001b]0;title\u0007.md',
      messages: [{ ruleId: 'retraining', severity: 2, message: 'Quoted `\u001b[2J\u202ecleared`', line: 1, column: 1, suggestion: 'Rewrite \u009b31m' }],
      signals: [{ id: 'retraining', status: 'high', line: 1, evidence: 'ok \u001b[31mred' }],
    });
    const out = formatStylish([hostile], context());
    expect(out).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    expect(out).toContain('Quoted `[2Jcleared`');
  });

  it('renders the two reference answers', () => {
    const weak = formatStylish([lintTextSync(WEAK_TEXT, { filePath: 'weak.md' })], context());
    expect(weak).toContain('High signal (0)');
    expect(weak).toMatch(/error/);
    const high = formatStylish([lintTextSync(HIGH_TEXT, { filePath: 'high.md' })], context());
    expect(high).toMatch(/High signal \([1-9]\d*\)/);
  });
});

describe('an answer written in another alphabet', () => {
  const russian = [
    '# Рекомендации товаров',
    '',
    'Мы предсказываем вероятность покупки товара и оптимизируем выручку за 7 дней.',
    '',
    'Модель LightGBM переобучается каждую неделю на данных за 90 дней; признаки хранятся в Redis.',
    '',
    'Задержка ответа не более 50 мс при 10 000 запросов в секунду.',
  ].join('\n');

  it('says once that the rules read English, in the report and in json', () => {
    const linted = lintTextSync(russian, { filePath: 'ru.md' });
    expect(linted.script).toBe('Cyrillic');
    const out = formatStylish([linted], context({ width: 200 }));
    expect(out.match(/written mostly in Cyrillic script, and mlsd-lint reads English/g)).toHaveLength(1);
    const [row] = JSON.parse(formatJson([linted], context())) as Array<{ script?: string }>;
    expect(row!.script).toBe('Cyrillic');
  });

  it('an English answer that names a few things in another alphabet, or one in a Latin-script language, gets no note', () => {
    const mixed = lintTextSync(`${HIGH_TEXT}\n\nThe Russian market is labelled "Россия" in the catalogue.`);
    expect(mixed.script).toBeUndefined();
    const spanish = lintTextSync('Predecimos la probabilidad de compra y optimizamos los ingresos de siete días con LightGBM.');
    expect(spanish.script).toBeUndefined();
    expect(formatStylish([mixed, spanish], context({ width: 200 }))).not.toContain('mlsd-lint reads English');
    const [row] = JSON.parse(formatJson([mixed], context())) as Array<Record<string, unknown>>;
    expect(Object.keys(row!)).not.toContain('script');
  });

  it('Hangul, Chinese and the rest are named by their script', () => {
    expect(lintTextSync('사용자가 입력한 텍스트 쿼리를 받아 관련도에 따라 정렬된 동영상 목록을 출력한다.').script).toBe('Hangul');
    expect(lintTextSync('平台按每千次展示期望收入排序，模型每周重新训练。').script).toBe('Chinese');
  });
});

describe('a document that is not an ML design', () => {
  const text = [
    '# URL shortener',
    '',
    ...Array.from({ length: 12 }, () => 'The web servers write short links to the database and the cache serves hot redirects within 10 ms for 100M links.'),
  ].join('\n\n');
  const linted = lintTextSync(text, { filePath: 'shortener.md' });

  it('is judged only on the signals that need no prediction problem, and says so once', () => {
    expect(linted.kind).toBe('non-ml');
    const notJudged = linted.signals.filter((s) => s.judged === false).map((s) => s.id);
    expect(notJudged).toEqual(builtinRules.filter((r) => r.meta.signal?.mlOnly || (r.meta.signal?.judgedOn && !r.meta.signal.judgedOn.includes('non-ml'))).map((r) => r.id));
    for (const s of linted.signals.filter((x) => x.judged === false)) expect(s).toEqual({ id: s.id, status: 'missing', judged: false });
    // No ML finding piles up: nothing is reported for a signal that was not judged.
    expect(linted.messages.filter((m) => notJudged.includes(m.ruleId ?? ''))).toEqual([]);
    const out = formatStylish([linted], context({ width: 200 }));
    expect(out.match(/reads as a system design without machine learning/g)).toHaveLength(1);
    expect(out).toMatch(/problem-framing\s+n\/a/);
    expect(out).not.toMatch(/model/i);
  });

  it('scores only what was judged', () => {
    const judged = linted.signals.filter((s) => s.judged !== false);
    const weights = new Map(builtinRules.map((r) => [r.id, r.meta.signal?.weight ?? 0]));
    const credit = { high: 1, weak: 0.5, missing: 0 } as const;
    const total = judged.reduce((n, s) => n + (weights.get(s.id) ?? 0), 0);
    const earned = judged.reduce((n, s) => n + (weights.get(s.id) ?? 0) * credit[s.status], 0);
    expect(linted.score).toBe(Math.round((earned / total) * 100));
  });

  it('json carries the kind and the not-judged rows; junit skips them', async () => {
    const [row] = JSON.parse(formatJson([linted], context())) as Array<{ kind: string; signals: Array<{ id: string; judged?: boolean }> }>;
    expect(row!.kind).toBe('non-ml');
    expect(row!.signals.find((s) => s.id === 'retraining')).toEqual({ id: 'retraining', status: 'missing', judged: false, questions: [] });
    const junit = (await loadFormatter('junit'))([linted], context());
    expect(junit).toContain('<testcase name="retraining (not judged)" classname="shortener.md">');
    expect(junit).toMatch(/<testsuite name="shortener.md" tests="\d+" failures="\d+" errors="0" skipped="9">/);
    const markdown = (await loadFormatter('markdown'))([linted], context());
    expect(markdown).toContain('| not judged |');
    expect(markdown).toContain('reads as a system design without machine learning');
  });

  it('an ML answer gets no note', () => {
    const ml = lintTextSync(HIGH_TEXT);
    expect(ml.kind).toBe('ml');
    expect(ml.signals.every((s) => s.judged === undefined)).toBe(true);
    expect(formatStylish([ml], context())).not.toContain('reads as');
  });
});

describe('text helpers', () => {
  it('wrap breaks at spaces and keeps long words whole', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('https://example.com/very/long/url next', 10)).toEqual(['https://example.com/very/long/url', 'next']);
    expect(wrap('', 10)).toEqual(['']);
  });

  it('truncate adds an ellipsis within the limit', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });

  it('sanitize flattens newlines and drops control characters', () => {
    expect(sanitize('a\nb\tc\u0000d\u001b[0m')).toBe('a b cd[0m');
  });
});
