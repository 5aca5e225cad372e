/**
 * Inline directives: disable / enable ranges, disable-next-line (the next block), disable-file,
 * reasons after `--`, unknown rules, unused directives, and what they leave alone (signal rows,
 * the score, code blocks).
 */
import { describe, expect, it } from 'vitest';
import { lintTextSync } from '../src/api.js';
import type { LintResult } from '../src/engine/types.js';
import { HIGH_TEXT, WEAK_TEXT, runCli } from './helpers.js';

// A vague phrase in a sentence no signal reports (a signal's report would subsume it: one finding per problem).
const VAGUE = 'We keep things tidy as needed.';
const lint = (text: string, reportUnusedDisableDirectives = false): LintResult => lintTextSync(text, { reportUnusedDisableDirectives });
const vagueLines = (result: LintResult) => [...new Set(result.messages.filter((m) => m.ruleId === 'vague-language').map((m) => m.line))];
const ids = (result: LintResult) => new Set(result.messages.map((m) => m.ruleId));

describe('disable and enable', () => {
  it('disable with a list silences those rules from the comment on, until enable', () => {
    const text = [VAGUE, '', '<!-- mlsd-lint-disable vague-language -- drafts -->', '', VAGUE, '', '<!-- mlsd-lint-enable vague-language -->', '', VAGUE].join('\n');
    expect(vagueLines(lint(text))).toEqual([1, 9]);
  });

  it('disable without a list silences every rule; enable without a list restores all', () => {
    const text = ['<!-- mlsd-lint-disable -->', '', VAGUE, '', '<!-- mlsd-lint-enable -->', '', VAGUE].join('\n');
    const result = lint(text);
    expect(result.messages.every((m) => m.line >= 5)).toBe(true);
    expect(vagueLines(result)).toEqual([7]);
  });

  it('enable of one rule after disable-all re-enables only that rule', () => {
    const text = ['<!-- mlsd-lint-disable -->', '<!-- mlsd-lint-enable vague-language -->', '', VAGUE].join('\n');
    const result = lint(text);
    expect([...ids(result)]).toEqual(['vague-language']);
  });

  it('takes comma- or space-separated lists, and ignores the reason after --', () => {
    const text = `<!-- mlsd-lint-disable vague-language,retraining  monitoring -- vague on purpose, see review -->\n\n${VAGUE}`;
    const result = lint(text);
    for (const id of ['vague-language', 'retraining', 'monitoring']) expect(ids(result).has(id)).toBe(false);
    expect(ids(result).has('feedback-loop')).toBe(true);
    expect(ids(result).has('invalid-directive')).toBe(false);
  });
});

describe('disable-next-line: the next block', () => {
  it('covers the whole next paragraph, even over several lines, and nothing after it', () => {
    const text = ['<!-- mlsd-lint-disable-next-line vague-language -->', VAGUE, `Then ${VAGUE}`, '', VAGUE].join('\n');
    expect(vagueLines(lint(text))).toEqual([5]);
  });

  it('skips stacked directive comments to reach the block', () => {
    const text = ['<!-- mlsd-lint-disable-next-line retraining -->', '<!-- mlsd-lint-disable-next-line vague-language -->', VAGUE, '', VAGUE].join('\n');
    expect(vagueLines(lint(text))).toEqual([5]);
  });

  it('inside a paragraph, applies to the block after that paragraph', () => {
    const text = [`${VAGUE} <!-- mlsd-lint-disable-next-line vague-language -->`, '', VAGUE, '', VAGUE].join('\n');
    expect(vagueLines(lint(text))).toEqual([1, 5]);
  });

  it('before a list covers the whole list; inside a list item, the next block of the item', () => {
    const list = ['<!-- mlsd-lint-disable-next-line vague-language -->', `- ${VAGUE}`, `- ${VAGUE}`, '', VAGUE].join('\n');
    expect(vagueLines(lint(list))).toEqual([5]);
    const item = [`- first`, '  <!-- mlsd-lint-disable-next-line vague-language -->', `  ${VAGUE}`, `- ${VAGUE}`].join('\n');
    expect(vagueLines(lint(item))).toEqual([4]);
  });

  it('before a heading silences a missing-signal finding anchored to that heading', () => {
    const base = `# Reco\n\n## Evaluation\n\nTBD.\n`;
    const anchored = lint(base).messages.find((m) => m.ruleId === 'evaluation');
    expect(anchored?.line).toBe(3);
    const silenced = lint(base.replace('## Evaluation', '<!-- mlsd-lint-disable-next-line evaluation -->\n## Evaluation'));
    expect(ids(silenced).has('evaluation')).toBe(false);
    expect(silenced.messages.length).toBe(lint(base).messages.length - 1);
  });
});

describe('disable-file', () => {
  it('silences the rules in the whole file wherever it stands', () => {
    const text = [VAGUE, '', VAGUE, '', '<!-- mlsd-lint-disable-file vague-language, feedback-loop -->'].join('\n');
    const result = lint(text);
    expect(ids(result).has('vague-language')).toBe(false);
    expect(ids(result).has('feedback-loop')).toBe(false);
    expect(ids(result).has('retraining')).toBe(true);
  });

  it('keeps signal rows and the score: directives hide messages, not content', () => {
    const plain = lint(WEAK_TEXT);
    const disabled = lint(`<!-- mlsd-lint-disable-file -->\n\n${WEAK_TEXT}`);
    expect(disabled.messages).toEqual([]);
    expect(disabled.errorCount + disabled.warningCount).toBe(0);
    expect(disabled.score).toBe(plain.score);
    expect(disabled.signals.map((s) => [s.id, s.status])).toEqual(plain.signals.map((s) => [s.id, s.status]));
  });
});

