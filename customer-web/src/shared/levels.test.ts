import { describe, expect, it } from 'vitest';
import { LEVEL_STYLES, levelForPercent } from './levels';

describe('levelForPercent matches the API bands (OK < 60, NOTICE 60–80, WARNING 80–90, CRITICAL ≥ 90)', () => {
  it.each([
    [0, 'OK', 'green'],
    [59.9, 'OK', 'green'],
    [60, 'NOTICE', 'yellow'],
    [79.99, 'NOTICE', 'yellow'],
    [80, 'WARNING', 'orange'],
    [89.9, 'WARNING', 'orange'],
    [90, 'CRITICAL', 'red'],
    [150, 'CRITICAL', 'red'],
  ] as const)('%s %% is %s (%s)', (percent, level, colour) => {
    expect(levelForPercent(percent)).toBe(level);
    expect(LEVEL_STYLES[levelForPercent(percent)].colour).toBe(colour);
  });
});
