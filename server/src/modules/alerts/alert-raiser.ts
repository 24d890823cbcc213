import type pg from 'pg';
import { Money, formatMoney, money } from '../../core/lib/money.js';
import { dayStart, formatDay, monthWindow, DAY_MS } from '../../core/lib/period.js';
import { endUserCapMessage, quotaStandings, thresholdCrossings, thresholdMessage, type MonthUsage, type QuotaLimits, type QuotaStanding } from '../quotas/evaluate-quota.js';
import { ALERT_COLUMNS, alertFromRow, type AlertRecord } from './alert.record.js';
import { COST_SPIKE, RATE_WINDOW_SECONDS, costSpikeMessage, isCostSpike, isRateExceeded, rateMessage } from './alert-rules.js';

export const ALERT_CHANNEL = 'um_alert_raised';

/** One tenant-month's totals after the group's increments, with its quota and name. */
export interface SummaryAfter {
  tenantId: string;
  tenantName: string;
  period: string;
  usage: MonthUsage;
  quota: QuotaLimits | null;
  /** Notification targets of the tenant. */
  contactEmail: string | null;
  webhookUrl: string | null;
  /**
   * End users of this tenant-month at or past the quota's per-end-user cap after the group, each
   * with the group's event that took it there (or its first event of the group, when the user was
   * already past a newly lowered cap).
   */
  endUsersAtCap: { endUser: string; costUsd: string; index: number }[];
}

export interface EventUsage {
  /** Index of the event in the group. */
  index: number;
  tenantId: string;
  period: string;
  /** The tenant-month's usage right after this event (running total within the group; may be computed on first read). */
  readonly usageAfter: MonthUsage;
  touchesToday: boolean;
}

interface Candidate {
  index: number;
  tenantId: string;
  type: AlertRecord['type'];
  metric: string | null;
  message: string;
  thresholdPercent: number | null;
  currentValue: number | null;
  limitValue: number | null;
  period: string | null;
  endUser?: string;
  dedupKey: string;
}

/**
 * Decides, inside the recording transaction, which alerts a group of events raises, and inserts
 * them. Dedup is the database's: `on conflict (tenant_id, dedup_key) do nothing` lets exactly
 * one of any number of racing transactions insert a given alert. NOTIFY inside the transaction
 * is delivered only on commit, so subscribers never hear of an alert that was rolled back.
 */
/** How long "no baseline yet" is trusted for a tenant without a late event seen here (spikeIneligible). */
const SPIKE_BASELINE_TRUSTED_MS = 5 * 60_000;

export class AlertRaiser {
  /** Tenants whose spike already fired today (a cache; the unique key is the real guard). */
  private readonly spikeRaised = new Map<string, string>();
  /**
   * Tenants that cannot spike today: under COST_SPIKE.minimumActiveDays of the previous 7 days had
   * usage (every new tenant, for its first days). Those days change only by late events, so the
   * answer is kept for 5 minutes and dropped when this instance records a late event for the
   * tenant: a group of such tenants then skips the spike query (a round trip per group).
   */
  private readonly spikeIneligible = new Map<string, { day: string; until: number }>();

  constructor(private readonly alertEmails: string[]) {}

