import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { SectionKind, Sentence } from '../src/document/types.js';
import { statements } from '../src/analysis/statements.js';
import { findPattern } from '../src/analysis/terms.js';
import { INFRA_WORDS, MODEL_WORDS } from '../src/analysis/vocabulary/model.js';

const INFRA_KINDS: readonly SectionKind[] = ['data', 'features', 'serving', 'monitoring', 'retraining', 'scale'];
const MODEL_KINDS: readonly SectionKind[] = ['model'];

interface Tally {
  model: number;
  infra: number;
  firstModel: Sentence | undefined;
}

function tally(doc: Document): Tally {
  const result: Tally = { model: 0, infra: 0, firstModel: undefined };
  for (const s of statements(doc)) {
    const n = s.words.length;
    const kinds = s.section.kinds;
    const isModel = MODEL_KINDS.some((k) => kinds.has(k)) && !INFRA_KINDS.some((k) => kinds.has(k));
    const isInfra = INFRA_KINDS.some((k) => kinds.has(k)) && !MODEL_KINDS.some((k) => kinds.has(k));
    let side: 'model' | 'infra' | undefined = isModel ? 'model' : isInfra ? 'infra' : undefined;
    if (!side) {
      const m = findPattern(s, MODEL_WORDS, 'model').length;
      const i = findPattern(s, INFRA_WORDS, 'infra').length;
      side = m > i ? 'model' : i > m ? 'infra' : undefined;
    }
    if (side === 'model') {
      result.model += n;
      result.firstModel ??= s;
    } else if (side === 'infra') result.infra += n;
  }
  return result;
}

export default defineRule({
  id: 'model-heavy',
  meta: {
    description: 'The modelling part does not outweigh the infrastructure parts (data, features, serving, monitoring, retraining)',
    rationale:
      'Guide: "Most candidates overweight the modeling component and underweight the infrastructure. The candidates who impress interview panels can explain why a feature store matters and when to use real-time vs. batch inference."',
    defaultSeverity: 'warn',
    messages: {
      modelHeavy: 'Modelling takes {model} words against {infra} for data, features, serving, monitoring and retraining: rebalance toward the infrastructure',
    },
    options: {
      ratio: { type: 'number', default: 1.5, minimum: 0.1, description: 'Report when modelling words exceed infrastructure words by this factor' },
      minWords: { type: 'integer', default: 60, minimum: 0, description: 'Only judge answers with at least this many words of modelling' },
    },
    criteria: {
      reported: 'the words spent on modelling exceed the words spent on data, features, serving, monitoring and retraining by the configured ratio (1.5 by default), once there are at least 60 words of modelling.',
      'not reported': 'the infrastructure gets at least its share.',
    },
    examples: [
      {
        title: 'reported',
        reported: true,
        text: '## Model\nA transformer with 12 layers, 768-dim embeddings, attention over the last 50 items, dropout 0.1, AdamW with a learning rate of 3e-4, cross-entropy loss, 10 epochs, early stopping on validation loss, gradient clipping, label smoothing and a cosine schedule with warmup; we ensemble three seeds and distill into a smaller student with 4 layers for faster inference, tuning hyperparameters with Bayesian search over learning rate, weight decay, dropout, embedding size, number of heads and sequence length. We pre-train on all sessions and fine-tune per market with a lower learning rate and frozen lower layers, comparing against a GRU baseline and a gradient-boosted tree baseline with hand-crafted features, and we study attention heads for interpretability and the effect of positional encodings and layer normalization placement on convergence speed and final accuracy across markets.\n\n## Serving\nServed online.',
      },
    ],
  },
  check({ document: doc, options, report }) {
    if (!doc.profile.isML) return;
    const t = tally(doc);
    if (t.model < options.minWords) return;
    if (t.model > t.infra * options.ratio) {
      report({ messageId: 'modelHeavy', data: { model: t.model, infra: t.infra }, ...(t.firstModel ? { at: t.firstModel } : {}) });
    }
  },
});
