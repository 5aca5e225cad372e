import { defineRule } from '../src/rule/define.js';
import type { Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { quote } from '../src/analysis/signal.js';
import { framingFacts } from '../src/analysis/framing.js';
import { statements } from '../src/analysis/statements.js';
import { says } from '../src/analysis/terms.js';
import { MODEL_TALK } from '../src/analysis/vocabulary/framing.js';

export default defineRule({
  id: 'framing-first',
  meta: {
    description: 'The problem is framed (target, objective) before the model architecture is discussed',
    rationale:
      'Guide, bottom line: "Lead with the problem framing and training/serving split. Define the feedback loop and monitoring strategy before deep-diving into model architecture."',
    defaultSeverity: 'warn',
    messages: {
      modelFirst: 'Model architecture comes before the problem is framed: `{evidence}`',
      neverFramed: 'Model architecture is discussed but the problem is never framed: `{evidence}`',
    },
    criteria: {
      reported: 'model architecture (a model family, layers, a loss) is discussed before any statement of the prediction target or objective, or the problem is never framed at all.',
      'not reported': 'the answer frames the problem first.',
    },
    examples: [
      { title: 'reported: model first', reported: true, text: 'We use a two-tower model with 256-dim embeddings.\n\nThe goal is to predict clicks and maximize CTR.' },
      { title: 'not reported: framing first', reported: false, text: 'We predict whether a user clicks, optimizing CTR.\n\nThe model is a two-tower network.' },
    ],
  },
  check({ document: doc, report }) {
    if (!doc.profile.isML) return;
    const model = statements(doc).find((s) => s.section.kinds.has('model') || says(s, MODEL_TALK));
    if (!model) return;
    const { targets, objectives } = framingFacts(doc);
    // The earliest statement of the frame, wherever it stands.
    const framing: Sentence | undefined = [...targets, ...objectives, statements(doc).find((s) => s.section.ownKinds.has('problem'))]
      .filter((s): s is Sentence => s !== undefined)
      .sort((a, b) => a.start - b.start)[0];
    const ctx = answerContext(doc);
    const suggestion = `Open with the frame: "We're predicting ${ctx.target}, optimizing for ${ctx.businessMetric}, and feedback comes from ${ctx.events}." Then describe the model.`;
    if (!framing) {
      report({ messageId: 'neverFramed', at: model, data: { evidence: quote(model.text) }, suggestion });
    } else if (model.start < framing.start) {
      report({ messageId: 'modelFirst', at: model, data: { evidence: quote(model.text) }, suggestion });
    }
  },
});
