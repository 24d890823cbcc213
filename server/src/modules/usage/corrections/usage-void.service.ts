import type pg from 'pg';
import { notFound, Problems } from '../../../core/graphql/errors.js';
import type { Clock } from '../../../core/lib/clock.js';
import { money, type Money } from '../../../core/lib/money.js';
import { formatDay, periodOfDay } from '../../../core/lib/period.js';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../../../core/lib/storable-text.js';
import type { Viewer } from '../../../core/viewer/viewer.js';
import type { AuditService } from '../../audit/audit.service.js';
import { END_USER_WINDOWS, fold, LOCK_WINDOWS_SQL } from '../../end-users/end-user-windows.js';
import { isUuid } from '../../tenants/tenant-directory.js';
import type { PricedEvent } from '../recording/priced-event.js';
import { endUserIncrementOf, rollupIncrementOf, summaryIncrementOf } from '../recording/usage-aggregates.js';
import { unitKindOf } from '../recording/usage-event.js';
import { logFromRow, USAGE_LOG_COLUMNS, type UsageLogRecord } from '../usage-log.record.js';

export const VOID_REASON_MAX_LENGTH = 500;

/**
 * Corrections: a voided log stops counting in every summary, rollup, end-user total and quota
 * standing, exactly as if it had never been recorded, in one transaction; the row stays, with
 * when, why and by whom. The amounts taken away are the recorder's own increments of that log
 * (usage-aggregates.ts), so what is subtracted is to the last digit what was added.
 */
