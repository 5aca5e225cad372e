import { defineRule } from '../src/rule/define.js';
import { answerContext } from '../src/analysis/context.js';
import { firstLinked, Link } from '../src/analysis/link.js';
import { framingFacts, TARGET_HEDGE } from '../src/analysis/framing.js';
import { signalOptions, quote } from '../src/analysis/signal.js';
import { hitsOf } from '../src/analysis/statements.js';
import type { Sentence } from '../src/document/types.js';
import { HEDGE, OBJECTIVE_CUE, OBJECTIVE_PROMPT, TARGET_PROMPT } from '../src/analysis/vocabulary/framing.js';
import { GENERIC_OBJECTIVE, TASK_TOPIC } from '../src/analysis/vocabulary/framing.js';
import { ownWords, quoted } from '../src/analysis/follow-up.js';

export default defineRule({
  id: 'problem-framing',
  meta: {
    description: 'The answer says what the model predicts and which measurable metric it optimizes',
    rationale:
      'Guide, step 01, "Frame the ML problem before the model": "What are you predicting, what are you optimizing, what\'s the feedback loop? … That frame drives every downstream decision."',
    signal: { id: 'problem-framing', title: 'Problem framing', weight: 14, step: 1, sectionKinds: ['problem'], mlOnly: true },
    defaultSeverity: 'error',
    messages: {
      missing: 'No problem framing: the answer never says what the model predicts or what it optimizes',
      weak: 'Problem framing is vague: `{evidence}`',
      noObjective: 'Prediction target without a measurable objective: `{evidence}`',
      noTarget: 'Objective without a prediction target: `{evidence}`',
    },
    criteria: {
      high: 'names the prediction target (what the model outputs: a probability, a class, a number with its unit) and the objective it optimizes as a measurable product or business metric (CTR, 7-day revenue, fraud loss in $, minutes listened per daily active user), in statements, not questions.',
      weak: 'only one of the two, or a generic aim ("improve engagement", "build a recommendation model").',
      missing: 'neither; questions and placeholders ("What are we predicting? [target]") do not count.',
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

    const { targets, objectives } = framingFacts(doc);
    const target = targets[0];
    const objective = objectives[0];
    // Both halves of the criterion: the prediction target and the objective, one statement or a linked pair.
    if (target && objective) return { status: 'high', evidence: [target, objective] };
    if (objective) return { status: 'weak', messageId: 'noTarget', evidence: objective, data: { evidence: quote(objective.text) }, suggestion };
    if (target) return { status: 'weak', messageId: 'noObjective', evidence: target, data: { evidence: quote(target.text) }, suggestion };
    // A generic aim: an objective word with a vague goal ("improve engagement"), or what the
    // system does, said where the answer frames its problem (its problem section or its opening).
    const cues = hitsOf(doc, 'objective-cue', OBJECTIVE_CUE);
    const framing = (h: { sentence: Sentence }): boolean => !TARGET_HEDGE.test(h.sentence.lower) && (h.sentence.section.kinds.has('problem') || (h.sentence.section.index <= 1 && h.sentence.block.index < 4));
    // ... or whatever the answer writes under a heading that asks for the goal or the target.
    const underGoal = doc.sections.find((sec) => sec.heading && (OBJECTIVE_PROMPT.test(sec.title.toLowerCase()) || TARGET_PROMPT.test(sec.title.toLowerCase())));
    const generic =
      (firstLinked(cues, hitsOf(doc, 'generic-objective', GENERIC_OBJECTIVE), Link.Sentence)?.[0] ?? hitsOf(doc, 'task-topic', TASK_TOPIC).find(framing))?.sentence ??
      underGoal?.blocks.flatMap((b) => b.sentences).find((x) => x.isStatement && !HEDGE.test(x.lower));
    if (generic) return { status: 'weak', evidence: generic, data: { evidence: quote(generic.text) }, suggestion };
    return { status: 'missing', suggestion };
  },
  followUp({ document, status, evidence }) {
    const w = ownWords(document);
    const said = quoted(evidence);
    if (status === 'missing') return [`What exactly does ${w.model} predict, for which unit (a user, a request, an item), and which product metric should move if it is right?`, `How would you turn the business goal into a label you can train on, and what would you treat as a positive example?`];
    if (status === 'weak') return [`You frame it as ${said ?? 'a goal'}: what is the exact prediction target, and how does it map to ${w.businessMetric}?`, `Why is this an ML problem at all: what would a simple rule or heuristic get wrong here?`];
    return [`If ${w.offlineMetric} improves but ${w.businessMetric} does not move in the experiment, what do you conclude and what do you change first?`];
  },
});
