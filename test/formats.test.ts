/**
 * The CI formats against what their consumers require: SARIF fields GitHub code scanning needs,
 * workflow-command escaping as @actions/core does it, well-formed JUnit XML (checked by a strict
 * XML 1.0 parser), and markdown whose tables an answer cannot break.
 */
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lintTextSync } from '../src/api.js';
import type { LintResult } from '../src/engine/types.js';
import formatGithub, { escapeData, escapeProperty } from '../src/formatters/github.js';
import formatJunit, { escapeXml } from '../src/formatters/junit.js';
import formatMarkdown, { escapeMarkdown, stepSummary } from '../src/formatters/markdown.js';
import formatSarif, { lineHash, pascalCase, sarifRuleName } from '../src/formatters/sarif.js';
import type { FormatterContext } from '../src/formatters/types.js';
import { REPOSITORY_URL } from '../src/support/project.js';
import { HIGH_TEXT, SIGNAL_IDS, WEAK_TEXT } from './helpers.js';

const rulesMeta = new Map(builtinRules.map((r) => [r.id, r.meta]));
const texts = new Map<string, string>();
const context = (overrides: Partial<FormatterContext> = {}): FormatterContext => ({
  cwd: '/repo',
  color: false,
  rulesMeta,
  version: '1.2.3',
  sourceText: (file) => texts.get(file),
  ...overrides,
});

function lint(text: string, filePath: string): LintResult {
  texts.set(filePath, text);
  return lintTextSync(text, { filePath });
}

const HOSTILE = 'Quote `a|b` <script>x</script> & "q" 50% done,\r\nnext: line\u0000\u001b[31m\u0008 \ud800 end';

function hostileResult(filePath = 'docs/a,b:c%.md'): LintResult {
  return {
    filePath,
    kind: 'ml',
    score: 10,
    signals: [{ id: 'retraining', status: 'weak', line: 2, column: 1, evidence: HOSTILE, suggestion: HOSTILE }, { id: 'monitoring', status: 'high', line: 3, column: 1, evidence: HOSTILE }],
    messages: [
      { ruleId: 'retraining', severity: 2, message: HOSTILE, line: 2, column: 1, endLine: 2, endColumn: 9, suggestion: HOSTILE },
      { ruleId: 'vague-language', severity: 1, message: 'Vague `periodically`', line: 4, column: 3, endLine: 4, endColumn: 15 },
    ],
    errorCount: 1,
    warningCount: 1,
  };
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, unknown> & { id: string; name: string; helpUri?: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
      partialFingerprints: { primaryLocationLineHash: string };
    }>;
  }>;
}

const sarif = (results: LintResult[], overrides: Partial<FormatterContext> = {}) => JSON.parse(formatSarif(results, context(overrides))) as SarifLog;

