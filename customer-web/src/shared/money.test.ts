import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimals,
  floatToDecimal,
  formatUsd,
  formatUsdChange,
  percentOf,
  subtractDecimals,
} from './money';

describe('formatUsd', () => {
  it.each([
    ['1234.5', '$1,234.50'],
    ['1234.565', '$1,234.57'],
    ['1234.564999', '$1,234.56'],
    ['1000000', '$1,000,000.00'],
    ['7.2', '$7.20'],
    ['1', '$1.00'],
    ['0', '$0.00'],
    ['0.00000000', '$0.00'],
    ['0.5', '$0.50'],
    ['0.036', '$0.036'],
    ['0.0315', '$0.0315'],
    ['0.000123', '$0.000123'],
    ['0.06166666666', '$0.061667'],
    ['0.9999996', '$1.00'],
    ['0.00000012345', '$0.00000012'],
    ['-1.2', '-$1.20'],
    ['-0.0315', '-$0.0315'],
  ])('%s → %s', (input, expected) => {
    expect(formatUsd(input)).toBe(expected);
  });

  it('stays exact beyond what a double can hold', () => {
    // As a double this is 12345678901234568 (the 7 and the cents are lost).
    expect(formatUsd('12345678901234567.89')).toBe('$12,345,678,901,234,567.89');
  });

  it('rejects text that is not a decimal rather than printing NaN', () => {
    expect(() => formatUsd('abc')).toThrow(RangeError);
    expect(() => formatUsd('')).toThrow(RangeError);
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
  });

  it('subtracts and compares across scales', () => {
    expect(subtractDecimals('1234.5', '1000.25')).toBe('234.25');
    expect(subtractDecimals('0.3', '0.30')).toBe('0');
    expect(compareDecimals('10', '9.999')).toBe(1);
    expect(compareDecimals('0.30', '0.3')).toBe(0);
    expect(compareDecimals('-1', '0')).toBe(-1);
  });

  it('computes a percentage exactly, null of zero', () => {
    expect(percentOf('1', '3')).toBe('33.3');
    expect(percentOf('2', '3')).toBe('66.7');
    expect(percentOf('0.036', '0.036')).toBe('100');
    expect(percentOf('5', '0')).toBeNull();
  });

  it('turns an API Float into its decimal digits, expanding exponents', () => {
    expect(floatToDecimal(420.5)).toBe('420.5');
    expect(floatToDecimal(1e-7)).toBe('0.0000001');
    expect(floatToDecimal(1e21)).toBe('1000000000000000000000');
    expect(() => floatToDecimal(Number.NaN)).toThrow(RangeError);
  });
});
