import { describe, expect, it } from 'vitest';
import {
  currentPeriod,
  daysOfPeriod,
  formatDateTime,
  formatEffectiveFrom,
  formatPeriod,
  formatPeriodRange,
  formatRelative,
  isPeriod,
  monthRange,
  recentPeriods,
  shiftPeriod,
} from './periods';

describe('periods', () => {
  it('gives a month as UTC half-open bounds', () => {
    expect(monthRange('2026-11')).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(monthRange('2026-12')).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(monthRange('2028-02').to).toBe('2028-03-01T00:00:00.000Z');
    expect(() => monthRange('2026-13')).toThrow(RangeError);
  });

  it('names the UTC month of a moment, not the local one', () => {
    expect(currentPeriod(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11');
    expect(currentPeriod(new Date('2026-12-01T00:00:00.000Z'))).toBe('2026-12');
    expect(isPeriod('2026-11')).toBe(true);
    expect(isPeriod('2026-1')).toBe(false);
    expect(isPeriod(null)).toBe(false);
  });

  it('shifts and lists months newest first across a year boundary', () => {
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
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

  it('names months long and short', () => {
    expect(formatPeriod('2026-11')).toBe('November 2026');
    expect(formatPeriod('2026-11', 'short')).toBe('Nov 2026');
    expect(formatPeriod('soon')).toBe('soon');
  });
});

describe('dates', () => {
  it('shows a half-open month as its inclusive days', () => {
    expect(formatPeriodRange('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toBe(
      'Nov 1, 2026 – Nov 30, 2026',
    );
  });

  it('drops a UTC-midnight time from a price start, keeps any other', () => {
    expect(formatEffectiveFrom('2000-01-01T00:00:00.000Z')).toBe('Jan 1, 2000');
    expect(formatEffectiveFrom('2026-12-01T10:30:00.000Z')).toBe(formatDateTime('2026-12-01T10:30:00.000Z'));
  });

  it('shows a dash for a missing moment and the text itself for a malformed one', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('says how long ago something happened', () => {
    const now = new Date('2026-11-05T12:00:00Z');
    expect(formatRelative('2026-11-05T11:59:30Z', now)).toBe('just now');
    expect(formatRelative('2026-11-05T11:50:00Z', now)).toBe('10 min ago');
    expect(formatRelative('2026-11-04T12:00:00Z', now)).toBe('24 h ago');
    expect(formatRelative('2026-11-01T12:00:00Z', now)).toBe('4 days ago');
  });
});
