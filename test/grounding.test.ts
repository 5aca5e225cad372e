/**
 * Rewrites are grounded in the answer they are made for: they name only the components the answer
 * names or the rubric's own examples, and never contradict the answer's model, stores or scale
 * (scripts/eval/grounding.mjs). Checked on every rewrite offered for our fixtures and for the
 * labelled corpus in eval/ (real answers by other people), and on the cases the rule was made for.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTextSync } from '../src/api.js';
import { Document } from '../src/document/document.js';
import { ROOT } from './helpers.js';
// @ts-expect-error -- a plain ESM script without types
import { rewriteProblems } from '../scripts/eval/grounding.mjs';

const problems = rewriteProblems as (doc: typeof Document, answer: Document, rewrite: string) => string[];

function markdownIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownIn(path.join(dir, e.name)) : e.name.endsWith('.md') && e.name !== 'README.md' ? [path.join(dir, e.name)] : [],
  );
}

function rewritesOf(text: string): Array<{ id: string; suggestion: string }> {
  return lintTextSync(text)
    .signals.filter((s) => s.status !== 'high' && s.judged !== false)
    .map((s) => ({ id: s.id, suggestion: s.suggestion ?? '' }));
}

describe('every rewrite is grounded in its answer', () => {
  const files = [...markdownIn(path.join(ROOT, 'fixtures')), ...markdownIn(path.join(ROOT, 'eval', 'corpus', 'docs'))];
  it('finds the fixtures and the corpus', () => expect(files.length).toBeGreaterThan(200));
  it('names no component the answer and the rubric do not name, and contradicts nothing', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const answer = new Document(text);
      for (const { id, suggestion } of rewritesOf(text)) {
        for (const p of problems(Document, answer, suggestion)) found.push(`${path.relative(ROOT, file)} ${id}: ${p}`);
      }
    }
    expect(found).toEqual([]);
    // Every rewrite of ~200 documents, linted one by one: ~30 s on two busy cores.
  }, 180_000);
});

describe('rewrites build on what the answer says', () => {
  it('an answer with Feast and logged serving features gets the missing check, not the generic layer', () => {
    const text = '# Ads ranking\n\nFeatures live in Feast and are read at request time. We log the features served at ranking time with every impression. The DCN model is retrained daily.\n';
    const skew = lintTextSync(text).signals.find((s) => s.id === 'skew-prevention');
    expect(skew?.status).toBe('weak');
    expect(skew?.suggestion).toMatch(/^To prevent training-serving skew, Feast is the one place every feature is defined/);
    expect(skew?.suggestion).toMatch(/already logs are compared daily with the training values/);
    expect(skew?.suggestion).not.toMatch(/shared feature computation layer/);
  });

  it('an answer built on a deep model is never offered a tree ensemble', () => {
    const text = '# Video recommendations\n\nA two-tower deep model retrieves candidates and a transformer ranks them for each user.\n';
    for (const { suggestion } of rewritesOf(text)) expect(suggestion).not.toMatch(/LightGBM|XGBoost|CatBoost/);
  });

  it('an answer whose model has an ambiguous name (Gemini) is not offered another model', () => {
    const text = '# Help search\n\nArticles are split into chunks and stored in Elasticsearch; a narrow Gemini adapter returns a vector for each chunk, and the nearest chunks answer each question.\n';
    for (const { suggestion } of rewritesOf(text)) expect(suggestion).not.toMatch(/LightGBM|XGBoost|CatBoost/);
  });

  it('an answer sized in billions gets a rewrite sized in billions', () => {
    const text = '# Video recommendations\n\nWe recommend from billions of videos to each viewer; a ranker scores candidates.\n';
    const rewrites = rewritesOf(text);
    expect(rewrites.find((r) => r.id === 'scale-latency')?.suggestion).toMatch(/^Scale and latency: 1 billion videos/);
    for (const { suggestion } of rewrites) expect(suggestion).not.toMatch(/\b10M\b/);
  });

  it('a design without ML gets no ML rewrite', () => {
    const text = ['# URL shortener', '', ...Array.from({ length: 12 }, () => 'The web servers write short links to the database and the cache serves hot redirects for 100M links.')].join('\n\n');
    for (const { suggestion } of rewritesOf(text)) expect(suggestion).not.toMatch(/\b(?:model|features?|training|inference|ranker)\b/i);
  });
});

describe('the model a rewrite names', () => {
  it('is not a storage word that spells like a model ("SSD" disks are not the SSD detector)', () => {
    const text = '# Photo storage\n\nPhotos are kept on SSD nodes for hot reads. A CNN classifier tags each photo at upload; we retrain it periodically.\n';
    for (const { suggestion } of rewritesOf(text)) expect(suggestion).not.toMatch(/SSD model/);
  });
});

describe('follow-up questions are in the answer\'s own words', () => {
  const files = [...markdownIn(path.join(ROOT, 'fixtures')), ...markdownIn(path.join(ROOT, 'eval', 'corpus', 'docs'))];
  it('name no component, metric store or model the answer does not name (not even the rubric\'s examples)', () => {
    const found: string[] = [];
    let asked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const own = new Set(new Document(text).components.map((c) => c.entry.name));
      for (const signal of lintTextSync(text).signals) {
        for (const question of signal.questions ?? []) {
          asked += 1;
          for (const c of new Document(question).components) if (!own.has(c.entry.name)) found.push(`${path.relative(ROOT, file)} ${signal.id}: "${c.entry.name}" in "${question}"`);
        }
      }
    }
    expect(asked).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  }, 180_000);

  it('every judged signal of a thin answer gets two or three questions, none repeated', () => {
    const result = lintTextSync("I'd use a recommendation model with collaborative filtering and serve it via an API.");
    for (const s of result.signals.filter((x) => x.judged !== false && x.status !== 'high')) {
      expect(s.questions?.length, s.id).toBeGreaterThanOrEqual(2);
      expect(s.questions?.length, s.id).toBeLessThanOrEqual(3);
      expect(new Set(s.questions).size).toBe(s.questions?.length);
    }
  });

  it('quote the answer: a weak signal\'s question cites its evidence and the answer\'s own metric', () => {
    const text = '# Ads ranking\n\nWe predict the probability that a user clicks an ad and optimise CTR. We retrain periodically. AUC is the offline metric.\n';
    const retraining = lintTextSync(text).signals.find((s) => s.id === 'retraining');
    expect(retraining?.status).toBe('weak');
    expect(retraining?.questions?.[0]).toBe('You say “We retrain periodically”: what movement in AUC would trigger an earlier retrain, and how would you know it moved before labels arrive?');
  });
});
