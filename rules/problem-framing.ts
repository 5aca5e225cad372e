import { defineRule } from '../src/rule.js';
import { answerContext } from '../src/analysis/context.js';
import { firstLinked, Link } from '../src/analysis/link.js';
import { signalOptions, quote } from '../src/analysis/signal.js';
import { hitsOf } from '../src/analysis/statements.js';
import { BUSINESS_METRIC, OBJECTIVE_CUE, TARGET_CUE } from '../src/analysis/vocabulary.js';

/** An objective with no measurable metric: "improve engagement", "better experience". */
const GENERIC_OBJECTIVE = /\b(?:engagement|experience|satisfaction|relevan\w*|user happiness|quality|personali[sz]\w*|what users like|value)\b/g;
/** The answer talks about what the system does, without a formal target. */
const TASK_TOPIC = /\b(?:recommend\w*|rank\w*|predict\w*|classif\w*|detect\w*|forecast\w*|estimat\w*|match\w*|personali[sz]\w*|relevan\w*|suggest\w*|score\w*)\b/g;

export default defineRule({
  id: 'problem-framing',
  meta: {
    description: 'The answer says what the model predicts and which measurable metric it optimizes',
    rationale:
      'Guide, step 01, "Frame the ML problem before the model": "What are you predicting, what are you optimizing, what\'s the feedback loop? … That frame drives every downstream decision."',
    signal: { id: 'problem-framing', title: 'Problem framing', weight: 14, step: 1, sectionKinds: ['problem'] },
    defaultSeverity: 'error',
    messages: {
      missing: 'No problem framing: the answer never says what the model predicts or what it optimizes',
      weak: 'Problem framing is vague: `{evidence}`',
      noObjective: 'Prediction target without a measurable objective: `{evidence}`',
      noTarget: 'Objective without a prediction target: `{evidence}`',
    },
    options: signalOptions,
    examples: [
      { title: 'weak: generic', status: 'weak', text: "I'd use a recommendation model with collaborative filtering and serve it via an API." },
      {
        title: 'high: target and metric',
        status: 'high',
        text: "We're predicting next-item purchase, optimizing for 7-day revenue, and feedback comes from purchase events with 24h delay.",
      },
    ],
  },
  check({ document: doc }) {
    const ctx = answerContext(doc);
    const suggestion = `We're predicting ${ctx.target}, optimizing for ${ctx.businessMetric}, and feedback comes from ${ctx.events}: ${ctx.delay}.`;
    if (!doc.profile.isML) return { status: 'missing', suggestion };

    const targets = hitsOf(doc, 'target', TARGET_CUE);
    const cues = hitsOf(doc, 'objective-cue', OBJECTIVE_CUE);
    const metrics = hitsOf(doc, 'business-metric', BUSINESS_METRIC);
    // An objective: an optimisation cue tied to a measurable metric (same sentence or bullet subtree).
    const objective = firstLinked(cues, metrics, Link.Subtree);
    const target = targets[0];
    if (target && objective) return { status: 'high', evidence: objective[0].sentence };
    if (objective) {
      return { status: 'weak', messageId: 'noTarget', evidence: objective[0].sentence, data: { evidence: quote(objective[0].sentence.text) }, suggestion };
    }
    if (target) {
      return { status: 'weak', messageId: 'noObjective', evidence: target.sentence, data: { evidence: quote(target.sentence.text) }, suggestion };
    }
    const generic = firstLinked(cues, hitsOf(doc, 'generic-objective', GENERIC_OBJECTIVE), Link.Sentence)?.[0] ?? hitsOf(doc, 'task-topic', TASK_TOPIC)[0];
    if (generic) return { status: 'weak', evidence: generic.sentence, data: { evidence: quote(generic.sentence.text) }, suggestion };
    return { status: 'missing', suggestion };
  },
});
