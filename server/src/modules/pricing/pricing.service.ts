import type pg from 'pg';
import type { Clock } from '../../core/lib/clock.js';
import { Problems } from '../../core/graphql/errors.js';
import type { Viewer } from '../../core/viewer/viewer.js';
import { isDecimalLiteral, money } from '../../core/lib/money.js';
import type { AuditService } from '../audit/audit.service.js';
import { normalizeDecimal } from '../usage/usage-log.record.js';
import { PRICES_CHANGED_CHANNEL, type PriceBook } from './price-book.js';
import { catalogOpenAiPrices, type CatalogPrice } from './price-catalog.js';

/** One model where the bundled catalog and our price in force now disagree (USD per million tokens). */
export interface CatalogChange {
  model: string;
  currentInputPerMillionUsd: string | null;
  currentCachedInputPerMillionUsd: string | null;
  currentOutputPerMillionUsd: string | null;
  catalogInputPerMillionUsd: string;
  catalogCachedInputPerMillionUsd: string | null;
  catalogOutputPerMillionUsd: string;
}

const sameRate = (a: string | null | undefined, b: string | null) => (a == null ? b == null : b != null && money(a).eq(b));
const sameRates = (a: CatalogPrice, b: CatalogPrice) => sameRate(a.inputPer1kTokens, b.inputPer1kTokens) && sameRate(a.outputPer1kTokens, b.outputPer1kTokens) && sameRate(a.cachedInputPer1kTokens, b.cachedInputPer1kTokens);

const perMillion = (perThousand: string | null) => (perThousand === null ? null : money(perThousand).times(1000).toFixed());

export interface NewPrice {
  service: string;
  model: string;
  inputPer1kTokens?: string | null;
  cachedInputPer1kTokens?: string | null;
  outputPer1kTokens?: string | null;
  per1kCharacters?: string | null;
  perMinute?: string | null;
  effectiveFrom?: Date | null;
}

const RATE_FIELDS = ['inputPer1kTokens', 'cachedInputPer1kTokens', 'outputPer1kTokens', 'per1kCharacters', 'perMinute'] as const;

const nullableDecimal = (value: string | null) => (value === null ? null : normalizeDecimal(value));