export class UsageVoidService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * `occurredAt`, when the caller has it (every log row shows it), finds the log in its month's
   * partition at once; without it every partition is searched for the id.
   */
  async voidLog(actor: Viewer, id: string, reason: string, occurredAt?: Date | null): Promise<UsageLogRecord> {
    const problems = new Problems();
    if (!isUuid(id)) problems.add('id', 'is not a usage log id');
    const why = reason.trim();
    if (why.length < 1 || why.length > VOID_REASON_MAX_LENGTH) problems.add('reason', `must be 1-${VOID_REASON_MAX_LENGTH} characters`);
    else if (!isStorableText(why)) problems.add('reason', UNSTORABLE_TEXT_MESSAGE);
    problems.throwIfAny();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.voidOnce(actor, id, why, occurredAt);
      } catch (error) {
        // It locks a tenant's rows in another order than the recorder (summary first): a deadlock
        // with a racing event is broken by PostgreSQL, and the void, all or nothing, tried again.
        if (attempt < 3 && (error as { code?: string }).code === '40P01') continue;
        throw error;
      }
    }
  }

  private async voidOnce(actor: Viewer, id: string, why: string, occurredAt?: Date | null): Promise<UsageLogRecord> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const located = await client.query(
        `select tenant_id from usage_logs where id = $1 ${occurredAt ? 'and occurred_at = $2' : ''}`,
        occurredAt ? [id, occurredAt] : [id],
      );
      if (located.rows.length === 0) throw notFound('Usage log');
      const tenantId: string = located.rows[0].tenant_id;
      // The window lock first, then the row: no fold or roll-forward changes the windows between
      // reading their end day and subtracting from them.
      await client.query(LOCK_WINDOWS_SQL, [[tenantId]]);
      const { rows } = await client.query(
        `select ${USAGE_LOG_COLUMNS} from usage_logs where tenant_id = $1 and id = $2 ${occurredAt ? 'and occurred_at = $3' : ''} for update`,
        occurredAt ? [tenantId, id, occurredAt] : [tenantId, id],
      );
      const log = logFromRow(rows[0]);
      // Voiding again changes nothing: the log stopped counting the first time.
      if (log.voidedAt) {
        await client.query('commit');
        return log;
      }
      const now = this.clock.now();
      const { rows: voided } = await client.query(
        `update usage_logs set voided_at = $4, void_reason = $5, voided_by = $6 where tenant_id = $1 and occurred_at = $2 and id = $3 returning ${USAGE_LOG_COLUMNS}`,
        [tenantId, log.occurredAt, id, now, why, actor.email ?? null],
      );
      await this.subtract(client, asPricedEvent(log));
      await this.audit.record(client, actor, 'USAGE_VOIDED', { tenantId, targetId: id, changes: { voided: true, reason: why, costUsd: log.costUsd } });
      await client.query('commit');
      return logFromRow(voided[0]);
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The log's increments, taken away from every aggregate the recorder added them to. */
  private async subtract(client: pg.PoolClient, event: PricedEvent): Promise<void> {
    const s = summaryIncrementOf(event);
    await client.query(
      `update monthly_summaries set
         openai_input_tokens = openai_input_tokens - $3, openai_cached_input_tokens = openai_cached_input_tokens - $4,
         openai_output_tokens = openai_output_tokens - $5, openai_characters = openai_characters - $6,
         openai_seconds = openai_seconds - $7, openai_cost_usd = openai_cost_usd - $8,
         elevenlabs_characters = elevenlabs_characters - $9, elevenlabs_cost_usd = elevenlabs_cost_usd - $10,
         smartflo_seconds = smartflo_seconds - $11, smartflo_cost_usd = smartflo_cost_usd - $12,
         total_cost_usd = total_cost_usd - $13, total_api_calls = total_api_calls - $14, error_calls = error_calls - $15,
         unpriced_calls = unpriced_calls - $16, provider_cost_usd = provider_cost_usd - $17, updated_at = now()
       where tenant_id = $1 and period = $2::date`,
      [s.tenantId, s.periodStart, s.openaiInputTokens, s.openaiCachedInputTokens, s.openaiOutputTokens, s.openaiCharacters, text(s.openaiSeconds),
        text(s.openaiCostUsd), s.elevenlabsCharacters, text(s.elevenlabsCostUsd), text(s.smartfloSeconds), text(s.smartfloCostUsd), text(s.totalCostUsd),
        s.totalApiCalls, s.errorCalls, s.unpricedCalls, text(s.providerCostUsd)],
    );
    const r = rollupIncrementOf(event);
    const rollup = [r.day, r.service, r.model, r.apiCalls, r.errorCalls, r.unpricedCalls, text(r.units), text(r.costUsd)];
    await client.query(
      `update daily_rollups set api_calls = api_calls - $5, error_calls = error_calls - $6, unpriced_calls = unpriced_calls - $7,
              units = units - $8, cost_usd = cost_usd - $9, provider_cost_usd = provider_cost_usd - $10
        where tenant_id = $1 and day = $2::date and service = $3 and model = $4`,
      [r.tenantId, ...rollup, text(r.providerCostUsd)],
    );
    // Readers sum a day's shards, so the decrement may sit in any of them: shard 0, where compaction folds.
    await client.query(
      `insert into platform_daily_rollups as p (day, service, model, api_calls, error_calls, unpriced_calls, units, cost_usd, shard)
       values ($1::date, $2, $3, -$4::bigint, -$5::bigint, -$6::bigint, -$7::numeric, -$8::numeric, 0)
       on conflict (day, service, model, shard) do update set api_calls = p.api_calls + excluded.api_calls, error_calls = p.error_calls + excluded.error_calls,
         unpriced_calls = p.unpriced_calls + excluded.unpriced_calls, units = p.units + excluded.units, cost_usd = p.cost_usd + excluded.cost_usd`,
      rollup,
    );
    if (event.endUser !== null) await this.subtractEndUser(client, event as PricedEvent & { endUser: string });
  }

  /**
   * One end user's rollups, month total and windows without the log. A row left with no calls
   * goes (with the distinct counts it was part of), and first and last seen are read again from
   * the user's remaining logs of that day, so rankings by last call stay exact.
   */
  private async subtractEndUser(client: pg.PoolClient, event: PricedEvent & { endUser: string }): Promise<void> {
    const e = endUserIncrementOf(event);
    const key = [e.tenantId, e.day, e.endUser, e.service, e.model];
    await client.query(
      `update end_user_daily_rollups r set api_calls = api_calls - $6, error_calls = error_calls - $7, units = units - $8, cost_usd = cost_usd - $9,
              first_seen_at = coalesce(seen.first, r.first_seen_at), last_seen_at = coalesce(seen.last, r.last_seen_at)
         from (select min(occurred_at) as first, max(occurred_at) as last from usage_logs
                where tenant_id = $1 and end_user = $3 and voided_at is null and service = $4 and coalesce(model, '') = $5
                  and occurred_at >= ($2::date)::timestamp at time zone 'UTC' and occurred_at < ($2::date + 1)::timestamp at time zone 'UTC') seen
        where r.tenant_id = $1 and r.day = $2::date and r.end_user = $3 and r.service = $4 and r.model = $5`,
      [...key, e.apiCalls, e.errorCalls, text(e.units), text(e.costUsd)],
    );
    await client.query(`delete from end_user_daily_rollups where tenant_id = $1 and day = $2::date and end_user = $3 and service = $4 and model = $5 and api_calls = 0`, key);
    const { periodStart } = periodOfDay(e.day);
    await client.query(
      `with month as (
         update end_user_monthly_totals set api_calls = api_calls - $4, error_calls = error_calls - $5, cost_usd = cost_usd - $6
          where tenant_id = $1 and period = $2::date and end_user = $3 returning api_calls)
       update monthly_summaries set active_end_users = active_end_users - 1
        where tenant_id = $1 and period = $2::date and (select api_calls from month) = 0`,
      [e.tenantId, periodStart, e.endUser, e.apiCalls, e.errorCalls, text(e.costUsd)],
    );
    await client.query(`delete from end_user_monthly_totals where tenant_id = $1 and period = $2::date and end_user = $3 and api_calls = 0`, [e.tenantId, periodStart, e.endUser]);
    // The log's own delta may not be folded yet: fold first, then subtract from what holds it.
    await fold(client, [e.tenantId], formatDay(this.clock.now()));
    const { rows } = await client.query(`select as_of::text from end_user_window_state where tenant_id = $1`, [e.tenantId]);
    const asOf: string | undefined = rows[0]?.as_of;
    if (!asOf) return;
    for (const days of END_USER_WINDOWS) {
      // Only windows whose days hold the log's day ever had it added (see end-user-windows.ts).
      if (e.day <= formatDay(new Date(Date.parse(`${asOf}T00:00:00Z`) - days * 86_400_000))) continue;
      await client.query(
        `update end_user_windows w set api_calls = api_calls - $4, error_calls = error_calls - $5, cost_usd = cost_usd - $6,
                last_seen_at = coalesce((select max(last_seen_at) from end_user_daily_rollups r
                                          where r.tenant_id = $1 and r.end_user = $3 and r.day > $7::date - $2::int), w.last_seen_at)
          where w.tenant_id = $1 and w.window_days = $2 and w.end_user = $3`,
        [e.tenantId, days, e.endUser, e.apiCalls, e.errorCalls, text(e.costUsd), asOf],
      );
      await client.query(
        `with removed as (delete from end_user_windows where tenant_id = $1 and window_days = $2 and end_user = $3 and api_calls = 0 returning 1)
         update end_user_window_counts set end_users = end_users - (select count(*) from removed) where tenant_id = $1 and window_days = $2`,
        [e.tenantId, days, e.endUser],
      );
    }
  }
}

function text(value: Money): string {
  return value.toFixed();
}

/** A stored log as the recorder priced it: the same fields give the same increments. */
function asPricedEvent(log: UsageLogRecord): PricedEvent {
  const day = formatDay(log.occurredAt);
  const { period, periodStart } = periodOfDay(day);
  return {
    tenantId: log.tenantId,
    service: log.service,
    model: log.model,
    unitKind: unitKindOf(log.service, log.model),
    inputTokens: log.inputTokens,
    cachedInputTokens: log.cachedInputTokens,
    outputTokens: log.outputTokens,
    characters: log.characters,
    durationSeconds: log.durationSeconds,
    status: log.status,
    requestId: log.requestId,
    occurredAt: log.occurredAt,
    metadata: log.metadata,
    endUser: log.endUser,
    source: log.source,
    bodyHash: '',
    logId: log.id,
    costUsd: money(log.costUsd),
    costText: log.costUsd,
    providerCostUsd: money(log.providerCostUsd),
    providerCostText: log.providerCostUsd,
    day,
    period,
    periodStart,
    occurredAtText: log.occurredAt.toISOString(),
    pricingStatus: log.pricingStatus,
    priceId: null,
  };
}

