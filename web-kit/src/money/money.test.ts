import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimals,
  decimalToChartNumber,
  floatToDecimal,
  formatUsd,
  formatUsdChange,
  formatUsdExact,
  isDecimalInput,
  parseDecimal,
  percentOf,
  subtractDecimals,
  sumDecimals,
} from './money';

describe('formatUsd', () => {
  it.each([
    ['1234.5', '$1,234.50'],
    ['1234.565', '$1,234.57'],
    ['1234.564999', '$1,234.56'],
    ['1234567.891', '$1,234,567.89'],
    ['1000000', '$1,000,000.00'],
    ['7.2', '$7.20'],
    ['1', '$1.00'],
    ['0', '$0.00'],
    ['0.00', '$0.00'],
    ['0.00000000', '$0.00'],
    ['0.5', '$0.50'],
    ['0.036', '$0.036'],
    ['0.0315', '$0.0315'],
    ['0.000123', '$0.000123'],
    ['0.0616666666', '$0.061667'],
    ['0.06166666666', '$0.061667'],
    ['0.123456', '$0.123456'],
    ['0.9999996', '$1.00'],
    ['0.99999999', '$1.00'],
    ['0.0000015', '$0.000002'],
    ['0.0000001', '$0.0000001'],
    ['0.00000012345', '$0.00000012'],
    ['-1.2', '-$1.20'],
    ['-12.345', '-$12.35'],
    ['-0.0315', '-$0.0315'],
  ])('%s → %s', (input, expected) => {
    expect(formatUsd(input)).toBe(expected);
  });

  it('stays exact beyond what a double can hold', () => {
    // As a double this is 12345678901234568 (the 7 and the cents are lost).
    expect(formatUsd('12345678901234567.89')).toBe('$12,345,678,901,234,567.89');
    // 2^53 + 1 is not representable as a double.
    expect(formatUsd('9007199254740993.01')).toBe('$9,007,199,254,740,993.01');
  });

  it('accepts API Floats and exponent notation', () => {
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd('1.5e-3')).toBe('$0.0015');
  });

  it('shows a dash for a missing amount, and rejects text that is not a decimal rather than printing NaN', () => {
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd(undefined)).toBe('—');
    expect(() => formatUsd('abc')).toThrow(RangeError);
    expect(() => formatUsd('')).toThrow(RangeError);
    expect(() => formatUsd(Number.NaN)).toThrow(RangeError);
  });

  it('signs a change', () => {
    expect(formatUsdChange('12.3')).toBe('+$12.30');
    expect(formatUsdChange('-0.05')).toBe('-$0.05');
    expect(formatUsdChange('0')).toBe('$0.00');
  });
});

describe('decimal arithmetic', () => {
  it('adds without binary rounding', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('0.0616666666', '0.0315', '1200')).toBe('1200.0931666666');
    expect(addDecimals()).toBe('0');
    expect(sumDecimals(['0.0315', '0.036', '0.0616666667'])).toBe('0.1291666667');
  });

  it('subtracts and compares across scales', () => {
    expect(subtractDecimals('1234.5', '1000.25')).toBe('234.25');
    expect(subtractDecimals('10', '0.0001')).toBe('9.9999');
    expect(subtractDecimals('0.3', '0.30')).toBe('0');
    expect(compareDecimals('10', '9.999')).toBe(1);
    expect(compareDecimals('100', '99.999999999')).toBe(1);
    expect(compareDecimals('0.30', '0.3')).toBe(0);
    expect(compareDecimals('-1', '0')).toBe(-1);
  });

  it('computes a percentage exactly, half away from zero, null of zero', () => {
    expect(percentOf('1', '3')).toBe('33.3');
    expect(percentOf('2', '3')).toBe('66.7');
    expect(percentOf('0.036', '0.036')).toBe('100');
    expect(percentOf('0.05', '0.2', 0)).toBe('25');
    expect(percentOf('5', '0')).toBeNull();
  });

  it('parses signs, leading dots and exponents, and nothing else', () => {
    expect(parseDecimal('-.5')).toEqual({ units: -5n, scale: 1 });
    expect(parseDecimal('1.2E+3')).toEqual({ units: 1200n, scale: 0 });
    expect(() => parseDecimal('1,000')).toThrow(RangeError);
  });

  it('turns an API Float into its decimal digits, expanding exponents', () => {
    expect(floatToDecimal(420.5)).toBe('420.5');
    expect(floatToDecimal(1e-7)).toBe('0.0000001');
    expect(floatToDecimal(1e21)).toBe('1000000000000000000000');
    expect(() => floatToDecimal(Number.NaN)).toThrow(RangeError);
  });

  it('converts to chart numbers only after rounding to 6 places', () => {
    expect(decimalToChartNumber('1234.5678919')).toBe(1234.567892);
  });

  it('recognises decimal user input', () => {
    expect(isDecimalInput('12')).toBe(true);
    expect(isDecimalInput(' 0.5 ')).toBe(true);
    expect(isDecimalInput('.5')).toBe(true);
    expect(isDecimalInput('1,5')).toBe(false);
    expect(isDecimalInput('-1')).toBe(false);
    expect(isDecimalInput('1e3')).toBe(false);
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
