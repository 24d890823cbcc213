import { Money, money } from '../../core/lib/money.js';
import type { MonthWindow } from '../../core/lib/period.js';

export type QuotaMetric = 'OPENAI_TOKENS' | 'ELEVENLABS_CHARACTERS' | 'SMARTFLO_MINUTES' | 'MONTHLY_COST' | 'REQUESTS_PER_MINUTE';
export type UsageLevel = 'OK' | 'NOTICE' | 'WARNING' | 'CRITICAL';
export type QuotaAlertType = 'QUOTA_APPROACHING' | 'QUOTA_EXCEEDED';

/** A tenant's limits as stored (decimals as exact strings). */
export interface QuotaLimits {
  openaiTokenLimit: number | null;
  elevenlabsCharacterLimit: number | null;
  smartfloMinuteLimit: string | null;
  monthlyCostLimitUsd: string | null;
  requestsPerMinuteLimit: number | null;
  alertAtPercentage: number;
  enforcement: 'SOFT' | 'HARD';
  /** Monthly cost cap for each single end user of the tenant. */
  endUserMonthlyCostLimitUsd: string | null;
}

/** What a tenant has used in the month (and in the trailing minute, when it has a rate limit). */
export interface MonthUsage {
  openaiTokens: number;
  elevenlabsCharacters: number;
  smartfloSeconds: string;
  totalCostUsd: string;
  requestsLastMinute?: number;
}

export interface QuotaStanding {
  metric: QuotaMetric;
  used: Money;
  limit: Money;
  percentUsed: number;
  level: UsageLevel;
  projectedLimitAt: Date | null;
}

/** The five metrics, each with how its use and limit are read. */
const METRICS: { metric: QuotaMetric; limit: (q: QuotaLimits) => Money | null; used: (u: MonthUsage) => Money | null }[] = [
  { metric: 'OPENAI_TOKENS', limit: (q) => nullable(q.openaiTokenLimit), used: (u) => money(u.openaiTokens) },
  { metric: 'ELEVENLABS_CHARACTERS', limit: (q) => nullable(q.elevenlabsCharacterLimit), used: (u) => money(u.elevenlabsCharacters) },
  { metric: 'SMARTFLO_MINUTES', limit: (q) => nullable(q.smartfloMinuteLimit), used: (u) => money(u.smartfloSeconds).dividedBy(60) },
  { metric: 'MONTHLY_COST', limit: (q) => nullable(q.monthlyCostLimitUsd), used: (u) => money(u.totalCostUsd) },
  { metric: 'REQUESTS_PER_MINUTE', limit: (q) => nullable(q.requestsPerMinuteLimit), used: (u) => (u.requestsLastMinute === undefined ? null : money(u.requestsLastMinute)) },
];

function nullable(value: number | string | null): Money | null {
  return value === null || value === undefined ? null : money(value);
}

/** OK < 60 %, NOTICE 60–80 %, WARNING 80–90 %, CRITICAL ≥ 90 % (compared exactly, not in floats). */
export function usageLevel(used: Money, limit: Money): UsageLevel {
  const hundredfold = used.times(100);
  if (hundredfold.gte(limit.times(90))) return 'CRITICAL';
  if (hundredfold.gte(limit.times(80))) return 'WARNING';
  if (hundredfold.gte(limit.times(60))) return 'NOTICE';
  return 'OK';
}

/**
 * The standing of every metric that has a limit. `projectedLimitAt`: at the pace so far this
 * month, when use reaches the limit; null when it already has, will not within the month, or
 * nothing is used yet. Requests per minute has no monthly pace, so no projection.
 */
export function quotaStandings(limits: QuotaLimits, usage: MonthUsage, window: MonthWindow, now: Date): QuotaStanding[] {
  const standings: QuotaStanding[] = [];
  for (const { metric, limit: readLimit, used: readUsed } of METRICS) {
    const limit = readLimit(limits);
    if (!limit) continue;
    const used = readUsed(usage) ?? money(0);
    standings.push({
      metric,
      used,
      limit,
      percentUsed: used.times(100).dividedBy(limit).toDecimalPlaces(2).toNumber(),
      level: usageLevel(used, limit),
      projectedLimitAt: metric === 'REQUESTS_PER_MINUTE' ? null : projectLimitAt(used, limit, window, now),
    });
  }
  return standings;
}

