import { defineRule } from '../src/rule/define.js';
import type { Document } from '../src/document/document.js';
import type { Section, SectionKind, Sentence } from '../src/document/types.js';
import { answerContext } from '../src/analysis/context.js';
import { quote, richestSentence, signalOptions } from '../src/analysis/signal.js';
import { inContext, statements } from '../src/analysis/statements.js';
import { says } from '../src/analysis/terms.js';
import { DATA_PIPELINE_TITLE, SERVING_CONTEXT, SERVING_STAGES, TRAINING_CONTEXT, TRAINING_STAGES } from '../src/analysis/vocabulary/pipeline.js';
import { SERVING_CONTEXT_RU, SERVING_STAGES_RU, TRAINING_CONTEXT_RU, TRAINING_STAGES_RU } from '../src/analysis/vocabulary/russian.js';
import { CYRILLIC } from '../src/document/classify.js';
import { ownWords, quoted } from '../src/analysis/follow-up.js';

interface StageHit {
  stage: string;
  sentence: Sentence;
}

function substantive(section: Section): boolean {
  const count = section.blocks.reduce((n, b) => n + b.sentences.filter((s) => s.isStatement).length, 0);
  return count >= 2;
}

function stagesOf(doc: Document, side: 'training' | 'serving'): StageHit[] {
  return doc.memo(`tss:${side}`, () => {
    const english = Object.entries(side === 'training' ? TRAINING_STAGES : SERVING_STAGES);
    const withRussian = [...english, ...Object.entries(side === 'training' ? TRAINING_STAGES_RU : SERVING_STAGES_RU)];
    const sideKinds: SectionKind[] = side === 'training' ? ['training', 'data', 'features', 'model', 'evaluation'] : ['serving'];
    const cue = side === 'training' ? TRAINING_CONTEXT : SERVING_CONTEXT;
    const cueRu = side === 'training' ? TRAINING_CONTEXT_RU : SERVING_CONTEXT_RU;
    const hits: StageHit[] = [];
    for (const s of statements(doc)) {
      // Sentence-level context: a neighbour saying "deployment" does not make every "score" a serving step.
      // A Russian answer states its stages and their side in its own words (vocabulary/russian.ts).
      const cyrillic = CYRILLIC.test(s.lower);
      const inSide = sideKinds.some((k) => s.section.kinds.has(k)) || inContext(s, cue, { block: false }) || (cyrillic && inContext(s, cueRu, { block: false }));
      // Serving stages only count on the serving side, or in an arrow chain that draws two of them
      // wherever it stands ("query -> candidate generation -> ranker -> filter" is a serving path);
      // most training words are unambiguous anyway.
      const chain = !inSide && side === 'serving' && arrows(s) >= 2 && !s.section.kinds.has('training');
      if (!inSide && side === 'serving' && !chain) continue;
      if (side === 'training' && !inSide && s.section.kinds.has('serving')) continue;
      const found: StageHit[] = [];
      for (const [stage, pattern] of cyrillic ? withRussian : english) {
        if (says(s, pattern)) found.push({ stage, sentence: s });
      }
      if (!chain || distinct(found).size >= 2) hits.push(...found);
    }
    // A section titled for a training stage, with substance under it, describes that stage.
    if (side === 'training') {
      for (const section of doc.sections) {
        if (!substantive(section)) continue;
        const first = section.blocks.flatMap((b) => b.sentences).find((s) => s.isStatement);
        if (!first) continue;
        if (section.ownKinds.has('data') && DATA_PIPELINE_TITLE.test(section.title.toLowerCase())) hits.push({ stage: 'ingestion', sentence: first });
        if (section.ownKinds.has('features')) hits.push({ stage: 'features', sentence: first });
        if (section.ownKinds.has('training')) hits.push({ stage: 'training', sentence: first });
      }
    }
    return hits;
  });
}

/** Steps of an arrow chain ("a -> b -> c" has two arrows). */
const ARROW = /\s?(?:->|-->|→|⟶|=>)\s?/g;
function arrows(s: Sentence): number {
  return s.text.match(ARROW)?.length ?? 0;
}

/**
 * The statement that draws most of a flow: stages named plus arrow steps, among the stage hits and,
 * on the serving side, the arrow chains of the serving sections.
 */
function flowEvidence(doc: Document, hits: readonly StageHit[], side?: 'serving'): Sentence {
  const chains = side === 'serving' ? statements(doc).filter((s) => arrows(s) >= 2 && s.section.kinds.has('serving')) : [];
  const candidates: Array<{ sentence: Sentence; stage?: string }> = [...hits, ...chains.map((sentence) => ({ sentence }))];
  return richestSentence(candidates, (h) => h.stage, (s) => Math.min(arrows(s), 4))!;
}

