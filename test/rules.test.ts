import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTextSync } from '../src/api.js';
import type { UserConfig } from '../src/config/types.js';
import { builtinRules } from '../rules/index.js';
import { renderRuleDoc, renderRuleIndex } from '../src/cli/rule-docs.js';
import { ROOT, SIGNAL_IDS } from './helpers.js';

const RULE_FIXTURES = path.join(ROOT, 'fixtures', 'rules');
/** A finding rule on its own: every other rule off (a signal's report would subsume a vague phrase). */
const only = (ruleId: string): UserConfig => ({ rules: Object.fromEntries(builtinRules.map((r) => [r.id, r.id === ruleId ? 'warn' : 'off'])) });
const read = (...parts: string[]): string => readFileSync(path.join(...parts), 'utf8');

describe('the reference pair of the rubric', () => {
  const expected = JSON.parse(read(ROOT, 'fixtures', 'reference', 'expected.json')) as Record<string, Record<string, string>>;
  for (const file of ['weak.md', 'high.md']) {
    it(`${file} gets exactly the statuses of the rubric's table`, () => {
      const result = lintTextSync(read(ROOT, 'fixtures', 'reference', file));
      const statuses = Object.fromEntries(result.signals.map((s) => [s.id, s.status]));
      expect(statuses).toEqual(expected[file]);
    });
  }
});

describe('per-rule fixtures (fixtures/rules/<rule>/<expected>-*.md)', () => {
  for (const ruleId of readdirSync(RULE_FIXTURES)) {
    const files = readdirSync(path.join(RULE_FIXTURES, ruleId)).filter((f) => f.endsWith('.md'));
    const isSignal = SIGNAL_IDS.includes(ruleId);
    describe(ruleId, () => {
      it('has both passing and failing cases', () => {
        const prefixes = new Set(files.map((f) => f.split('-')[0]));
        expect(prefixes.size).toBeGreaterThanOrEqual(2);
      });
      for (const file of files) {
        const text = read(RULE_FIXTURES, ruleId, file);
        if (isSignal) {
          const expected = file.split('-')[0];
          it(`${file} is ${expected}`, () => {
            const signal = lintTextSync(text).signals.find((s) => s.id === ruleId);
            expect(signal?.status, signal?.evidence).toBe(expected);
          });
        } else {
          const reported = file.startsWith('not-ok');
          it(`${file} is ${reported ? '' : 'not '}reported`, () => {
            const messages = lintTextSync(text, { config: only(ruleId) }).messages.filter((m) => m.ruleId === ruleId);
            expect(messages.length > 0).toBe(reported);
          });
        }
      }
    });
  }
});

describe('documented examples run as tests', () => {
  for (const rule of builtinRules) {
    for (const example of rule.meta.examples ?? []) {
      it(`${rule.id}: ${example.title}`, () => {
        const result = lintTextSync(example.text);
        if (example.status) {
          expect(result.signals.find((s) => s.id === rule.id)?.status).toBe(example.status);
        } else {
          const own = lintTextSync(example.text, { config: only(rule.id) });
          expect(own.messages.some((m) => m.ruleId === rule.id)).toBe(example.reported);
        }
      });
    }
  }
});

describe('rule metadata', () => {
  it('every built-in rule has a description, a rationale, examples and a doc page', () => {
    for (const rule of builtinRules) {
      expect(rule.meta.description.length, rule.id).toBeGreaterThan(20);
      expect(rule.meta.rationale.length, rule.id).toBeGreaterThan(20);
      expect((rule.meta.examples ?? []).length, rule.id).toBeGreaterThanOrEqual(1);
      expect(rule.meta.criteria, rule.id).toBeDefined();
    }
  });

  it('the doc pages in docs/rules are generated from the current metadata (npm run docs)', () => {
    for (const rule of builtinRules) expect(read(ROOT, 'docs', 'rules', `${rule.id}.md`), rule.id).toBe(renderRuleDoc(rule));
    expect(read(ROOT, 'docs', 'rules', 'README.md')).toBe(renderRuleIndex(builtinRules));
  });

  it('the 11 signal rules are the rubric signals, in its order, and their weights sum to 100', () => {
    const signals = builtinRules.filter((r) => r.meta.signal).map((r) => r.meta.signal!);
    expect(signals.map((s) => s.id)).toEqual(SIGNAL_IDS);
    expect(signals.reduce((sum, s) => sum + s.weight, 0)).toBe(100);
  });

  it('the guide five steps weigh more than the rest', () => {
    const signals = builtinRules.filter((r) => r.meta.signal).map((r) => r.meta.signal!);
    const steps = signals.filter((s) => s.step !== undefined).reduce((sum, s) => sum + s.weight, 0);
    expect(steps).toBeGreaterThan(70);
  });
});

