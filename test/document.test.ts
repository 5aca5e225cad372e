import { describe, expect, it } from 'vitest';
import { Document } from '../src/document/document.js';
import { ComponentLexicon } from '../src/document/components.js';

const doc = (text: string): Document => new Document(text);
const titles = (d: Document): string[] => d.sections.filter((s) => s.level > 0).map((s) => s.title);
const statementTexts = (d: Document): string[] => d.sentences.filter((s) => s.isStatement).map((s) => s.text);

describe('sections', () => {
  it('reads ATX, setext, numbered, emoji and bold-line headings, with their levels', () => {
    const d = doc(
      [
        'Credit risk',
        '===========',
        '',
        'Intro text.',
        '',
        '## 3. Serving',
        'Online.',
        '',
        '### 🚀 Monitoring',
        'Drift.',
        '',
        '**Retraining**',
        '',
        'Weekly.',
        '',
        'Step 2: Features',
        '----------------',
        'Batch.',
      ].join('\n'),
    );
    expect(titles(d)).toEqual(['Credit risk', 'Serving', 'Monitoring', 'Retraining', 'Features']);
    expect(d.sections.filter((s) => s.level > 0).map((s) => s.level)).toEqual([1, 2, 3, 7, 2]);
    const monitoring = d.sections.find((s) => s.title === 'Monitoring')!;
    expect(monitoring.parent?.title).toBe('Serving');
    const retraining = d.sections.find((s) => s.title === 'Retraining')!;
    expect(retraining.parent?.title).toBe('Monitoring');
    expect(retraining.blocks.map((b) => b.text)).toEqual(['Weekly.']);
  });

  it('works without any heading: everything is in the root section', () => {
    const d = doc('We predict churn. We retrain weekly.\n\n- one\n- two');
    expect(titles(d)).toEqual([]);
    expect(d.sections).toHaveLength(1);
    expect(d.sections[0]!.blocks.length).toBe(3);
  });

  it('classifies sections from headings, several kinds at once, and inherits for generic subheadings', () => {
    const d = doc('## Scaling, Monitoring, and Updates\n\ntext\n\n### Notes\n\nmore text');
    const top = d.sections.find((s) => s.title.startsWith('Scaling'))!;
    expect([...top.ownKinds].sort()).toEqual(['monitoring', 'retraining', 'scale']);
    const notes = d.sections.find((s) => s.title === 'Notes')!;
    expect(notes.ownKinds.size).toBe(0);
    expect([...notes.kinds].sort()).toEqual(['monitoring', 'retraining', 'scale']);
  });

  it('classifies a generic heading by its content', () => {
    const d = doc('## Details\n\nWe monitor feature drift daily. Alerts fire on drift. The dashboard shows drift per feature.');
    expect([...d.sections.find((s) => s.title === 'Details')!.ownKinds]).toEqual(['monitoring']);
  });

  it('reads Russian headings too, the model being the object of monitoring or deployment', () => {
    const d = doc('## 2.1. Постановка задачи\n\nx\n\n## ML-метрики и функции потерь\n\nx\n\n## Инфраструктура и масштабируемость\n\nx\n\n## Мониторинг модели\n\nx\n\n## Обучение моделей\n\nx\n\n## Архитектура модели\n\nx');
    expect(d.sections.slice(1).map((s) => [...s.ownKinds].sort())).toEqual([['problem'], ['evaluation'], ['scale', 'serving'], ['monitoring'], ['model', 'training'], ['model']]);
  });

  it('a system architecture heading is serving, a skew heading is about features', () => {
    const d = doc('## High level architecture\n\nx\n\n## Training-serving skew\n\ny');
    expect([...d.sections[1]!.ownKinds]).toEqual(['serving']);
    expect([...d.sections[2]!.ownKinds]).toEqual(['features']);
  });
});

