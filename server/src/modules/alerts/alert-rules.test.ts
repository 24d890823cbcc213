import { describe, expect, it } from 'vitest';
import { money } from '../../core/lib/money.js';
import { isCostSpike, isRateExceeded } from './alert-rules.js';

describe('cost spike rule', () => {
  it('fires above 3× the 7-day average and at least $1', () => {
    // previous 7 days: $7 → $1/day average; 3× = $3
    expect(isCostSpike(money('3'), money('7'), 7)).toBe(false);
    expect(isCostSpike(money('3.000000000001'), money('7'), 7)).toBe(true);
    // below the $1 floor never fires, whatever the ratio
    expect(isCostSpike(money('0.99'), money('0.01'), 7)).toBe(false);
    expect(isCostSpike(money('1'), money('0'), 3)).toBe(true);
  });

  it('needs usage on at least 3 of the previous 7 days', () => {
    // a brand-new tenant's first dollar: no baseline, no spike
    expect(isCostSpike(money('1'), money('0'), 0)).toBe(false);
    expect(isCostSpike(money('500'), money('0.02'), 2)).toBe(false);
    expect(isCostSpike(money('500'), money('0.02'), 3)).toBe(true);
  });
});

describe('rate rule', () => {
  it('fires only when the window holds more than the limit', () => {
    expect(isRateExceeded(100, 100)).toBe(false);
    expect(isRateExceeded(101, 100)).toBe(true);
  });
});
