import { defineRule } from '../src/rule/define.js';
import type { AnyRule } from '../src/rule/types.js';
import { ruleDocsUrl } from '../src/support/project.js';
import problemFraming from './problem-framing.js';
import feedbackLoop from './feedback-loop.js';
import trainingServingSplit from './training-serving-split.js';
import featureFreshness from './feature-freshness.js';
import skewPrevention from './skew-prevention.js';
import monitoring from './monitoring.js';
import retraining from './retraining.js';
import inferenceMode from './inference-mode.js';
import scaleLatency from './scale-latency.js';
import evaluation from './evaluation.js';
import specificity from './specificity.js';
import framingFirst from './framing-first.js';
import modelHeavy from './model-heavy.js';
import vagueLanguage from './vague-language.js';

/** A built-in rule with the address of its doc page (a plugin's rule sets its own `meta.docsUrl`). */
function documented(rule: AnyRule): AnyRule {
  return defineRule({ ...rule, meta: { ...rule.meta, docsUrl: ruleDocsUrl(rule.id) } });
}

/** Built-in rules in report order: the 11 signals of the rubric, then the structure findings. */
export const builtinRules: readonly AnyRule[] = [
  problemFraming,
  feedbackLoop,
  trainingServingSplit,
  featureFreshness,
  skewPrevention,
  monitoring,
  retraining,
  inferenceMode,
  scaleLatency,
  evaluation,
  specificity,
  framingFirst,
  modelHeavy,
  vagueLanguage,
].map(documented);
