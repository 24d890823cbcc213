import type { Queryable } from '../../../core/db/read-router.js';
import { DAY_MS, dayStart, formatDay } from '../../../core/lib/period.js';
import { logConditions, type LogFilter } from './log-filter.js';

/**
 * How many logs match, at a cost that does not grow with history: whole UTC days come from
 * the rollups (written in the same transaction as their logs), and only a partial day at
 * either end of the range is counted in the log itself. Rollups outlive the logs retention
 * drops, so days before the oldest remaining log are not counted (partitions drop whole
 * months, and a day never spans two, so every day from that one on is complete).
 */
export async function countLogs(pool: Queryable, filter: LogFilter): Promise<number> {
  const { rows: oldest } = await pool.query(
    `select min(occurred_at) as at from usage_logs where ($1::uuid is null or tenant_id = $1)`,
    [filter.tenantId ?? null],
  );
  if (!oldest[0].at) return 0;
  const lowest = dayStart(oldest[0].at as Date);
  const start = filter.from && filter.from > lowest ? filter.from : lowest;
  const end = filter.to ?? null;
  if (end && end <= start) return 0;
  // The rollups do not keep the source: a source filter is counted in the log itself (bounded by
  // the log's retention, 90 days by default).
  if (filter.source) return countRaw(pool, filter, start, end);
  const firstFullDay = start.getTime() === dayStart(start).getTime() ? start : new Date(dayStart(start).getTime() + DAY_MS);
  const endDay = end ? dayStart(end) : null;
  if (endDay && endDay <= firstFullDay) return countRaw(pool, filter, start, end);
  let total = await countRolledUp(pool, filter, firstFullDay, endDay);
  if (firstFullDay > start) total += await countRaw(pool, filter, start, firstFullDay);
  if (end && endDay && end > endDay) total += await countRaw(pool, filter, endDay, end);
  return total;
}

async function countRolledUp(pool: Queryable, filter: LogFilter, fromDay: Date, toDay: Date | null): Promise<number> {
  const calls = filter.status === 'ERROR' ? 'error_calls' : filter.status === 'SUCCESS' ? 'api_calls - error_calls' : 'api_calls';
  // One end user's days are in its own rollups (which have no unpriced count, and need none here).
  const table = filter.endUser ? 'end_user_daily_rollups' : filter.tenantId ? 'daily_rollups' : 'platform_daily_rollups';
  const params: unknown[] = [formatDay(fromDay), toDay ? formatDay(toDay) : null, filter.service ?? null];
  let scope = '';
  if (filter.tenantId) scope += ` and tenant_id = $${params.push(filter.tenantId)}`;
  if (filter.endUser) scope += ` and end_user = $${params.push(filter.endUser)}`;
  const { rows } = await pool.query(
    `select coalesce(sum(${calls}), 0) as n from ${table}
      where day >= $1::date and ($2::date is null or day < $2::date) and ($3::text is null or service = $3)${scope}`,
    params,
  );
  return Number(rows[0].n);
}

/** Counted in the log: at most one UTC day's rows. */
async function countRaw(pool: Queryable, filter: LogFilter, from: Date, to: Date | null): Promise<number> {
  const params: unknown[] = [];
  // Voided logs stay in the list but count nowhere, the rollups included.
  const conditions = [...logConditions({ ...filter, from, to }, params), 'voided_at is null'];
  const { rows } = await pool.query(`select count(*) as n from usage_logs where ${conditions.join(' and ')}`, params);
  return Number(rows[0].n);
}
