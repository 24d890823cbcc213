import { describe, expect, it } from 'vitest';
import { formatPercent, LEVEL_STYLE, levelForPercent } from './level';

describe('levelForPercent', () => {
  it.each([
    [0, 'OK'],
    [59.9, 'OK'],
    [60, 'NOTICE'],
    [79.99, 'NOTICE'],
    [80, 'WARNING'],
    [89.9, 'WARNING'],
    [90, 'CRITICAL'],
    [150, 'CRITICAL'],
  ] as const)('%s%% is %s', (percent, level) => {
    expect(levelForPercent(percent)).toBe(level);
  });

  it('maps each level to its colour class', () => {
    expect(LEVEL_STYLE.OK.className).toBe('level-ok');
    expect(LEVEL_STYLE.NOTICE.className).toBe('level-notice');
    expect(LEVEL_STYLE.WARNING.className).toBe('level-warning');
    expect(LEVEL_STYLE.CRITICAL.className).toBe('level-critical');
  });
});

describe('formatPercent', () => {
  it('never rounds up to a limit that is not reached', () => {
    expect(formatPercent(99.6)).toBe('99%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(5.55)).toBe('5.5%');
    expect(formatPercent(0)).toBe('0%');
  });
});
