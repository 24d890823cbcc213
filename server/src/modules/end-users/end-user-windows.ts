import type pg from 'pg';
import type { Logger } from 'pino';
import type { Clock } from '../../core/lib/clock.js';
import { DAY_MS, DAY_RANGES, formatDay } from '../../core/lib/period.js';

/** The ranges end users are ranked over, one window row each (core/lib/period.ts). */
export const END_USER_WINDOWS = DAY_RANGES;

/**
 * Advisory lock class of a tenant's end-user windows (with the tenant's hash as second key). Who
 * changes a tenant's windows holds it exclusively: a fold, the roll-forward, a void. Recorders
 * take no lock: they only append deltas.
 */
export const WINDOW_LOCK_CLASS = 7_301;

/** Waits for the window locks of the tenants in $1, in one order (two folds never deadlock). */
export const LOCK_WINDOWS_SQL = `select pg_advisory_xact_lock(${WINDOW_LOCK_CLASS}, hashtext(t::text)) from unnest($1::uuid[]) as t order by t`;

/** The tenants of $1 whose window locks were free, now held (a background fold skips busy ones). */
const TRY_LOCK_WINDOWS_SQL = `select t as tenant_id from unnest($1::uuid[]) as t where pg_try_advisory_xact_lock(${WINDOW_LOCK_CLASS}, hashtext(t::text)) order by t`;

/**
 * Moves the pending deltas of the tenants in $1 (whose window locks the caller holds) into their
 * windows, directory and distinct counts, in one statement, so what is deleted from the deltas is
 * exactly what is added. A delta counts in each window that holds its day as the tenant's windows
 * end now (end_user_window_state.as_of; a tenant's first fold starts them at $2, today), the rule
 * the roll-forward subtracts by. Rows are written in key order, the order every fold locks in.
 */
export const FOLD_SQL = `
with gone as (
  delete from end_user_window_deltas where tenant_id = any($1::uuid[])
  returning tenant_id, day, end_user, api_calls, error_calls, cost_usd, first_seen_at, last_seen_at
), d as (
  -- The deltas table has no foreign key (nothing to check per recorded event): a deleted tenant's are dropped here.
  select gone.* from gone join tenants t on t.id = gone.tenant_id
), state as (
  insert into end_user_window_state (tenant_id, as_of) select distinct tenant_id, $2::date from d on conflict (tenant_id) do nothing
), directory as (
  insert into end_user_directory as u (tenant_id, end_user, first_seen_at)
  select tenant_id, end_user, min(first_seen_at) from d group by 1, 2 order by 1, 2
  on conflict (tenant_id, end_user) do update set first_seen_at = excluded.first_seen_at where excluded.first_seen_at < u.first_seen_at
), windows as (
  insert into end_user_windows as w (tenant_id, window_days, end_user, api_calls, error_calls, cost_usd, last_seen_at)
  select d.tenant_id, n.days, d.end_user, sum(d.api_calls), sum(d.error_calls), sum(d.cost_usd), max(d.last_seen_at)
    from d cross join unnest($3::smallint[]) as n(days)
    left join end_user_window_state st on st.tenant_id = d.tenant_id
   where d.day > coalesce(st.as_of, $2::date) - n.days
   group by 1, 2, 3
   order by 1, 2, 3
  on conflict (tenant_id, window_days, end_user) do update set
    api_calls = w.api_calls + excluded.api_calls, error_calls = w.error_calls + excluded.error_calls,
    cost_usd = w.cost_usd + excluded.cost_usd, last_seen_at = greatest(w.last_seen_at, excluded.last_seen_at)
  returning w.tenant_id, w.window_days, w.xmax = 0 as inserted
), counts as (
  insert into end_user_window_counts as c (tenant_id, window_days, end_users)
  select tenant_id, window_days, count(*) from windows where inserted group by 1, 2 order by 1, 2
  on conflict (tenant_id, window_days) do update set end_users = c.end_users + excluded.end_users
)
select count(*)::int as folded from gone`;

/** How often the server folds every tenant's deltas (main.ts), so a read finds few left to fold. */
export const FOLD_INTERVAL_MS = 2_000;

