import { defineRule } from '../src/rule.js';
import { answerContext } from '../src/analysis/context.js';
import { firstLinked, Link } from '../src/analysis/link.js';
import { quote, signalOptions } from '../src/analysis/signal.js';
import { hitsOf } from '../src/analysis/statements.js';

/** Training-serving skew, named as such or as consistency between the two. */
const SKEW =
  /\b(?:(?:training|train|offline)[- /]*(?:vs\.? |and |to )?(?:serving|serve|inference|online)[- ]skew|skew (?:between|across) (?:training|offline|train)|(?:online|offline)[- /]*(?:vs\.? |and |to )?(?:offline|online)[- ](?:consistency|parity|discrepanc\w*|mismatch\w*|skew)|(?:training|train|offline)[- /]*(?:vs\.? |and |to )?(?:serving|serve|inference|online)[- ](?:consistency|parity|discrepanc\w*|mismatch\w*)|consisten\w* (?:between|across|in) (?:the )?(?:training and (?:serving|inference)|offline and online|online and offline|train and serve)|(?:same|identical|consistent) features? (?:values? )?(?:at|in|for|during|across) (?:both )?(?:training and (?:serving|inference)|train and serve)|feature (?:parity|consistency)|skew(?:ed)? features?)\b/g;

/** Mechanisms that keep training and serving features consistent. */
const MECHANISM =
  /\b(?:shared (?:feature )?(?:computation|logic|code|library|pipeline|transformations?|layer|definitions?|repository|registry)|single (?:feature )?(?:definition|pipeline|source of truth|codebase)|same (?:feature )?(?:code|pipeline|transformations?|logic|definitions?|functions?) (?:for|in|at|during|across) (?:both |training|offline)|unified (?:feature )?pipeline (?:for|across) (?:training and serving|both)|feature store (?:that )?(?:serves?|serving|for|with) (?:both|offline and online|online and offline|training and serving)|(?:offline|online) and (?:online|offline) stores?|log(?:s|ged|ging)? (?:the )?(?:served|serving[- ]time|online|inference[- ]time|request[- ]time) features|features? (?:are |is )?logged at (?:serving|inference|request|prediction) time|log(?:s|ged|ging)? features at (?:serving|inference|request|prediction) time|point[- ]in[- ]time(?:[- ]correct)?(?: joins?)?|time[- ]travel|as[- ]of joins?|feature logging|log and wait)\b/g;

/** Weaker mentions: a feature store or "consistency" with no mechanism or no stated purpose. */
const WEAK_MENTION = /\b(?:feature stores?|consisten(?:t|cy) (?:features?|feature values|between (?:training|offline)))\b/g;

export default defineRule({
  id: 'skew-prevention',
  meta: {
    description: 'The answer names training-serving skew and the mechanism that prevents it',
    rationale:
      'Guide, step 03: "Explain the consistency requirement — training-serving skew is the most common ML production failure."',
    signal: { id: 'skew-prevention', title: 'Training-serving skew prevention', weight: 9, step: 3, sectionKinds: ['features', 'serving'] },
    defaultSeverity: 'error',
    messages: {
      missing: 'Nothing on training-serving skew: how do training and serving compute the same features?',
      weak: 'Skew prevention is incomplete: `{evidence}` ({detail})',
    },
    options: signalOptions,
    examples: [
      { title: 'weak: feature store only', status: 'weak', text: 'Features are kept in a feature store.' },
      { title: 'high: skew and mechanism', status: 'high', text: 'Training-serving skew is managed by a shared feature computation layer used by both the training pipeline and the online service.' },
    ],
  },
  check({ document: doc }) {
    const ctx = answerContext(doc);
    const suggestion = `To prevent training-serving skew, one shared feature computation layer defines every feature once: the same code backfills the offline store for training (with point-in-time correct joins) and writes the online store (${ctx.onlineStore}) for serving, and the service logs the served feature values so the next training set uses exactly what the model saw.`;
    if (!doc.profile.isML) return { status: 'missing', suggestion };
    const skew = hitsOf(doc, 'skew', SKEW);
    const mechanisms = hitsOf(doc, 'skew-mechanism', MECHANISM);
    const pair = firstLinked(skew, mechanisms, Link.Section);
    if (pair) return { status: 'high', evidence: pair[0].sentence };
    const weak = skew[0] ?? mechanisms[0] ?? hitsOf(doc, 'skew-weak', WEAK_MENTION)[0];
    if (weak) {
      const detail = skew[0] ? 'no mechanism that prevents it' : mechanisms[0] ? 'a mechanism without its purpose, training-serving consistency' : 'no skew or mechanism';
      return { status: 'weak', evidence: weak.sentence, data: { evidence: quote(weak.sentence.text), detail }, suggestion };
    }
    return { status: 'missing', suggestion };
  },
});
