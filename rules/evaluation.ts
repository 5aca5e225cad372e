import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { linkBetween, Link } from '../src/analysis/link.js';
import { closestAttempt, quote, signalOptions } from '../src/analysis/signal.js';
import { hitsOf, inContext, statements } from '../src/analysis/statements.js';
import { says } from '../src/analysis/terms.js';
import { BUSINESS_METRIC, MEASURABLE_METRIC, OFFLINE_METRIC, SYSTEM_MEASURE } from '../src/analysis/vocabulary/metrics.js';
import { EVALUATE, EVALUATION_CONTEXT, ONLINE_TEST } from '../src/analysis/vocabulary/evaluation.js';
import { ownWords, quoted } from '../src/analysis/follow-up.js';
import { BUSINESS_METRIC_RU, EVALUATION_CONTEXT_RU } from '../src/analysis/vocabulary/russian.js';

/** A metric and its value on one line of a listing: `NDCG@test = 0.598`, `"rmse": 0.71`, `auc: 0.83`. */
const METRIC_VALUE = /\b(?:auc(?:[-_ ]?(?:roc|pr))?|roc[-_ ]?auc|rmse|mae|mape|ndcg(?:@\w+)?|map(?:@\w+)?|mrr|precision(?:@\w+)?|recall(?:@\w+)?|f1(?:[-_ ]?score)?|accuracy|log[-_ ]?loss)\b["']?\s*[:=]\s*["']?\d*\.?\d/i;

/** The first line of a code listing that reports a metric's value, as a source range. */
function metricInCode(doc: Document): { start: number; end: number } | undefined {
  for (const listing of doc.code) {
    const match = METRIC_VALUE.exec(listing.value.length > 20_000 ? listing.value.slice(0, 20_000) : listing.value);
    if (!match) continue;
    const lineStart = listing.value.lastIndexOf('\n', match.index) + 1;
    const lineEnd = listing.value.indexOf('\n', match.index);
    const offset = doc.text.indexOf(listing.value, listing.start);
    if (offset < 0) continue;
    return { start: offset + lineStart, end: offset + (lineEnd < 0 ? listing.value.length : lineEnd) };
  }
  return undefined;
}

function onlineTests(doc: Document): Sentence[] {
  return doc.memo('online-tests', () => statements(doc).filter((s) => says(s, ONLINE_TEST)));
}

export default defineRule({
  id: 'evaluation',
  meta: {
    description: 'The answer names an offline metric and an online experiment tied to a product metric',
    rationale:
      'Guide, Q&A: prepare "A/B testing infrastructure for models"; the high-signal answer measures AUC offline and watches CTR online.',
    signal: { id: 'evaluation', title: 'Offline and online evaluation', weight: 6, sectionKinds: ['evaluation'], mlOnly: true },
    defaultSeverity: 'warn',
    messages: {
      missing: 'No evaluation: no offline metric and no online experiment',
      weak: 'Evaluation is one-sided: {detail}',
    },
    criteria: {
      high: 'an offline metric (AUC, log loss, NDCG@k, precision@k, RMSE) and an online evaluation (A/B test, interleaving, canary or shadow, a pilot with a control group) tied to a product metric.',
      weak: 'only one side, or evaluation in general.',
      missing: 'no evaluation; a bare "A/B test" bullet is a placeholder.',
    },
    options: signalOptions,
    examples: [
      { title: 'weak: offline only', status: 'weak', text: 'We evaluate the ranker offline with NDCG@10 on a held-out week.' },
      {
        title: 'high: offline and online',
        status: 'high',
        text: 'Offline we compare AUC and log loss on the last day of data; online a two-week A/B test on 5% of traffic must lift CTR by at least 1%.',
      },
    ],
  },
  check({ document: doc }) {
    const ctx = answerContext(doc);
    const suggestion = `Evaluation: offline, ${ctx.offlineMetric} on a held-out final week must beat the current production model; online, a two-week A/B test on 5% of traffic, judged on ${ctx.businessMetric} (ship if it improves by at least 1% at 95% confidence), with a canary stage first.`;
    // A model-quality metric counts where the answer evaluates with it, not in a passing remark.
    const offline = hitsOf(doc, 'offline-metric', OFFLINE_METRIC).filter(
      (h) => h.sentence.section.kinds.has('evaluation') || h.sentence.quantities.length > 0 || inContext(h.sentence, EVALUATION_CONTEXT) || inContext(h.sentence, EVALUATION_CONTEXT_RU),
    );
    // Russian answers name their product metrics in Russian (vocabulary/russian.ts).
    const business = [...hitsOf(doc, 'business-metric', BUSINESS_METRIC), ...hitsOf(doc, 'measurable-metric', MEASURABLE_METRIC), ...hitsOf(doc, 'business-metric-ru', BUSINESS_METRIC_RU)];
    const online = onlineTests(doc);
    // Tied: the product metric is stated with the experiment, in its sentence, paragraph, list
    // item subtree or table; a product metric elsewhere in the section ("CTR" in a list of
    // goals, "A/B testing" three paragraphs on) is not what the experiment is judged on.
    const tied = online.find((t) => business.some((b) => linkBetween(b.sentence, t) >= Link.Subtree));
    if (offline[0] && tied) return { status: 'high', evidence: tied };
    const first =
      tied ??
      online[0] ??
      closestAttempt(offline.map((h) => h.sentence)) ??
      business.find((b) => b.sentence.section.kinds.has('evaluation') && !SYSTEM_MEASURE.test(b.sentence.lower.slice(Math.max(0, b.start - 30), b.end)))?.sentence;
    if (first) {
      const detail = !offline[0]
        ? online[0]
          ? 'an online test but no offline metric'
          : 'no offline metric and no online experiment'
        : online[0]
          ? `the online test is not tied to a product metric (\`${quote(online[0].text, 40)}\`)`
          : `an offline metric (\`${quote(offline[0].sentence.text.slice(offline[0].start, offline[0].end), 30)}\`) but no online experiment`;
      return { status: 'weak', evidence: first, data: { detail }, suggestion };
    }
    const general = hitsOf(doc, 'evaluate', EVALUATE)[0] ?? hitsOf(doc, 'evaluate-ru', EVALUATION_CONTEXT_RU)[0];
    if (general) return { status: 'weak', evidence: general.sentence, data: { detail: `only in general (\`${quote(general.sentence.text, 40)}\`)` }, suggestion };
    // A metric's value in a listing ("NDCG@test = 0.598" in a training log, `{"rmse": 0.718}`) is
    // an offline metric reported, with no experiment.
    const reported = metricInCode(doc);
    if (reported) return { status: 'weak', evidence: reported, data: { detail: 'an offline metric in a listing, and no online experiment' }, suggestion };
    return { status: 'missing', suggestion };
  },
  followUp({ document, status, evidence }) {
    const w = ownWords(document);
    const said = quoted(evidence);
    if (status === 'missing') return [`How would you know offline that ${w.model} is good enough to launch, and how would you confirm it online?`, `Which baseline must it beat, and by how much, before you run an experiment?`];
    if (status === 'weak') return [`You mention ${said ?? 'evaluation'}: which offline metric on which held-out data (split how: by time, by user?), and which online experiment decides the launch?`, `Why does ${w.offlineMetric} predict ${w.businessMetric}, and what would you do if the two disagree?`];
    return [`${w.offlineMetric} improved offline but the experiment on ${w.businessMetric} is flat: what do you check first, and do you launch?`];
  },
});
