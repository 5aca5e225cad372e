import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { firstLinked, Link } from '../src/analysis/link.js';
import { quote, signalOptions } from '../src/analysis/signal.js';
import { hitsOf, lowerText, questionBefore, statements } from '../src/analysis/statements.js';
import { CONSISTENCY_WORD, FEATURE_STORE, FROM_LOGS, LOGGED_AT_SERVING, LOGGED_THING, LOG_WORD, NOT_THIS_SKEW, OUT_OF_SCOPE, POINT_IN_TIME, SERVES_BOTH, SERVING_SIDE, SHARED_DEFINITION, SKEW_WORD, TRAINING_SIDE, WEAK_SKEW_MENTION } from '../src/analysis/vocabulary/skew.js';
import { ownWords, quoted } from '../src/analysis/follow-up.js';

/** The words around a sentence that set its topic: its block, the block it hangs from, its section titles. */
function topicText(s: Sentence): string {
  const parts = [s.lower, lowerText(s.block)];
  if (s.block.parent) parts.push(lowerText(s.block.parent));
  for (let sec: typeof s.section | undefined = s.section; sec; sec = sec.parent) if (sec.title) parts.push(sec.title.toLowerCase());
  return parts.join(' \n ');
}

function bothSides(text: string): boolean {
  return TRAINING_SIDE.test(text) && SERVING_SIDE.test(text);
}

function sectionNamesSkew(s: Sentence): boolean {
  for (let sec: typeof s.section | undefined = s.section; sec; sec = sec.parent) {
    const title = sec.title.toLowerCase();
    if (SKEW_WORD.test(title) || (CONSISTENCY_WORD.test(title) && bothSides(title))) return true;
  }
  return false;
}

const TRAIN_SERVE = /training[- ]serving|train[- ]serve|online[- ]offline|offline[- ]online/;

/** The text itself names skew, or consistency between training and serving. */
function statesSkew(text: string): boolean {
  if (SKEW_WORD.test(text) && !NOT_THIS_SKEW.test(text)) return bothSides(text) || TRAIN_SERVE.test(text);
  return CONSISTENCY_WORD.test(text) && bothSides(text);
}

function namesSkew(s: Sentence): boolean {
  if (OUT_OF_SCOPE.test(s.lower)) return false;
  if (sectionNamesSkew(s)) return true;
  const topic = topicText(s);
  if (SKEW_WORD.test(s.lower) && !NOT_THIS_SKEW.test(s.lower)) return bothSides(topic) || TRAIN_SERVE.test(s.lower);
  return CONSISTENCY_WORD.test(s.lower) && bothSides(s.lower + ' ' + (s.block.parent ? lowerText(s.block.parent) : '') + ' ' + (s.section.title.toLowerCase()));
}

function isMechanism(s: Sentence): boolean {
  if (OUT_OF_SCOPE.test(s.lower)) return false;
  if (POINT_IN_TIME.test(s.lower)) return true;
  if (FROM_LOGS.test(s.lower)) return true;
  if (logsServedFeatures(s)) return true;
  if (SHARED_DEFINITION.test(s.lower) && bothSides(s.lower)) return true;
  // A feature store is a mechanism when it serves both sides, not as a "need for consistency".
  if (FEATURE_STORE.test(s.lower) && SERVES_BOTH.test(s.lower)) return true;
  // A feature store given the job of keeping training and serving consistent ("a feature store
  // ensures train/serve consistency") is the store serving both sides.
  if (FEATURE_STORE.test(s.lower) && statesSkew(s.lower)) return true;
  return false;
}

interface SkewFacts {
  skew: Sentence[];
  mechanisms: Sentence[];
}

function facts(doc: Document): SkewFacts {
  return doc.memo('skew', () => {
    const all = statements(doc);
    return { skew: all.filter(namesSkew), mechanisms: all.filter(isMechanism) };
  });
}

/** The answer already logs the features it served (the logging mechanism, without its purpose maybe). */
function logsServedFeatures(s: Sentence): boolean {
  return LOGGED_THING.test(s.lower) && LOG_WORD.test(s.lower) && LOGGED_AT_SERVING.test(s.lower);
}

