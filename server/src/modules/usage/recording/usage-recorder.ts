import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import { DomainError, ErrorCode } from '../../../core/graphql/errors.js';
import type { Clock } from '../../../core/lib/clock.js';
import { money } from '../../../core/lib/money.js';
import { formatDay, periodOfDay } from '../../../core/lib/period.js';
import type { AlertRecord } from '../../alerts/alert.record.js';
import type { AlertRaiser, EventUsage, SummaryAfter } from '../../alerts/alert-raiser.js';
import type { PriceBook } from '../../pricing/price-book.js';
import type { MonthUsage, QuotaLimits, QuotaStanding } from '../../quotas/evaluate-quota.js';
import { addEndUser, addRollup, addSummary, endUserIncrementOf, rollupIncrementOf, sumBy, summaryIncrementOf, type EndUserIncrement, type RollupIncrement, type SummaryIncrement } from './usage-aggregates.js';
import type { UsageEvent } from './usage-event.js';
import type { PricedEvent } from './priced-event.js';
import { logFromRow, USAGE_LOG_COLUMNS, type UsageLogRecord } from '../usage-log.record.js';
import { plainArray, textArray } from '../../../core/db/pg-array.js';
import { CLAIM_AND_WRITE_SQL, CLAIMED_BY_US_SQL, WRITE_SQL } from './usage-write.sql.js';

export interface RecordOutcome {
  log: UsageLogRecord;
  duplicate: boolean;
  quotas: QuotaStanding[];
  alerts: AlertRecord[];
}

export class IdempotencyConflictError extends DomainError {
  constructor(readonly eventIndex: number, batch: boolean) {
    super(
      ErrorCode.IDEMPOTENCY_CONFLICT,
      `${batch ? `inputs[${eventIndex}].` : ''}requestId was already recorded with a different body`,
      { field: 'requestId', ...(batch ? { index: eventIndex } : {}) },
    );
  }
}

/** Split counters per platform rollup row (migration Migration20261201000100_platform_rollup_shards). */
export const PLATFORM_SHARDS = 16;

/** Transient database conditions worth one more try: deadlock, serialization, a retry signal. */
const RETRYABLE = new Set(['40P01', '40001', 'UM001']);

/**
 * Writes groups of validated events: one transaction per group with
 *   1. the idempotency keys (unique (tenant, requestId): duplicates and conflicts found here),
 *   2. one statement that inserts the logs and increments daily rollups, platform rollups (one
 *      of their split counters) and monthly summaries in SQL (`x = x + excluded.x`), returning
 *      the new totals with quotas,
 *   3. the alerts those totals raise (AlertRaiser),
 * then COMMIT, and only then is any event acknowledged.
 */