function distinct(hits: readonly StageHit[]): Set<string> {
  return new Set(hits.map((h) => h.stage));
}

export default defineRule({
  id: 'training-serving-split',
  meta: {
    description: 'The answer describes the training pipeline and the serving path as separate flows',
    rationale:
      'Guide, step 02, "Separate the training and serving architectures": "Training pipeline: data ingestion → feature engineering → model training → evaluation → versioning. Serving: feature retrieval → model inference → output post-processing → logging. These are different systems with different constraints."',
    signal: { id: 'training-serving-split', title: 'Training / serving split', weight: 12, step: 2, sectionKinds: ['training', 'serving'], judgedOn: ['ml', 'ml-infrastructure'] },
    defaultSeverity: 'error',
    messages: {
      missing: 'No training or serving pipeline is described',
      weak: 'Training and serving are not described as two flows: {detail}',
    },
    criteria: {
      high: 'a training pipeline with at least two stages (ingestion, feature engineering, training, evaluation, versioning) and a serving path with at least two stages (feature retrieval, inference, post-processing such as re-ranking or filtering, returning the result, logging), as separate flows.',
      weak: 'one side only, or both in one vague phrase ("train the model and deploy it behind an API").',
      missing: 'neither pipeline is described.',
    },
    options: signalOptions,
    examples: [
      { title: 'weak: one vague phrase', status: 'weak', text: 'We train the model and deploy it behind an API.' },
      {
        title: 'high: two flows',
        status: 'high',
        text:
          '## Training pipeline\nA daily Airflow job ingests click logs into the warehouse, runs feature engineering in Spark, trains the ranker, evaluates it on a held-out day and registers the version in MLflow.\n\n## Serving path\nOn each request the service fetches features from Redis, runs inference on the candidates, re-ranks them with business rules and logs the served features and scores.',
      },
    ],
  },
  check({ document: doc }) {
    const ctx = answerContext(doc);
    const suggestion =
      `Training pipeline (offline, daily): ingest ${ctx.events} into the warehouse → feature engineering in ${ctx.batchEngine} → train ${ctx.model} → evaluate ${ctx.offlineMetric} on a held-out day → register the version in a model registry. ` +
      `Serving path (online, per request): fetch features from ${ctx.onlineStore} → run inference with ${ctx.model} → re-rank and filter with business rules → log the served features and predictions for the next training run.`;

    const training = stagesOf(doc, 'training');
    const serving = stagesOf(doc, 'serving');
    const t = distinct(training);
    const s = distinct(serving);
    // The evidence is the statement that draws the most of each flow: the training and the serving
    // flow for high (a linked pair), the fullest attempt for weak. An arrow chain ("features ->
    // model -> sort") is a flow of its own.
    // The design of ML tooling (a training operator, a serving runtime) describes the flows it
    // supports, not the two flows of one model: it earns at most weak.
    const tooling = doc.profile.kind === 'ml-infrastructure';
    if (t.size >= 2 && s.size >= 2 && !tooling) return { status: 'high', evidence: [flowEvidence(doc, training), flowEvidence(doc, serving, 'serving')] };
    if (t.size === 0 && s.size === 0) return tooling ? { status: 'missing', judged: false } : { status: 'missing', suggestion };
    const first = flowEvidence(doc, [...training, ...serving]);
    const detail = tooling
      ? `this reads as the design of ML tooling, not of one model's training and serving flows (${quote(first.text, 50)})`
      : t.size < 2 && s.size < 2
        ? `both sides are thin (${quote(first.text, 50)})`
        : t.size < 2
          ? `the training side names ${t.size ? [...t].join(', ') : 'no stage'}`
          : `the serving side names ${s.size ? [...s].join(', ') : 'no stage'}`;
    // A rewrite into one model's two flows would not fit a document about tooling.
    return { status: 'weak', evidence: first, data: { detail }, ...(tooling ? {} : { suggestion }) };
  },
  followUp({ document, status, evidence }) {
    const w = ownWords(document);
    const said = quoted(evidence);
    if (status === 'missing') return [`Walk me through two flows: how ${w.model} is trained (data, features, schedule) and how one request is served (inputs, features, response). What does each own?`, `Which parts run offline on a schedule and which run per request, and what connects the two?`];
    if (status === 'weak') return [`You describe ${said ?? 'one side'}: what does the other flow look like, step by step?`, `Where does a trained model go when training ends, and how does the serving side pick up a new version?`];
    return [`Your training and serving flows are separate: which code or data do they share, and how do you version it so both change together?`];
  },
});