describe('sarif', () => {
  const weak = lint(`# Design\n\n${WEAK_TEXT}\n\nWe retrain periodically.\n`, '/repo/answers/weak answer.md');
  const log = sarif([weak, lint(HIGH_TEXT, 'high.md')]);
  const run = log.runs[0]!;

  it('has the SARIF 2.1.0 envelope and a tool.driver GitHub accepts', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'mlsd-lint', version: '1.2.3', informationUri: REPOSITORY_URL });
  });

  it('describes every rule once with id, name, descriptions, help (text and markdown) and its doc page', () => {
    const rules = run.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([...builtinRules.map((r) => r.id), 'unused-disable-directive', 'invalid-directive']);
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(rule.name.toLowerCase()).not.toBe(rule.id.toLowerCase());
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.fullDescription.text.length).toBeGreaterThanOrEqual(rule.shortDescription.text.length);
      expect(rule.help.text.length).toBeGreaterThan(10);
      expect(rule.help.markdown.length).toBeGreaterThan(10);
      expect(rule.helpUri).toMatch(new RegExp(`^${REPOSITORY_URL}/blob/main/docs/`));
    }
    const retraining = rules.find((r) => r.id === 'retraining')!;
    expect(retraining.helpUri).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/retraining.md`);
    expect(retraining.help.markdown).toContain('## Why');
    expect(retraining.help.markdown).toContain('We retrain the model periodically as needed.');
    expect(retraining).toMatchObject({ name: 'RetrainingSignal', defaultConfiguration: { level: 'error' } });
  });

  it('gives every message a result: ruleId, ruleIndex, level, text, a relative %SRCROOT% location and a full region', () => {
    const messages = weak.messages.length + (lint(HIGH_TEXT, 'high.md').messages.length);
    expect(run.results).toHaveLength(messages);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(['error', 'warning']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations).toHaveLength(1);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).not.toMatch(/^\/|\\|^\.\.|^[a-z]+:/i);
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) expect(Number.isInteger(region[key]) && region[key] >= 1).toBe(true);
      expect(region.endLine > region.startLine || (region.endLine === region.startLine && region.endColumn >= region.startColumn)).toBe(true);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
    }
    expect(run.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('answers/weak%20answer.md');
    const error = weak.messages.find((m) => m.severity === 2)!;
    const result = run.results.find((r) => r.ruleId === error.ruleId)!;
    expect(result.level).toBe('error');
    expect(result.message.text).toBe(`${error.message}\nRewrite: ${error.suggestion}`);
  });

  it('anchors findings about missing content to a heading or line 1', () => {
    const missing = run.results.filter((r) => r.ruleId === 'feedback-loop' && r.locations[0]?.physicalLocation.artifactLocation.uri.startsWith('answers/'));
    expect(missing).toHaveLength(1);
    expect([1, 3]).toContain(missing[0]!.locations[0]!.physicalLocation.region.startLine);
  });

  it('fingerprints hash the rule and the line text, stable when lines move, unique per occurrence', () => {
    const text = 'We keep things tidy as needed.\n\nWe keep things tidy as needed.\n';
    const a = sarif([lint(text, 'a.md')]).runs[0]!.results.filter((r) => r.ruleId === 'vague-language');
    const b = sarif([lint(`# Added heading\n\nIntro paragraph here.\n\n${text}`, 'a.md')]).runs[0]!.results.filter((r) => r.ruleId === 'vague-language');
    expect(a).toHaveLength(2);
    expect(a.map((r) => r.partialFingerprints.primaryLocationLineHash)).toEqual(b.map((r) => r.partialFingerprints.primaryLocationLineHash));
    const [first, second] = a.map((r) => r.partialFingerprints.primaryLocationLineHash) as [string, string];
    expect(first.split(':')[0]).toBe(second.split(':')[0]);
    expect([first.split(':')[1], second.split(':')[1]]).toEqual(['1', '2']);
    expect(first.split(':')[0]).toBe(lineHash('vague-language', 'We keep things tidy as needed.'));
  });

  it('uses an absolute file URI outside the working directory and encodes odd names', () => {
    const outside = sarif([hostileResult('/elsewhere/a.md'), hostileResult('<stdin>')]).runs[0]!.results;
    expect(outside[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/a.md' });
    expect(outside[2]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' });
  });

  it('is valid for an empty run, and names rules readably', () => {
    expect(sarif([]).runs[0]?.results).toEqual([]);
    expect(pascalCase('training-serving-split')).toBe('TrainingServingSplit');
    expect(sarifRuleName('specificity', true)).toBe('SpecificitySignal');
    expect(sarifRuleName('cost', false)).toBe('CostRule');
    expect(sarifRuleName('acme/cost-check', false)).toBe('AcmeCostCheck');
  });
});

describe('github', () => {
  it('escapes data and properties exactly as @actions/core', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext%3A a%2Cb');
    // `%` first, so an existing escape is not decoded by GitHub.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('prints ::error / ::warning with file, line, endLine, col, endColumn and title', () => {
    const out = formatGithub([hostileResult()], context());
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `::error file=docs/a%2Cb%3Ac%25.md,line=2,endLine=2,col=1,endColumn=9,title=Retraining cadence and thresholds (retraining)::${escapeData(`${HOSTILE}\n\nRewrite: ${HOSTILE}`)}`,
    );
    expect(lines[1]).toBe('::warning file=docs/a%2Cb%3Ac%25.md,line=4,endLine=4,col=3,endColumn=15,title=vague-language::Vague `periodically`');
    // No raw line break can end a command early.
    expect(out.slice(0, -1)).not.toMatch(/\r|\n(?!::)/);
  });

  it('prints nothing for a clean run', () => {
    expect(formatGithub([{ ...hostileResult(), messages: [], errorCount: 0, warningCount: 0 }], context())).toBe('');
  });
});

function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}

