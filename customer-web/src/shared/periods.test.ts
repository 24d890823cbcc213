import { describe, expect, it } from 'vitest';
import { daysOfPeriod, monthRange, recentPeriods } from './periods';

describe('periods', () => {
  it('gives a month as UTC half-open bounds', () => {
    expect(monthRange('2026-11')).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(monthRange('2028-02').to).toBe('2028-03-01T00:00:00.000Z');
    expect(() => monthRange('2026-13')).toThrow(RangeError);
  });

  it('lists recent months newest first across a year boundary', () => {
    expect(recentPeriods(3, new Date('2027-01-31T23:59:59Z'))).toEqual(['2027-01', '2026-12', '2026-11']);
  });

  it('lists the days of a month up to now', () => {
    expect(daysOfPeriod('2026-11', new Date('2026-11-03T08:00:00Z'))).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    expect(daysOfPeriod('2026-02', new Date('2026-05-01T00:00:00Z'))).toHaveLength(28);
  });
});
