import type pg from 'pg';
import type { Logger } from 'pino';
import type { Queryable } from '../../core/db/read-router.js';
import type { Service } from '../../core/graphql/enums.js';
import { forbidden, Problems, UserInputError, unauthenticated } from '../../core/graphql/errors.js';
import type { Clock } from '../../core/lib/clock.js';
import { money } from '../../core/lib/money.js';
import { isPeriod, periodWindow } from '../../core/lib/period.js';
import type { Viewer } from '../../core/viewer/viewer.js';
import type { AuditService } from '../audit/audit.service.js';
import { isUuid, type TenantDirectory } from '../tenants/tenant-directory.js';
import {
  adjustmentLines,
  adjustmentTargets,
  firstMonthStillInWindow,
  isOver,
  statementNumber,
  totalOf,
  unitOf,
  type LineTotals,
  type StatementLineRecord,
} from './statement-rules.js';

export type StatementStatus = 'OPEN' | 'FINAL';

export interface StatementRecord {
  tenantId: string;
  period: string;
  status: StatementStatus;
  number: string | null;
  lines: StatementLineRecord[];
  totalUsd: ReturnType<typeof money>;
  finalizedAt: Date | null;
}

/** Most statements one list returns. */
export const STATEMENTS_MAX_FIRST = 200;

/** Transaction-scoped advisory lock class: one finalization of a tenant at a time (key 2: the tenant). */
const FINALIZE_LOCK = 7_310_002;

/** A statement's id: its tenant and month ("<tenant uuid>:YYYY-MM"); the same while OPEN and once FINAL. */
export function statementId(tenantId: string, period: string): string {
  return `${tenantId}:${period}`;
}

export function parseStatementId(id: string): { tenantId: string; period: string } | null {
  const at = id.lastIndexOf(':');
  if (at < 0) return null;
  const tenantId = id.slice(0, at);
  const period = id.slice(at + 1);
  return isUuid(tenantId) && isPeriod(period) ? { tenantId: tenantId.toLowerCase(), period } : null;
}

interface TenantMonths {
  finals: string[];
  withUsage: string[];
}

/**
 * Statements (README.md): OPEN ones computed from the rollups (through the read router), FINAL
 * ones read from their frozen rows; finalizing freezes one with the next gap-free number.
 */
