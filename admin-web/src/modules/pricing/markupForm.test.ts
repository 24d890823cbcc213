import { describe, expect, it } from 'vitest';
import { markupExample, markupInputError } from './markupForm';

describe('markupInputError', () => {
  it('takes percents the server takes and explains the others', () => {
    for (const ok of ['20', '-10', '12.345678', '-100', '0', '250']) expect(markupInputError(ok), ok).toBeNull();
    expect(markupInputError('-100.5')).toMatch(/below -100/);
    expect(markupInputError('-101')).toMatch(/below -100/);
    expect(markupInputError('1.1234567')).toMatch(/6 decimals/);
    expect(markupInputError('20%')).toMatch(/percent/);
    expect(markupInputError('')).toMatch(/percent/);
  });
});

describe('markupExample', () => {
  it('shows what $1.00 of provider cost is charged', () => {
    expect(markupExample('20')).toBe('$1.00 of provider cost → $1.20');
    expect(markupExample('-10')).toBe('$1.00 of provider cost → $0.90');
    expect(markupExample('-100')).toBe('$1.00 of provider cost → $0.00');
    expect(markupExample('12.5')).toBe('$1.00 of provider cost → $1.13');
    expect(markupExample('x')).toBeNull();
  });
});
