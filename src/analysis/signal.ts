import type { OptionsSchema } from '../rule/types.js';
import type { Sentence } from '../document/types.js';
import type { Hit } from './terms.js';

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
