import { Money, money } from '../../core/lib/money.js';

/**
 * COST_SPIKE: today's cost passes 3× the average of the previous 7 days and at least $1, and those
 * 7 days are a baseline: usage on at least 3 of them. Without one, any first dollar would be a
 * "spike" against an average of $0 (a new tenant's first day is not a spike).
 */
export const COST_SPIKE = { factor: 3, minimumUsd: '1', baselineDays: 7, minimumActiveDays: 3 } as const;

export function isCostSpike(todayCostUsd: Money, previousSevenDaysCostUsd: Money, previousDaysWithUsage: number): boolean {
  if (previousDaysWithUsage < COST_SPIKE.minimumActiveDays) return false;
  if (todayCostUsd.lt(COST_SPIKE.minimumUsd)) return false;
  const average = previousSevenDaysCostUsd.dividedBy(COST_SPIKE.baselineDays);
  return todayCostUsd.gt(average.times(COST_SPIKE.factor));
}

export function costSpikeMessage(tenantName: string, today: Money, previousSevenDays: Money): string {
  const average = previousSevenDays.dividedBy(COST_SPIKE.baselineDays);
  return `${tenantName}'s cost today ($${today.toFixed(2)}) is more than ${COST_SPIKE.factor}× its 7-day daily average ($${average.toFixed(2)})`;
}

/** RATE_LIMIT_EXCEEDED: more than the limit in a trailing 60 seconds; then quiet for 60 seconds. */
export const RATE_WINDOW_SECONDS = 60;

export function isRateExceeded(requestsInWindow: number, limit: number): boolean {
  return requestsInWindow > limit;
}

export function rateMessage(tenantName: string, requests: number, limit: number): string {
  return `${tenantName} sent ${requests} requests in the last minute, over its limit of ${limit} per minute`;
}

export const ZERO_MONEY = money(0);