describe('what is not a directive', () => {
  it('a directive in a code block or inline code does nothing', () => {
    const text = ['```markdown', '<!-- mlsd-lint-disable-file -->', '```', '', '`<!-- mlsd-lint-disable-file -->`', '', VAGUE].join('\n');
    expect(vagueLines(lint(text))).toEqual([7]);
  });

  it('other HTML comments are ignored', () => {
    expect(lint(`<!-- TODO: mlsd-lint later -->\n\n${VAGUE}`).messages.some((m) => m.ruleId === 'invalid-directive')).toBe(false);
  });
});

describe('problems with directives', () => {
  it('an unknown rule is a warning with a suggestion, and the known rules in the list still apply', () => {
    const result = lint(`<!-- mlsd-lint-disable vague-languag, retraining -->\n\n${VAGUE}`);
    const invalid = result.messages.filter((m) => m.ruleId === 'invalid-directive');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ severity: 1, line: 1, column: 1, message: 'Unknown rule `vague-languag` in `mlsd-lint-disable` (did you mean `vague-language`?)' });
    expect(ids(result).has('retraining')).toBe(false);
    expect(ids(result).has('vague-language')).toBe(true);
    expect(result.warningCount).toBe(result.messages.filter((m) => m.severity === 1).length);
  });

  it('a list of only unknown rules disables nothing (rather than everything)', () => {
    const result = lint(`<!-- mlsd-lint-disable-file nope -->\n\n${VAGUE}`);
    expect(ids(result).has('vague-language')).toBe(true);
    expect(ids(result).has('invalid-directive')).toBe(true);
  });

  it('a misspelt directive is a warning', () => {
    const [invalid] = lint(`<!-- mlsd-lint-disabel vague-language -->\n\n${VAGUE}`).messages.filter((m) => m.ruleId === 'invalid-directive');
    expect(invalid?.message).toBe('Unknown directive `mlsd-lint-disabel` (did you mean `mlsd-lint-disable`?)');
  });

  it('--report-unused-disable-directives reports a directive that suppressed nothing, naming the unused rules', () => {
    const text = ['<!-- mlsd-lint-disable-next-line vague-language, monitoring -->', VAGUE, '', '<!-- mlsd-lint-disable-file framing-first -->', '', '<!-- mlsd-lint-disable -->'].join('\n');
    expect(lint(text).messages.some((m) => m.ruleId === 'unused-disable-directive')).toBe(false);
    const unused = lint(text, true).messages.filter((m) => m.ruleId === 'unused-disable-directive');
    expect(unused.map((m) => [m.line, m.severity, m.message])).toEqual([
      [1, 1, 'Unused `mlsd-lint-disable-next-line` directive: nothing from `monitoring` was reported in the next block'],
      [4, 1, 'Unused `mlsd-lint-disable-file` directive: nothing from `framing-first` was reported in this file'],
      [6, 1, 'Unused `mlsd-lint-disable` directive: nothing was reported after it'],
    ]);
  });
});

describe('on the command line', () => {
  it('--report-unused-disable-directives turns unused directives into warnings that count', async () => {
    const text = `${HIGH_TEXT}\n\n<!-- mlsd-lint-disable-file scale-latency -->\n`;
    const plain = await runCli(['-', '-f', 'json', '--rule', 'feedback-loop:off'], { input: text });
    const reported = await runCli(['-', '-f', 'json', '--rule', 'feedback-loop:off', '--report-unused-disable-directives', '--max-warnings', String(JSON.parse(plain.stdout)[0].warningCount)], { input: text });
    const [result] = JSON.parse(reported.stdout) as LintResult[];
    expect(result?.messages.filter((m) => m.ruleId === 'unused-disable-directive')).toHaveLength(1);
    expect(reported.code).toBe(1);
    expect(plain.code).toBe(0);
  });
});

describe('one finding per problem', () => {
  const text = 'We retrain periodically.\n\nWe retrain periodically.\n';
  it('a vague phrase in the statement a weak signal reports is not reported again; elsewhere it is', () => {
    const result = lint(text);
    const retraining = result.messages.find((m) => m.ruleId === 'retraining');
    expect(retraining?.line).toBe(1);
    expect(vagueLines(result)).toEqual([3]);
  });

  it('a signal message silenced by a directive no longer covers its statement', () => {
    const result = lint(`<!-- mlsd-lint-disable retraining training-serving-split -->\n\n${text}`);
    expect(result.messages.some((m) => m.ruleId === 'retraining')).toBe(false);
    expect(vagueLines(result)).toEqual([3, 5]);
  });

  it('a missing signal (anchored at a heading or line 1) subsumes nothing', () => {
    const result = lint(`${VAGUE}\n`);
    expect(result.messages.some((m) => m.ruleId === 'feedback-loop' && m.line === 1)).toBe(true);
    expect(vagueLines(result)).toEqual([1]);
  });
});
