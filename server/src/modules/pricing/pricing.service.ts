import type pg from 'pg';
import type { Clock } from '../../core/lib/clock.js';
import { Problems } from '../../core/graphql/errors.js';
import type { Viewer } from '../../core/viewer/viewer.js';
import { isDecimalLiteral, money } from '../../core/lib/money.js';
import type { AuditService } from '../audit/audit.service.js';
import { normalizeDecimal } from '../usage/usage-log.record.js';
import { PRICES_CHANGED_CHANNEL, type PriceBook } from './price-book.js';

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
}
