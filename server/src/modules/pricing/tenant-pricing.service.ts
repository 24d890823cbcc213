import type pg from 'pg';
import { Problems } from '../../core/graphql/errors.js';
import type { Clock } from '../../core/lib/clock.js';
import type { Viewer } from '../../core/viewer/viewer.js';
import type { AuditService } from '../audit/audit.service.js';
import { isUuid } from '../tenants/tenant-directory.js';
import { normalizeDecimal } from '../usage/usage-log.record.js';
import { PRICES_CHANGED_CHANNEL, type PriceBook } from './price-book.js';
import { markupProblem } from './markup.js';

export interface TenantPricingRecord {
  tenantId: string;
  markupPercent: string;
  effectiveFrom: Date;
  createdAt: Date;
  /** Whether this row prices calls happening now (the latest row effective at or before now). */
  inForce: boolean;
}

export interface TenantPricingChange {
  tenantId: string;
  markupPercent: string;
  effectiveFrom: Date;
}

/**
 * A tenant's markup on provider cost, effective-dated (model and rules: README.md). A row never
 * rewrites a cost already counted: it may start only after the tenant's last counted (not voided)
 * event, so every recorded cost stays what it was. Rows are added (or a scheduled row replaced at
 * the same instant), never edited after they start pricing events.
 */
export class TenantPricingService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly book: PriceBook,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The row in force now and the scheduled ones; with `history`, the earlier ones too. Newest first. */
  async list(tenantId: string, history = false): Promise<TenantPricingRecord[]> {
    const problems = new Problems();
    if (!isUuid(tenantId)) problems.add('tenantId', 'is not a tenant id');
    problems.throwIfAny();
    const { rows } = await this.pool.query(
      `select tenant_id, markup_percent::text, effective_from, created_at from tenant_pricing where tenant_id = $1 order by effective_from desc`,
      [tenantId],
    );
    const now = this.clock.now().getTime();
    const current = rows.find((row) => new Date(row.effective_from).getTime() <= now);
    return rows
      .filter((row) => history || row === current || new Date(row.effective_from).getTime() > now)
      .map((row) => ({
        tenantId: row.tenant_id,
        markupPercent: normalizeDecimal(row.markup_percent),
        effectiveFrom: new Date(row.effective_from),
        createdAt: new Date(row.created_at),
        inForce: row === current,
      }));
  }

  async set(actor: Viewer, input: TenantPricingChange): Promise<TenantPricingRecord> {
    const problems = new Problems();
    const markup = input.markupPercent.trim();
    const markupIssue = markupProblem(markup);
    if (markupIssue) problems.add('markupPercent', markupIssue);
    if (!(input.effectiveFrom instanceof Date) || Number.isNaN(input.effectiveFrom.getTime())) problems.add('effectiveFrom', 'is not a date');
    if (!isUuid(input.tenantId)) problems.add('tenantId', 'is not a tenant id');
    problems.throwIfAny();
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      // The tenant row locked: two admins setting the same tenant's pricing check and write one after the other.
      const { rows: tenant } = await client.query(`select id from tenants where id = $1 for update`, [input.tenantId]);
      if (tenant.length === 0) problems.add('tenantId', 'no such tenant');
      else {
        const { rows: counted } = await client.query(
          `select occurred_at from usage_logs where tenant_id = $1 and occurred_at >= $2 and voided_at is null order by occurred_at desc limit 1`,
          [input.tenantId, input.effectiveFrom],
        );
        if (counted[0]) {
          problems.add('effectiveFrom', `would reprice events already counted (the latest at ${new Date(counted[0].occurred_at).toISOString()}): choose a later moment`);
        }
      }
      problems.throwIfAny();
      await client.query(
        `insert into tenant_pricing (tenant_id, effective_from, markup_percent, created_by) values ($1, $2, $3, $4)
         on conflict (tenant_id, effective_from) do update set markup_percent = excluded.markup_percent, created_by = excluded.created_by, created_at = now()`,
        [input.tenantId, input.effectiveFrom, markup, actor.userId ?? null],
      );
      await this.audit.record(client, actor, 'TENANT_PRICING_SET', {
        tenantId: input.tenantId,
        targetId: input.tenantId,
        changes: { markupPercent: normalizeDecimal(markup), effectiveFrom: input.effectiveFrom.toISOString() },
      });
      await client.query('select pg_notify($1, $2)', [PRICES_CHANGED_CHANNEL, input.tenantId]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    await this.book.load();
    return (await this.list(input.tenantId, true)).find((row) => row.effectiveFrom.getTime() === input.effectiveFrom.getTime())!;
  }
}
