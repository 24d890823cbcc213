import { calcPrice, findProvider } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { money } from '../../core/lib/money.js';
import { catalogOpenAiPrices, mapCatalogModel } from './price-catalog.js';

const NOW = new Date('2026-12-04T00:00:00Z');
const mapped = catalogOpenAiPrices(NOW);

describe('the bundled price catalog in our units', () => {
  it('maps the OpenAI text models, with the rates we seed for gpt-4o-mini', () => {
    expect(mapped.length).toBeGreaterThan(20);
    expect(mapped.find((p) => p.model === 'gpt-4o-mini')).toEqual({ model: 'gpt-4o-mini', inputPer1kTokens: '0.00015', cachedInputPer1kTokens: '0.000075', outputPer1kTokens: '0.0006' });
    expect(mapped.find((p) => p.model === 'text-embedding-3-small')).toEqual({ model: 'text-embedding-3-small', inputPer1kTokens: '0.00002', cachedInputPer1kTokens: null, outputPer1kTokens: '0' });
  });

  it('leaves out what our units cannot say: tiered rates, audio hours, fine-tuned families', () => {
    const models = findProvider({ providerId: 'openai' })!.models;
    for (const id of ['whisper-1', 'gpt-5.6-luna']) {
      const model = models.find((m) => m.id === id);
      if (model) expect(mapCatalogModel(model, NOW), id).toBeNull();
    }
    expect(mapped.some((p) => p.model.startsWith('ft:'))).toBe(false);
  });

  // One test per mapped model: a million input and a million output tokens cost, at our rates,
  // exactly what the catalog's own calculator says.
  it.each(mapped.map((p) => [p.model, p] as const))('%s: our rates price a million tokens as the catalog does', (model, price) => {
    const catalog = calcPrice({ input_tokens: 1_000_000, output_tokens: 1_000_000 }, model, { providerId: 'openai', timestamp: NOW });
    expect(catalog).not.toBeNull();
    const ours = money(price.inputPer1kTokens).plus(price.outputPer1kTokens).times(1_000);
    expect(ours.toFixed()).toBe(money(String(catalog!.total_price)).toDecimalPlaces(9).toFixed());
  });
});
