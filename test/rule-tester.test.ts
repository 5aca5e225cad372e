/**
 * RuleTester: used on built-in rules and on the example plugin (each case its own vitest test),
 * and its own failure modes, run standalone so that they throw.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import retraining from '../rules/retraining.js';
import vagueLanguage from '../rules/vague-language.js';
import framingFirst from '../rules/framing-first.js';
import { defineRule } from '../src/rule/define.js';
import type { AnyRule } from '../src/rule/types.js';
import { RuleTester, RuleTesterError } from '../src/rule/tester.js';
import { installExamplePlugin, tempTree } from './helpers.js';

// vitest has no globals here: hand the tester its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

const trees: Array<{ cleanup(): void }> = [];
afterAll(() => trees.forEach((t) => t.cleanup()));

const tester = new RuleTester();

tester.run(retraining, {
  valid: [
    { text: 'We retrain weekly on a rolling 90-day window, with an automated performance check that triggers emergency retraining if AUC drops below 0.82.', status: 'high' },
    // A weak status whose message is switched off by the rule's own option.
    { text: 'We retrain the model periodically as needed.', options: { weak: 'off' }, status: 'weak' },
  ],
  invalid: [
    {
      text: 'We retrain the model periodically as needed.',
      status: 'weak',
      messages: [{ messageId: 'weak', line: 1, column: 1, data: { detail: 'cadence or trigger', evidence: 'We retrain the model periodically as needed.' } }],
    },
    { text: '# Reco\n\nThe model is a two-tower network.', status: 'missing', messages: [{ messageId: 'missing', line: 1 }] },
  ],
});

tester.run(vagueLanguage, {
  valid: ['We retrain weekly on a rolling 90-day window.'],
  invalid: [
    {
      text: 'We retrain periodically.',
      messages: [{ messageId: 'vague', line: 1, column: 12, endLine: 1, endColumn: 24 }],
    },
  ],
});

tester.run(framingFirst, {
  valid: ["We're predicting the probability of a click, optimizing for CTR. The ranker is LightGBM."],
  invalid: [{ text: 'The model is a two-tower network with 256-dimensional embeddings.', messages: [{ messageId: 'neverFramed' }] }],
});

describe('the example plugin', async () => {
  const t = tempTree();
  trees.push(t);
  const entry = installExamplePlugin(t.dir);
  const plugin = (await import(pathToFileURL(entry).href)) as { default: { rules: AnyRule[] }; costAwareness: AnyRule };
  new RuleTester().run(plugin.costAwareness, {
    valid: [{ text: 'Serving costs about $12k a month on 40 GPUs.', status: 'high' }, { text: 'Budget: 20,000 USD per month for inference.', status: 'high' }],
    invalid: [
      { text: 'GPU serving is expensive, so we batch requests.', status: 'weak', messages: [{ messageId: 'weak', data: { evidence: 'GPU serving is expensive, so we batch requests.' } }] },
      { text: 'We rank with LightGBM.', status: 'missing', messages: [{ messageId: 'missing', line: 1, column: 1 }] },
    ],
  });
});

/** Run the tester as a script would: no describe/it, so it throws. */
function standalone(run: () => void): string {
  const saved = { describe: RuleTester.describe, it: RuleTester.it };
  RuleTester.describe = undefined;
  RuleTester.it = undefined;
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  } finally {
    Object.assign(RuleTester, saved);
  }
  throw new Error('expected the tester to throw');
}

const toy = defineRule({
  id: 'toy/no-todo',
  meta: { description: 'No TODO left in the answer', rationale: 'A TODO is an unanswered question.', defaultSeverity: 'warn', messages: { todo: 'TODO left: `{text}`' } },
  check({ document, report }) {
    for (const s of document.sentences) if (/\bTODO\b/.test(s.text)) report({ messageId: 'todo', data: { text: s.text }, at: s });
  },
});

