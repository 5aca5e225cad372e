import type { RuleEntry } from './types.js';

/** Signals of the guide's five steps: a missing one is an error under `recommended`. */
export const FIVE_STEP_SIGNALS = [
  'problem-framing',
  'feedback-loop',
  'training-serving-split',
  'feature-freshness',
  'skew-prevention',
  'monitoring',
  'retraining',
] as const;

export const OTHER_SIGNALS = ['inference-mode', 'scale-latency', 'evaluation', 'specificity'] as const;
export const STRUCTURE_RULES = ['framing-first', 'model-heavy', 'vague-language'] as const;

function entries(ids: readonly string[], entry: RuleEntry): Record<string, RuleEntry> {
  return Object.fromEntries(ids.map((id) => [id, entry]));
}

/**
 * `recommended` (the default): a missing five-step signal is an error, so a hook or CI check fails
 * on the guide's weak answer; weak signals and everything else are warnings.
 * `strict`: weak or missing, every signal is an error, and so is every structure finding.
 */
export const PRESETS: Record<string, Record<string, RuleEntry>> = {
  recommended: {
    ...entries(FIVE_STEP_SIGNALS, 'error'),
    ...entries(OTHER_SIGNALS, 'warn'),
    ...entries(STRUCTURE_RULES, 'warn'),
  },
  strict: {
    ...entries([...FIVE_STEP_SIGNALS, ...OTHER_SIGNALS], ['error', { weak: 'error' }]),
    ...entries(STRUCTURE_RULES, 'error'),
  },
};