describe('the evidence of a high retraining signal', () => {
  it('is the statement that gives cadence and threshold itself, not an earlier vague mention its section completes', () => {
    const text = '# Ranking\n\n## Retraining\n\nWe retrain periodically.\n\nWe retrain weekly when NDCG@10 drops by 2 points below its 7-day baseline.\n';
    const retraining = lintTextSync(text).signals.find((s) => s.id === 'retraining');
    expect(retraining?.status).toBe('high');
    expect(retraining?.line).toBe(7);
  });
});

describe('a serving path drawn as an arrow chain', () => {
  it('counts wherever it stands, and is the serving half of the evidence', () => {
    const text = '# Search\n\n## Training\n\nA daily job ingests the click logs, computes the features and trains the ranker; we evaluate it on a held-out day.\n\n## Design\n\n- Query understanding -> candidate generation -> stage 1 ranker -> stage 2 ranker -> filter\n';
    const split = lintTextSync(text).signals.find((s) => s.id === 'training-serving-split');
    expect(split?.status).toBe('high');
    expect(split?.evidence).toContain('Query understanding -> candidate generation');
  });
});

describe('the evidence of a weak signal', () => {
  // The closest attempt: not a label (a bullet that only names a topic comes before the statement),
  // and not an option the answer sets aside on the way to the one it takes.
  it.each([
    ['feature-freshness', 'the statement, not the label above it', '# Ads\n\n## Features\n\n- Feature selection\n- We use the number of clicks of the user and the age of the ad as features.\n', 6],
    ['feature-freshness', 'the feature that says how recent it is', '# Feed\n\n## Features\n\n- Demographics of the user (age, gender, country) and the language of the post.\n- The number of likes the author got in the last 7 days, with a time decay.\n', 6],
    ['feedback-loop', 'the statement that says where labels come from', '# Feed\n\n## Data\n\n- Interactions are logged with their labels.\n- Labels: clicks are positives and skipped posts are negatives.\n', 6],
    ['monitoring', 'the statement that watches, not the definition of a metric', '# Moderation\n\n## Monitoring\n\n- Precision: the share of flagged posts that are violations.\n- We track precision weekly on a dashboard.\n', 6],
    ['monitoring', 'the statement, not the label above it', '# Ads\n\n## Monitoring\n\n- Data drift:\n- We monitor data drift in the input features on a dashboard.\n', 6],
    ['inference-mode', 'a full statement of how predictions are served, not a label', '# Moderation\n\n## Prediction service\n\n- 3 main components:\n- The detection service scores each new post and the model runs behind an internal API.\n', 6],
    ['inference-mode', 'the statement, not the label above it', '# Ads\n\n## Serving\n\n- Real-time:\n- The ranker runs in real time behind the ad server.\n', 6],
    ['retraining', 'the mention that says when, not an earlier aside', '# Feed\n\n## Model\n\n- Two towers suit continual learning.\n- We retrain the ranker regularly, as needed.\n', 6],
    ['evaluation', 'the option taken, not the one set aside', '# Search\n\n## Metrics\n\n- precision@k and recall@k do not consider the ranking order\n- Here we use mAP, since registrations are binary relevance.\n', 6],
    ['evaluation', 'the option taken, not the one set aside', '# Fraud\n\n## Metrics\n\n- ❌ Accuracy: predicting no fraud for every transaction scores 99%\n- ✅ PR-AUC: it measures the minority class\n', 6],
  ])('%s cites %s', (id, _why, text, line) => {
    const signal = lintTextSync(text).signals.find((s) => s.id === id);
    expect(signal?.status).toBe('weak');
    expect(signal?.line).toBe(line);
  });
});
