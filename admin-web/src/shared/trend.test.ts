import { describe, expect, it } from 'vitest';
import { computeTrend, trendTone } from './trend';

describe('computeTrend', () => {
  it('computes exact percent changes of money', () => {
    expect(computeTrend('0.30', '0.10')).toMatchObject({ direction: 'up', percent: '200.0' });
    expect(computeTrend('0.3', '0.1').text).toBe('up 200.0% from last month');
    // A float would give 0.1 + 0.2 = 0.30000000000000004 and a non-zero change here.
    expect(computeTrend('0.3', '0.30')).toMatchObject({ direction: 'flat', percent: '0.0' });
  });

  it('rounds to one decimal, half away from zero', () => {
    expect(computeTrend(1125, 1000)).toMatchObject({ direction: 'up', percent: '12.5' });
    expect(computeTrend(2, 3)).toMatchObject({ direction: 'down', percent: '33.3' });
    expect(computeTrend('1.00005', '1')).toMatchObject({ direction: 'up', percent: '<0.1' });
  });

  it('has no percentage without a baseline', () => {
    expect(computeTrend(5, 0)).toMatchObject({ direction: 'new', percent: null });
    expect(computeTrend(0, 0)).toMatchObject({ direction: 'flat' });
  });

  it('handles large counters exactly', () => {
    expect(computeTrend(9007199254740991, 4503599627370496)).toMatchObject({ direction: 'up', percent: '100.0' });
  });

  it('names the comparison period', () => {
    expect(computeTrend(90, 100, 'October 2026').text).toBe('down 10.0% from October 2026');
  });
});

describe('trendTone', () => {
  it('knows that more alerts is bad news and more revenue good', () => {
    expect(trendTone('up', true)).toBe('good');
    expect(trendTone('up', false)).toBe('bad');
    expect(trendTone('down', false)).toBe('good');
    expect(trendTone('flat', true)).toBe('neutral');
  });
});
