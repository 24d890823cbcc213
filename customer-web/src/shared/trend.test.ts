import { describe, expect, it } from 'vitest';
import { trendBetween } from './trend';

describe('trendBetween', () => {
  it('is up or down by the exact percentage of the previous amount', () => {
    expect(trendBetween('1234.5', '1000')).toEqual({ direction: 'up', percent: '23.5', description: 'up 23.5 %' });
    expect(trendBetween('750', '1000')).toEqual({ direction: 'down', percent: '25', description: 'down 25 %' });
    // 0.1 + 0.2 in floats would make this 0.30000000000000004 and not exactly +200 %.
    expect(trendBetween('0.3', '0.1').percent).toBe('200');
    expect(trendBetween('2', '3').percent).toBe('33.3');
  });

  it('has no percentage from zero', () => {
    expect(trendBetween('12.5', '0')).toEqual({ direction: 'up', percent: null, description: 'up from $0' });
  });

  it('is flat when nothing changed, including zero to zero', () => {
    expect(trendBetween('0', '0').direction).toBe('flat');
    expect(trendBetween('10.50', '10.5').direction).toBe('flat');
  });

  it('falls to -100 % when usage stops', () => {
    expect(trendBetween('0', '40')).toMatchObject({ direction: 'down', percent: '100' });
  });

  it('never shows a real change as 0 %', () => {
    expect(trendBetween('1000.01', '1000')).toMatchObject({ direction: 'up', percent: '<0.1' });
  });
});
