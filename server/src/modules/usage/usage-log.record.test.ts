import { describe, expect, it } from 'vitest';
import { normalizeDecimal } from './usage-log.record.js';

describe('normalizeDecimal', () => {
  it.each([
    ['0.031500000000', '0.0315'],
    ['5.500', '5.5'],
    ['100.000', '100'],
    ['100', '100'],
    ['0.000000000000', '0'],
    ['-0.000', '0'],
    ['-0.10', '-0.1'],
    ['7', '7'],
  ])('sends %s as %s', (text, expected) => {
    expect(normalizeDecimal(text)).toBe(expected);
  });
});
