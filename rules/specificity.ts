import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { ComponentMention, Quantity } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { richestSentence, signalOptions } from '../src/analysis/signal.js';
import { ownWords } from '../src/analysis/follow-up.js';
import { codeFigures } from '../src/analysis/code.js';
import { statements } from '../src/analysis/statements.js';

/** Named components said (not negated, not in questions or placeholders). */
function namedComponents(doc: Document): ComponentMention[] {
  return doc.memo('named-components', () =>
    doc.components.filter((c) => !c.sentence.isHeading && !c.sentence.isInstruction && !/\b(?:not|never|instead of|rather than|no|don't|do not|avoid|without)\b[^.;]{0,40}$/i.test(c.sentence.text.slice(0, c.start - c.sentence.start))),
  );
}

/** Design figures: numbers with a unit or a clear quantity (cadence words alone are not numbers). */
function designFigures(doc: Document): Quantity[] {
  return doc.memo('design-figures', () => doc.quantities.filter((q) => q.numeric && !q.sentence.isHeading && !q.sentence.isInstruction));
}

function distinctBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

export default defineRule({
  id: 'specificity',
  meta: {
    description: 'The answer names concrete components and carries numbers with units',
    rationale: 'Guide, step 05: "Specificity here shows production experience."',
    signal: { id: 'specificity', title: 'Specificity', weight: 4, sectionKinds: [] },
    defaultSeverity: 'warn',
    messages: {
      missing: 'No named components and no numbers: name the systems you would use and give figures with units',
      weak: 'Not specific enough: {components} named component(s) (want {minComponents}) and {quantities} figure(s) with units (want {minQuantities})',
    },
    criteria: {
      high: 'at least three distinct named components (Faiss, LightGBM, Kafka, Redis, Spark; generic families such as logistic regression or two-tower do not count) and at least five figures with units (counts, latencies, windows, thresholds).',
      weak: 'some names or figures, fewer than that.',
      missing: 'no named components and no figures.',
    },
    options: {
      weak: { type: 'string', enum: ['off', 'warn', 'error'], default: 'warn', description: 'Severity of a weak status' },
      minComponents: { type: 'integer', default: 3, minimum: 1, description: 'Distinct named components needed for high' },
      minQuantities: { type: 'integer', default: 5, minimum: 1, description: 'Distinct figures with units needed for high' },
    },
    examples: [
      { title: 'missing: nothing concrete', status: 'missing', text: "I'd use a recommendation model with collaborative filtering and serve it via an API." },
      {
        title: 'high: names and numbers',
        status: 'high',
        text: 'Faiss narrows 10M items to 500 candidates in <10ms; a LightGBM ranker reads 50 features from Redis; training runs daily in Spark on a 90-day window.',
      },
    ],
  },
  check({ document: doc, options }) {
    const components = distinctBy(namedComponents(doc), (c) => c.entry.name);
    const quantities = distinctBy(designFigures(doc), (q) => `${q.value}|${q.unit}|${q.kind}`);
    // Figures set in code listings (`max_trial_count = 10`, `memory: 10G`) count as well, in an
    // answer: a document with no prose at all is not one, and its code earns nothing.
    const figures = quantities.length + (statements(doc).length > 0 ? codeFigures(doc).length : 0);
    const ctx = answerContext(doc);
    const model = ctx.namedModel ? (ctx.namedModel === 'LightGBM' ? 'a LightGBM ranker' : `the ${ctx.namedModel} model`) : ctx.model;
    const suggestion = !doc.profile.isML
      ? // A design without ML gets specifics of its own kind.
        `Concretely: events flow through ${ctx.streaming}, hot data is served from ${ctx.onlineStore} in under 5 ms, a nightly ${ctx.batchEngine} job compacts 30 days of logs, and the service handles 3,000 requests per second at a p99 of 50 ms with 3 replicas per region.`
      : `Concretely: events flow through ${ctx.streaming} into ${ctx.batchEngine} (a daily job over a 90-day window), 200 features are served from ${ctx.onlineStore} in under 5 ms, ` +
        (ctx.retrieval ? `candidates come from a ${ctx.vectorIndex} index (top 500 in under 10 ms), and ${model} scores them` : `and ${model} scores each ${ctx.entity}`) +
        ` within a p99 of 50 ms at 3,000 QPS.`;
    const data = { components: components.length, quantities: figures, minComponents: options.minComponents, minQuantities: options.minQuantities };
    // The evidence is the statement that names the most components, else the first figure.
    const evidence = richestSentence(namedComponents(doc), (c) => c.entry.name) ?? quantities[0]?.sentence;
    if (components.length >= options.minComponents && figures >= options.minQuantities) return { status: 'high', evidence: evidence! };
    if (components.length === 0 && figures === 0) return { status: 'missing', suggestion };
    return { status: 'weak', evidence: evidence!, data, suggestion };
  },
  followUp({ document, status }) {
    const w = ownWords(document);
    if (status === 'high') return [];
    if (status === 'missing') return [`Name the pieces: which store, which processing engine, which model family, and which numbers (data volume, QPS, latency) size them?`, `Why ${w.model} and not a simpler baseline: what does it buy you here?`];
    return [`Where your answer says "a database", "a queue" or "a model", which one would you pick, and why that one?`, `Which figure (requests per second, data volume, latency, cost) would change your design the most, and what is its value?`];
  },
});
