import { describe, expect, it } from 'vitest';
import { buildDailySeries, topWithOther, totalsByKey } from './timeSeries';

const line = (key: string, costUsd: string[], apiCalls: number[], totalCostUsd: string) => ({
  key,
  costUsd,
  apiCalls,
  totalCostUsd,
  totalApiCalls: apiCalls.reduce((a, b) => a + b, 0),
});

describe('buildDailySeries', () => {
  it('reads the lines on the dates and totals each day exactly', () => {
    const s = buildDailySeries(
      ['2026-11-20', '2026-11-21', '2026-11-22'],
      [line('OPENAI', ['0.1', '0', '1.0000000001'], [2, 0, 5], '1.1000000001'), line('SMARTFLO', ['0.2', '0', '0'], [1, 0, 0], '0.2')],
    );
    expect(s.labels).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
    expect(s.keys).toEqual(['OPENAI', 'SMARTFLO']);
    expect(s.cost.OPENAI).toEqual(['0.1', '0', '1.0000000001']);
    expect(s.totalCost).toEqual(['0.3', '0', '1.0000000001']);
    expect(s.totalCalls).toEqual([3, 0, 5]);
  });

  it('has zero totals on days when nothing was used', () => {
    expect(buildDailySeries(['2026-11-21'], []).totalCalls).toEqual([0]);
  });
});

describe('totals per key', () => {
  it('orders by exact cost and folds the tail into Other', () => {
    const totals = totalsByKey([
      line('c', ['0.1'], [1], '0.1'),
      line('b', ['0.3'], [9], '0.3'),
      line('a', ['0.30000000000000001'], [1], '0.30000000000000001'),
      line('d', ['0.05'], [2], '0.05'),
    ]);
    expect(totals.map((t) => t.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(topWithOther(totals, 3)).toEqual([totals[0], totals[1], { key: 'Other', costUsd: '0.15', apiCalls: 3 }]);
  });
});
