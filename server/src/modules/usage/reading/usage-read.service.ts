import type pg from 'pg';
import type { Queryable } from '../../../core/db/read-router.js';
import type { Clock } from '../../../core/lib/clock.js';
import { decodeCursor, encodeCursor, notACursor } from '../../../core/graphql/cursor.js';
import { UserInputError } from '../../../core/graphql/errors.js';
import { formatMoney, money } from '../../../core/lib/money.js';
import { DAY_MS, dayStart, elapsedFraction, formatDay, isDayRange, isPeriod, lastMonths, monthWindow, periodWindow, shiftMonth, type MonthWindow } from '../../../core/lib/period.js';
import { isUuid } from '../../tenants/tenant-directory.js';
import { logConditions, type LogFilter } from './log-filter.js';
import { countLogs } from './usage-log-count.js';
import { seriesDates, seriesPoints } from './time-series-lines.js';
import { summaryPage, type SummaryPage, type SummaryPageRequest } from './monthly-summary-page.js';
import { emptySummary, escapeLike, SUMMARY_SELECT, summaryFromRow, type SummaryRecord } from '../monthly-summary.record.js';
import { logFromRow, normalizeDecimal, USAGE_LOG_COLUMNS, type UsageLogRecord } from '../usage-log.record.js';

export type { SummaryRecord } from '../monthly-summary.record.js';

export const PAGE_SIZE_LIMIT = 200;

/** A series key by model: the model, or the service for one priced without models (Smartflo). */
const MODEL_KEY = `case when model = '' then service else model end`;

/**
 * Every read of usage: dashboards read summaries and rollups (their cost does not grow with the
 * log), and only the activity list reads logs, by keyset on (occurred_at, id).
 */
