import { describe, expect, it } from 'vitest';
import { buildDailySeries, dayRange, topWithOther, totalsByKey } from './timeSeries';

const points = [
  { date: '2026-11-20', key: 'OPENAI', costUsd: '0.1', apiCalls: 2, units: 300 },
  { date: '2026-11-20', key: 'SMARTFLO', costUsd: '0.2', apiCalls: 1, units: 3 },
  { date: '2026-11-22', key: 'OPENAI', costUsd: '1.0000000001', apiCalls: 5, units: 900 },
];

describe('dayRange', () => {
  it('lists UTC days of a half-open range', () => {
    expect(dayRange('2026-11-20T00:00:00.000Z', '2026-11-23T00:00:00.000Z')).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
    expect(dayRange('2026-11-20T15:00:00.000Z', '2026-11-21T10:00:00.000Z')).toEqual(['2026-11-20', '2026-11-21']);
  });
});

describe('buildDailySeries', () => {
  it('zero-fills missing days and sums exactly', () => {
    const s = buildDailySeries(points, '2026-11-20T00:00:00.000Z', '2026-11-23T00:00:00.000Z');
    expect(s.labels).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
    expect(s.keys).toEqual(['OPENAI', 'SMARTFLO']);
    expect(s.cost.OPENAI).toEqual(['0.1', '0', '1.0000000001']);
    expect(s.totalCost).toEqual(['0.3', '0', '1.0000000001']);
    expect(s.totalCalls).toEqual([3, 0, 5]);
  });

  it('ignores points outside the range', () => {
    const s = buildDailySeries(points, '2026-11-21T00:00:00.000Z', '2026-11-22T00:00:00.000Z');
    expect(s.totalCalls).toEqual([0]);
  });
});

describe('totals per key', () => {
  it('orders by exact cost and folds the tail into Other', () => {
    const totals = totalsByKey([
      { date: 'd', key: 'a', costUsd: '0.30000000000000001', apiCalls: 1, units: 0 },
      { date: 'd', key: 'b', costUsd: '0.3', apiCalls: 9, units: 0 },
      { date: 'd', key: 'c', costUsd: '0.1', apiCalls: 1, units: 0 },
      { date: 'd', key: 'd', costUsd: '0.05', apiCalls: 2, units: 0 },
    ]);
    expect(totals.map((t) => t.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(topWithOther(totals, 3)).toEqual([totals[0], totals[1], { key: 'Other', costUsd: '0.15', apiCalls: 3 }]);
  });
});