  async raise(
    client: pg.PoolClient,
    summaries: SummaryAfter[],
    events: EventUsage[],
    now: Date,
  ): Promise<{ alertsByIndex: Map<number, AlertRecord[]>; standings: Map<number, () => QuotaStanding[]> }> {
    const candidates: Candidate[] = [];
    // Each event's standing is pure arithmetic on its totals: computed by the caller once the
    // transaction has committed, not while this one holds the tenant's summary row.
    const standings = new Map<number, () => QuotaStanding[]>();
    const byTenantPeriod = new Map(summaries.map((s) => [`${s.tenantId}|${s.period}`, s]));
    const requestsLastMinute = await this.countRequests(client, summaries, events, now);

    // Usage only grows within a group (every increment is >= 0, prices included), so a
    // tenant-month whose total after the whole group stands past no threshold has no event that
    // does: its events are not examined one by one (the usual case, and most of a batch's cost).
    const crossesAny = new Map(
      summaries.map((s) => [`${s.tenantId}|${s.period}`, s.quota !== null && thresholdCrossings(s.quota, s.usage, s.period).length > 0]),
    );
    const seenKeys = new Set<string>();
    for (const event of events) {
      const key = `${event.tenantId}|${event.period}`;
      const summary = byTenantPeriod.get(key)!;
      const quota = summary.quota;
      if (!quota) continue;
      const requests = requestsLastMinute.get(event.tenantId);
      standings.set(event.index, () => quotaStandings(quota, { ...event.usageAfter, requestsLastMinute: requests }, monthWindow(now), now));
      if (!crossesAny.get(key)) continue;
      // Monthly thresholds only: requests per minute is decided below, per tenant (rateCandidates).
      for (const crossing of thresholdCrossings(quota, event.usageAfter, event.period)) {
        if (seenKeys.has(`${event.tenantId}|${crossing.dedupKey}`)) continue;
        seenKeys.add(`${event.tenantId}|${crossing.dedupKey}`);
        candidates.push({
          index: event.index,
          tenantId: event.tenantId,
          type: crossing.type,
          metric: crossing.metric,
          message: thresholdMessage(summary.tenantName, crossing),
          thresholdPercent: crossing.thresholdPercent,
          currentValue: crossing.used.toNumber(),
          limitValue: crossing.limit.toNumber(),
          period: event.period,
          dedupKey: crossing.dedupKey,
        });
      }
    }
    candidates.push(...(await this.rateCandidates(client, summaries, events, requestsLastMinute, now)));
    candidates.push(...(await this.spikeCandidates(client, summaries, events, now)));
    candidates.push(...endUserCapCandidates(summaries));

    const alertsByIndex = new Map<number, AlertRecord[]>();
    if (candidates.length === 0) return { alertsByIndex, standings };
    const inserted = await this.insert(client, candidates, summaries);
    for (const alert of inserted) {
      const candidate = candidates.find((c) => c.tenantId === alert.tenantId && c.dedupKey === alert.dedupKey)!;
      const list = alertsByIndex.get(candidate.index) ?? [];
      list.push(alert.record);
      alertsByIndex.set(candidate.index, list);
    }
    return { alertsByIndex, standings };
  }

  /** Adds this group's requests to the shared per-second counters and reads the trailing minute. */
  private async countRequests(client: pg.PoolClient, summaries: SummaryAfter[], events: EventUsage[], now: Date): Promise<Map<string, number>> {
    const limited = new Set(summaries.filter((s) => s.quota?.requestsPerMinuteLimit).map((s) => s.tenantId));
    const counts = new Map<string, number>();
    if (limited.size === 0) return counts;
    const perTenant = new Map<string, number>();
    for (const event of events) if (limited.has(event.tenantId)) perTenant.set(event.tenantId, (perTenant.get(event.tenantId) ?? 0) + 1);
    const tenants = [...perTenant.keys()].sort();
    const second = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const { rows } = await client.query(
      `with bumped as (
         insert into rate_counters as r (tenant_id, second_start, requests)
         select tenant_id, $3::timestamptz, n from unnest($1::uuid[], $2::int[]) as u(tenant_id, n)
         on conflict (tenant_id, second_start) do update set requests = r.requests + excluded.requests
         returning tenant_id, requests)
       select b.tenant_id, b.requests + coalesce((
         select sum(requests) from rate_counters c
          where c.tenant_id = b.tenant_id and c.second_start > $3::timestamptz - make_interval(secs => $4) and c.second_start < $3::timestamptz), 0) as total
         from bumped b`,
      [tenants, tenants.map((t) => perTenant.get(t)!), second, RATE_WINDOW_SECONDS],
    );
    for (const row of rows) counts.set(row.tenant_id, Number(row.total));
    return counts;
  }

