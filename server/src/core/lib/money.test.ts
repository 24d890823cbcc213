import { describe, expect, it } from 'vitest';
import { MoneySum, ZERO, formatMoney } from './money.js';

function sumOf(texts: readonly string[]): MoneySum {
  const sum = new MoneySum();
  for (const text of texts) sum.add(text);
  return sum;
}

describe('MoneySum', () => {
  it('adds money texts exactly, in formatMoney text', () => {
    expect(sumOf([]).total()).toBe('0');
    expect(sumOf(['0.1', '0.2']).total()).toBe('0.3');
    expect(sumOf(['0.000000000001', '0.999999999999', '3', '0.050']).total()).toBe('4.05');
  });

  it('stays exact past 2^53 units, where doubles alone would round', () => {
    // 999,999,999,999,999.999999999999 is ~10^27 units; a thousand of them fold many times over.
    const big = '999999999999999.999999999999';
    const texts = Array.from({ length: 1000 }, (_, i) => (i % 2 ? big : `${i}.${String(i).padStart(12, '7')}`));
    const expected = texts.reduce((sum, text) => sum.plus(text), ZERO);
    expect(sumOf(texts).total()).toBe(formatMoney(expected));
  });

  it('agrees with decimal addition on random texts of every supported shape', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const texts = Array.from({ length: 5000 }, () => {
      const whole = String(next(10 ** 8) * 10 ** 7 + next(10 ** 7)).slice(0, 1 + next(15));
      const decimals = next(13);
      const fraction = String(next(10 ** 6) * 10 ** 6 + next(10 ** 6)).padStart(12, '0').slice(0, decimals);
      return decimals ? `${whole}.${fraction}` : whole;
    });
    const expected = texts.reduce((sum, text) => sum.plus(text), ZERO);
    expect(sumOf(texts).total()).toBe(formatMoney(expected));
  });

  it('adds text the integers cannot hold as decimals: more decimals, a sign, an exponent, long wholes', () => {
    expect(sumOf(['1.0000000000001', '2']).total()).toBe('3.0000000000001');
    expect(sumOf(['-0.5', '1']).total()).toBe('0.5');
    expect(sumOf(['1e3', '0.5']).total()).toBe('1000.5');
    expect(sumOf(['1234567890123456789.5', '0.5']).total()).toBe('1234567890123456790');
    expect(() => sumOf(['twelve'])).toThrow();
  });

  it('compares totals exactly, decimal or not', () => {
    expect(sumOf(['0.1', '0.2']).compare(sumOf(['0.3']))).toBe(0);
    expect(sumOf(['0.300000000001']).compare(sumOf(['0.1', '0.2']))).toBe(1);
    expect(sumOf(['3.0000000000001']).compare(sumOf(['3.000000000001']))).toBe(-1);
    expect(sumOf(['3.000000000001']).compare(sumOf(['3.0000000000001']))).toBe(1);
  });
});
