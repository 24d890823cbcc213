import type pg from 'pg';
import { formatDay } from '../../../core/lib/period.js';
import { END_USER_WINDOWS } from '../../end-users/end-user-windows.js';
import { OPENAI_NON_TOKEN_PREFIXES, type UnitKind } from '../recording/usage-event.js';

const prefixed = (kind: UnitKind) =>
  OPENAI_NON_TOKEN_PREFIXES.filter(([, k]) => k === kind)
    .map(([prefix]) => ` or (l.service = 'OPENAI' and lower(coalesce(l.model, '')) like '${prefix}%')`)
    .join('');

/**
 * What the recorder adds per event as chart units (usage-aggregates.ts), in SQL: by the same unit
 * kinds as `unitKindOf` (usage-event.ts, whose prefix list this reads): tokens in + out,
 * characters, or minutes.
 */
const UNITS_SQL = `case
  when l.service = 'ELEVENLABS'${prefixed('CHARACTERS')} then coalesce(l.characters, 0)::numeric
  when l.service = 'SMARTFLO'${prefixed('SECONDS')} then coalesce(l.duration_seconds, 0) / 60
  else (coalesce(l.input_tokens, 0) + coalesce(l.output_tokens, 0))::numeric end`;

const openai = (expr: string) => `coalesce(sum(${expr}) filter (where l.service = 'OPENAI'), 0)`;

export interface RebuildResult {
  /** First UTC month rebuilt (null when there are no logs at all). */
  fromMonth: string | null;
  dailyRollups: number;
  platformRollups: number;
  monthlySummaries: number;
  endUserDailyRollups: number;
}

/**
 * Recomputes monthly summaries, daily rollups, platform rollups and the end-user rollups (daily,
 * monthly, directory, and the 7/30/90/365-day windows as of `today`, with no delta left to fold)
 * from usage_logs, e.g. after history was bulk-loaded into the log. Only months that still have
 * logs are rebuilt: retention drops whole months of logs but keeps their aggregates, so older
 * aggregates are left alone.
 * Voided logs count nowhere, here as in the incremental path (corrections/usage-void.service.ts).
 *
 * One transaction, with the aggregate tables locked against the recorder (SHARE ROW EXCLUSIVE
 * conflicts with its upserts), so an event recorded meanwhile is counted exactly once: either it
 * committed before the lock and is in the scan, or it waits and increments the rebuilt rows.
 */
export class UsageRebuildService {
  constructor(private readonly pool: pg.Pool) {}

