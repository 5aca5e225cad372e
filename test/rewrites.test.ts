import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTextSync } from '../src/api.js';
import { ROOT } from './helpers.js';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') && name !== 'README.md' ? [full] : [];
  });
}

/**
 * The promise of a rewrite: pasted into the answer as a new paragraph, it lifts its signal to high.
 * Checked for every suggestion on every fixture.
 */
describe('suggested rewrites lift their signal to high', () => {
  const files = markdownFiles(path.join(ROOT, 'fixtures'));
  it('finds fixtures', () => expect(files.length).toBeGreaterThan(100));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const result = lintTextSync(text);
    // A signal that was not judged (an ML signal on a non-ML design) offers no rewrite; nor does one
    // that the document's kind caps (the design of ML tooling earns at most weak on the two flows).
    const weak = result.signals.filter((s) => s.status !== 'high' && s.judged !== false);
    if (weak.length === 0) continue;
    it(path.relative(ROOT, file), () => {
      for (const signal of weak) {
        if (result.kind === 'ml-infrastructure' && signal.suggestion === undefined && signal.status === 'weak') continue;
        expect(signal.suggestion, `${signal.id} has no suggestion`).toBeTruthy();
        expect(signal.suggestion).not.toMatch(/<[a-z][^>]*>|\[[a-z ]+\]|\bTBD\b/i);
        const pasted = `${text.trimEnd()}\n\n${signal.suggestion}\n`;
        const after = lintTextSync(pasted).signals.find((s) => s.id === signal.id);
        expect(after?.status, `${signal.id}: ${signal.suggestion}`).toBe('high');
      }
    });
  }
});

describe('rewrites use the answer\u2019s own context', () => {
  it('an ad-click answer that retrains "periodically" gets its own metric, a cadence, a window and a threshold', () => {
    const text = [
      '# Ad click prediction',
      'We predict the probability that a user clicks an ad, optimizing CTR and ad revenue.',
      'Offline we measure AUC and log loss on a held-out day.',
      'We retrain the model periodically.',
    ].join('\n\n');
    const retraining = lintTextSync(text).signals.find((s) => s.id === 'retraining')!;
    expect(retraining.status).toBe('weak');
    expect(retraining.suggestion).toMatch(/\bAUC\b/);
    expect(retraining.suggestion).toMatch(/\bCTR\b/);
    expect(retraining.suggestion).toMatch(/weekly/);
    expect(retraining.suggestion).toMatch(/90-day window/);
    expect(retraining.suggestion).toMatch(/\d+%/);
    expect(retraining.suggestion).not.toMatch(/recommend/i);
  });

  it('a long prediction target is quoted to a whole word, never cut inside one', () => {
    const text = 'We predict which food establishments are at most risk for the types of violations most likely to spread foodborne illness, and inspectors visit them first.';
    const framing = lintTextSync(text).signals.find((s) => s.id === 'problem-framing')!;
    expect(framing.suggestion).toMatch(/We're predicting which food establishments/);
    expect(framing.suggestion).not.toMatch(/\bfoo\b/);
  });

  it('a default value or a policy does not make an answer about loans or moderation', () => {
    const text = 'We score each GPU job for the risk that it runs out of memory. By default the scheduler retries a job twice, and the default retry policy can be changed; jobs that violate the quota policy are queued.';
    for (const s of lintTextSync(text).signals) expect(s.suggestion ?? '').not.toMatch(/defaults within|applicant|violates policy|harmful/);
  });

  it('videos and items without anything recommended do not make a recommender', () => {
    const text = 'We detect cars and people in each frame of the uploaded videos. Detections above 0.5 confidence are stored as items, and analysts review the videos and the items flagged in them.';
    for (const s of lintTextSync(text).signals) expect(s.suggestion ?? '').not.toMatch(/recommend/i);
  });

  it('transactions and payments without fraud do not make a fraud answer', () => {
    const text = 'We estimate the cost of each hour of downtime from the payments and transactions lost while the checkout service is down.';
    for (const s of lintTextSync(text).signals) expect(s.suggestion ?? '').not.toMatch(/chargeback|fraud/i);
  });

  it('a fraud answer gets chargebacks as its feedback source', () => {
    const text = 'We score every card transaction for fraud with a gradient-boosted model and block the riskiest ones.';
    const feedback = lintTextSync(text).signals.find((s) => s.id === 'feedback-loop')!;
    expect(feedback.status).toBe('missing');
    expect(feedback.suggestion).toMatch(/chargebacks/);
  });

  it('an answer that names its labels gets them back in the rewrite, with a delay', () => {
    const text = [
      '# Restaurant carousel',
      'We predict the probability that a user orders from a restaurant in the carousel. Orders are the labels.',
    ].join('\n\n');
    const feedback = lintTextSync(text).signals.find((s) => s.id === 'feedback-loop')!;
    expect(feedback.status).toBe('weak');
    expect(feedback.suggestion).toMatch(/^Labels come from orders; these are known within \d+ (?:minutes|hours?|days)\b/);
  });

  it('a label source that is not yet concrete ("user behavior") keeps the answer\u2019s words and adds concrete events', () => {
    const text = '# Search ranking\n\nWe rank products for each search query with a learning-to-rank model. Labels come from user behavior on the results page.';
    const feedback = lintTextSync(text).signals.find((s) => s.id === 'feedback-loop')!;
    expect(feedback.suggestion).toMatch(/^Labels come from user behavior \(clicks on search results\);/);
  });

  it('a pronoun or an adjective is never taken for a label source', () => {
    for (const sentence of ['They are the labels.', 'The labels are noisy.', 'This is the ground truth.']) {
      const text = `# Ads\n\nWe predict the probability that a user clicks an ad. ${sentence}`;
      const feedback = lintTextSync(text).signals.find((s) => s.id === 'feedback-loop')!;
      expect(feedback.suggestion, sentence).toMatch(/^Labels come from ad click and impression logs;/);
    }
  });
});
