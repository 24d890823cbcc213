import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../core/lib/money.js';
import { unitKindOf, type Service } from '../usage/recording/usage-event.js';
import { DEFAULT_PRICES } from './default-prices.js';
import { findPrice, rate, rateWithDecimals, type BillableUnits, type Price } from './rate.js';

const at = new Date('2026-11-22T10:00:00Z');

function cost(service: Service, model: string | null, units: Partial<BillableUnits>, prices: Price[] = DEFAULT_PRICES): string {
  const rated = rate(
    { unitKind: unitKindOf(service, model), inputTokens: null, cachedInputTokens: null, outputTokens: null, characters: null, durationSeconds: null, ...units },
    findPrice(prices, service, model, at),
  );
  return rated.pricingStatus === 'UNPRICED' ? 'UNPRICED' : formatMoney(rated.costUsd);
}

describe('rate: the examples of api-contract.md', () => {
  it('gpt-4 with 150 in + 450 out costs exactly 0.0315', () => {
    expect(cost('OPENAI', 'gpt-4', { inputTokens: 150, outputTokens: 450 })).toBe('0.0315');
  });
  it('1,200 ElevenLabs characters cost 0.036', () => {
    expect(cost('ELEVENLABS', 'eleven_multilingual_v2', { characters: 1200 })).toBe('0.036');
    expect(cost('ELEVENLABS', null, { characters: 1200 })).toBe('0.036');
  });
  it('a 185-second Smartflo call costs 0.0616666… kept to 12 decimals', () => {
    expect(cost('SMARTFLO', null, { durationSeconds: 185 })).toBe('0.061666666667');
  });
  it('prices every default row', () => {
    expect(cost('OPENAI', 'gpt-4-turbo', { inputTokens: 1000, outputTokens: 1000 })).toBe('0.04');
    expect(cost('OPENAI', 'gpt-4o', { inputTokens: 1000, outputTokens: 1000 })).toBe('0.02');
    expect(cost('OPENAI', 'gpt-4o-mini', { inputTokens: 1000, outputTokens: 1000 })).toBe('0.00075');
    expect(cost('OPENAI', 'gpt-3.5-turbo', { inputTokens: 2000, outputTokens: 1000 })).toBe('0.0025');
    expect(cost('OPENAI', 'whisper-1', { durationSeconds: 90 })).toBe('0.009');
    expect(cost('OPENAI', 'tts-1', { characters: 2000 })).toBe('0.03');
    expect(cost('OPENAI', 'tts-1-hd', { characters: 2000 })).toBe('0.06');
  });
});

describe('findPrice', () => {
  it('lets the longest prefix win', () => {
    expect(cost('OPENAI', 'gpt-4o-mini-2024-07-18', { inputTokens: 1000, outputTokens: 0 })).toBe('0.00015');
    expect(cost('OPENAI', 'gpt-4o-2024-08-06', { inputTokens: 1000, outputTokens: 0 })).toBe('0.005');
    expect(cost('OPENAI', 'gpt-4-0613', { inputTokens: 1000, outputTokens: 0 })).toBe('0.03');
    expect(cost('OPENAI', 'tts-1-hd-1106', { characters: 1000 })).toBe('0.03');
  });
  it('leaves an unknown model unpriced, never a priced zero', () => {
    expect(cost('OPENAI', 'o9-preview', { inputTokens: 10, outputTokens: 10 })).toBe('UNPRICED');
    expect(cost('OPENAI', null, { inputTokens: 10, outputTokens: 10 })).toBe('UNPRICED');
  });
  it('prices a call by the price in force when it happened', () => {
    const raise: Price = { ...DEFAULT_PRICES[0]!, id: 'gpt-4-2027', inputPer1kTokens: '0.06', effectiveFrom: new Date('2026-12-01T00:00:00Z') };
    const prices = [...DEFAULT_PRICES, raise];
    expect(findPrice(prices, 'OPENAI', 'gpt-4', at)?.id).toBe('gpt-4');
    expect(findPrice(prices, 'OPENAI', 'gpt-4', new Date('2026-12-02T00:00:00Z'))?.id).toBe('gpt-4-2027');
  });
});