/**
 * Each end user's totals over the last 7/30/90/365 days, kept as rows (end_user_windows) so that a
 * ranking page is an index range read at any number of end users. A tenant's rows hold the sums
 * over the days from `as_of - days + 1` on (end_user_window_state).
 *
 * Off the recording path: a recorder appends one delta per end user and day it touched
 * (end_user_window_deltas: its key only, no foreign key) in its own statement, and deltas are
 * folded into the windows, the directory and the distinct counts every FOLD_INTERVAL_MS, and
 * before any ranking read of their tenant (`catchUp`), so a read sees every event acknowledged
 * before it. Updating four ranked window rows (four indexes each, never HOT) and their counters
 * was most of what an end user added to a recording transaction (bench B8). The fold does that
 * work still, on the same machine, but once per user and fold rather than once per call, and
 * without holding a recorder's row locks.
 *
 * Once a day the roll-forward moves `as_of` to today and subtracts, per window, the daily end-user
 * rollups of the days that left it. A user whose window empties loses the row, and the window's
 * distinct count drops with it. Exact by construction: it holds the tenant's window lock, so no
 * fold runs meanwhile, and it folds and subtracts in one snapshot (REPEATABLE READ): an event
 * committed before it is folded under the old end day and subtracted with its day, one committed
 * after it is in neither and is folded under the new end day.
 */
export class EndUserWindows {
  private timer?: NodeJS.Timeout;
  private folding?: Promise<unknown>;

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Where the roll-forward's session lock is held: never a transaction pooler (database.ts `direct`). */
    private readonly sessionPool: pg.Pool = pool,
  ) {}

  /** Folds every tenant's deltas regularly (one instance or several: each fold locks its tenants). */
  start(intervalMs = FOLD_INTERVAL_MS): void {
    this.timer = setInterval(() => {
      // One fold at a time per instance: a slow one is not queued behind by the next tick.
      this.folding ??= this.foldPending({ wait: false })
        .catch((error: Error) => this.logger.warn({ err: error.message }, 'end-user window fold failed'))
        .finally(() => (this.folding = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  /** No more folds; resolves once the one running (if any) is done, before the pool closes under it. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.folding;
  }

  /** What a ranking read needs first: windows that end today and hold every committed event. */
  async catchUp(tenantId?: string): Promise<void> {
    await this.rollForward(tenantId);
    await this.foldPending({ tenantId, wait: true });
  }

  /**
   * Folds the deltas of every tenant (or one) that has any; returns how many deltas. With `wait`
   * it waits for tenants being folded elsewhere (a read must see their events), without it it
   * leaves them to the next run.
   */
  async foldPending({ tenantId, wait }: { tenantId?: string; wait: boolean }): Promise<number> {
    // A delta deleted by a fold that has not committed yet is still seen here, so a read never
    // skips a fold whose result it needs: it waits on that tenant's lock below.
    const { rows } = await this.pool.query(
      tenantId ? `select $1::uuid as tenant_id where exists (select 1 from end_user_window_deltas where tenant_id = $1)` : `select distinct tenant_id from end_user_window_deltas`,
      tenantId ? [tenantId] : [],
    );
    if (rows.length === 0) return 0;
    const tenants = rows.map((row) => row.tenant_id as string).sort();
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      let locked = tenants;
      if (wait) await client.query(LOCK_WINDOWS_SQL, [tenants]);
      else locked = (await client.query(TRY_LOCK_WINDOWS_SQL, [tenants])).rows.map((row) => row.tenant_id);
      const folded = locked.length > 0 ? await fold(client, locked, formatDay(this.clock.now())) : 0;
      await client.query('commit');
      return folded;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

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
    const client = await this.sessionPool.connect();
    const started = Date.now();
    try {
      // A session lock, taken before the transaction: the snapshot must be taken once it is held,
      // and a REPEATABLE READ transaction takes it at its first statement.
      await client.query(`select pg_advisory_lock(${WINDOW_LOCK_CLASS}, hashtext($1::text))`, [tenantId]);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    let broken: Error | undefined;
    try {
      await client.query('begin isolation level repeatable read');
      // Read under the lock: another instance may have rolled this tenant meanwhile.
      const { rows } = await client.query(`select as_of::text from end_user_window_state where tenant_id = $1`, [tenantId]);
      const asOf: string | undefined = rows[0]?.as_of;
      if (!asOf || asOf >= today) {
        await client.query('commit');
        return;
      }
      // Under the old end day: the deltas of the days leaving are then subtracted with their days.
      await fold(client, [tenantId], today);
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
      await client.query(`select pg_advisory_unlock(${WINDOW_LOCK_CLASS}, hashtext($1::text))`, [tenantId]).catch((error: Error) => (broken = error));
      // A connection that could not give its session lock back must not return to the pool.
      client.release(broken);
    }
  }
}

/** Folds the tenants' deltas (their window locks held by the caller); returns how many deltas. */
export async function fold(client: pg.PoolClient, tenants: readonly string[], today: string): Promise<number> {
  const { rows } = await client.query({ name: 'eu_fold', text: FOLD_SQL, values: [tenants, today, [...END_USER_WINDOWS]] });
  return rows[0].folded;
}

function shiftDay(day: string, offset: number): string {
  return formatDay(new Date(Date.parse(`${day}T00:00:00Z`) + offset * DAY_MS));
}