describe('blocks and sentences', () => {
  it('splits prose into sentences with source positions, keeping "e.g." inside a sentence', () => {
    const text = 'Intro line.\n\nWe use e.g. Kafka for events. Latency is 50 ms.';
    const d = doc(text);
    const sentences = d.sentences.map((s) => s.text);
    expect(sentences).toEqual(['Intro line.', 'We use e.g. Kafka for events.', 'Latency is 50 ms.']);
    const last = d.sentences[2]!;
    expect(text.slice(last.start, last.end)).toBe('Latency is 50 ms.');
    expect(d.point(last.start)).toEqual({ line: 3, column: 31 });
  });

  it('gives positions right with CRLF and CR line endings', () => {
    for (const eol of ['\r\n', '\r']) {
      const d = doc(['# T', '', 'First.', '', 'Second line here.'].join(eol));
      const second = d.sentences.find((s) => s.text === 'Second line here.')!;
      expect(d.point(second.start)).toEqual({ line: 5, column: 1 });
    }
  });

  it('does not treat code, HTML comments or front matter as prose', () => {
    const d = doc('---\ntitle: monitoring drift\n---\n\n<!-- we retrain weekly -->\n\n```sql\nSELECT retrain FROM kafka\n```\n\nOnly this.');
    expect(d.sentences.map((s) => s.text)).toEqual(['Only this.']);
  });

  it('reads a Mermaid diagram as the items it draws: labels in order, arrows as →, positions in the source', () => {
    const text = [
      '## Serving',
      '',
      '```mermaid',
      'flowchart LR',
      '  A["Candidate pool: 10,000,000 items"] -->|top 1,000| B(Two-tower retrieval<br>Faiss)',
      '  B --> C{{LightGBM ranker}}',
      '  style A fill:#f9f',
      '  %% a comment',
      '```',
      '',
      '```mermaid',
      'sequenceDiagram',
      '  participant C as Client',
      '  C->>R: POST /rank with 500 candidates',
      '```',
    ].join('\n');
    const d = doc(text);
    const items = d.blocks.filter((b) => b.kind === 'listItem');
    expect(items.map((b) => b.text)).toEqual([
      'Candidate pool: 10,000,000 items → top 1,000 → Two-tower retrieval    Faiss',
      'Two-tower retrieval    Faiss → LightGBM ranker',
      'Client → R POST /rank with 500 candidates',
    ]);
    expect(items.every((b) => b.section.title === 'Serving')).toBe(true);
    // Every word of a sentence maps back to the same word in the source.
    const sentence = items[2]!.sentences[0]!;
    expect(text.slice(sentence.start, sentence.end)).toBe('C->>R: POST /rank with 500 candidates');
    expect(d.quantities.map((q) => `${q.value} ${q.unit}`)).toEqual(expect.arrayContaining(['10000000 items', '500 candidates']));
    // Other code stays code.
    expect(doc('```python\nA --> B\n```').sentences).toEqual([]);
  });

  it('reads a plain-text outline or drawing in a fence without a language as list items, and code as code', () => {
    const text = [
      '## Monitoring',
      '',
      '```',
      'Alerts:',
      '├── Alert rate drops > 50% → possible model degradation',
      '└── Latency p99 > 150ms → scaling issue',
      '+------------------------------+',
      '|  Kafka → Flink → Redis       |',
      '+------------------------------+',
      '```',
    ].join('\n');
    const d = doc(text);
    const items = d.blocks.filter((b) => b.kind === 'listItem');
    expect(items.map((b) => b.text)).toEqual(['Alerts:', 'Alert rate drops > 50% → possible model degradation', 'Latency p99 > 150ms → scaling issue', 'Kafka → Flink → Redis']);
    expect(items.every((b) => b.section.title === 'Monitoring')).toBe(true);
    const sentence = items[1]!.sentences[0]!;
    expect(text.slice(sentence.start, sentence.end)).toBe('Alert rate drops > 50% → possible model degradation');
    // Code without a language, configuration and commands stay code.
    expect(doc('```\ndef score(user):\n    features = fetch(user)\n    return model.predict(features)\n```').sentences).toEqual([]);
    expect(doc('```\nmodel: lightgbm\nretrain_every: 7d\nthreshold: 0.8\n```').sentences).toEqual([]);
    expect(doc('```text\n$ pip install mlsd-lint\n$ mlsd-lint answer.md\n```').sentences).toEqual([]);
  });

  it('links list items to their parent and to a lead-in paragraph', () => {
    const d = doc('Features:\n\n- batch\n  - user embeddings\n- real-time');
    const embeddings = d.blocks.find((b) => b.text === 'user embeddings')!;
    expect(embeddings.parent?.text).toBe('batch');
    expect(embeddings.parent?.parent?.text).toBe('Features:');
    expect(embeddings.depth).toBe(1);
  });

  it('makes table rows blocks hanging from the header row', () => {
    const d = doc('| metric | target |\n|---|---|\n| CTR | +2% |');
    const row = d.blocks.find((b) => b.kind === 'tableRow' && b.text.startsWith('CTR'))!;
    expect(row.text).toBe('CTR | +2%');
    expect(row.parent?.text).toBe('metric | target');
  });

  it('splits a paragraph of short unpunctuated lines (a pasted table) at its line breaks', () => {
    const d = doc('Metric\tImportance\nDelivery latency\tUser experience\nQueue backlog\tBottlenecks');
    expect(d.sentences.map((s) => s.text)).toEqual(['Metric Importance', 'Delivery latency User experience', 'Queue backlog Bottlenecks']);
  });
});

