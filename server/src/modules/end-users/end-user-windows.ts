import type pg from 'pg';
import type { Logger } from 'pino';
import type { Clock } from '../../core/lib/clock.js';
import { DAY_MS, DAY_RANGES, formatDay } from '../../core/lib/period.js';

/** The ranges end users are ranked over, one window row each (core/lib/period.ts). */
export const END_USER_WINDOWS = DAY_RANGES;

/**
 * Advisory lock class of a tenant's end-user windows (with the tenant's hash as second key).
 * Recorders hold it shared while they add to the windows; the roll-forward holds it exclusively
 * while it moves the windows' end day, so no event can be added on one side of the move and
 * subtracted on the other.
 */
export const WINDOW_LOCK_CLASS = 7_301;

/** The statement a recorder runs, on its own, before the statement that adds to the windows. */
export const SHARE_WINDOW_LOCKS_SQL = `select pg_advisory_xact_lock_shared(${WINDOW_LOCK_CLASS}, hashtext(t::text)) from unnest($1::uuid[]) as t order by t`;

/**
 * Each end user's totals over the last 7/30/90/365 days, kept as rows (end_user_windows) so that a
 * ranking page is an index range read at any number of end users. A tenant's rows hold the sums
 * over the days from `as_of - days + 1` on (end_user_window_state): recorders add every event of
 * those days as it commits, and once a day this moves `as_of` to today and subtracts, per window,
 * the daily end-user rollups of the days that left it. A user whose window empties loses the row,
 * and the window's distinct count (end_user_window_counts) drops with it.
 *
 * Exact by construction: under the tenant's window lock (see WINDOW_LOCK_CLASS) the days that
 * leave a window are final in the rollups (every event recorded for them while they were in the
 * window has committed, and later ones are not added), so what is subtracted is exactly what was
 * added.
 */
export class EndUserWindows {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Rolls the windows of every tenant (or one) whose end day is before today; returns how many. */
  async rollForward(tenantId?: string): Promise<number> {
    const today = formatDay(this.clock.now());
    const { rows } = await this.pool.query(
      `select tenant_id from end_user_window_state where as_of < $1::date and ($2::uuid is null or tenant_id = $2) order by tenant_id`,
      [today, tenantId ?? null],
    );
    for (const row of rows) await this.rollTenant(row.tenant_id, today);
    return rows.length;
  }

  private async rollTenant(tenantId: string, today: string): Promise<void> {
    const client = await this.pool.connect();
    const started = Date.now();
    try {
      await client.query('begin');
      await client.query(`select pg_advisory_xact_lock(${WINDOW_LOCK_CLASS}, hashtext($1::text))`, [tenantId]);
      // Read after the lock: another instance may have rolled this tenant meanwhile.
      const { rows } = await client.query(`select as_of::text from end_user_window_state where tenant_id = $1`, [tenantId]);
      const asOf: string | undefined = rows[0]?.as_of;
      if (!asOf || asOf >= today) {
        await client.query('commit');
        return;
      }
      let removed = 0;
      for (const days of END_USER_WINDOWS) {
        // The days that leave a window ending on `as_of` when it ends on `today` instead.
        const first = shiftDay(asOf, 1 - days);
        const last = shiftDay(today, -days);
        await client.query(
          `update end_user_windows w
              set api_calls = w.api_calls - g.api_calls, error_calls = w.error_calls - g.error_calls, cost_usd = w.cost_usd - g.cost_usd
             from (select end_user, sum(api_calls) as api_calls, sum(error_calls) as error_calls, sum(cost_usd) as cost_usd
                     from end_user_daily_rollups where tenant_id = $1 and day between $3::date and $4::date group by end_user) g
            where w.tenant_id = $1 and w.window_days = $2 and w.end_user = g.end_user`,
          [tenantId, days, first, last],
        );
        // A window without calls holds nothing of the range: its last event left with its day.
        const { rows: gone } = await client.query(
          `with removed as (delete from end_user_windows where tenant_id = $1 and window_days = $2 and api_calls = 0 returning 1)
           update end_user_window_counts set end_users = end_users - (select count(*) from removed)
            where tenant_id = $1 and window_days = $2 returning (select count(*) from removed)::int as n`,
          [tenantId, days],
        );
        removed += gone[0]?.n ?? 0;
      }
      await client.query(`update end_user_window_state set as_of = $2::date where tenant_id = $1`, [tenantId, today]);
      await client.query('commit');
      this.logger.info({ tenantId, from: asOf, to: today, removedRows: removed, ms: Date.now() - started }, 'end-user windows rolled forward');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function shiftDay(day: string, offset: number): string {
  return formatDay(new Date(Date.parse(`${day}T00:00:00Z`) + offset * DAY_MS));
}