export class UsageRecorder {
  constructor(
    private readonly pool: pg.Pool,
    private readonly prices: PriceBook,
    private readonly alerts: AlertRaiser,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Which of the platform rollup's split counters this group increments: consecutive groups
   * (the ones that run concurrently) take different shards, so they never queue on one row.
   */
  private platformShard = Math.floor(Math.random() * PLATFORM_SHARDS);

  private nextPlatformShard(): number {
    this.platformShard = (this.platformShard + 1) % PLATFORM_SHARDS;
    return this.platformShard;
  }

  /** All-or-nothing: the whole group commits, or nothing does. */
  async recordGroup(events: UsageEvent[], options: { batch: boolean }): Promise<RecordOutcome[]> {
    await this.prices.ready();
    const priced = events.map((event) => this.price(event));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeGroup(priced, options.batch);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt < 4 && code && RETRYABLE.has(code)) continue;
        throw error;
      }
    }
  }

  private price(event: UsageEvent): PricedEvent {
    const rated = this.prices.rate(event);
    const day = formatDay(event.occurredAt);
    const { period, periodStart } = periodOfDay(day);
    // Written out field by field: a spread of the event into a wider object was a measurable
    // share of a batch's CPU (and of its garbage).
    return {
      tenantId: event.tenantId,
      service: event.service,
      model: event.model,
      unitKind: event.unitKind,
      inputTokens: event.inputTokens,
      cachedInputTokens: event.cachedInputTokens,
      outputTokens: event.outputTokens,
      characters: event.characters,
      durationSeconds: event.durationSeconds,
      status: event.status,
      requestId: event.requestId,
      occurredAt: event.occurredAt,
      metadata: event.metadata,
      endUser: event.endUser,
      source: event.source,
      bodyHash: event.bodyHash,
      logId: randomUUID(),
      costUsd: rated.costUsd,
      costText: rated.costText,
      providerCostUsd: rated.providerCostUsd,
      providerCostText: rated.providerCostText,
      pricingStatus: rated.pricingStatus,
      priceId: rated.priceId,
      day,
      period,
      periodStart,
      occurredAtText: event.occurredAt.toISOString(),
    };
  }

  private async writeGroup(events: PricedEvent[], batch: boolean): Promise<RecordOutcome[]> {
    const client = await this.pool.connect();
    try {
      // Pipelined (createPool): BEGIN is written together with the group's statement.
      const [, finish] = await Promise.all([client.query('begin'), this.writeInTransaction(client, events, batch)]);
      await client.query('commit');
      return finish();
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Writes the group; the returned function completes the outcomes once it has committed. */
  private async writeInTransaction(client: pg.PoolClient, events: PricedEvent[], batch: boolean): Promise<() => RecordOutcome[]> {
    const now = this.clock.now();
    // The same requestId twice in one group: the first is recorded, later ones are its duplicates.
    const firstByKey = new Map<string, number>();
    const sameAs = new Map<number, number>();
    events.forEach((event, index) => {
      const key = `${event.tenantId}|${event.requestId}`;
      const first = firstByKey.get(key);
      if (first === undefined) firstByKey.set(key, index);
      else if (events[first]!.bodyHash === event.bodyHash) sameAs.set(index, first);
      else throw new IdempotencyConflictError(index, batch);
    });
    // In key order, so concurrent groups claim their keys in the same order (no deadlock).
    const unique = [...firstByKey]
      .sort(([ka], [kb]) => (ka < kb ? -1 : ka > kb ? 1 : 0))
      .map(([, index]) => index);

    // Optimistic: claim every key and write every event in one statement (one round trip). The
    // logs go in key order: the statement claims the keys from the logs' own arrays.
    let fresh = unique;
    let written = await this.insertFresh(client, unique.map((i) => events[i]!), now, true);
    let existingLogs = new Map<number, UsageLogRecord>();
    if (!written) {
      // Some keys were recorded before: nothing was written but the keys we did claim.
      const { rows: claimed } = await client.query({
        name: 'um_claimed_by_us',
        text: CLAIMED_BY_US_SQL,
        values: [plainArray(unique.map((i) => events[i]!.tenantId)), textArray(unique.map((i) => events[i]!.requestId)), plainArray(unique.map((i) => events[i]!.logId))],
      });
      const claimedKeys = new Set(claimed.map((row) => `${row.tenant_id}|${row.request_id}`));
      fresh = unique.filter((i) => claimedKeys.has(`${events[i]!.tenantId}|${events[i]!.requestId}`));
      const earlier = unique.filter((i) => !claimedKeys.has(`${events[i]!.tenantId}|${events[i]!.requestId}`));
      existingLogs = await this.loadEarlier(client, events, earlier, batch);
      if (fresh.length > 0) written = await this.insertFresh(client, fresh.map((i) => events[i]!), now, false);
    }

    const outcomes: RecordOutcome[] = new Array(events.length);
    let standings = new Map<number, () => QuotaStanding[]>();
    if (written) {
      const { logs, summaries } = written;
      // Within the group, events count in the order they came (the one that crosses a threshold
      // reports it), whatever order they were written in.
      const inOrder = [...fresh].sort((a, b) => a - b);
      locateCapCrossings(inOrder, events, summaries);
      const eventUsage = this.runningUsage(inOrder, events, summaries, now);
      const raised = await this.alerts.raise(client, summaries, eventUsage, now);
      standings = raised.standings;
      fresh.forEach((index, position) => {
        outcomes[index] = { log: logs[position]!, duplicate: false, quotas: [], alerts: raised.alertsByIndex.get(index) ?? [] };
      });
    }
    for (const [index, log] of existingLogs) outcomes[index] = { log, duplicate: true, quotas: [], alerts: [] };
    return () => {
      for (const [index, standing] of standings) {
        // Computed on first read only: most integrators never select `quotas`, and the exact
        // decimal standings (with projections) were the largest cost of a 500-event batch.
        let computed: QuotaStanding[] | undefined;
        Object.defineProperty(outcomes[index]!, 'quotas', { get: () => (computed ??= standing()), enumerable: true, configurable: true });
      }
      for (const [index, first] of sameAs) outcomes[index] = { ...outcomes[first]!, duplicate: true, alerts: [] };
      return outcomes;
    };
  }

  /** Keys already recorded: same body → the first log (a duplicate), other body → a conflict. */
  private async loadEarlier(client: pg.PoolClient, events: PricedEvent[], indexes: number[], batch: boolean): Promise<Map<number, UsageLogRecord>> {
    const result = new Map<number, UsageLogRecord>();
    if (indexes.length === 0) return result;
    const { rows } = await client.query(
      `select k.tenant_id, k.request_id, k.body_hash, ${USAGE_LOG_COLUMNS.split(',').map((c) => `l.${c.trim()}`).join(', ')}
         from unnest($1::uuid[], $2::text[]) as wanted(tenant_id, request_id)
         join usage_request_keys k on k.tenant_id = wanted.tenant_id and k.request_id = wanted.request_id
         left join usage_logs l on l.tenant_id = k.tenant_id and l.occurred_at = k.occurred_at and l.id = k.log_id`,
      [indexes.map((i) => events[i]!.tenantId), indexes.map((i) => events[i]!.requestId)],
    );
    for (const index of indexes) {
      const event = events[index]!;
      const row = rows.find((r) => r.tenant_id === event.tenantId && r.request_id === event.requestId);
      // Not visible yet (its writer committed after our snapshot): retry the whole group.
      if (!row || !row.id) throw Object.assign(new Error('idempotency key not yet visible'), { code: 'UM001' });
      if ((row.body_hash as Buffer).toString('hex') !== event.bodyHash) throw new IdempotencyConflictError(index, batch);
      result.set(index, logFromRow(row));
    }
    return result;
  }

  /**
   * With `claim`, also claims the events' idempotency keys and writes only if every one was new
   * (pass the events in key order); null when it wrote nothing.
   */
  private async insertFresh(client: pg.PoolClient, fresh: PricedEvent[], now: Date, claim: boolean): Promise<{ logs: UsageLogRecord[]; summaries: SummaryAfter[] } | null> {
    const summaryRows = sumBy(fresh.map(incrementOf), (s) => `${s.tenantId}|${s.period}`, addSummary);
    const rollupRows = sumBy(fresh.map(rollupIncrementOf), (r) => `${r.tenantId}|${r.day}|${r.service}|${r.model}`, addRollup);
    const platformRows = sumBy(rollupRows, (r) => `${r.day}|${r.service}|${r.model}`, addRollup);
    const endUserRows = sumBy(
      fresh.filter((e): e is PricedEvent & { endUser: string } => e.endUser !== null).map(endUserIncrementOf),
      (r) => `${r.tenantId}|${r.day}|${r.endUser}|${r.service}|${r.model}`,
      addEndUser,
    );
    const { rows } = await client.query({
      // Named: prepared once per connection, then only bound and executed (no parse, no plan).
      name: claim ? 'um_claim_and_write' : 'um_write',
      text: claim ? CLAIM_AND_WRITE_SQL : WRITE_SQL,
      // Array literals built here (core/db/pg-array.ts): plain for our own values, quoted for text.
      values: [
        plainArray(fresh.map((e) => e.logId)),
        plainArray(fresh.map((e) => e.tenantId)),
        plainArray(fresh.map((e) => e.occurredAtText)),
        now.toISOString(),
        plainArray(fresh.map((e) => e.service)),
        textArray(fresh.map((e) => e.model)),
        plainArray(fresh.map((e) => e.inputTokens)),
        plainArray(fresh.map((e) => e.cachedInputTokens)),
        plainArray(fresh.map((e) => e.outputTokens)),
        plainArray(fresh.map((e) => e.characters)),
        plainArray(fresh.map((e) => (e.durationSeconds === null ? null : String(e.durationSeconds)))),
        plainArray(fresh.map((e) => e.costText)),
        plainArray(fresh.map((e) => e.pricingStatus)),
        plainArray(fresh.map((e) => e.priceId)),
        plainArray(fresh.map((e) => e.status)),
        textArray(fresh.map((e) => e.requestId)),
        textArray(fresh.map((e) => (e.metadata === null ? null : JSON.stringify(e.metadata)))),
        // daily rollups, then platform rollups (the same columns without the tenant)
        plainArray(rollupRows.map((r) => r.tenantId)),
        ...rollupColumns(rollupRows),
        ...rollupColumns(platformRows),
        // monthly summaries
        ...summaryColumns(summaryRows),
        this.nextPlatformShard(),
        textArray(fresh.map((e) => e.endUser)),
        plainArray(fresh.map((e) => e.source)),
        ...endUserColumns(endUserRows),
        // provider cost: of the logs, the daily rollups and the monthly summaries
        plainArray(fresh.map((e) => e.providerCostText)),
        plainArray(rollupRows.map((r) => r.providerCostUsd.toFixed())),
        plainArray(summaryRows.map((r) => r.providerCostUsd.toFixed())),
        ...(claim ? [plainArray(fresh.map((e) => e.bodyHash))] : []),
      ],
    });
    // Every write returns at least one summary row: none means the claim failed.
    if (rows.length === 0) return null;
    const logs = fresh.map((event) => ({
      id: event.logId,
      tenantId: event.tenantId,
      service: event.service,
      model: event.model,
      occurredAt: event.occurredAt,
      inputTokens: event.inputTokens,
      cachedInputTokens: event.cachedInputTokens,
      outputTokens: event.outputTokens,
      characters: event.characters,
      durationSeconds: event.durationSeconds,
      costUsd: event.costText,
      providerCostUsd: event.providerCostText,
      pricingStatus: event.pricingStatus,
      status: event.status,
      requestId: event.requestId,
      metadata: event.metadata,
      endUser: event.endUser,
      source: event.source,
      voidedAt: null,
      voidReason: null,
      voidedBy: null,
    }));
    const summaries: SummaryAfter[] = rows.map((row) => ({
      tenantId: row.tenant_id,
      tenantName: row.tenant_name,
      period: row.period,
      contactEmail: row.contact_email,
      webhookUrl: row.webhook_url,
      usage: {
        openaiTokens: Number(row.openai_input_tokens) + Number(row.openai_output_tokens),
        elevenlabsCharacters: Number(row.elevenlabs_characters),
        smartfloSeconds: row.smartflo_seconds,
        totalCostUsd: row.total_cost_usd,
      },
      quota: row.has_quota ? quotaFromRow(row) : null,
      endUsersAtCap: (row.end_users_at_cap as { endUser: string; costUsd: string }[]).map((atCap) => ({
        ...atCap,
        index: -1,
      })),
    }));
    return { logs, summaries };
  }

  /**
   * The tenant-month usage right after each event: the committed totals minus what later events
   * of the same group add. So the event that crosses a threshold is the one that reports it.
   * Walked on first read of any event's `usageAfter`: the alert checks read it only for a
   * tenant-month that crossed a threshold, and the standings only when `quotas` is selected.
   */
  private runningUsage(fresh: number[], events: PricedEvent[], summaries: SummaryAfter[], now: Date): EventUsage[] {
    let walked: MonthUsage[] | undefined;
    const usageAfter = (position: number) => (walked ??= walkBack(fresh, events, summaries))[position]!;
    const today = formatDay(now);
    return fresh.map((index, position) => {
      const event = events[index]!;
      return {
        index,
        tenantId: event.tenantId,
        period: event.period,
        touchesToday: event.day === today,
        get usageAfter() {
          return usageAfter(position);
        },
      };
    });
  }
}

/**
 * Which of the group's events took each end user to its cap: walking the user's events in
 * arrival order from its total before the group, the first whose running total reaches the cap
 * (the first of them when it stood there already, e.g. under a newly lowered cap).
 */
function locateCapCrossings(fresh: number[], events: PricedEvent[], summaries: SummaryAfter[]): void {
  for (const summary of summaries) {
    if (summary.endUsersAtCap.length === 0 || !summary.quota?.endUserMonthlyCostLimitUsd) continue;
    const cap = money(summary.quota.endUserMonthlyCostLimitUsd);
    for (const atCap of summary.endUsersAtCap) {
      const own = fresh.filter((i) => {
        const e = events[i]!;
        return e.tenantId === summary.tenantId && e.period === summary.period && e.endUser === atCap.endUser;
      });
      let running = own.reduce((total, i) => total.minus(events[i]!.costUsd), money(atCap.costUsd));
      atCap.index = own[0]!;
      for (const i of own) {
        running = running.plus(events[i]!.costUsd);
        if (running.gte(cap)) {
          atCap.index = i;
          break;
        }
      }
    }
  }
}

/** Each fresh event's tenant-month usage right after it, from the group's committed totals. */
function walkBack(fresh: number[], events: PricedEvent[], summaries: SummaryAfter[]): MonthUsage[] {
  const remaining = new Map(summaries.map((s) => [`${s.tenantId}|${s.period}`, { ...s.usage }]));
  // How many of the group's events are still to walk back per tenant-month: the earliest one
  // needs no subtraction (nothing before it in the group), and it is the only one most groups have.
  const left = new Map<string, number>();
  for (const index of fresh) {
    const key = `${events[index]!.tenantId}|${events[index]!.period}`;
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  const result: MonthUsage[] = new Array(fresh.length);
  for (let position = fresh.length - 1; position >= 0; position--) {
    const event = events[fresh[position]!]!;
    const key = `${event.tenantId}|${event.period}`;
    const after = remaining.get(key)!;
    result[position] = { ...after };
    const earlier = left.get(key)! - 1;
    left.set(key, earlier);
    if (earlier === 0) continue;
    const increment = incrementOf(event);
    remaining.set(key, {
      openaiTokens: after.openaiTokens - increment.openaiInputTokens - increment.openaiOutputTokens,
      elevenlabsCharacters: after.elevenlabsCharacters - increment.elevenlabsCharacters,
      smartfloSeconds: increment.smartfloSeconds.isZero() ? after.smartfloSeconds : money(after.smartfloSeconds).minus(increment.smartfloSeconds).toFixed(),
      totalCostUsd: increment.totalCostUsd.isZero() ? after.totalCostUsd : money(after.totalCostUsd).minus(increment.totalCostUsd).toFixed(),
    });
  }
  return result;
}

/** Each event's summary increment, computed once per write (summed, then walked back per event). */
const increments = new WeakMap<PricedEvent, SummaryIncrement>();
function incrementOf(event: PricedEvent): SummaryIncrement {
  let increment = increments.get(event);
  if (!increment) increments.set(event, (increment = summaryIncrementOf(event)));
  return increment;
}

function rollupColumns(rows: RollupIncrement[]): string[] {
  return [
    plainArray(rows.map((r) => r.day)),
    plainArray(rows.map((r) => r.service)),
    textArray(rows.map((r) => r.model)),
    plainArray(rows.map((r) => r.apiCalls)),
    plainArray(rows.map((r) => r.errorCalls)),
    plainArray(rows.map((r) => r.unpricedCalls)),
    plainArray(rows.map((r) => r.units.toFixed())),
    plainArray(rows.map((r) => r.costUsd.toFixed())),
  ];
}

function endUserColumns(rows: EndUserIncrement[]): string[] {
  return [
    plainArray(rows.map((r) => r.tenantId)),
    plainArray(rows.map((r) => r.day)),
    textArray(rows.map((r) => r.endUser)),
    plainArray(rows.map((r) => r.service)),
    textArray(rows.map((r) => r.model)),
    plainArray(rows.map((r) => r.apiCalls)),
    plainArray(rows.map((r) => r.errorCalls)),
    plainArray(rows.map((r) => r.units.toFixed())),
    plainArray(rows.map((r) => r.costUsd.toFixed())),
    plainArray(rows.map((r) => r.firstSeenAt)),
    plainArray(rows.map((r) => r.lastSeenAt)),
  ];
}

function summaryColumns(rows: SummaryIncrement[]): string[] {
  return [
    rows.map((r) => r.tenantId),
    rows.map((r) => r.periodStart),
    rows.map((r) => r.openaiInputTokens),
    rows.map((r) => r.openaiCachedInputTokens),
    rows.map((r) => r.openaiOutputTokens),
    rows.map((r) => r.openaiCharacters),
    rows.map((r) => r.openaiSeconds.toFixed()),
    rows.map((r) => r.openaiCostUsd.toFixed()),
    rows.map((r) => r.elevenlabsCharacters),
    rows.map((r) => r.elevenlabsCostUsd.toFixed()),
    rows.map((r) => r.smartfloSeconds.toFixed()),
    rows.map((r) => r.smartfloCostUsd.toFixed()),
    rows.map((r) => r.totalCostUsd.toFixed()),
    rows.map((r) => r.totalApiCalls),
    rows.map((r) => r.errorCalls),
    rows.map((r) => r.unpricedCalls),
  ].map(plainArray);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function quotaFromRow(row: any): QuotaLimits {
  return {
    openaiTokenLimit: row.openai_token_limit === null ? null : Number(row.openai_token_limit),
    elevenlabsCharacterLimit: row.elevenlabs_character_limit === null ? null : Number(row.elevenlabs_character_limit),
    smartfloMinuteLimit: row.smartflo_minute_limit,
    monthlyCostLimitUsd: row.monthly_cost_limit_usd,
    requestsPerMinuteLimit: row.requests_per_minute_limit,
    alertAtPercentage: row.alert_at_percentage,
    enforcement: row.enforcement,
    endUserMonthlyCostLimitUsd: row.end_user_monthly_cost_limit_usd,
  };
}
