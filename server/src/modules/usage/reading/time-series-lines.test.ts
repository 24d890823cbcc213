import { describe, expect, it } from 'vitest';
import { seriesDates, seriesLines, seriesPoints } from './time-series-lines.js';

describe('seriesDates', () => {
  it('lists the UTC days of a half-open range', () => {
    expect(seriesDates(new Date('2026-02-27T00:00:00Z'), new Date('2026-03-02T00:00:00Z'))).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});

describe('seriesLines', () => {
  const dates = ['2026-03-01', '2026-03-02', '2026-03-03'];
  it('zero-fills each key on the dates and totals exactly, highest cost first', () => {
    const lines = seriesLines(dates, [
      { date: '2026-03-01', key: 'OPENAI', costUsd: '0.1', apiCalls: 1, units: 10 },
      { date: '2026-03-03', key: 'OPENAI', costUsd: '0.2', apiCalls: 2, units: 20 },
      { date: '2026-03-02', key: 'SMARTFLO', costUsd: '0.300000000001', apiCalls: 1, units: 1.5 },
      { date: '2026-03-09', key: 'SMARTFLO', costUsd: '99', apiCalls: 9, units: 9 },
    ]);
    expect(lines).toEqual([
      { key: 'SMARTFLO', totalCostUsd: '0.300000000001', totalApiCalls: 1, costUsd: ['0', '0.300000000001', '0'], apiCalls: [0, 1, 0], units: [0, 1.5, 0] },
      // 0.1 + 0.2 is exactly 0.3 (no float), below 0.300000000001.
      { key: 'OPENAI', totalCostUsd: '0.3', totalApiCalls: 3, costUsd: ['0.1', '0', '0.2'], apiCalls: [1, 0, 2], units: [10, 0, 20] },
    ]);
  });

  it('breaks equal costs by calls, then by key', () => {
    const lines = seriesLines(dates, [
      { date: '2026-03-01', key: 'b', costUsd: '1', apiCalls: 1, units: 0 },
      { date: '2026-03-01', key: 'a', costUsd: '1', apiCalls: 1, units: 0 },
      { date: '2026-03-01', key: 'c', costUsd: '1', apiCalls: 5, units: 0 },
    ]);
    expect(lines.map((l) => l.key)).toEqual(['c', 'a', 'b']);
  });

  it('totals text with more than 12 decimals exactly too, and orders it among the others', () => {
    const lines = seriesLines(dates, [
      { date: '2026-03-01', key: 'fine', costUsd: '1.0000000000001', apiCalls: 1, units: 0 },
      { date: '2026-03-02', key: 'fine', costUsd: '2', apiCalls: 1, units: 0 },
      { date: '2026-03-01', key: 'plain', costUsd: '3', apiCalls: 9, units: 0 },
      { date: '2026-03-01', key: 'more', costUsd: '3.000000000001', apiCalls: 1, units: 0 },
    ]);
    expect(lines.map((l) => [l.key, l.totalCostUsd])).toEqual([
      ['more', '3.000000000001'],
      ['fine', '3.0000000000001'],
      ['plain', '3'],
    ]);
  });
});

describe('seriesPoints', () => {
  it('reads rows as points, trimming the decimals PostgreSQL pads', () => {
    expect(seriesPoints([['2026-03-01', 'gpt-4', '0.060000000000', '2', '3000']])).toEqual([{ date: '2026-03-01', key: 'gpt-4', costUsd: '0.06', apiCalls: 2, units: 3000 }]);
  });

  it('adds a key repeated within a day exactly, and keeps it apart on other days', () => {
    const points = seriesPoints([
      ['2026-03-01', 'shared', '0.100000000000', '1', '0.1'],
      ['2026-03-01', 'shared', '0.200000000000', '2', '0.2'],
      ['2026-03-01', 'shared', '0.000000000001', '3', '1'],
      ['2026-03-01', 'solo', '1', '1', '1'],
      ['2026-03-02', 'shared', '5', '1', '1'],
    ]);
    expect(points).toEqual([
      // 0.1 + 0.2 is exactly 0.3 (no float), for the cost and the units alike.
      { date: '2026-03-01', key: 'shared', costUsd: '0.300000000001', apiCalls: 6, units: 1.3 },
      { date: '2026-03-01', key: 'solo', costUsd: '1', apiCalls: 1, units: 1 },
      { date: '2026-03-02', key: 'shared', costUsd: '5', apiCalls: 1, units: 1 },
    ]);
  });
});