  private async rateCandidates(
    client: pg.PoolClient,
    summaries: SummaryAfter[],
    events: EventUsage[],
    counts: Map<string, number>,
    now: Date,
  ): Promise<Candidate[]> {
    const candidates: Candidate[] = [];
    for (const [tenantId, requests] of counts) {
      const summary = summaries.find((s) => s.tenantId === tenantId)!;
      const limit = summary.quota!.requestsPerMinuteLimit!;
      if (!isRateExceeded(requests, limit)) continue;
      // One UPDATE decides, across every instance, whether the 60-second quiet period is over.
      const { rows } = await client.query(
        `insert into rate_alert_state as s (tenant_id, last_alert_at) values ($1, $2)
         on conflict (tenant_id) do update set last_alert_at = excluded.last_alert_at
           where s.last_alert_at <= excluded.last_alert_at - make_interval(secs => $3)
         returning last_alert_at`,
        [tenantId, now, RATE_WINDOW_SECONDS],
      );
      if (rows.length === 0) continue;
      const lastEvent = events.filter((e) => e.tenantId === tenantId).at(-1)!;
      candidates.push({
        index: lastEvent.index,
        tenantId,
        type: 'RATE_LIMIT_EXCEEDED',
        metric: 'REQUESTS_PER_MINUTE',
        message: rateMessage(summary.tenantName, requests, limit),
        thresholdPercent: 100,
        currentValue: requests,
        limitValue: limit,
        period: monthWindow(now).period,
        dedupKey: `RATE_LIMIT_EXCEEDED:${now.toISOString()}`,
      });
    }
    return candidates;
  }

  private async spikeCandidates(client: pg.PoolClient, summaries: SummaryAfter[], events: EventUsage[], now: Date): Promise<Candidate[]> {
    const today = formatDay(now);
    const currentPeriod = monthWindow(now).period;
    for (const event of events) if (!event.touchesToday) this.spikeIneligible.delete(event.tenantId);
    const ineligible = (tenantId: string) => {
      const known = this.spikeIneligible.get(tenantId);
      return known !== undefined && known.day === today && known.until > now.getTime();
    };
    // A day's cost cannot reach $1 while the month's is below it; skip tenants already flagged
    // today and tenants without a baseline.
    const tenants = [
      ...new Set(
        summaries
          .filter((s) => s.period === currentPeriod && money(s.usage.totalCostUsd).gte(1) && this.spikeRaised.get(s.tenantId) !== today && !ineligible(s.tenantId))
          .filter((s) => events.some((e) => e.tenantId === s.tenantId && e.touchesToday))
          .map((s) => s.tenantId),
      ),
    ];
    if (tenants.length === 0) return [];
    const start = dayStart(now);
    const { rows } = await client.query(
      `select tenant_id, day = $2::date as is_today, sum(cost_usd)::text as cost,
              count(distinct day) filter (where api_calls > 0)::int as days_with_usage
         from daily_rollups where tenant_id = any($1::uuid[]) and day between $3::date and $2::date
        group by tenant_id, day = $2::date`,
      [tenants, today, formatDay(new Date(start.getTime() - 7 * DAY_MS))],
    );
    const candidates: Candidate[] = [];
    for (const tenantId of tenants) {
      const todayCost = money(rows.find((r) => r.tenant_id === tenantId && r.is_today)?.cost ?? 0);
      const previousRow = rows.find((r) => r.tenant_id === tenantId && !r.is_today);
      const previous = money(previousRow?.cost ?? 0);
      if ((previousRow?.days_with_usage ?? 0) < COST_SPIKE.minimumActiveDays) {
        if (this.spikeIneligible.size > 100_000) this.spikeIneligible.clear();
        this.spikeIneligible.set(tenantId, { day: today, until: now.getTime() + SPIKE_BASELINE_TRUSTED_MS });
      }
      if (!isCostSpike(todayCost, previous, previousRow?.days_with_usage ?? 0)) continue;
      this.spikeRaised.set(tenantId, today);
      const summary = summaries.find((s) => s.tenantId === tenantId)!;
      const lastEvent = events.filter((e) => e.tenantId === tenantId).at(-1)!;
      candidates.push({
        index: lastEvent.index,
        tenantId,
        type: 'COST_SPIKE',
        metric: 'MONTHLY_COST',
        message: costSpikeMessage(summary.tenantName, todayCost, previous),
        thresholdPercent: null,
        currentValue: todayCost.toNumber(),
        limitValue: previous.dividedBy(7).times(3).toDecimalPlaces(6).toNumber(),
        period: currentPeriod,
        dedupKey: `COST_SPIKE:${today}`,
      });
    }
    return candidates;
  }