describe('what does not count as saying something', () => {
  it("a table's header row names its columns; the rows under it are statements", () => {
    const d = doc('| Business problem | KPI optimized | Target |\n|---|---|---|\n| Churn | Retention rate | +2% |\n\n| Latency | 100 ms |\n|---|---|\n');
    expect(d.sentences.map((s) => [s.text, s.isStatement])).toEqual([
      ['Business problem | KPI optimized | Target', false],
      ['Churn | Retention rate | +2%', true],
      ['Latency | 100 ms', true],
    ]);
  });

  it('flags questions, placeholders, TODOs, undecided labels, instructions and deferrals', () => {
    const d = doc(
      [
        'What is the latency requirement?',
        'Metric: [metric]',
        'TODO: retraining',
        'Retraining strategy: to be decided',
        'Discuss A/B testing with the interviewer.',
        'Continue benchmarking and monitoring your system.',
        "That depends on the traffic, so I'd ask the interviewer before committing.",
        'We retrain weekly.',
      ].join('\n\n'),
    );
    expect(statementTexts(d)).toEqual(['We retrain weekly.']);
    const flags = d.sentences.map((s) => [s.isQuestion, s.isPlaceholder, s.isInstruction]);
    expect(flags.slice(0, 7)).toEqual([
      [true, false, false],
      [false, true, false],
      [false, true, false],
      [false, true, false],
      [false, false, true],
      [false, false, true],
      [false, false, true],
    ]);
  });

  it('reads a bracket with a figure in it as a template filled in, and one without as a blank', () => {
    const d = doc(['Main metric: [F1 weighted, 0.9192]', 'Latency: [X ms]', 'Main metric: [metric name]', 'Test set: [7854 records]', 'Latency budget: [p99 in ms]', 'Offline metric: [NDCG@10]'].join('\n\n'));
    expect(d.sentences.map((s) => s.isPlaceholder)).toEqual([false, true, true, false, true, true]);
  });

  it('reads an unchecked task-list item, and what hangs under it, as a to-do, not a statement', () => {
    const d = doc(['- [x] We retrain the ranker every night on 30 days of clicks.', '- [ ] We alert on feature drift above a PSI of 0.2.', '  - The alert pages the on-call engineer.', '- We log every served feature.'].join('\n'));
    expect(statementTexts(d)).toEqual(['We retrain the ranker every night on 30 days of clicks.', 'We log every served feature.']);
  });

  it('reads a question without its question mark as a question', () => {
    const d = doc(
      [
        '- Are we trying to drive user engagement, increase revenue, etc.',
        '- What is the latency budget for a request',
        "- Is there a model in place already, or do we build from scratch",
        '- How many users are we serving at once',
        '- What we predict: the probability that the user clicks the ad.',
        '- How we train: a daily job on the last 30 days of clicks.',
        '- Is the model retrained weekly? Yes: every Monday.',
      ].join('\n'),
    );
    expect(d.sentences.filter((s) => s.isQuestion).map((s) => s.text)).toEqual([
      'Are we trying to drive user engagement, increase revenue, etc.',
      'What is the latency budget for a request',
      'Is there a model in place already, or do we build from scratch',
      'How many users are we serving at once',
      'Is the model retrained weekly?',
    ]);
  });

  it('reads a subject and its verb as a statement, even when it speaks of "you"', () => {
    const d = doc(['Labels are created when you watch more than half of a video.', 'Features get joined when you open the app.', 'Benchmark your model against a popularity baseline.'].join('\n\n'));
    expect(d.sentences.map((s) => s.isInstruction)).toEqual([false, false, true]);
  });

  it('treats template scaffold bullets (topic names with nothing under them) as placeholders', () => {
    const d = doc('## 8. Online Testing\n\n- A/B Test\n- Deployment and release\n\n## Metrics\n\n- Offline metrics\n  - CTR\n  - AUC');
    const scaffold = d.blocks.filter((b) => b.scaffold).map((b) => b.text);
    expect(scaffold).toEqual(['A/B Test', 'Deployment and release']);
    expect(statementTexts(d)).toEqual(['Offline metrics', 'CTR', 'AUC']);
  });

  it('treats a table of contents as navigation', () => {
    const d = doc('1. [Problem](#problem)\n2. [Data](#data)\n\n# Problem\n\nWe predict churn.');
    expect(statementTexts(d)).toEqual(['We predict churn.']);
  });

  it('treats a list of bare addresses as navigation too, and an address in a sentence as words', () => {
    const d = doc('- https://example.com/feast\n- www.example.org https://example.net/a_b_c\n- ops@example.com\n\nOur feature store is documented at https://example.com/docs.');
    expect(statementTexts(d)).toEqual(['Our feature store is documented at https://example.com/docs.']);
  });
});