export class StatementsService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly reads: Queryable,
    private readonly tenants: TenantDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Newest period first; `tenantId` already scoped (tenant-scope.ts): undefined = every tenant.
   * `period` and `status` narrow the list in SQL, so a month of thousands of tenants pages right.
   */
  async list(tenantId: string | undefined, first: number, filter: { period?: string | null; status?: StatementStatus | null } = {}): Promise<StatementRecord[]> {
    const problems = new Problems();
    if (!Number.isInteger(first) || first < 1 || first > STATEMENTS_MAX_FIRST) problems.add('first', `must be 1-${STATEMENTS_MAX_FIRST}`);
    if (tenantId !== undefined && !isUuid(tenantId)) problems.add('tenantId', 'is not a tenant id');
    if (filter.period && !isPeriod(filter.period)) problems.add('period', 'must be a month as YYYY-MM');
    problems.throwIfAny();
    const { rows } = await this.reads.query<{ tenant_id: string; period: string }>(
      `select x.tenant_id, x.period from (
         select tenant_id, period, bool_or(final) as final from (
           select tenant_id, to_char(period, 'YYYY-MM') as period, false as final from monthly_summaries
            where total_api_calls > 0 and ($1::uuid is null or tenant_id = $1) and ($3::date is null or period = $3::date)
           union all
           select tenant_id, period, true from statements where ($1::uuid is null or tenant_id = $1) and ($4::text is null or period = $4)
         ) months group by tenant_id, period
       ) x join tenants t on t.id = x.tenant_id
       where $5::boolean is null or x.final = $5
       order by x.period desc, t.name, x.tenant_id limit $2`,
      [tenantId ?? null, first, filter.period ? `${filter.period}-01` : null, filter.period ?? null, filter.status ? filter.status === 'FINAL' : null],
    );
    const months = new Map<string, Promise<TenantMonths>>();
    return Promise.all(
      rows.map(async (row) => {
        if (!months.has(row.tenant_id)) months.set(row.tenant_id, this.tenantMonths(this.reads, row.tenant_id));
        return this.statementOf(this.reads, row.tenant_id, row.period, await months.get(row.tenant_id)!);
      }),
    );
  }

  /** One statement by id; another tenant's is FORBIDDEN for customers (the contract's rule for ids naming another tenant). */
  async get(viewer: Viewer | null, id: string): Promise<StatementRecord | null> {
    if (!viewer) throw unauthenticated();
    const parsed = parseStatementId(id);
    if (!parsed) return null;
    if (viewer.kind !== 'ADMIN' && parsed.tenantId !== viewer.tenantId) throw forbidden('You can only access your own tenant');
    return this.find(parsed.tenantId, parsed.period);
  }

  /** The statement of a tenant's month, or null when the month has none (no usage, not FINAL). */
  async find(tenantId: string, period: string): Promise<StatementRecord | null> {
    const months = await this.tenantMonths(this.reads, tenantId);
    if (!months.finals.includes(period) && !months.withUsage.includes(period)) return null;
    return this.statementOf(this.reads, tenantId, period, months);
  }

  /**
   * Freezes a month's statement with the next number of its month. Idempotent: a FINAL one is
   * returned as it is. Several instances may finalize at once: a tenant's finalizations queue on
   * an advisory lock, and the month's number counter row is updated in the same transaction as
   * the insert, so a number is given exactly once and a rollback gives it back.
   * `actor` null: the server itself (a month past its window), which writes no audit entry.
   */
  async finalize(actor: Viewer | null, tenantId: string, period: string): Promise<StatementRecord> {
    const problems = new Problems();
    if (!isPeriod(period)) problems.add('period', 'must be a month as YYYY-MM');
    if (!isUuid(tenantId) || !(await this.tenants.find(tenantId))) problems.add('tenantId', 'is not a known tenant');
    problems.throwIfAny();
    const now = this.clock.now();
    if (!isOver(period, now)) throw new UserInputError({ field: 'period', message: 'is not over yet: a month can be finalized from the first day of the next one' });
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1, hashtext($2))', [FINALIZE_LOCK, tenantId]);
      const months = await this.tenantMonths(client, tenantId);
      if (months.finals.includes(period)) {
        const frozen = await this.frozen(client, tenantId, period);
        await client.query('commit');
        return frozen;
      }
      if (!months.withUsage.includes(period)) throw new UserInputError({ field: 'period', message: 'has no usage for this tenant: there is nothing to state' });
      const open = await this.computeOpen(client, tenantId, period, months);
      const { rows } = await client.query<{ last_number: number }>(
        `insert into statement_number_counters (period, last_number) values ($1, 1)
         on conflict (period) do update set last_number = statement_number_counters.last_number + 1 returning last_number`,
        [period],
      );
      const sequence = rows[0]!.last_number;
      const number = statementNumber(period, sequence);
      await client.query(
        `insert into statements (tenant_id, period, sequence, number, total_usd, finalized_at, finalized_by) values ($1, $2, $3, $4, $5, $6, $7)`,
        [tenantId, period, sequence, number, open.totalUsd.toFixed(), now, actor?.email ?? 'system'],
      );
      if (open.lines.length > 0) {
        await client.query(
          `insert into statement_lines (tenant_id, period, position, service, model, unit, units, api_calls, amount_usd, adjustment_of)
           select $1, $2, p, s, m, u, n::numeric, c, a::numeric, o from unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[], $10::text[]) as l(p, s, m, u, n, c, a, o)`,
          [
            tenantId,
            period,
            open.lines.map((_, index) => index + 1),
            open.lines.map((line) => line.service),
            open.lines.map((line) => line.model),
            open.lines.map((line) => line.unit),
            open.lines.map((line) => line.units.toFixed()),
            open.lines.map((line) => line.apiCalls),
            open.lines.map((line) => line.amountUsd.toFixed()),
            open.lines.map((line) => line.adjustmentOf),
          ],
        );
      }
      if (actor) {
        await this.audit.record(client, actor, 'STATEMENT_FINALIZED', { tenantId, targetId: statementId(tenantId, period), changes: { status: 'FINAL', number, totalUsd: open.totalUsd.toFixed() } });
      }
      await client.query('commit');
      return { ...open, status: 'FINAL', number, finalizedAt: now };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * The server's own finalizations (hourly maintenance): every month with usage whose 35-day
   * window has passed, oldest first so each carries its predecessors' corrections in order.
   * Safe with other instances doing the same (finalize is idempotent and queues per tenant).
   */
  async finalizeDue(limit = 1_000): Promise<number> {
    const { rows } = await this.pool.query<{ tenant_id: string; period: string }>(
      `select s.tenant_id, to_char(s.period, 'YYYY-MM') as period from monthly_summaries s
        where s.total_api_calls > 0 and s.period < $1::date
          and not exists (select 1 from statements st where st.tenant_id = s.tenant_id and st.period = to_char(s.period, 'YYYY-MM'))
        order by s.period, s.tenant_id limit $2`,
      [`${firstMonthStillInWindow(this.clock.now())}-01`, limit],
    );
    let finalized = 0;
    for (const row of rows) {
      try {
        await this.finalize(null, row.tenant_id, row.period);
        finalized++;
      } catch (error) {
        this.logger.warn({ tenantId: row.tenant_id, period: row.period, err: (error as Error).message }, 'statement finalization deferred');
      }
    }
    if (finalized > 0) this.logger.info({ finalized }, 'finalized statements past their window');
    return finalized;
  }

  private async statementOf(db: Queryable, tenantId: string, period: string, months: TenantMonths): Promise<StatementRecord> {
    return months.finals.includes(period) ? this.frozen(db, tenantId, period) : this.computeOpen(db, tenantId, period, months);
  }

  private async tenantMonths(db: Queryable, tenantId: string): Promise<TenantMonths> {
    const [finals, withUsage] = await Promise.all([
      db.query<{ period: string }>(`select period from statements where tenant_id = $1 order by period`, [tenantId]),
      db.query<{ period: string }>(`select to_char(period, 'YYYY-MM') as period from monthly_summaries where tenant_id = $1 and total_api_calls > 0 order by period`, [tenantId]),
    ]);
    return { finals: finals.rows.map((r) => r.period), withUsage: withUsage.rows.map((r) => r.period) };
  }

  /** An OPEN statement: its month's rollups by service and model, then the corrections of the FINAL months it carries. */
  private async computeOpen(db: Queryable, tenantId: string, period: string, months: TenantMonths): Promise<StatementRecord> {
    const window = periodWindow(period);
    const { rows } = await db.query<TotalsRow>(
      `select $4::text as month, service, model, sum(units)::text as units, sum(api_calls)::bigint as api_calls, sum(cost_usd)::text as amount
         from daily_rollups where tenant_id = $1 and day >= $2::date and day < $3::date group by service, model order by service, model`,
      [tenantId, day(window.start), day(window.end), period],
    );
    const own = rows
      .map(totalsFromRow)
      .filter((row) => row.apiCalls !== 0 || !row.units.isZero() || !row.amountUsd.isZero())
      .map((row) => ({ service: row.service, model: row.model, unit: unitOf(row.service, row.model), units: row.units, apiCalls: row.apiCalls, amountUsd: row.amountUsd, adjustmentOf: null }));
    const open = months.withUsage.filter((month) => !months.finals.includes(month));
    if (!open.includes(period)) open.push(period);
    const corrected = adjustmentTargets(months.finals, open).get(period) ?? [];
    const adjustments = corrected.length > 0 ? await this.adjustments(db, tenantId, corrected) : [];
    const lines = [...own, ...adjustments];
    return { tenantId, period, status: 'OPEN', number: null, lines, totalUsd: totalOf(lines), finalizedAt: null };
  }

  /** What the rollups of these FINAL months hold now, less everything frozen for them (README: the stateless rule). */
  private async adjustments(db: Queryable, tenantId: string, finals: string[]): Promise<StatementLineRecord[]> {
    const from = day(periodWindow(finals[0]!).start);
    const to = day(periodWindow(finals[finals.length - 1]!).end);
    const [current, frozen] = await Promise.all([
      db.query<TotalsRow>(
        `select to_char(day, 'YYYY-MM') as month, service, model, sum(units)::text as units, sum(api_calls)::bigint as api_calls, sum(cost_usd)::text as amount
           from daily_rollups where tenant_id = $1 and day >= $2::date and day < $3::date and to_char(day, 'YYYY-MM') = any($4::text[])
          group by 1, 2, 3`,
        [tenantId, from, to, finals],
      ),
      db.query<TotalsRow>(
        `select coalesce(adjustment_of, period) as month, service, model, sum(units)::text as units, sum(api_calls)::bigint as api_calls, sum(amount_usd)::text as amount
           from statement_lines where tenant_id = $1 and ((adjustment_of is null and period = any($2::text[])) or adjustment_of = any($2::text[]))
          group by 1, 2, 3`,
        [tenantId, finals],
      ),
    ]);
    return adjustmentLines(current.rows.map(totalsFromRow), frozen.rows.map(totalsFromRow));
  }

  private async frozen(db: Queryable, tenantId: string, period: string): Promise<StatementRecord> {
    const [head, lines] = await Promise.all([
      db.query(`select number, total_usd::text as total, finalized_at from statements where tenant_id = $1 and period = $2`, [tenantId, period]),
      db.query(
        `select service, model, unit, units::text as units, api_calls, amount_usd::text as amount, adjustment_of from statement_lines where tenant_id = $1 and period = $2 order by position`,
        [tenantId, period],
      ),
    ]);
    const row = head.rows[0];
    return {
      tenantId,
      period,
      status: 'FINAL',
      number: row.number,
      totalUsd: money(row.total),
      finalizedAt: row.finalized_at,
      lines: lines.rows.map((line) => ({
        service: line.service as Service,
        model: line.model,
        unit: line.unit,
        units: money(line.units),
        apiCalls: Number(line.api_calls),
        amountUsd: money(line.amount),
        adjustmentOf: line.adjustment_of,
      })),
    };
  }
}

interface TotalsRow {
  month: string;
  service: string;
  model: string;
  units: string;
  api_calls: number | string;
  amount: string;
}

function totalsFromRow(row: TotalsRow): LineTotals {
  return { month: row.month, service: row.service as Service, model: row.model, units: money(row.units), apiCalls: Number(row.api_calls), amountUsd: money(row.amount) };
}

function day(at: Date): string {
  return at.toISOString().slice(0, 10);
}