export class PricingService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly book: PriceBook,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(service?: string | null) {
    const { rows } = await this.pool.query(
      `select id, service, model_prefix, input_per_1k_tokens::text, cached_input_per_1k_tokens::text, output_per_1k_tokens::text,
              per_1k_characters::text, per_minute::text, effective_from, created_at
         from prices where ($1::text is null or service = $1) order by service, model_prefix, effective_from desc`,
      [service ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      service: row.service,
      model: row.model_prefix,
      inputPer1kTokens: nullableDecimal(row.input_per_1k_tokens),
      cachedInputPer1kTokens: nullableDecimal(row.cached_input_per_1k_tokens),
      outputPer1kTokens: nullableDecimal(row.output_per_1k_tokens),
      per1kCharacters: nullableDecimal(row.per_1k_characters),
      perMinute: nullableDecimal(row.per_minute),
      effectiveFrom: row.effective_from,
      createdAt: row.created_at,
    }));
  }

  /** A new price row; effective now or later, never earlier, so recorded costs stay as they were. */
  async add(actor: Viewer, input: NewPrice) {
    const problems = new Problems();
    const now = this.clock.now();
    const effectiveFrom = input.effectiveFrom ?? now;
    if (input.model.length > 200 || input.model !== input.model.trim()) problems.add('model', 'must be a model prefix of at most 200 characters without surrounding spaces');
    if (effectiveFrom.getTime() < now.getTime() - 60_000) problems.add('effectiveFrom', 'may not be in the past (past costs are never rewritten)');
    for (const field of RATE_FIELDS) {
      const value = input[field];
      if (value !== undefined && value !== null && (!isDecimalLiteral(value) || money(value).lt(0))) problems.add(field, 'must be an amount >= 0');
    }
    const usesTokens = input.inputPer1kTokens != null || input.outputPer1kTokens != null;
    if (usesTokens && (input.inputPer1kTokens == null || input.outputPer1kTokens == null)) {
      problems.add(input.inputPer1kTokens == null ? 'inputPer1kTokens' : 'outputPer1kTokens', 'token prices need both input and output rates');
    }
    if (RATE_FIELDS.every((field) => input[field] == null)) problems.add('inputPer1kTokens', 'give at least one rate');
    problems.throwIfAny();
    const { rows } = await this.pool.query(
      `insert into prices (service, model_prefix, input_per_1k_tokens, cached_input_per_1k_tokens, output_per_1k_tokens, per_1k_characters, per_minute, effective_from, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (service, model_prefix, effective_from) do nothing returning id`,
      [input.service, input.model, input.inputPer1kTokens ?? null, input.cachedInputPer1kTokens ?? null, input.outputPer1kTokens ?? null, input.per1kCharacters ?? null, input.perMinute ?? null, effectiveFrom, actor.userId ?? null],
    );
    if (!rows[0]) {
      problems.add('effectiveFrom', 'a price for this model already starts at that moment');
      problems.throwIfAny();
    }
    await this.pool.query('select pg_notify($1, $2)', [PRICES_CHANGED_CHANNEL, rows[0].id]);
    await this.book.load();
    await this.audit.record(this.pool, actor, 'PRICE_ADDED', { targetId: rows[0].id, changes: { ...input, effectiveFrom: effectiveFrom.toISOString() } });
    return (await this.list(input.service)).find((price) => price.id === rows[0].id)!;
  }

  /**
   * The catalog's OpenAI prices beside the ones in force now, for every mapped model whose rates
   * differ or that we do not price yet. A cached rate we lack where the catalog has one counts as
   * a difference; the other way round (we price cached input, the catalog does not) does not.
   */
  async catalogDiff(): Promise<CatalogChange[]> {
    await this.book.ready();
    return this.catalogChanges(this.clock.now()).map(({ catalog, current }) => ({
      model: catalog.model,
      currentInputPerMillionUsd: perMillion(current?.inputPer1kTokens ?? null),
      currentCachedInputPerMillionUsd: perMillion(current?.cachedInputPer1kTokens ?? null),
      currentOutputPerMillionUsd: perMillion(current?.outputPer1kTokens ?? null),
      catalogInputPerMillionUsd: perMillion(catalog.inputPer1kTokens)!,
      catalogCachedInputPerMillionUsd: perMillion(catalog.cachedInputPer1kTokens),
      catalogOutputPerMillionUsd: perMillion(catalog.outputPer1kTokens)!,
    }));
  }

  /**
   * Adds the catalog's price for every changed model, effective from `effectiveFrom` (not in the
   * past). A new row for a model prefix would also price the longer model names it covers (a new
   * "gpt-4o" prices "gpt-4o-2024-05-13"): each such model whose catalog price differs from what it
   * would then get gets its own row too, so after the update every mapped model costs what the
   * catalog says.
   */
  async applyCatalog(actor: Viewer, effectiveFrom: Date) {
    const now = this.clock.now();
    const problems = new Problems();
    if (Number.isNaN(effectiveFrom.getTime()) || effectiveFrom.getTime() < now.getTime() - 60_000) problems.add('effectiveFrom', 'may not be in the past (past costs are never rewritten)');
    problems.throwIfAny();
    await this.book.ready();
    const catalog = catalogOpenAiPrices(effectiveFrom);
    const rows = new Map(this.catalogChanges(effectiveFrom).map(({ catalog: price }) => [price.model, price]));
    for (let grew = true; grew; ) {
      grew = false;
      for (const price of catalog) {
        if (rows.has(price.model)) continue;
        const current = this.book.inForce('OPENAI', price.model, effectiveFrom);
        // The longest new row covering this model, if at least as long as what prices it now (a
        // new row of the same prefix replaces the old one from its date).
        const shadow = [...rows.values()].filter((row) => price.model.startsWith(row.model) && row.model.length >= (current?.modelPrefix.length ?? -1)).sort((a, b) => b.model.length - a.model.length)[0];
        if (shadow && !sameRates(shadow, price)) {
          rows.set(price.model, price);
          grew = true;
        }
      }
    }
    const added = [];
    for (const price of rows.values()) {
      added.push(
        await this.add(actor, {
          service: 'OPENAI',
          model: price.model,
          inputPer1kTokens: price.inputPer1kTokens,
          cachedInputPer1kTokens: price.cachedInputPer1kTokens,
          outputPer1kTokens: price.outputPer1kTokens,
          effectiveFrom,
        }),
      );
    }
    return added;
  }

  private catalogChanges(at: Date): { catalog: CatalogPrice; current: ReturnType<PriceBook['inForce']> }[] {
    const same = sameRate;
    return catalogOpenAiPrices(at)
      .map((catalog) => ({ catalog, current: this.book.inForce('OPENAI', catalog.model, at) }))
      .filter(({ catalog, current }) =>
        !current ||
        !same(current.inputPer1kTokens, catalog.inputPer1kTokens) ||
        !same(current.outputPer1kTokens, catalog.outputPer1kTokens) ||
        (catalog.cachedInputPer1kTokens !== null && !same(current.cachedInputPer1kTokens, catalog.cachedInputPer1kTokens)),
      );
  }
}