describe('named components', () => {
  it('finds curated names, multi-word names and aliases, case-sensitively where the word is ambiguous', () => {
    const d = doc('We use Faster R-CNN, scikit-learn and LightGBM; a Feast feature store on Redis; we feast on data; Ray and ray tracing.');
    expect(d.components.map((c) => c.entry.name)).toEqual(['Faster R-CNN', 'scikit-learn', 'LightGBM', 'Feast', 'Redis', 'Ray']);
  });

  it('knows OCR, sentence-embedding and e-mail services by name, and "ses" only as the acronym', () => {
    const d = doc('Pages are read with pytesseract, chunks are embedded with sentence-transformers, and mail goes out through AWS SES or SES; the ses of a word are not a service.');
    expect(d.components.map((c) => c.entry.name)).toEqual(['Tesseract', 'sentence-transformers', 'Amazon SES', 'SES']);
  });

  it('does not count generic model families', () => {
    const d = doc('A two-tower model, logistic regression, a GNN, collaborative filtering and a transformer.');
    expect(d.components).toEqual([]);
  });

  it('is extensible', () => {
    const lexicon = new ComponentLexicon();
    lexicon.add({ name: 'Acme Store' }, 'storage');
    const d = new Document('Features live in Acme Store.', { components: lexicon });
    expect(d.components.map((c) => c.entry.name)).toEqual(['Acme Store']);
  });
});

describe('stems', () => {
  it('matches inflections through Porter stems', () => {
    const d = doc('We retrain, retrained and keep retraining.');
    const stems = d.sentences[0]!.words.map((w) => w.stem);
    expect(stems.filter((s) => s === 'retrain')).toHaveLength(3);
  });
});

describe('sentences about the document itself', () => {
  it('"This guide covers ..." is a table of contents, not a statement of the design', () => {
    const d = doc('This guide dissects the pipeline, then covers drift monitoring and alerting. We alert on AUC below 0.8. These notes outline the strategies.');
    expect(statementTexts(d)).toEqual(['We alert on AUC below 0.8.']);
  });
});

describe('possibilities', () => {
  it('"we could", "you might", "one option would be" earn nothing; "we would" is a decision', () => {
    const d = doc(
      [
        'We could add drift monitoring later.',
        'One option would be to retrain weekly.',
        'You might log served features.',
        'Optionally, features come from Feast.',
        'We would retrain weekly on a 90-day window.',
        'The model may drift, so we alert on AUC.',
      ].join(' '),
    );
    expect(statementTexts(d)).toEqual(['We would retrain weekly on a 90-day window.', 'The model may drift, so we alert on AUC.']);
  });
});

describe('future work', () => {
  it('what a "Next steps", "Roadmap" or "Future work" section plans is not a statement of the design', () => {
    const d = doc(['## Monitoring', '', 'We alert on AUC below 0.8.', '', '## Next steps', '', 'Add drift monitoring.', '', '### Later', '', 'Retrain weekly.', '', '## Roadmap', '', '- Feature store'].join('\n'));
    expect(statementTexts(d)).toEqual(['We alert on AUC below 0.8.']);
  });
});