export class UsageReadService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    /** Heavy reads (series, log pages and counts): a replica when there is one (core/db/read-router.ts). */
    private readonly reads: Queryable = pool,
  ) {}

  /** "YYYY-MM" or the current month. */
  window(period: string | null | undefined, field = 'period'): MonthWindow {
    if (period === null || period === undefined) return monthWindow(this.clock.now());
    if (!isPeriod(period)) throw new UserInputError({ field, message: 'must be a month as "YYYY-MM"' });
    return periodWindow(period);
  }

  async monthlySummaries(window: MonthWindow, options: { tenantId?: string; search?: string | null }): Promise<SummaryRecord[]> {
    const { rows } = await this.pool.query(
      `${SUMMARY_SELECT} where s.period = $1::date and ($2::uuid is null or s.tenant_id = $2)
         and ($3::text is null or t.name ilike '%' || $3 || '%')
       order by s.total_cost_usd desc, t.name`,
      [formatDay(window.start), options.tenantId ?? null, options.search ? escapeLike(options.search.trim()) : null],
    );
    return rows.map(summaryFromRow);
  }

  /** The same rows a page at a time, in an order the admin picks (keyset, see monthly-summary-page.ts). */
  summaryPage(window: MonthWindow, request: SummaryPageRequest): Promise<SummaryPage> {
    return summaryPage(this.pool, window, request);
  }

  async summaryOf(tenantId: string, tenantName: string, window: MonthWindow): Promise<SummaryRecord> {
    const [summary] = await this.monthlySummaries(window, { tenantId });
    return summary ?? emptySummary(tenantId, tenantName, window);
  }

  async history(tenantId: string, tenantName: string, months: number): Promise<SummaryRecord[]> {
    if (!Number.isInteger(months) || months < 1 || months > 36) throw new UserInputError({ field: 'months', message: 'must be 1-36' });
    const windows = lastMonths(this.clock.now(), months);
    const { rows } = await this.pool.query(`${SUMMARY_SELECT} where s.tenant_id = $1 and s.period between $2::date and $3::date`, [
      tenantId,
      formatDay(windows[0]!.start),
      formatDay(windows.at(-1)!.start),
    ]);
    const found = new Map(rows.map((row) => [row.period as string, summaryFromRow(row)]));
    return windows.map((w) => found.get(w.period) ?? emptySummary(tenantId, tenantName, w));
  }

  async overview(window: MonthWindow): Promise<{ customerCount: number; totalCostUsd: string; totalApiCalls: number; activeAlertCount: number; activeEndUsers: number }> {
    const { rows } = await this.pool.query(
      `select (select count(*) from tenants) as customers,
              coalesce((select sum(total_cost_usd) from monthly_summaries where period = $1::date), 0)::text as cost,
              coalesce((select sum(total_api_calls) from monthly_summaries where period = $1::date), 0) as calls,
              (select count(*) from alerts where status = 'ACTIVE') as active,
              -- End users belong to one tenant each, so the platform's distinct count is the sum.
              coalesce((select sum(active_end_users) from monthly_summaries where period = $1::date), 0) as end_users`,
      [formatDay(window.start)],
    );
    const row = rows[0];
    return {
      customerCount: Number(row.customers),
      totalCostUsd: normalizeDecimal(row.cost),
      totalApiCalls: Number(row.calls),
      activeAlertCount: Number(row.active),
      activeEndUsers: Number(row.end_users),
    };
  }

  async serviceBreakdown(window: MonthWindow): Promise<{ service: string; units: number; costUsd: string; apiCalls: number }[]> {
    const { rows } = await this.pool.query(
      `select service, coalesce(sum(units), 0)::text as units, coalesce(sum(cost_usd), 0)::text as cost, coalesce(sum(api_calls), 0) as calls
         from platform_daily_rollups where day >= $1::date and day < $2::date group by service`,
      [formatDay(window.start), formatDay(window.end)],
    );
    return ['OPENAI', 'ELEVENLABS', 'SMARTFLO'].map((service) => {
      const row = rows.find((r) => r.service === service);
      return { service, units: row ? Number(row.units) : 0, costUsd: row ? normalizeDecimal(row.cost) : '0', apiCalls: row ? Number(row.calls) : 0 };
    });
  }

  async topTenants(window: MonthWindow, limit: number): Promise<SummaryRecord[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UserInputError({ field: 'limit', message: 'must be 1-100' });
    const { rows } = await this.pool.query(`${SUMMARY_SELECT} where s.period = $1::date order by s.total_cost_usd desc, t.name limit $2`, [
      formatDay(window.start),
      limit,
    ]);
    return rows.map(summaryFromRow);
  }

  /** Per service and model for one tenant's month, from the daily rollups. */
  async byModel(tenantId: string, window: MonthWindow) {
    const { rows } = await this.pool.query(
      `select service, model, sum(api_calls) as calls, sum(error_calls) as errors, sum(units)::text as units, sum(cost_usd)::text as cost
         from daily_rollups where tenant_id = $1 and day >= $2::date and day < $3::date
        group by service, model order by sum(cost_usd) desc, service, model`,
      [tenantId, formatDay(window.start), formatDay(window.end)],
    );
    return rows.map((row) => ({
      service: row.service,
      model: row.model === '' ? null : row.model,
      apiCalls: Number(row.calls),
      errorCalls: Number(row.errors),
      units: Number(row.units),
      costUsd: normalizeDecimal(row.cost),
    }));
  }

  async unpriced(window: MonthWindow) {
    const { rows } = await this.pool.query(
      `select service, model, sum(unpriced_calls) as calls from platform_daily_rollups
        where day >= $1::date and day < $2::date and unpriced_calls > 0 group by service, model order by sum(unpriced_calls) desc`,
      [formatDay(window.start), formatDay(window.end)],
    );
    const models = rows.map((row) => ({ service: row.service, model: row.model === '' ? null : row.model, apiCalls: Number(row.calls) }));
    return { period: window.period, apiCalls: models.reduce((sum, m) => sum + m.apiCalls, 0), models };
  }

  /** Daily points over the last `days` UTC days (today included), and the same span before. */
  async timeSeries(days: number, groupBy: 'SERVICE' | 'MODEL', tenantId: string | undefined, endUser: string | null = null) {
    if (!isDayRange(days)) throw new UserInputError({ field: 'days', message: 'must be 7, 30, 90 or 365' });
    const today = dayStart(this.clock.now());
    const from = new Date(today.getTime() - (days - 1) * DAY_MS);
    const to = new Date(today.getTime() + DAY_MS);
    const previousFrom = new Date(from.getTime() - days * DAY_MS);
    // One end user's series reads its own rollups (one row per day, service and model, like a tenant's).
    const table = endUser ? 'end_user_daily_rollups' : tenantId ? 'daily_rollups' : 'platform_daily_rollups';
    const tenant = tenantId ? (endUser ? [tenantId, endUser] : [tenantId]) : [];
    const scope = (first: number) => (tenantId ? `and tenant_id = $${first}${endUser ? ` and end_user = $${first + 1}` : ''}` : '');
    const where = `where day >= $1::date and day < $2::date ${scope(3)}`;
    const key = groupBy === 'SERVICE' ? 'service' : MODEL_KEY;
    // A tenant's rollup row is already one point by model (one row per day, service and model),
    // so PostgreSQL only reads those in order: summing a saturated year's 1,095 one-row groups was
    // two thirds of its time. Platform rows are split into shards, and by service models add up.
    const pointsSql =
      groupBy === 'MODEL' && tenantId
        ? `select day::text, ${key}, cost_usd, api_calls, units from ${table} ${where} order by 1, 2`
        : `select day::text, ${key}, sum(cost_usd), sum(api_calls), sum(units) from ${table} ${where} group by 1, 2 order by 1, 2`;
    // Measured on a saturated year (1,095 points): the points are most of the time, so they are
    // read as arrays and built as plain objects with no decimal arithmetic in JS, and both spans'
    // totals are one SQL aggregate, read in parallel with the points (pg hands numeric over as
    // exact text).
    const [{ rows }, { rows: totals }] = await Promise.all([
      this.reads.query<[string, string, string, string, string]>({ text: pointsSql, values: [formatDay(from), formatDay(to), ...tenant], rowMode: 'array' }),
      this.reads.query(
        `select coalesce(sum(cost_usd) filter (where day >= $2::date), 0) as cost, coalesce(sum(api_calls) filter (where day >= $2::date), 0) as calls,
                coalesce(sum(cost_usd) filter (where day < $2::date), 0) as previous_cost, coalesce(sum(api_calls) filter (where day < $2::date), 0) as previous_calls
           from ${table} where day >= $1::date and day < $3::date ${scope(4)}`,
        [formatDay(previousFrom), formatDay(from), formatDay(to), ...tenant],
      ),
    ]);
    const points = seriesPoints(rows);
    const total = totals[0];
    return {
      from,
      to,
      days,
      points,
      dates: seriesDates(from, to),
      totalCostUsd: normalizeDecimal(total.cost),
      totalApiCalls: Number(total.calls),
      previousTotalCostUsd: normalizeDecimal(total.previous_cost),
      previousTotalApiCalls: Number(total.previous_calls),
    };
  }

  /** The month extrapolated at its pace so far; a past month's projection is its total. */
  projectedMonthEnd(totalCostUsd: string, window: MonthWindow): string {
    const fraction = elapsedFraction(window, this.clock.now());
    if (fraction >= 1 || fraction === 0) return totalCostUsd;
    // Project from elapsed milliseconds as an exact ratio (no float on the money itself).
    const elapsed = money(this.clock.now().getTime() - window.start.getTime());
    const length = money(window.end.getTime() - window.start.getTime());
    return formatMoney(money(totalCostUsd).times(length).dividedBy(elapsed).toDecimalPlaces(6));
  }

  previousWindow(window: MonthWindow): MonthWindow {
    return shiftMonth(window, -1);
  }

  /**
   * Newest first, keyset-paginated on (occurred_at, id). The cursor is opaque to clients and
   * carries nothing of a tenant but the position, and filters are re-applied on every page.
   */
  async logs(filter: LogFilter, first: number, after: string | null | undefined): Promise<{ nodes: UsageLogRecord[]; hasNextPage: boolean; endCursor: string | null; totalCount: number }> {
    if (!Number.isInteger(first) || first < 1 || first > PAGE_SIZE_LIMIT) {
      throw new UserInputError({ field: 'first', message: `must be 1-${PAGE_SIZE_LIMIT}` });
    }
    const cursor = after ? decodeLogCursor(after) : undefined;
    const params: unknown[] = [];
    const pageConditions = logConditions(filter, params);
    if (cursor) {
      params.push(cursor.occurredAt, cursor.id);
      pageConditions.push(`(occurred_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const where = pageConditions.length ? `where ${pageConditions.join(' and ')}` : '';
    const [{ rows }, totalCount] = await Promise.all([
      this.reads.query(`select ${USAGE_LOG_COLUMNS}, occurred_at::text as cursor_at from usage_logs ${where} order by occurred_at desc, id desc limit ${first + 1}`, params),
      countLogs(this.reads, filter),
    ]);
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      nodes: page.map(logFromRow),
      hasNextPage: rows.length > first,
      endCursor: last ? encodeLogCursor(last.cursor_at, last.id) : null,
      totalCount,
    };
  }
}

/** Every log matching the filter, newest first, read in keyset pages (constant memory). */
export async function* streamLogs(pool: Queryable, filter: LogFilter, pageSize = 2_000): AsyncGenerator<UsageLogRecord[]> {
  let cursor: { occurredAt: string; id: string } | undefined;
  for (;;) {
    const params: unknown[] = [];
    const conditions = logConditions(filter, params);
    if (cursor) {
      params.push(cursor.occurredAt, cursor.id);
      conditions.push(`(occurred_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const { rows } = await pool.query(
      `select ${USAGE_LOG_COLUMNS}, occurred_at::text as cursor_at from usage_logs ${where} order by occurred_at desc, id desc limit ${pageSize}`,
      params,
    );
    if (rows.length === 0) return;
    yield rows.map(logFromRow);
    const last = rows.at(-1)!;
    cursor = { occurredAt: last.cursor_at, id: last.id };
    if (rows.length < pageSize) return;
  }
}

function encodeLogCursor(occurredAt: string, id: string): string {
  return encodeCursor([occurredAt, id]);
}

function decodeLogCursor(cursor: string): { occurredAt: string; id: string } {
  const [occurredAt, id] = decodeCursor(cursor, 2);
  if (typeof occurredAt !== 'string' || Number.isNaN(Date.parse(occurredAt)) || typeof id !== 'string' || !isUuid(id)) throw notACursor();
  return { occurredAt, id };
}