export default defineRule({
  id: 'skew-prevention',
  meta: {
    description: 'The answer names training-serving skew and the mechanism that prevents it',
    rationale:
      'Guide, step 03: "Explain the consistency requirement — training-serving skew is the most common ML production failure."',
    signal: { id: 'skew-prevention', title: 'Training-serving skew prevention', weight: 9, step: 3, sectionKinds: ['features', 'serving'], mlOnly: true },
    defaultSeverity: 'error',
    messages: {
      missing: 'Nothing on training-serving skew: how do training and serving compute the same features?',
      weak: 'Skew prevention is incomplete: `{evidence}` ({detail})',
    },
    criteria: {
      high: 'training-serving skew (or consistency between training and serving features) is named together with a mechanism that prevents it: one shared feature definition or computation, a feature store serving both offline and online, logging served features for training, point-in-time correct joins.',
      weak: 'a feature store or consistency is mentioned without a mechanism, or a mechanism without its purpose.',
      missing: 'nothing about it; "left out: training-serving skew" counts as nothing.',
    },
    options: signalOptions,
    examples: [
      { title: 'weak: feature store only', status: 'weak', text: 'Features are kept in a feature store.' },
      { title: 'high: skew and mechanism', status: 'high', text: 'Training-serving skew is managed by a shared feature computation layer used by both the training pipeline and the online service.' },
    ],
  },
  check({ document: doc }) {
    const ctx = answerContext(doc);
    // Build on what the answer already has: its feature store is the shared layer, and logging it
    // already does becomes the check; only the missing piece is new.
    const store = doc.components.find((c) => c.entry.category === 'feature-store' && c.sentence.isStatement)?.entry.name;
    const logs = statements(doc).some(logsServedFeatures);
    const shared = store
      ? `To prevent training-serving skew, ${store} is the one place every feature is defined: training sets are built from its offline store with point-in-time correct joins and serving reads the same definitions from its online store (${ctx.onlineStore})`
      : `To prevent training-serving skew, one shared feature computation layer defines every feature once: the same code backfills the offline store for training (with point-in-time correct joins) and writes the online store (${ctx.onlineStore}) for serving`;
    const check = logs
      ? `; the served feature values the service already logs are compared daily with the training values, and a mismatch above 1% on any feature raises an alert.`
      : `, and the service logs the served feature values so the next training set uses exactly what the model saw.`;
    const suggestion = shared + check;
    const { skew, mechanisms } = facts(doc);
    const pair = firstLinked(
      skew.map((sentence) => ({ sentence })),
      mechanisms.map((sentence) => ({ sentence })),
      Link.Section,
    );
    if (pair) return { status: 'high', evidence: pair[0].sentence };
    // A mechanism given in reply to a question about skew ("Interviewer: How do you handle the
    // train-serve skew problem?") has its purpose from the question.
    const answer = mechanisms.find((m) => {
      const question = questionBefore(doc, m);
      return question !== undefined && !OUT_OF_SCOPE.test(question.lower) && statesSkew(question.lower);
    });
    if (answer) return { status: 'high', evidence: answer };
    const featureStore = doc.components.find((c) => c.entry.category === 'feature-store' && c.sentence.isStatement)?.sentence;
    const weak = skew[0] ?? mechanisms[0] ?? hitsOf(doc, 'skew-weak', WEAK_SKEW_MENTION)[0]?.sentence ?? featureStore;
    if (weak) {
      const detail = skew[0] ? 'no mechanism that prevents it' : mechanisms[0] ? 'a mechanism without its purpose, training-serving consistency' : 'no skew or mechanism';
      return { status: 'weak', evidence: weak, data: { evidence: quote(weak.text), detail }, suggestion };
    }
    return { status: 'missing', suggestion };
  },
  followUp({ document, status, evidence }) {
    const w = ownWords(document);
    const said = quoted(evidence);
    if (status === 'missing') return [`${w.onlineStore ? `Your features come from ${w.onlineStore} at request time` : 'Your features are computed at request time'}: how do you make sure training computes them the same way?`, `How would you notice, in production, that a feature's values at serving differ from those ${w.model} was trained on?`];
    if (status === 'weak') return [`You mention ${said ?? 'consistency'}: what exactly is shared between training and serving (code, a feature store, logged features), and what is not?`, `What would you log at serving time to compare with the training data, and how often would you compare?`];
    return [`Someone changes a feature's transformation next month: what in your design stops training and serving from silently diverging?`];
  },
});