export function projectLimitAt(used: Money, limit: Money, window: MonthWindow, now: Date): Date | null {
  const elapsedMs = Math.min(now.getTime(), window.end.getTime()) - window.start.getTime();
  if (used.lte(0) || used.gte(limit) || elapsedMs <= 0 || now >= window.end) return null;
  const reachMs = limit.dividedBy(used).times(elapsedMs).toNumber();
  const at = new Date(window.start.getTime() + Math.ceil(reachMs));
  return at < window.end ? at : null;
}

export interface ThresholdCrossing {
  type: QuotaAlertType;
  metric: QuotaMetric;
  thresholdPercent: number;
  used: Money;
  limit: Money;
  /** Same type, metric, month and limit value: the same alert (changing the limit re-arms). */
  dedupKey: string;
}

/**
 * Monthly thresholds this usage stands past: QUOTA_APPROACHING once use reaches alertAtPercentage
 * of a limit, QUOTA_EXCEEDED once it passes 100 %. Stateless on purpose: the database's unique
 * dedup key, not this function, makes each fire once however many events race.
 */
export function thresholdCrossings(limits: QuotaLimits, usage: MonthUsage, period: string): ThresholdCrossing[] {
  const crossings: ThresholdCrossing[] = [];
  for (const { metric, limit: readLimit, used: readUsed } of METRICS) {
    if (metric === 'REQUESTS_PER_MINUTE') continue;
    const limit = readLimit(limits);
    const used = readUsed(usage);
    if (!limit || !used) continue;
    const key = (type: QuotaAlertType) => `${type}:${metric}:${period}:${limit.toFixed()}`;
    if (used.gt(limit)) {
      crossings.push({ type: 'QUOTA_EXCEEDED', metric, thresholdPercent: 100, used, limit, dedupKey: key('QUOTA_EXCEEDED') });
    }
    if (used.times(100).gte(limit.times(limits.alertAtPercentage))) {
      crossings.push({ type: 'QUOTA_APPROACHING', metric, thresholdPercent: limits.alertAtPercentage, used, limit, dedupKey: key('QUOTA_APPROACHING') });
    }
  }
  return crossings;
}

export const METRIC_LABELS: Record<QuotaMetric, { name: string; unit: string }> = {
  OPENAI_TOKENS: { name: 'OpenAI token', unit: 'tokens' },
  ELEVENLABS_CHARACTERS: { name: 'ElevenLabs character', unit: 'characters' },
  SMARTFLO_MINUTES: { name: 'Smartflo minute', unit: 'minutes' },
  MONTHLY_COST: { name: 'cost', unit: 'USD' },
  REQUESTS_PER_MINUTE: { name: 'requests-per-minute', unit: 'requests' },
};

function formatAmount(value: Money, metric: QuotaMetric): string {
  if (metric === 'MONTHLY_COST') return `$${value.toDecimalPlaces(2).toFixed(2)}`;
  const rounded = metric === 'SMARTFLO_MINUTES' ? value.toDecimalPlaces(1) : value.toDecimalPlaces(0);
  return `${rounded.toNumber().toLocaleString('en-US')} ${METRIC_LABELS[metric].unit}`;
}

export function thresholdMessage(tenantName: string, crossing: ThresholdCrossing): string {
  // One decimal, so 500,260 of 500,000 reads 100.1 %, not a puzzling "exceeded at 100 %".
  const percent = crossing.used.times(100).dividedBy(crossing.limit).toDecimalPlaces(1).toFixed();
  const amounts = `${formatAmount(crossing.used, crossing.metric)} of ${formatAmount(crossing.limit, crossing.metric)}`;
  const limitName = `monthly ${METRIC_LABELS[crossing.metric].name} limit`;
  return crossing.type === 'QUOTA_EXCEEDED'
    ? `${tenantName} has exceeded its ${limitName}: ${percent}% used (${amounts})`
    : `${tenantName} has reached ${percent}% of its ${limitName} (${amounts})`;
}

/** END_USER_LIMIT_EXCEEDED's text: whose user, how far past, which month. */
export function endUserCapMessage(tenantName: string, endUser: string, used: Money, cap: Money, period: string): string {
  return `${tenantName}'s end user "${endUser}" has reached its monthly cost cap for ${period}: ${formatAmount(used, 'MONTHLY_COST')} of ${formatAmount(cap, 'MONTHLY_COST')}`;
}
