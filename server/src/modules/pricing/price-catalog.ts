import { findProvider, type ModelInfo, type ModelPrice } from '@pydantic/genai-prices';
import { money } from '../../core/lib/money.js';

/**
 * The maintained LLM price catalog (@pydantic/genai-prices, bundled with the server: its data ships
 * inside the package and nothing is fetched at run time, since `updatePrices` is never called), read
 * as our price rows. The one place where the catalog's units become ours:
 *
 * | catalog (USD per million tokens) | ours (USD per 1,000 tokens) |
 * |---|---|
 * | `input_mtok`                     | `inputPer1kTokens`          |
 * | `cache_read_mtok`                | `cachedInputPer1kTokens`    |
 * | `output_mtok`                    | `outputPer1kTokens` (0 for a model that only reads: embeddings) |
 *
 * Only OpenAI models priced by text tokens at one flat rate are mapped: tiered prices (a rate per
 * context size), audio and image tokens, hours of audio, fine-tuned families (`ft:…`, whose names
 * the catalog matches by pattern), and ElevenLabs and Smartflo are not (those stay manual). The catalog's numbers are JavaScript numbers; each is
 * read through its shortest decimal text (0.15 → "0.15"), then divided exactly.
 */
export interface CatalogPrice {
  model: string;
  inputPer1kTokens: string;
  cachedInputPer1kTokens: string | null;
  outputPer1kTokens: string;
}

const perThousand = (perMillion: number): string => money(String(perMillion)).dividedBy(1000).toFixed();

/** The flat prices of a model in force at `at` (the catalog dates some of its price changes). */
function pricesAt(model: ModelInfo, at: Date): ModelPrice | null {
  if (!Array.isArray(model.prices)) return model.prices;
  let inForce: ModelPrice | null = null;
  for (const entry of model.prices) {
    const start = entry.constraint && 'start_date' in entry.constraint ? new Date(entry.constraint.start_date as string) : null;
    if (!start || start.getTime() <= at.getTime()) inForce = entry.prices;
  }
  return inForce;
}

const TEXT_ONLY_KEYS = new Set(['input_mtok', 'cache_read_mtok', 'output_mtok', 'cache_write_mtok', 'web_searches_kcount', 'storage_searches_kcount']);

/** A catalog model as our row, or null when its pricing cannot be said in our units (see above). */
export function mapCatalogModel(model: ModelInfo, at: Date): CatalogPrice | null {
  if (model.id.startsWith('ft:')) return null;
  const prices = pricesAt(model, at);
  if (!prices) return null;
  const { input_mtok: input, cache_read_mtok: cached, output_mtok: output } = prices;
  if (typeof input !== 'number') return null;
  if ((cached !== undefined && typeof cached !== 'number') || (output !== undefined && typeof output !== 'number')) return null;
  // A model with audio or image token prices bills more than text tokens: not ours to reduce.
  if (Object.keys(prices).some((key) => !TEXT_ONLY_KEYS.has(key))) return null;
  return {
    model: model.id,
    inputPer1kTokens: perThousand(input),
    cachedInputPer1kTokens: typeof cached === 'number' ? perThousand(cached) : null,
    outputPer1kTokens: typeof output === 'number' ? perThousand(output) : '0',
  };
}

/** Every OpenAI model of the bundled catalog that maps to our units, by model id. */
export function catalogOpenAiPrices(at: Date): CatalogPrice[] {
  const provider = findProvider({ providerId: 'openai' });
  if (!provider) return [];
  return provider.models.map((model) => mapCatalogModel(model, at)).filter((price): price is CatalogPrice => price !== null).sort((a, b) => a.model.localeCompare(b.model));
}
