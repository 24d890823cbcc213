import type pg from 'pg';
import type { Logger } from 'pino';
import { Money, formatMoney } from '../../core/lib/money.js';
import { findPrice, rate, type Price } from './rate.js';
import { chargeOf, markupAt, type Markup } from './markup.js';
import type { UsageEvent } from '../usage/recording/usage-event.js';
import { normalizeDecimal } from '../usage/usage-log.record.js';

/** A call priced for its tenant: the provider's cost to the platform and the tenant's charge. */
export interface ChargedCost {
  /** What the tenant is charged (the provider cost with the tenant's markup at occurredAt). */
  costUsd: Money;
  costText: string;
  /** What the provider charges the platform (the price table's cost). */
  providerCostUsd: Money;
  providerCostText: string;
  pricingStatus: 'PRICED' | 'UNPRICED';
  priceId: string | null;
}

export const PRICES_CHANGED_CHANNEL = 'um_prices_changed';

/**
 * The price table and the tenants' markups (tenant_pricing) held in memory: both are small, read
 * by every event, and change rarely. Every instance reloads both when any instance adds a price
 * or sets a markup (NOTIFY on PRICES_CHANGED_CHANNEL), and at least once a minute, so the hot
 * path never reads them from the database.
 */
export class PriceBook {
  private prices: Price[] = [];
  /** Per tenant, its markups by effectiveFrom ascending. */
  private markups = new Map<string, Markup[]>();
  private loading?: Promise<void>;
  private loadedAt = 0;
  /** Loads started and the latest one applied: a slower, older load never replaces a newer one. */
  private started = 0;
  private applied = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  ready(): Promise<void> {
    if (Date.now() - this.loadedAt > 60_000) this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loadedAt === 0 ? this.loading! : Promise.resolve();
  }

  async load(): Promise<void> {
    const generation = ++this.started;
    const { rows } = await this.pool.query(
      `select id, service, model_prefix, input_per_1k_tokens::text, cached_input_per_1k_tokens::text, output_per_1k_tokens::text,
              per_1k_characters::text, per_minute::text, effective_from from prices`,
    );
    const prices: Price[] = rows.map((row) => ({
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
    const { rows: markupRows } = await this.pool.query(
      `select tenant_id, effective_from, markup_percent::text from tenant_pricing order by tenant_id, effective_from`,
    );
    const markups = new Map<string, Markup[]>();
    for (const row of markupRows) {
      let list = markups.get(row.tenant_id);
      if (!list) markups.set(row.tenant_id, (list = []));
      list.push({ effectiveFrom: new Date(row.effective_from), markupPercent: normalizeDecimal(row.markup_percent) });
    }
    if (generation < this.applied) return;
    this.applied = generation;
    this.prices = prices;
    this.markups = markups;
    this.loadedAt = Date.now();
    this.logger.debug({ prices: this.prices.length, markedUpTenants: markups.size }, 'price table loaded');
  }

  /** The price a call of this model would be priced with at `at` (longest matching prefix). */
  inForce(service: UsageEvent['service'], model: string, at: Date): Price | undefined {
    return findPrice(this.prices, service, model, at);
  }

  /** The tenant's markup in percent in force at `at` (undefined: none, charged at provider cost). */
  markupAt(tenantId: string, at: Date): string | undefined {
    return markupAt(this.markups.get(tenantId), at);
  }

  /** Provider cost from the price table, charged cost with the tenant's markup at occurredAt (markup.ts). */
  rate(event: UsageEvent): ChargedCost {
    const rated = rate(event, findPrice(this.prices, event.service, event.model, event.occurredAt));
    const providerCostText = rated.costText ?? formatMoney(rated.costUsd);
    const { costText } = chargeOf(providerCostText, this.markupAt(event.tenantId, event.occurredAt));
    return {
      costUsd: costText === providerCostText ? rated.costUsd : new Money(costText),
      costText,
      providerCostUsd: rated.costUsd,
      providerCostText,
      pricingStatus: rated.pricingStatus,
      priceId: rated.priceId,
    };
  }
}