describe('cached input tokens', () => {
  it('are priced at the cached rate when the model has one, else at the input rate', () => {
    // gpt-4o: 1000 input of which 400 cached: 600 × 0.005/1K + 400 × 0.0025/1K = 0.003 + 0.001
    expect(cost('OPENAI', 'gpt-4o', { inputTokens: 1000, cachedInputTokens: 400, outputTokens: 0 })).toBe('0.004');
    expect(cost('OPENAI', 'gpt-4', { inputTokens: 1000, cachedInputTokens: 400, outputTokens: 0 })).toBe('0.03');
  });
});

describe('exactness', () => {
  it('never drifts like binary floats (0.1 + 0.2 style)', () => {
    // 1 token of gpt-4o-mini input = 0.00000015 exactly
    expect(cost('OPENAI', 'gpt-4o-mini', { inputTokens: 1, outputTokens: 0 })).toBe('0.00000015');
    expect(cost('SMARTFLO', null, { durationSeconds: 0.1 })).toBe('0.000033333333');
    expect(cost('OPENAI', 'gpt-4', { inputTokens: 2147483647, outputTokens: 2147483647 })).toBe('193273.52823');
  });
});

describe('rate: the integer path equals the decimal reference', () => {
  // Deterministic pseudo-random cases (a fixed seed), so a failure is reproducible.
  let seed = 20261201;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const rateText = () => {
    const decimals = next(13);
    const digits = String(next(10 ** 6)) + String(next(10 ** 6));
    const whole = next(4) === 0 ? String(next(1000)) : '0';
    return decimals === 0 ? whole : `${whole}.${digits.padStart(decimals, '0').slice(0, decimals)}`;
  };
  // "0.05" → "0.050", as numeric columns with a fixed scale print it (still within 12 decimals).
  const withTrailingZero = (text: string) => (text.includes('.') && text.split('.')[1]!.length < 12 ? `${text}0` : text);
  const price = (overrides: Partial<Price>): Price => ({
    id: 'p', service: 'OPENAI', modelPrefix: '', inputPer1kTokens: null, cachedInputPer1kTokens: null, outputPer1kTokens: null,
    per1kCharacters: null, perMinute: null, effectiveFrom: at, ...overrides,
  });

  it('for 5,000 token and character calls under random rates (0 to 12 decimals, trailing zeros, big counts)', () => {
    for (let i = 0; i < 5_000; i++) {
      const input = next(3) === 0 ? next(2_000_000_000) : next(5_000);
      const tokens: BillableUnits = {
        unitKind: 'TOKENS', inputTokens: input, cachedInputTokens: next(2) ? next(input + 1) : null, outputTokens: next(100_000),
        characters: null, durationSeconds: null,
      };
      const tokenPrice = price({ inputPer1kTokens: rateText(), outputPer1kTokens: withTrailingZero(rateText()), cachedInputPer1kTokens: next(2) ? rateText() : null });
      const fast = rate(tokens, tokenPrice);
      const reference = rateWithDecimals(tokens, tokenPrice);
      expect(fast.costText).toBe(formatMoney(reference.costUsd));
      expect(fast.costUsd.eq(reference.costUsd)).toBe(true);
      const characters: BillableUnits = { unitKind: 'CHARACTERS', inputTokens: null, cachedInputTokens: null, outputTokens: null, characters: next(10_000_000), durationSeconds: null };
      const characterPrice = price({ service: 'ELEVENLABS', per1kCharacters: rateText() });
      expect(rate(characters, characterPrice).costText).toBe(formatMoney(rateWithDecimals(characters, characterPrice).costUsd));
    }
  });

  it('falls back to decimals for a rate with more decimals than the money scale, with the same result', () => {
    const fine = price({ inputPer1kTokens: '0.0000000000015', outputPer1kTokens: '0.001' });
    const units: BillableUnits = { unitKind: 'TOKENS', inputTokens: 999, cachedInputTokens: null, outputTokens: 1, characters: null, durationSeconds: null };
    expect(rate(units, fine).costText).toBeUndefined();
    expect(formatMoney(rate(units, fine).costUsd)).toBe(formatMoney(rateWithDecimals(units, fine).costUsd));
  });
});
