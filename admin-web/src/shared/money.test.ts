import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimals,
  decimalToChartNumber,
  formatUsd,
  formatUsdExact,
  parseDecimal,
  percentOf,
  subtractDecimals,
  sumDecimals,
} from './money';

describe('formatUsd', () => {
  it.each([
    ['1234.5', '$1,234.50'],
    ['1234.565', '$1,234.57'],
    ['1234567.891', '$1,234,567.89'],
    ['1', '$1.00'],
    ['0', '$0.00'],
    ['0.00', '$0.00'],
    ['7.2', '$7.20'],
    ['0.5', '$0.50'],
    ['0.0315', '$0.0315'],
    ['0.036', '$0.036'],
    ['0.000123', '$0.000123'],
    ['0.0616666666', '$0.06167'],
    ['0.123456', '$0.1235'],
    ['0.99999999', '$1.00'],
    ['-12.345', '-$12.35'],
    ['-0.0315', '-$0.0315'],
    ['0.0000001', '<$0.000001'],
    ['0.0000015', '$0.000002'],
  ])('formats %s as %s', (input, expected) => {
    expect(formatUsd(input)).toBe(expected);
  });

  it('keeps digits a float would lose', () => {
    // 2^53 + 1 is not representable as a double.
    expect(formatUsd('9007199254740993.01')).toBe('$9,007,199,254,740,993.01');
  });

  it('accepts numbers (exact enough Float fields) and exponent notation', () => {
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd('1.5e-3')).toBe('$0.0015');
  });

  it('shows a dash for missing or malformed values instead of $NaN', () => {
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd('abc')).toBe('—');
  });
});

describe('exact arithmetic', () => {
  it('adds without binary rounding', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(sumDecimals(['0.0315', '0.036', '0.0616666667'])).toBe('0.1291666667');
  });

  it('subtracts and compares across scales', () => {
    expect(subtractDecimals('10', '0.0001')).toBe('9.9999');
    expect(compareDecimals('0.30', '0.3')).toBe(0);
    expect(compareDecimals('100', '99.999999999')).toBe(1);
    expect(compareDecimals('-1', '0')).toBe(-1);
  });

  it('computes percentages with half-away-from-zero rounding', () => {
    expect(percentOf('1', '3')).toBe('33.3');
    expect(percentOf('2', '3')).toBe('66.7');
    expect(percentOf('0.05', '0.2', 0)).toBe('25');
    expect(percentOf('1', '0')).toBeNull();
  });

  it('parses signs, leading dots and exponents', () => {
    expect(parseDecimal('-.5')).toEqual({ units: -5n, scale: 1 });
    expect(parseDecimal('1.2E+3')).toEqual({ units: 1200n, scale: 0 });
    expect(() => parseDecimal('1,000')).toThrow();
  });

  it('converts to chart numbers only after rounding to 6 places', () => {
    expect(decimalToChartNumber('1234.5678919')).toBe(1234.567892);
  });
});

describe('formatUsdExact (prices)', () => {
  it('shows every digit of a rate', () => {
    expect(formatUsdExact('0.0000375')).toBe('$0.0000375');
    expect(formatUsdExact('0.03')).toBe('$0.03');
    expect(formatUsdExact('1500')).toBe('$1,500.00');
    expect(formatUsdExact(null)).toBe('—');
  });
});