describe('junit', () => {
  it('escapes markup and replaces characters XML 1.0 forbids', () => {
    expect(escapeXml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001bc\ud800d\ufffee')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde');
    expect(escapeXml('tab\tline\nret\r')).toBe('tab&#9;line&#10;ret&#13;');
  });

  it('is well-formed XML 1.0 whatever the answer contains', () => {
    const xml = formatJunit([hostileResult(), hostileResult('<weird & "name">.md')], context());
    expect(xmlErrors(xml)).toEqual([]);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('has one testsuite per file and one testcase per signal, failing for reported weak or missing signals', () => {
    const weak = lint(WEAK_TEXT, 'weak.md');
    const xml = formatJunit([weak, lint(HIGH_TEXT, 'high.md')], context());
    expect(xmlErrors(xml)).toEqual([]);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    const suite = xml.slice(xml.indexOf('<testsuite name="weak.md"'), xml.indexOf('</testsuite>'));
    for (const id of SIGNAL_IDS) expect(suite).toContain(`name="${id} (`);
    const signalFailures = weak.messages.filter((m) => SIGNAL_IDS.includes(m.ruleId ?? '')).length;
    const otherFailures = weak.messages.filter((m) => !SIGNAL_IDS.includes(m.ruleId ?? '')).length;
    expect(suite.match(/<testcase /g)).toHaveLength(SIGNAL_IDS.length + otherFailures);
    expect(suite.match(/<failure /g)).toHaveLength(signalFailures + otherFailures);
    expect(suite).toContain(`failures="${signalFailures + otherFailures}"`);
    expect(suite).toMatch(/<failure message="No feedback loop[^"]*" type="error">[^<]*Rewrite: /);
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="mlsd-lint" tests="\d+" failures="\d+" errors="0">/);
  });

  it('does not fail a weak signal whose rule is off (no message)', () => {
    const off = lintTextSync(WEAK_TEXT, { filePath: 'off.md', config: { rules: Object.fromEntries(SIGNAL_IDS.map((id) => [id, 'off'])) } });
    const xml = formatJunit([off], context());
    expect(off.messages.every((m) => !SIGNAL_IDS.includes(m.ruleId ?? ''))).toBe(true);
    expect(xml).toContain(`tests="${11 + off.messages.length}" failures="${off.messages.length}"`);
    expect(xml.match(/<failure /g)?.length ?? 0).toBe(off.messages.length);
  });
});

describe('markdown', () => {
  it('escapes pipes, backticks and markup in embedded text', () => {
    expect(escapeMarkdown('a|b `c` <d> *e* [f](g) &amp;\nnext')).toBe('a\\|b \\`c\\` \\<d\\> \\*e\\* \\[f\\](g) \\&amp; next');
  });

  it('keeps every table row at four cells whatever the evidence holds', () => {
    const out = formatMarkdown([hostileResult()], context());
    const rows = out.split('\n').filter((line) => line.startsWith('| '));
    expect(rows.length).toBe(2 + 2);
    for (const row of rows) {
      // Unescaped pipes delimit cells: | a | b | c | d | has 5.
      expect(row.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(5);
    }
    expect(out).not.toMatch(/<script>|\u001b|\u0000/);
  });

  it('has per file the score, the signal table, weak-signal findings with rewrites and the high signals', () => {
    const out = formatMarkdown([lint(WEAK_TEXT, 'weak.md'), lint(HIGH_TEXT, 'high.md')], context());
    expect(out).toMatch(/^# mlsd-lint report\n\n2 files: \d+ errors?, \d+ warnings?\.\n/);
    expect(out).toMatch(/## weak\.md: score \d+\/100/);
    expect(out).toContain('| Retraining cadence and thresholds (`retraining`) | ❌ missing | - |  |');
    expect(out).toMatch(/### Weak signal \(\d+\)\n\n- \*\*(error|warning)\*\* `/);
    expect(out).toContain('  > **Rewrite:** ');
    expect(out).toMatch(/## high\.md[\s\S]*### High signal \([1-9]\d*\)\n\n- `/);
  });

  it('fits the job summary limit: the full report when small, one row per file when not, cut with a note at the end', () => {
    const results = Array.from({ length: 40 }, (_, i) => ({ ...hostileResult(`answers/${i}.md`), score: i }));
    expect(stepSummary(results, context())).toBe(formatMarkdown(results, context()));
    const brief = stepSummary(results, context(), 5_000);
    expect(Buffer.byteLength(brief)).toBeLessThanOrEqual(5_000);
    expect(brief).toContain('| answers/0.md | 0 | 1 | 1 |');
    const cut = stepSummary(results, context(), 1_000);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(1_000);
    expect(cut).toMatch(/…and \d+ more files\.\n$/);
  });
});
