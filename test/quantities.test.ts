import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../src/document/quantities.js';
import { Document } from '../src/document/document.js';
import { codeFigures } from '../src/analysis/code.js';

const q = (text: string): Array<[string, string]> => extractQuantities(text).map((x) => [x.text, x.kind]);

describe('quantities with units and kinds', () => {
  it.each([
    ['labels arrive with a 24h delay', [['24h', 'duration']]],
    ['on a rolling 90-day window', [['90-day', 'duration']]],
    ['retrieval in <10ms', [['<10ms', 'latency']]],
    ['search latency <= 1s', [['<= 1s', 'latency']]],
    ['availability >= 99.9%', [['>= 99.9%', 'threshold']]],
    ['top k=10 and x = 5 items', []],
    ['p99 150 ms end to end', [['150 ms', 'latency']]],
    ['at 10M DAU', [['10M DAU', 'count']]],
    ['4K QPS at peak', [['4K QPS', 'rate']]],
    ['if AUC < 0.82 we retrain', [['< 0.82', 'threshold']]],
    ['when CTR drops more than 15%', [['more than 15%', 'threshold']]],
    ['we retrain weekly', [['weekly', 'cadence']]],
    ['every 6 hours', [['6 hours', 'cadence']]],
    ['2 PB of logs', [['2 PB', 'size']]],
    // Russian spellings of the units, magnitudes and count nouns.
    ['p95 не более 500 мс', [['500 мс', 'latency']]],
    ['Задержка: среднее время ответа не более 10 секунд', [['10 секунд', 'latency']]],
    ['данные выгружаются за 10 секунд', [['10 секунд', 'duration']]],
    ['ёмкость входа 100 тикетов/с', [['100 тикетов', 'rate']]],
    ['10 млн пользователей', [['10 млн пользователей', 'count']]],
    ['переобучение каждые 7 дней', [['7 дней', 'duration']]],
    ['в 5 с лишним раз', []],
    ['$185K a year', [['$185K', 'money']]],
    ['600+ cities', [['600+ cities', 'count']]],
    ['about 50-100 ms', [['50-100 ms', 'latency']]],
    ['data for three months', [['three months', 'duration']]],
    ['known within about an hour', [['an hour', 'duration']]],
    ['8M daily active users', [['8M daily active users', 'count']]],
    ['10% of users get the new model', [['10%', 'percentage']]],
    ['up to 30 seconds to respond', [['up to 30 seconds', 'latency']]],
    // A metric's movement in points is a threshold; points of a list are not quantities.
    ['retrain when NDCG@10 drops by 2 points', [['2 points', 'threshold']]],
    ['AUC fell 3 points after launch', [['3 points', 'threshold']]],
    ['there are three points to consider and 3 data points per user', []],
    // A fraction of one is not a count: the word after it is a verb, the comparator makes a threshold.
    ['an alert on PSI above 0.2 pages the on-call', [['above 0.2', 'threshold']]],
    ['0.5M users', [['0.5M users', 'count']]],
    // A compound count noun still reads the rate after it; a time per time converts units.
    ['40,000 search requests per second', [['40,000 search requests', 'rate']]],
    ['4 paste writes per second on average', [['4 paste writes', 'rate']]],
    ['1000+ transaction characteristics', [['1000+ transaction characteristics', 'count']]],
    ['2.5 million seconds per month', [['2.5 million seconds', 'duration']]],
  ])('%s', (text, expected) => {
    expect(q(text)).toEqual(expected);
  });
});

describe('numbers that are not design figures', () => {
  it.each([
    ['a two-stage architecture with three towers'],
    ['six steps and 2 heads'],
    ['COTA v2 and Python 3.8 and GPT-4'],
    ['NDCG@10 and top-1 accuracy'],
    ['in 2023 we shipped it'],
    ['Step 1: collect data'],
    ['user clicks within t seconds'],
    ['the 1st and 2nd stage'],
    ['1 in 10,000 requests is sampled'],
    ['see https://example.com/paper/2312.02573'],
    ['100s of ticket types'],
    ['millions of users'],
    ['a 3D CNN renders a 2D image'],
    ['user A is mapped to server 1 and user B to server 2'],
    ['3-User interaction data'],
    ['4- Sessions are split by day'],
  ])('%s', (text) => {
    expect(extractQuantities(text).filter((x) => x.numeric)).toEqual([]);
  });
});

describe('figures set in code listings', () => {
  const figures = (text: string): string[] => codeFigures(new Document(text)).map((f) => `${f.key}=${f.value}${f.unit}`);

  it('reads settings, flags and quantities in comments', () => {
    const text = ['```yaml', 'replicas: 3', 'memory: "16Gi"', 'batch_size=256  # about 2,000 samples per second', '```', '', '```sh', 'train --num-workers 8 --epochs=5', '```'].join('\n');
    expect(figures(text)).toEqual(['replicas=3', 'memory=16gi', 'batch_size=256', 'rate=2000samples', 'epochs=5', 'num-workers=8']);
  });

  it('leaves out ids, ports, versions, seeds, switches and prose', () => {
    const text = ['Prose with replicas: 3 is not code.', '', '```yaml', 'job_id: 1234', 'partyid: 9999', 'port: 8080', 'api_version: 2', 'seed: 42', 'verbose: 1', 'shuffle: 0', '```'].join('\n');
    expect(figures(text)).toEqual([]);
  });

  it('counts a setting once however often it is repeated', () => {
    expect(figures(['```', 'replicas: 3', 'replicas: 3', 'replicas: 4', '```'].join('\n'))).toEqual(['replicas=3', 'replicas=4']);
  });

  it('does not read diagrams as code', () => {
    expect(figures(['```mermaid', 'graph LR', 'A[replicas: 3] --> B', '```'].join('\n'))).toEqual([]);
  });
});
