import { describe, expect, it } from 'vitest';
import { formatPercent, LEVEL_STYLES, levelForPercent } from './levels';

describe('levelForPercent matches the API bands (OK < 60, NOTICE 60–80, WARNING 80–90, CRITICAL ≥ 90)', () => {
  it.each([
    [0, 'OK', 'green', 'level-ok'],
    [59.9, 'OK', 'green', 'level-ok'],
    [60, 'NOTICE', 'yellow', 'level-notice'],
    [79.99, 'NOTICE', 'yellow', 'level-notice'],
    [80, 'WARNING', 'orange', 'level-warning'],
    [89.9, 'WARNING', 'orange', 'level-warning'],
    [90, 'CRITICAL', 'red', 'level-critical'],
    [150, 'CRITICAL', 'red', 'level-critical'],
  ] as const)('%s %% is %s (%s)', (percent, level, colour, className) => {
    expect(levelForPercent(percent)).toBe(level);
    expect(LEVEL_STYLES[levelForPercent(percent)].colour).toBe(colour);
    expect(LEVEL_STYLES[levelForPercent(percent)].className).toBe(className);
  });

  it('names every level in words', () => {
    expect(Object.values(LEVEL_STYLES).map((s) => s.label)).toEqual([
      'On track',
      'Notice',
      'Warning',
      'Critical',
    ]);
  });
});

describe('formatPercent', () => {
  it('truncates so a threshold or limit is never shown before it is reached', () => {
    expect(formatPercent(84)).toBe('84%');
    expect(formatPercent(59.94)).toBe('59.9%');
    expect(formatPercent(89.96)).toBe('89.9%');
    expect(formatPercent(99.6)).toBe('99.6%');
    expect(formatPercent(99.99)).toBe('99.9%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(104.2)).toBe('104.2%');
    expect(formatPercent(5.55)).toBe('5.5%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});
