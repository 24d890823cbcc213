import { describe, expect, it } from 'vitest';
import { computeTrend, trendTone } from './trend';

describe('computeTrend', () => {
  it('is up or down by the exact percentage of the previous amount', () => {
    expect(computeTrend('1234.5', '1000')).toEqual({
      direction: 'up',
      percent: '23.5',
      text: 'up 23.5% from last month',
    });
    expect(computeTrend('750', '1000')).toEqual({
      direction: 'down',
      percent: '25',
      text: 'down 25% from last month',
    });
    // 0.1 + 0.2 in floats would make this 0.30000000000000004 and not exactly +200 %.
    expect(computeTrend('0.30', '0.10')).toMatchObject({ direction: 'up', percent: '200' });
    expect(computeTrend('2', '3').percent).toBe('33.3');
  });

  it('rounds to one decimal, half away from zero', () => {
    expect(computeTrend(1125, 1000)).toMatchObject({ direction: 'up', percent: '12.5' });
    expect(computeTrend(2, 3)).toMatchObject({ direction: 'down', percent: '33.3' });
  });

  it('never shows a real change as 0%', () => {
    expect(computeTrend('1000.01', '1000')).toMatchObject({ direction: 'up', percent: '<0.1' });
    expect(computeTrend('1.00005', '1')).toMatchObject({ direction: 'up', percent: '<0.1' });
  });

  it('is flat when nothing changed, including zero to zero and across scales', () => {
    expect(computeTrend('0.3', '0.30')).toMatchObject({ direction: 'flat', percent: '0' });
    expect(computeTrend('10.50', '10.5').direction).toBe('flat');
    expect(computeTrend(0, 0)).toMatchObject({ direction: 'flat', text: 'no change from last month' });
  });

  it('has no percentage without a baseline', () => {
    expect(computeTrend('12.5', '0')).toEqual({
      direction: 'new',
      percent: null,
      text: 'new since last month',
    });
    expect(computeTrend(5, 0)).toMatchObject({ direction: 'new', percent: null });
  });

  it('falls to -100% when usage stops', () => {
    expect(computeTrend('0', '40')).toMatchObject({ direction: 'down', percent: '100' });
  });

  it('handles large counters exactly', () => {
    expect(computeTrend(9007199254740991, 4503599627370496)).toMatchObject({
      direction: 'up',
      percent: '100',
    });
  });

  it('names the comparison period', () => {
    expect(computeTrend(90, 100, 'October 2026').text).toBe('down 10% from October 2026');
  });
});

describe('trendTone', () => {
  it('knows that more alerts is bad news and more revenue good', () => {
    expect(trendTone('up', true)).toBe('good');
    expect(trendTone('up', false)).toBe('bad');
    expect(trendTone('down', false)).toBe('good');
    expect(trendTone('new', false)).toBe('bad');
    expect(trendTone('flat', true)).toBe('neutral');
  });
});