describe('RuleTester failure modes (standalone: it throws, naming the rule and case)', () => {
  afterEach(() => {
    expect(RuleTester.describe).toBe(describe);
  });

  it('passes silently when every case holds', () => {
    const saved = { describe: RuleTester.describe, it: RuleTester.it };
    RuleTester.describe = undefined;
    RuleTester.it = undefined;
    try {
      expect(() => new RuleTester().run(toy, { valid: ['All done.'], invalid: [{ text: 'TODO: metrics.', messages: [{ messageId: 'todo', line: 1, column: 1, data: { text: 'TODO: metrics.' } }] }] })).not.toThrow();
    } finally {
      Object.assign(RuleTester, saved);
    }
  });

  it('a valid case with a message', () => {
    const message = standalone(() => new RuleTester().run(toy, { valid: ['TODO: metrics.'], invalid: [] }));
    expect(message).toContain('1 of 1 cases of rule "toy/no-todo" failed');
    expect(message).toContain('toy/no-todo valid[0]: expected no message from "toy/no-todo", got 1');
  });

  it('an invalid case whose messages differ in count, position or text', () => {
    expect(standalone(() => new RuleTester().run(toy, { valid: [], invalid: [{ text: 'TODO one. TODO two.', messages: [{ messageId: 'todo' }] }] }))).toContain('expected 1 message(s) from "toy/no-todo", got 2');
    expect(standalone(() => new RuleTester().run(toy, { valid: [], invalid: [{ text: 'TODO one.', messages: [{ messageId: 'todo', line: 2 }] }] }))).toContain('messages[0] line: expected 2, got 1');
    expect(standalone(() => new RuleTester().run(toy, { valid: [], invalid: [{ text: 'TODO one.', messages: [{ messageId: 'todo', data: { text: 'TODO two.' } }] }] }))).toContain(
      'messages[0] text (from data): expected "TODO left: `TODO two.`", got "TODO left: `TODO one.`"',
    );
    expect(standalone(() => new RuleTester().run(toy, { valid: [], invalid: [{ text: 'All done.', messages: [{ messageId: 'todo' }] }] }))).toContain('got 0');
  });

  it('an unknown message id, an empty messages list, unknown keys', () => {
    expect(standalone(() => new RuleTester().run(toy, { valid: [], invalid: [{ text: 'TODO.', messages: [{ messageId: 'tood' as 'todo' }] }] }))).toContain(
      'messages[0].messageId "tood" is not a message of "toy/no-todo" (known: todo)',
    );
    expect(standalone(() => new RuleTester().run(toy, { valid: [], invalid: [{ text: 'TODO.', messages: [] }] }))).toContain('needs `messages`, a non-empty array');
    expect(standalone(() => new RuleTester().run(toy, { valid: [{ text: 'ok', errors: [] } as never], invalid: [] }))).toContain('unknown key "errors"');
    expect(standalone(() => new RuleTester().run(toy, { valid: [], invalid: [{ text: 'TODO.', messages: [{ messageId: 'todo', lin: 1 } as never] }] }))).toContain('unknown key "lin"');
  });

  it('duplicate cases', () => {
    const message = standalone(() => new RuleTester().run(toy, { valid: ['All done.', { text: 'All done.' }], invalid: [] }));
    expect(message).toContain('toy/no-todo valid[1] is a duplicate of an earlier valid case');
  });

  it('a status that does not match, and a status on a rule that judges no signal', () => {
    expect(standalone(() => new RuleTester().run(retraining, { valid: [{ text: 'We retrain periodically.', options: { weak: 'off' }, status: 'high' }], invalid: [] }))).toContain(
      'expected signal "retraining" to be high, got weak',
    );
    expect(standalone(() => new RuleTester().run(toy, { valid: [{ text: 'ok', status: 'high' }], invalid: [] }))).toContain('`status` is only for signal rules');
  });

  it('bad options, named as in configuration', () => {
    expect(standalone(() => new RuleTester().run(retraining, { valid: [{ text: 'x', options: { weak: 'loud' as never } }], invalid: [] }))).toContain('Unexpected value "loud" for option `weak` of `retraining`');
    expect(() => new RuleTester({ option: {} } as never)).toThrow(RuleTesterError);
  });

  it('a rule that changes the Document', () => {
    const mutator = defineRule({
      id: 'toy/mutator',
      meta: { description: 'Mutates', rationale: 'To test the tester.', defaultSeverity: 'warn', messages: { m: 'M' } },
      check({ document }) {
        (document.sentences[0] as { text: string }).text = 'changed';
      },
    });
    expect(standalone(() => new RuleTester().run(mutator, { valid: ['Some answer.'], invalid: [] }))).toMatch(
      /rule "toy\/mutator" changed the Document it was given \(document\.\w+\[0\]\.sentences\[0\]\.text\); rules must only read it/,
    );
    const memo = defineRule({
      id: 'toy/memo',
      meta: { description: 'Memoises', rationale: 'Allowed.', defaultSeverity: 'warn', messages: { m: 'M' } },
      check({ document }) {
        document.memo('toy', () => document.sentences.length);
        void document.profile;
      },
    });
    const saved = { describe: RuleTester.describe, it: RuleTester.it };
    RuleTester.describe = undefined;
    RuleTester.it = undefined;
    try {
      expect(() => new RuleTester().run(memo, { valid: ['Some answer.'], invalid: [] })).not.toThrow();
    } finally {
      Object.assign(RuleTester, saved);
    }
  });

  it('a rule that reports an unknown message id or crashes', () => {
    const broken = defineRule({
      id: 'toy/broken',
      meta: { description: 'Broken', rationale: 'To test the tester.', defaultSeverity: 'warn', messages: { m: 'M' } },
      check({ report }) {
        report({ messageId: 'nope' as 'm' });
      },
    });
    expect(standalone(() => new RuleTester().run(broken, { valid: ['x'], invalid: [] }))).toContain('rule "toy/broken" reported an unknown message id "nope"');
  });

  it('a rule that defineRule refuses', () => {
    expect(() => new RuleTester().run({ id: 'Bad Id', meta: {}, check() {} } as never, { valid: [], invalid: [] })).toThrow(/id must be kebab-case/);
  });

  it('registers one test per case under describe(rule id) / describe(valid|invalid) when given describe and it', () => {
    const names: string[] = [];
    const bodies: Array<() => void> = [];
    const saved = { describe: RuleTester.describe, it: RuleTester.it };
    RuleTester.describe = (name, body) => {
      names.push(`describe:${name}`);
      body();
    };
    RuleTester.it = (name, body) => {
      names.push(`it:${name}`);
      bodies.push(body);
    };
    try {
      new RuleTester().run(toy, { valid: ['All done.', 'TODO: bad valid.'], invalid: [{ text: 'TODO one.', name: 'named case', messages: [{ messageId: 'todo' }] }] });
    } finally {
      Object.assign(RuleTester, saved);
    }
    expect(names).toEqual(['describe:toy/no-todo', 'describe:valid', 'it:All done.', 'it:TODO: bad valid.', 'describe:invalid', 'it:named case']);
    expect(() => bodies[0]?.()).not.toThrow();
    expect(() => bodies[1]?.()).toThrow(/expected no message/);
    expect(() => bodies[2]?.()).not.toThrow();
  });
});

