import { describe, expect, it } from 'vitest';
import { Money, formatMoney, roundCost } from '../../core/lib/money.js';
import { chargeOf, marginOf, markupAt, markupProblem } from './markup.js';

/** The rule stated in markup.ts, evaluated with decimals only: the reference for the integer path. */
const reference = (provider: string, markup: string) => formatMoney(roundCost(new Money(provider).times(new Money(markup).dividedBy(100).plus(1))));

describe('chargeOf: charged cost = provider cost x (1 + markup/100), rounded once to 12 decimals', () => {
  it('prices the contract example: gpt-4 150 in + 450 out (0.0315) at 20 % is 0.0378', () => {
    expect(chargeOf('0.0315', '20')).toEqual({ providerCostText: '0.0315', costText: '0.0378' });
  });
  it('leaves the cost alone with no markup or a zero markup', () => {
    for (const markup of [undefined, '0', '0.000000', '-0']) expect(chargeOf('0.061666666667', markup).costText).toBe('0.061666666667');
  });
  it('discounts, charges nothing at -100 %, and rounds half-up at the 12th decimal', () => {
    expect(chargeOf('0.036', '-10').costText).toBe('0.0324');
    expect(chargeOf('0.036', '-100').costText).toBe('0');
    // 0.000000000001 x 1.5 = 0.0000000000015 → 0.000000000002 (half-up)
    expect(chargeOf('0.000000000001', '50').costText).toBe('0.000000000002');
    // 0.000000000001 x 1.49 = 0.00000000000149 → 0.000000000001
    expect(chargeOf('0.000000000001', '49').costText).toBe('0.000000000001');
    expect(chargeOf('0.061666666667', '12.345678').costText).toBe(reference('0.061666666667', '12.345678'));
  });
  it('agrees with the decimal evaluation on many amounts and markups', () => {
    const markups = ['0.000001', '1', '7.5', '20', '33.333333', '-0.5', '-99.999999', '250', '1000'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const provider = formatMoney(new Money(next()).times(next()).dividedBy(10 ** 12).toDecimalPlaces(12));
      const markup = markups[i % markups.length]!;
      expect(chargeOf(provider, markup).costText).toBe(reference(provider, markup));
    }
  });
});

describe('markupAt', () => {
  const rows = [
    { effectiveFrom: new Date('2026-01-01T00:00:00Z'), markupPercent: '10' },
    { effectiveFrom: new Date('2026-02-15T12:00:00Z'), markupPercent: '20' },
  ];
  it('finds the row in force at the instant, half-open at each change', () => {
    expect(markupAt(rows, new Date('2025-12-31T23:59:59.999Z'))).toBeUndefined();
    expect(markupAt(rows, new Date('2026-01-01T00:00:00Z'))).toBe('10');
    expect(markupAt(rows, new Date('2026-02-15T11:59:59.999Z'))).toBe('10');
    expect(markupAt(rows, new Date('2026-02-15T12:00:00Z'))).toBe('20');
    expect(markupAt(undefined, new Date())).toBeUndefined();
  });
});

describe('marginOf and markupProblem', () => {
  it('gives margin and margin percent of provider cost', () => {
    expect(marginOf('0.0378', '0.0315')).toEqual({ marginUsd: '0.0063', marginPercent: '20' });
    expect(marginOf('0', '0')).toEqual({ marginUsd: '0', marginPercent: null });
    expect(marginOf('2', '3')).toEqual({ marginUsd: '-1', marginPercent: '-33.33' });
  });
  it('refuses markups below -100 %, with more than 6 decimals, or not decimals', () => {
    expect(markupProblem('20')).toBeNull();
    expect(markupProblem('-100')).toBeNull();
    expect(markupProblem('12.345678')).toBeNull();
    expect(markupProblem('-100.000001')).toMatch(/below -100/);
    expect(markupProblem('1.1234567')).toMatch(/6 decimals/);
    expect(markupProblem('1e3')).toMatch(/decimal/);
    expect(markupProblem('')).toMatch(/decimal/);
  });
});
