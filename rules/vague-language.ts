import { defineRule } from '../src/rule/define.js';
import { answerContext, type AnswerContext } from '../src/analysis/context.js';
import { hitRange, statements } from '../src/analysis/statements.js';
import { findPattern } from '../src/analysis/terms.js';

interface VaguePhrase {
  pattern: RegExp;
  /** What is missing, for the message. */
  hint: string;
  /** A concrete replacement, built from the answer's own context. */
  rewrite: (ctx: AnswerContext) => string;
}

const ranker = (c: AnswerContext): string => (c.model === 'the model' ? 'a LightGBM ranker' : c.model.replace(/^the /, 'a '));

/** Phrases that read as weak signal (rubric: structure findings), each with a concrete rewrite. */
const PHRASES: VaguePhrase[] = [
  {
    pattern: /\b(?:an? |some )(?:recommendation|ml|machine learning|deep learning|classification|prediction|ranking) (?:model|system|algorithm)\b/g,
    hint: 'name the model and what it predicts',
    rewrite: (c) => `${ranker(c)} that predicts ${c.target}`,
  },
  {
    pattern: /\b(?:serve|serving|expose|deploy) (?:it|the model|them) (?:via|through|behind|as) (?:an?|the) (?:rest |http )?(?:api|endpoint|service)\b/g,
    hint: 'state the inference mode and its latency budget',
    rewrite: (c) => `online inference per request, p99 under 100 ms, with features read from ${c.onlineStore}`,
  },
  { pattern: /\bperiodically\b/g, hint: 'give the cadence and the trigger', rewrite: () => 'weekly, and at once if the offline metric drops more than 5%' },
  {
    pattern: /\b(?:as needed|when needed|if needed|when necessary|from time to time|every so often|regularly)\b/g,
    hint: 'say when, with a number',
    rewrite: (c) => `every Monday at 02:00, or when ${c.offlineMetric} drops more than 5%`,
  },
  { pattern: /\blow[- ]latency\b/g, hint: 'give the latency budget', rewrite: () => 'p99 under 100 ms' },
  { pattern: /\b(?:highly |very |massively )?scalable\b/g, hint: 'give the scale', rewrite: (c) => `${c.scale}, 5,000 QPS at peak` },
  { pattern: /\b(?:large|huge|massive|high) (?:scale|traffic|volume)\b|\bat scale\b/g, hint: 'give a figure', rewrite: (c) => c.scale },
  {
    pattern: /\b(?:millions|billions) of (?:users|items|requests|events|videos|products|records)\b/g,
    hint: 'give the figure, not an order of magnitude',
    rewrite: (c) => c.scale,
  },
  {
    pattern: /\bmonitor(?:ing)? (?:the )?(?:model(?:'s)? )?(?:performance|the model|model quality|metrics)\b/g,
    hint: 'name the signals and what they trigger',
    rewrite: (c) => `${c.businessMetric} down more than 10% day over day pages the on-call engineer; feature drift (PSI > 0.2) opens a review`,
  },
  {
    pattern: /\b(?:some|various|several|relevant|useful) features\b/g,
    hint: 'name the features and their freshness',
    rewrite: (c) => `batch: ${c.batchFeature}; real-time: ${c.realtimeFeature}`,
  },
  { pattern: /\betc\.?(?=\W|$)|\band so on\b|\band more\b/g, hint: 'finish the list', rewrite: () => 'name the remaining items, or drop the ending' },
  {
    pattern: /\b(?:state[- ]of[- ]the[- ]art|best[- ]in[- ]class|cutting[- ]edge) (?:model|models|approach|methods?)\b/g,
    hint: 'name it',
    rewrite: (c) => ranker(c),
  },
  { pattern: /\b(?:good|high|better) accuracy\b/g, hint: 'give the metric and its target', rewrite: (c) => `${c.offlineMetric} of at least 0.80 on a held-out week` },
];

export default defineRule({
  id: 'vague-language',
  meta: {
    description: 'Phrases that read as weak signal, each with a concrete rewrite',
    rationale:
      'Guide, "See the transformation": the weak answer ("a recommendation model … serve it via an API") becomes high-signal by naming components, numbers and triggers.',
    defaultSeverity: 'warn',
    subsumedBySignals: true,
    messages: {
      vague: 'Vague phrase `{phrase}`: {hint}',
    },
    options: {
      maxPerPhrase: { type: 'integer', default: 3, minimum: 1, description: 'Report each vague phrase at most this many times' },
    },
    criteria: {
      reported: 'each phrase that reads as weak signal ("a recommendation model", "serve it via an API", "periodically", "low latency", "scalable", "monitor performance", "some features", "etc."), with a concrete rewrite built from the answer.',
      'not reported': 'the answer says things concretely.',
    },
    examples: [
      { title: 'reported', reported: true, text: "I'd use a recommendation model with collaborative filtering and serve it via an API." },
      { title: 'not reported', reported: false, text: 'A LightGBM ranker scores 500 candidates per request within a p99 of 40 ms.' },
    ],
  },
  check({ document: doc, options, report }) {
    const ctx = answerContext(doc);
    for (const phrase of PHRASES) {
      let count = 0;
      for (const s of statements(doc)) {
        for (const hit of findPattern(s, phrase.pattern, 'vague')) {
          if (count >= options.maxPerPhrase) break;
          count++;
          const text = s.text.slice(hit.start, hit.end);
          report({ messageId: 'vague', data: { phrase: text, hint: phrase.hint }, at: hitRange(hit), suggestion: phrase.rewrite(ctx) });
        }
      }
    }
  },
});

