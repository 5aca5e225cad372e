import type { OptionsSchema } from '../rule/types.js';
import type { Sentence } from '../document/types.js';
import type { Hit } from './terms.js';
import { CHOSEN, SET_ASIDE } from './vocabulary/choice.js';

export interface SignalOptions {
  /** Severity of a `weak` status; never above the rule's own severity. */
  weak: 'off' | 'warn' | 'error';
}

/** Options every signal rule takes. */
export const signalOptions: OptionsSchema<SignalOptions> = {
  weak: {
    type: 'string',
    enum: ['off', 'warn', 'error'],
    default: 'warn',
    description: 'Severity of a weak status (the rule severity applies to missing; weak is never reported above it)',
  },
};

/** Quote a piece of the answer for a message: one line, no backticks, at most `max` characters. */
export function quote(text: string, max = 70): string {
  const clean = text.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  // Cut at a word boundary, not mid-word.
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/(?<![\s,;:.(–—-])[\s,;:.(–—-]+$/u, '')}…`;
}

/** The sentence of the first hit, for evidence. */
export function sentenceOf(hit: Hit | undefined): Sentence | undefined {
  return hit?.sentence;
}

/**
 * The statement that carries most of a criterion: among hits tagged with what they show (a stage,
 * a kind of signal, a component), the sentence with the most distinct tags plus its `bonus` (the
 * steps of an arrow chain), the first on a tie; a hit whose tag is undefined only puts its sentence
 * in the running. Readers quote the statement that earns a status (an arrow chain of four serving
 * stages, the line with both the scale and the latency), not the first one that shares a word with it.
 */
export function richestSentence<T extends { sentence: Sentence }>(
  hits: readonly T[],
  tag: (hit: T) => string | undefined,
  bonus: (sentence: Sentence) => number = () => 0,
): Sentence | undefined {
  const tags = new Map<Sentence, Set<string>>();
  for (const hit of hits) {
    let set = tags.get(hit.sentence);
    if (!set) tags.set(hit.sentence, (set = new Set()));
    const t = tag(hit);
    if (t !== undefined) set.add(t);
  }
  let best: Sentence | undefined;
  let bestScore = -1;
  for (const [sentence, set] of tags) {
    // A full statement before a fragment: a label or a lead-in ("Data sources", "Three feature
    // families dominate:") names a topic, it does not say what the answer does.
    const score = (isFragment(sentence) ? 0 : 1000) + set.size + bonus(sentence);
    if (score > bestScore || (score === bestScore && best && sentence.start < best.start)) {
      best = sentence;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The closest attempt among the candidates, for the evidence of a weak status: a full statement
 * before a fragment (a label such as "Feature selection" or "3 main components:" names a topic, it
 * is not an attempt), then the one that touches more of the criterion (`affinity`, when the rule
 * measures it), an option the answer takes before one it sets aside ("❌ accuracy", "precision@k
 * does not consider rank"), then the first in the answer.
 */
export function closestAttempt(candidates: readonly Sentence[], affinity?: (sentence: Sentence) => number): Sentence | undefined {
  let best: Sentence | undefined;
  let bestScore = -Infinity;
  for (const sentence of candidates) {
    // How much of the criterion the statement already touches (a rule's own measure, a few points
    // each) ranks between a full statement and the option it takes.
    const near = affinity ? Math.min(affinity(sentence), 4) * 15 : 0;
    const score = (isFragment(sentence) ? 0 : 100) + near + (SET_ASIDE.test(sentence.text) ? -50 : CHOSEN.test(sentence.text) ? 10 : 0);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best;
}

/** Under four words, or a lead-in that ends in a colon. */
export function isFragment(sentence: Sentence): boolean {
  return sentence.words.length < 4 || /:\s*$/.test(sentence.text);
}