  private async insert(client: pg.PoolClient, candidates: Candidate[], summaries: SummaryAfter[]): Promise<{ dedupKey: string; tenantId: string; record: AlertRecord }[]> {
    const sorted = [...candidates].sort((a, b) => (a.tenantId + a.dedupKey < b.tenantId + b.dedupKey ? -1 : 1));
    const { rows } = await client.query(
      `insert into alerts (tenant_id, type, metric, message, threshold_percent, current_value, limit_value, period, dedup_key, end_user)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::float8[], $7::float8[], $8::text[], $9::text[], $10::text[])
       on conflict (tenant_id, dedup_key) do nothing
       returning ${ALERT_COLUMNS}, dedup_key`,
      [
        sorted.map((c) => c.tenantId),
        sorted.map((c) => c.type),
        sorted.map((c) => c.metric),
        sorted.map((c) => c.message),
        sorted.map((c) => c.thresholdPercent),
        sorted.map((c) => c.currentValue),
        sorted.map((c) => c.limitValue),
        sorted.map((c) => c.period),
        sorted.map((c) => c.dedupKey),
        sorted.map((c) => c.endUser ?? null),
      ],
    );
    if (rows.length === 0) return [];
    const records = rows.map((row) => ({ dedupKey: row.dedup_key as string, tenantId: row.tenant_id as string, record: alertFromRow(row) }));
    await client.query(`select pg_notify($1, payload) from unnest($2::text[]) as payload`, [
      ALERT_CHANNEL,
      records.map((r) => JSON.stringify(r.record)),
    ]);
    await this.enqueueDeliveries(client, records.map((r) => r.record), summaries);
    return records;
  }

  /** Email and webhook deliveries go to a job table; a poller sends them outside the request. */
  private async enqueueDeliveries(client: pg.PoolClient, alerts: AlertRecord[], summaries: SummaryAfter[]): Promise<void> {
    const rows: [string, string, string, string][] = [];
    for (const alert of alerts) {
      const summary = summaries.find((s) => s.tenantId === alert.tenantId)!;
      const emails = new Set([...(summary.contactEmail ? [summary.contactEmail] : []), ...this.alertEmails]);
      for (const email of emails) rows.push([alert.tenantId, alert.id, 'EMAIL', email]);
      if (summary.webhookUrl) rows.push([alert.tenantId, alert.id, 'WEBHOOK', summary.webhookUrl]);
    }
    if (rows.length === 0) return;
    await client.query(
      `insert into notification_deliveries (tenant_id, alert_id, channel, target)
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
    );
  }
}

/**
 * END_USER_LIMIT_EXCEEDED: an end user's month reached the tenant's per-end-user cap. The dedup key
 * (month, cap value, end user) makes it once per tenant, end user, month and limit value however
 * many events race: changing the cap re-arms it, as for the other quota alerts.
 */
function endUserCapCandidates(summaries: SummaryAfter[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const summary of summaries) {
    const cap = summary.quota?.endUserMonthlyCostLimitUsd;
    if (!cap) continue;
    for (const atCap of summary.endUsersAtCap) {
      candidates.push({
        index: atCap.index,
        tenantId: summary.tenantId,
        type: 'END_USER_LIMIT_EXCEEDED',
        metric: 'MONTHLY_COST',
        message: endUserCapMessage(summary.tenantName, atCap.endUser, money(atCap.costUsd), money(cap), summary.period),
        thresholdPercent: 100,
        currentValue: money(atCap.costUsd).toNumber(),
        limitValue: money(cap).toNumber(),
        period: summary.period,
        endUser: atCap.endUser,
        dedupKey: `END_USER_LIMIT_EXCEEDED:${summary.period}:${formatMoney(cap)}:${atCap.endUser}`,
      });
    }
  }
  return candidates;
}

export type { Money };
