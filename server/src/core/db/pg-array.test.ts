import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { plainArray, textArray } from './pg-array.js';

// The driver's own conversion of a JS array is the reference: ours must be the same text.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (value: unknown) => string };

describe('array literals', () => {
  it('plain values: the elements the driver writes, without its quotes', () => {
    expect(plainArray([1, null, 20, '0.0315', '2026-12-01T10:00:00.000Z', 'OPENAI'])).toBe('{1,NULL,20,0.0315,2026-12-01T10:00:00.000Z,OPENAI}');
    expect(plainArray([])).toBe('{}');
    expect(prepareValue(['0.0315', '1'])).toBe('{"0.0315","1"}');
  });

  it('text: exactly what the driver writes (quotes and backslashes escaped, empty text and the word NULL kept as text)', () => {
    const values = ['gpt-4o', '', null, 'a "quoted" \\ name', 'NULL', 'comma, {brace}', 'ünïcødé ☎', '\\"', ' padded '];
    expect(textArray(values)).toBe(prepareValue(values));
    expect(textArray([])).toBe(prepareValue([]));
  });
});