describe('signals that need a prediction problem (meta.signal.mlOnly)', () => {
  let calls = 0;
  const rule = defineRule({
    id: 'ml-thing',
    meta: {
      description: 'x',
      rationale: 'x',
      signal: { id: 'ml-thing', title: 'ML thing', weight: 5, mlOnly: true },
      defaultSeverity: 'error',
      messages: { weak: 'weak', missing: 'missing' },
    },
    check() {
      calls++;
      return { status: 'high' };
    },
  });

  it('is not run on a document that is not an ML design: missing, not judged, nothing reported', async () => {
    const { runRule } = await import('../src/rule/run.js');
    const { Document } = await import('../src/document/document.js');
    const nonMl = new Document(Array.from({ length: 40 }, () => 'The web servers write pastes to the object store and the cache serves hot reads.').join(' '));
    calls = 0;
    expect(runRule(nonMl, rule, { severity: 2, options: {} })).toEqual({ signal: { id: 'ml-thing', status: 'missing', judged: false, weight: 5 }, messages: [] });
    expect(calls).toBe(0);
    const ml = new Document('We predict whether a user clicks the ad, optimizing CTR.');
    expect(runRule(ml, rule, { severity: 2, options: {} }).signal).toEqual({ id: 'ml-thing', status: 'high', weight: 5 });
    expect(calls).toBe(1);
  });

  it('shows a linked pair of evidence in document order, joined, and points at the first', async () => {
    const { runRule } = await import('../src/rule/run.js');
    const { Document } = await import('../src/document/document.js');
    const doc = new Document('We predict whether a user clicks the ad.\n\nWe optimize CTR per session.\n');
    const [first, second] = doc.blocks.map((b) => b.sentences[0]!);
    const pairRule = (evidence: 'pair' | 'same') =>
      defineRule({
        id: 'pair-thing',
        meta: { description: 'x', rationale: 'x', signal: { id: 'pair-thing', title: 'Pair', weight: 5 }, defaultSeverity: 'error', messages: { weak: 'weak', missing: 'missing' } },
        check: () => ({ status: 'weak', evidence: evidence === 'pair' ? [second!, first!] : [first!, first!] }),
      });
    const pair = runRule(doc, pairRule('pair'), { severity: 2, options: {} });
    expect(pair.signal).toMatchObject({ line: 1, column: 1, evidence: 'We predict whether a user clicks the ad. … We optimize CTR per session.' });
    expect(pair.messages[0]).toMatchObject({ line: 1, column: 1 });
    expect(runRule(doc, pairRule('same'), { severity: 2, options: {} }).signal?.evidence).toBe('We predict whether a user clicks the ad.');
  });

  it('judgedOn names the kinds of document a signal is judged on', async () => {
    const { runRule } = await import('../src/rule/run.js');
    const { Document } = await import('../src/document/document.js');
    const toolingRule = defineRule({
      id: 'tooling-thing',
      meta: { description: 'x', rationale: 'x', signal: { id: 'tooling-thing', title: 'x', weight: 5, judgedOn: ['ml', 'ml-infrastructure'] }, defaultSeverity: 'error', messages: { weak: 'weak', missing: 'missing' } },
      check: () => ({ status: 'weak' }),
    });
    const nonMl = new Document(Array.from({ length: 40 }, () => 'The web servers write pastes to the object store and the cache serves hot reads.').join(' '));
    expect(runRule(nonMl, toolingRule, { severity: 2, options: {} }).signal).toEqual({ id: 'tooling-thing', status: 'missing', judged: false, weight: 5 });
    const tooling = new Document(
      Array.from({ length: 12 }, () => 'The training operator launches PyTorch jobs on Kubernetes, and the serving runtime loads model checkpoints into inference pods on GPU nodes.').join('\n\n'),
    );
    expect(tooling.profile.kind).toBe('ml-infrastructure');
    expect(runRule(tooling, toolingRule, { severity: 2, options: {} }).signal).toMatchObject({ id: 'tooling-thing', status: 'weak' });
    expect(runRule(tooling, rule, { severity: 2, options: {} }).signal).toMatchObject({ judged: false });
  });

  it('a verdict may decline to judge a document; only as missing', async () => {
    const { runRule } = await import('../src/rule/run.js');
    const { Document } = await import('../src/document/document.js');
    const declining = (status: 'missing' | 'weak') =>
      defineRule({
        id: 'declining-thing',
        meta: { description: 'x', rationale: 'x', signal: { id: 'declining-thing', title: 'x', weight: 5 }, defaultSeverity: 'error', messages: { weak: 'weak', missing: 'missing' } },
        check: (context) => {
          context.report({ messageId: 'weak' });
          return { status, judged: false };
        },
      });
    const doc = new Document('We predict whether a user clicks the ad, optimizing CTR.');
    expect(runRule(doc, declining('missing'), { severity: 2, options: {} })).toEqual({ signal: { id: 'declining-thing', status: 'missing', judged: false, weight: 5 }, messages: [] });
    expect(() => runRule(doc, declining('weak'), { severity: 2, options: {} })).toThrow(/not judged must have status "missing"/);
  });

  it('defineRule refuses a judgedOn that is not a list of document kinds', () => {
    expect(() =>
      defineRule({
        id: 'bad-judged-on',
        meta: { description: 'x', rationale: 'x', signal: { id: 'bad-judged-on', title: 'x', weight: 1, judgedOn: ['answers'] as unknown as ['ml'] }, defaultSeverity: 'error', messages: { weak: 'w', missing: 'm' } },
        check: () => ({ status: 'missing' }),
      }),
    ).toThrow(/judgedOn must list document kinds/);
  });

  it('defineRule refuses a non-boolean mlOnly', () => {
    expect(() =>
      defineRule({
        id: 'bad-ml-only',
        meta: { description: 'x', rationale: 'x', signal: { id: 'bad-ml-only', title: 'x', weight: 1, mlOnly: 'yes' as unknown as boolean }, defaultSeverity: 'error', messages: { weak: 'w', missing: 'm' } },
        check: () => ({ status: 'missing' }),
      }),
    ).toThrow(/mlOnly must be a boolean/);
  });
});