  async rebuild(today: Date = new Date()): Promise<RebuildResult> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query(`set local statement_timeout = 0`);
      await client.query(`lock table monthly_summaries, daily_rollups, platform_daily_rollups, end_user_daily_rollups, end_user_monthly_totals,
        end_user_directory, end_user_window_state, end_user_windows, end_user_window_counts, end_user_window_deltas in share row exclusive mode`);
      const { rows } = await client.query(`select to_char(date_trunc('month', min(occurred_at) at time zone 'UTC'), 'YYYY-MM-DD') as from_month from usage_logs`);
      const fromMonth: string | null = rows[0].from_month;
      if (fromMonth === null) {
        await client.query('commit');
        return { fromMonth: null, dailyRollups: 0, platformRollups: 0, monthlySummaries: 0, endUserDailyRollups: 0 };
      }
      const since = [fromMonth];
      const from = `(($1::date)::timestamp at time zone 'UTC')`;
      await client.query('delete from daily_rollups where day >= $1::date', since);
      await client.query('delete from platform_daily_rollups where day >= $1::date', since);
      await client.query('delete from monthly_summaries where period >= $1::date', since);
      const daily = await client.query(
        `insert into daily_rollups (tenant_id, day, service, model, api_calls, error_calls, unpriced_calls, units, cost_usd, provider_cost_usd)
         select l.tenant_id, (l.occurred_at at time zone 'UTC')::date, l.service, coalesce(l.model, ''), count(*),
                count(*) filter (where l.status = 'ERROR'), count(*) filter (where l.pricing_status = 'UNPRICED'),
                sum(${UNITS_SQL}), sum(l.cost_usd), sum(l.provider_cost_usd)
           from usage_logs l where l.occurred_at >= ${from} and l.voided_at is null
          group by 1, 2, 3, 4`,
        since,
      );
      const platform = await client.query(
        `insert into platform_daily_rollups (day, service, model, api_calls, error_calls, unpriced_calls, units, cost_usd)
         select day, service, model, sum(api_calls), sum(error_calls), sum(unpriced_calls), sum(units), sum(cost_usd)
           from daily_rollups where day >= $1::date group by 1, 2, 3`,
        since,
      );
      const summaries = await client.query(
        `insert into monthly_summaries (tenant_id, period, openai_input_tokens, openai_cached_input_tokens, openai_output_tokens,
             openai_characters, openai_seconds, openai_cost_usd, elevenlabs_characters, elevenlabs_cost_usd, smartflo_seconds,
             smartflo_cost_usd, total_cost_usd, total_api_calls, error_calls, unpriced_calls, provider_cost_usd)
         select l.tenant_id, date_trunc('month', l.occurred_at at time zone 'UTC')::date,
                ${openai('coalesce(l.input_tokens, 0)')}, ${openai('coalesce(l.cached_input_tokens, 0)')}, ${openai('coalesce(l.output_tokens, 0)')},
                ${openai('coalesce(l.characters, 0)')}, ${openai('coalesce(l.duration_seconds, 0)')}, ${openai('l.cost_usd')},
                coalesce(sum(coalesce(l.characters, 0)) filter (where l.service = 'ELEVENLABS'), 0),
                coalesce(sum(l.cost_usd) filter (where l.service = 'ELEVENLABS'), 0),
                coalesce(sum(coalesce(l.duration_seconds, 0)) filter (where l.service = 'SMARTFLO'), 0),
                coalesce(sum(l.cost_usd) filter (where l.service = 'SMARTFLO'), 0),
                sum(l.cost_usd), count(*), count(*) filter (where l.status = 'ERROR'), count(*) filter (where l.pricing_status = 'UNPRICED'),
                sum(l.provider_cost_usd)
           from usage_logs l where l.occurred_at >= ${from} and l.voided_at is null
          group by 1, 2`,
        since,
      );
      const endUserDaily = await this.rebuildEndUsers(client, fromMonth, formatDay(today));
      await client.query('commit');
      return {
        fromMonth: fromMonth.slice(0, 7),
        dailyRollups: daily.rowCount ?? 0,
        platformRollups: platform.rowCount ?? 0,
        monthlySummaries: summaries.rowCount ?? 0,
        endUserDailyRollups: endUserDaily,
      };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The end-user rollups of the rebuilt months from their logs, then every window from the rollups. */
  private async rebuildEndUsers(client: pg.PoolClient, fromMonth: string, today: string): Promise<number> {
    const since = [fromMonth];
    const from = `(($1::date)::timestamp at time zone 'UTC')`;
    await client.query('delete from end_user_daily_rollups where day >= $1::date', since);
    await client.query('delete from end_user_monthly_totals where period >= $1::date', since);
    const daily = await client.query(
      `insert into end_user_daily_rollups (tenant_id, day, end_user, service, model, api_calls, error_calls, units, cost_usd, first_seen_at, last_seen_at)
       select l.tenant_id, (l.occurred_at at time zone 'UTC')::date, l.end_user, l.service, coalesce(l.model, ''), count(*),
              count(*) filter (where l.status = 'ERROR'), sum(${UNITS_SQL}), sum(l.cost_usd), min(l.occurred_at), max(l.occurred_at)
         from usage_logs l where l.occurred_at >= ${from} and l.end_user is not null and l.voided_at is null
        group by 1, 2, 3, 4, 5`,
      since,
    );
    await client.query(
      `insert into end_user_monthly_totals (tenant_id, period, end_user, api_calls, error_calls, cost_usd)
       select tenant_id, date_trunc('month', day)::date, end_user, sum(api_calls), sum(error_calls), sum(cost_usd)
         from end_user_daily_rollups where day >= $1::date group by 1, 2, 3`,
      since,
    );
    await client.query(
      `update monthly_summaries s set active_end_users = coalesce((select count(*) from end_user_monthly_totals m where m.tenant_id = s.tenant_id and m.period = s.period), 0)
        where s.period >= $1::date`,
      since,
    );
    await client.query(
      `insert into end_user_directory (tenant_id, end_user, first_seen_at)
       select tenant_id, end_user, min(first_seen_at) from end_user_daily_rollups group by 1, 2
       on conflict (tenant_id, end_user) do update set first_seen_at = least(end_user_directory.first_seen_at, excluded.first_seen_at)`,
    );
    // The windows are rebuilt from every committed event, so no delta is left to fold.
    await client.query('delete from end_user_window_deltas');
    await client.query('delete from end_user_windows');
    await client.query('delete from end_user_window_counts');
    await client.query(
      `insert into end_user_window_state (tenant_id, as_of) select distinct tenant_id, $1::date from end_user_daily_rollups
       on conflict (tenant_id) do update set as_of = excluded.as_of`,
      [today],
    );
    await client.query(
      `insert into end_user_windows (tenant_id, window_days, end_user, api_calls, error_calls, cost_usd, last_seen_at)
       select r.tenant_id, n.days, r.end_user, sum(r.api_calls), sum(r.error_calls), sum(r.cost_usd), max(r.last_seen_at)
         from end_user_daily_rollups r cross join unnest($2::smallint[]) as n(days)
        where r.day > $1::date - n.days
        group by 1, 2, 3`,
      [today, [...END_USER_WINDOWS]],
    );
    await client.query(
      `insert into end_user_window_counts (tenant_id, window_days, end_users)
       select tenant_id, window_days, count(*) from end_user_windows group by 1, 2`,
    );
    return daily.rowCount ?? 0;
  }
}
