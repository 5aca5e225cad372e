/**
 * The labelled corpus in eval/ (npm run eval) as a ratchet: agreement with the readers' labels on
 * the documents this repository holds may not fall below the level it has reached
 * (eval/ratchet.json). Raise the level when a change improves it; a change that lowers it must
 * say why, in the same commit, with the new level. Private documents (eval/private/, not in a
 * clone) are left out so the figure is the same everywhere.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const ratchet = JSON.parse(readFileSync(path.join(root, 'eval', 'ratchet.json'), 'utf8')) as { documents: number; agreement: number; kappa: number };

interface Part {
  docs: number;
  agreement: number;
  kappa: number;
}

function runEval(): { parts: { all: Part }; unavailable: string[] } {
  const out = execFileSync(process.execPath, [path.join(root, 'scripts', 'eval.mjs'), '--json', '--private', path.join(root, 'eval', 'no-private-texts')], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out);
}

describe('the labelled corpus (eval/)', () => {
  const report = runEval();

  it('evaluates every labelled document whose text is in the repository', () => {
    expect(report.parts.all.docs).toBe(ratchet.documents);
  });

  it(`agreement does not fall below the level reached (${(ratchet.agreement * 100).toFixed(1)}%, kappa ${ratchet.kappa})`, () => {
    expect(report.parts.all.agreement).toBeGreaterThanOrEqual(ratchet.agreement);
    expect(report.parts.all.kappa).toBeGreaterThanOrEqual(ratchet.kappa);
  });
});

describe('evidence accuracy', async () => {
  const { evidenceMatches } = await import('../scripts/eval.mjs');
  it('counts the reader\'s statement, a clause of it or a cut version of it, and not a different statement', () => {
    const quote = 'We retrain weekly on a rolling 90-day window';
    expect(evidenceMatches('We retrain weekly on a rolling 90-day window, with an automated check that…', quote)).toBe(true);
    expect(evidenceMatches('rolling 90-day window', quote)).toBe(true);
    expect(evidenceMatches('Monitoring: we track feature drift and page the on-call', quote)).toBe(false);
    expect(evidenceMatches(undefined, quote)).toBe(false);
    expect(evidenceMatches(quote, '')).toBe(false);
  });
});
