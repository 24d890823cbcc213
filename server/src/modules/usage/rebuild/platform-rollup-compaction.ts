import type pg from 'pg';
import { formatDay } from '../../../core/lib/period.js';

/**
 * Folds the split counters of closed days into shard 0. Recording spreads a (day, service, model)
 * row over 16 shards so concurrent groups do not queue on one row lock; that matters only while
 * the day takes traffic, yet readers of a 365-day chart would sum up to 16 rows per point for
 * ever. After this a closed day is one row per (service, model), as the rebuild writes it.
 *
 * One statement (delete the shards, add their sums to shard 0), so a reader sees the day either
 * split or folded, with the same sums, never both or neither. A late event for a closed day may
 * recreate a shard; the next run folds it. `lock_timeout` makes this give way to the recorder:
 * waiting on a recorder's row lock fails this run (the next one retries) instead of making the
 * recorder wait or pick a deadlock.
 */
export async function compactPlatformRollups(pool: pg.Pool, before: Date): Promise<{ foldedRows: number }> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local lock_timeout = '100ms'`);
    const { rows } = await client.query(
      `with moved as (
         delete from platform_daily_rollups where day < $1::date and shard > 0
         returning day, service, model, api_calls, error_calls, unpriced_calls, units, cost_usd
       ), folded as (
         insert into platform_daily_rollups as p (day, service, model, shard, api_calls, error_calls, unpriced_calls, units, cost_usd)
         select day, service, model, 0, sum(api_calls), sum(error_calls), sum(unpriced_calls), sum(units), sum(cost_usd)
           from moved group by day, service, model
         on conflict (day, service, model, shard) do update set
           api_calls = p.api_calls + excluded.api_calls, error_calls = p.error_calls + excluded.error_calls,
           unpriced_calls = p.unpriced_calls + excluded.unpriced_calls, units = p.units + excluded.units,
           cost_usd = p.cost_usd + excluded.cost_usd
         returning 1
       )
       select (select count(*) from moved)::int as folded`,
      [formatDay(before)],
    );
    await client.query('commit');
    return { foldedRows: rows[0].folded };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
