import type pg from 'pg';
import type { Logger } from 'pino';
import { findPrice, rate, type Price, type Rated } from './rate.js';
import type { UsageEvent } from '../usage/recording/usage-event.js';

export const PRICES_CHANGED_CHANNEL = 'um_prices_changed';

/**
 * The price table held in memory: it is small, read by every event, and changes rarely. Every
 * instance reloads it when any instance adds a price (NOTIFY), and at least once a minute.
 */
export class PriceBook {
  private prices: Price[] = [];
  private loading?: Promise<void>;
  private loadedAt = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  ready(): Promise<void> {
    if (Date.now() - this.loadedAt > 60_000) this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loadedAt === 0 ? this.loading! : Promise.resolve();
  }

  async load(): Promise<void> {
    const { rows } = await this.pool.query(
      `select id, service, model_prefix, input_per_1k_tokens::text, cached_input_per_1k_tokens::text, output_per_1k_tokens::text,
              per_1k_characters::text, per_minute::text, effective_from from prices`,
    );
    this.prices = rows.map((row) => ({
      id: row.id,
      service: row.service,
      modelPrefix: row.model_prefix,
      inputPer1kTokens: row.input_per_1k_tokens,
      cachedInputPer1kTokens: row.cached_input_per_1k_tokens,
      outputPer1kTokens: row.output_per_1k_tokens,
      per1kCharacters: row.per_1k_characters,
      perMinute: row.per_minute,
      effectiveFrom: new Date(row.effective_from),
    }));
    this.loadedAt = Date.now();
    this.logger.debug({ prices: this.prices.length }, 'price table loaded');
  }

  /** The price a call of this model would be priced with at `at` (longest matching prefix). */
  inForce(service: UsageEvent['service'], model: string, at: Date): Price | undefined {
    return findPrice(this.prices, service, model, at);
  }

  rate(event: UsageEvent): Rated {
    return rate(event, findPrice(this.prices, event.service, event.model, event.occurredAt));
  }
}