describe('table size', () => {
  it('counts the cells of every table, not of code, and refuses an answer over the limit', async () => {
    const { tooManyTableCells } = await import('../src/document/nesting.js');
    const table = (rows: number, cols: number): string =>
      [Array(cols).fill('h').join(' | '), Array(cols).fill('---').join(' | '), ...Array.from({ length: rows }, () => Array(cols).fill('x').join(' | '))].map((l) => `| ${l} |`).join('\n');
    expect(tooManyTableCells(table(10, 5), 100)).toBeUndefined();
    expect(tooManyTableCells(`intro\n\n${table(30, 5)}`, 100)).toEqual({ line: 3, cells: expect.any(Number) });
    // Two tables add up; a table in fenced code is not parsed as one.
    expect(tooManyTableCells(`${table(10, 5)}\n\ntext\n\n${table(10, 5)}`, 100)).toBeDefined();
    expect(tooManyTableCells(`\`\`\`\n${table(30, 5)}\n\`\`\``, 100)).toBeUndefined();
    expect(() => doc(table(20_000, 5))).toThrow(/tables of more than 50,000 cells \(from the table at line 1\); not linted/);
  });
});

describe('document profile', () => {
  it('tells a long non-ML design from an ML answer', () => {
    const nonMl = doc(Array.from({ length: 40 }, () => 'The web servers write pastes to the object store and the cache serves hot reads.').join(' '));
    expect(nonMl.profile.isML).toBe(false);
    const ml = doc(Array.from({ length: 40 }, () => 'The model is trained on labelled clicks and the features come from logs.').join(' '));
    expect(ml.profile.isML).toBe(true);
  });

  it('reads the words of machine learning in Russian too', () => {
    const ml = doc(Array.from({ length: 30 }, () => 'Модель обучается раз в неделю на выборке заказов, признаки считаются за день, прогноз готов утром.').join(' '));
    expect(ml.profile.isML).toBe(true);
    const nonMl = doc(Array.from({ length: 30 }, () => 'Веб-серверы пишут заметки в хранилище объектов, а кэш отдаёт частые чтения.').join(' '));
    expect(nonMl.profile.isML).toBe(false);
  });

  it('one explicit ML statement makes a long document an ML design', () => {
    const text = Array.from({ length: 40 }, () => 'The web servers write pastes to the object store.').join(' ') + " We're predicting which pastes get reported.";
    expect(doc(text).profile.isML).toBe(true);
  });

  it('tells ML infrastructure (jobs, clusters, containers; no prediction problem) from an ML design', () => {
    const platform = doc(
      Array.from({ length: 30 }, () => 'The training operator restarts failed pods of a job on the cluster and the controller records the model checkpoint in storage.').join(' '),
    );
    expect(platform.profile.kind).toBe('ml-infrastructure');
    expect(platform.profile.isML).toBe(false);
    // The same infrastructure words around a prediction problem: an end-to-end ML project.
    const project = doc(
      Array.from(
        { length: 30 },
        () => 'The training job runs on the cluster and predicts whether a customer churns; the model is judged by recall on labelled customers.',
      ).join(' '),
    );
    expect(project.profile.kind).toBe('ml');
    expect(project.profile.isML).toBe(true);
  });

  it('a project that says what it predicts is an ML design, however much it talks about infrastructure', () => {
    const text =
      'The app predicts whether a student will pass the course. ' +
      Array.from({ length: 30 }, () => 'The ingestion job runs in a container on the cluster and the workflow stores the config in storage.').join(' ');
    expect(doc(text).profile.kind).toBe('ml');
  });

  it('judges a short snippet on what it says, whatever its words', () => {
    const snippet = doc('The job runs in a container on the cluster; the controller restarts failed pods.');
    expect(snippet.profile.kind).toBe('ml');
  });

  it('a long design without ML is non-ml, and the serving words of an ML answer are not infrastructure', () => {
    expect(doc(Array.from({ length: 40 }, () => 'The web servers write pastes to the object store and the cache serves hot reads.').join(' ')).profile.kind).toBe('non-ml');
    const serving = doc(
      Array.from({ length: 30 }, () => 'Each request hits the API endpoint, the server reads features from the cache and the model scores the request.').join(' '),
    );
    expect(serving.profile.kind).toBe('ml');
  });

  it('a compute cluster and the labels of pods or series are infrastructure words, not ML', () => {
    const text = Array.from(
      { length: 30 },
      () => 'Each cluster runs the query frontend, and the store gateway selects the series by their labels before it answers the request.',
    ).join(' ');
    expect(doc(text).profile.kind).toBe('non-ml');
    expect(doc(Array.from({ length: 30 }, () => 'We group the users with k-means clustering and the labels come from their clicks on the results.').join(' ')).profile.kind).toBe('ml');
  });
});
