import { money, type Money } from '../../core/lib/money.js';
import { monthWindow } from '../../core/lib/period.js';
import type { Service } from '../usage/recording/usage-event.js';
import { quotaStandings, type MonthUsage, type QuotaLimits, type QuotaMetric } from './evaluate-quota.js';

/**
 * Whether a provider call may start (api-contract-next.md "Limits before spending"): the rule the
 * metering gateway applies before any money is spent. Pure: the facts come in, one decision out.
 *
 * - A SUSPENDED tenant is refused (403).
 * - Under HARD enforcement: a limit of the call's service or the monthly cost already reached,
 *   the call's end user at its monthly cap, or the trailing minute's requests at
 *   `requestsPerMinuteLimit`, are refused (429, with when to retry).
 * - SOFT enforcement refuses nothing: those limits only alert, as for recordUsage.
 *
 * "Already reached" is used ≥ limit: a call is admitted while anything is left, so concurrent
 * calls may overshoot a HARD limit by at most the calls in flight when it was reached.
 */
export interface AdmissionFacts {
  tenantStatus: string;
  quota: QuotaLimits | null;
  /**
   * This month's usage; null when it was not read because the quota is not HARD (then nothing
   * but the status decides, see `usageDecides`).
   */
  usage: MonthUsage | null;
  /** The end user's charged cost this month; null without an end user (or without usage). */
  endUserCostUsd: string | null;
  /** The oldest second of the trailing minute that holds requests: when it leaves, the count drops. */
  oldestRequestSecond: Date | null;
  now: Date;
}

export type RefusalCode = 'TENANT_SUSPENDED' | 'QUOTA_EXCEEDED' | 'END_USER_LIMIT_EXCEEDED' | 'RATE_LIMITED';

export interface Refusal {
  code: RefusalCode;
  httpStatus: 403 | 429;
  message: string;
  /** Seconds until the limit can pass again (Retry-After); absent when only an admin can lift it. */
  retryAfterSeconds?: number;
  metric?: QuotaMetric;
}

const SERVICE_METRIC: Record<Service, QuotaMetric> = {
  OPENAI: 'OPENAI_TOKENS',
  ELEVENLABS: 'ELEVENLABS_CHARACTERS',
  SMARTFLO: 'SMARTFLO_MINUTES',
};

/** Whether the month's usage can refuse a call: only under a HARD quota. */
export const usageDecides = (quota: QuotaLimits | null): boolean => quota?.enforcement === 'HARD';

export function admissionRefusal(facts: AdmissionFacts, service: Service): Refusal | null {
  if (facts.tenantStatus === 'SUSPENDED') {
    return { code: 'TENANT_SUSPENDED', httpStatus: 403, message: 'This tenant is suspended: provider calls are refused until an admin reactivates it' };
  }
  const quota = facts.quota;
  if (!quota || !usageDecides(quota)) return null;
  // Never decided without the figures: a HARD limit that cannot be checked is not passed.
  if (!facts.usage) throw new Error('admission under a HARD quota needs the month usage');
  const window = monthWindow(facts.now);
  const untilNextMonth = Math.max(1, Math.ceil((window.end.getTime() - facts.now.getTime()) / 1000));
  const standings = quotaStandings(quota, facts.usage, window, facts.now);
  for (const metric of [SERVICE_METRIC[service], 'MONTHLY_COST'] as const) {
    const standing = standings.find((s) => s.metric === metric);
    if (standing && standing.used.gte(standing.limit)) {
      return {
        code: 'QUOTA_EXCEEDED',
        httpStatus: 429,
        metric,
        retryAfterSeconds: untilNextMonth,
        message: `The monthly ${metric === 'MONTHLY_COST' ? 'cost budget' : `${metric} limit`} of this tenant is reached (${standing.used.toFixed()} of ${standing.limit.toFixed()}); it is enforced HARD`,
      };
    }
  }
  if (facts.endUserCostUsd !== null && quota.endUserMonthlyCostLimitUsd !== null) {
    const cap: Money = money(quota.endUserMonthlyCostLimitUsd);
    if (money(facts.endUserCostUsd).gte(cap)) {
      return { code: 'END_USER_LIMIT_EXCEEDED', httpStatus: 429, retryAfterSeconds: untilNextMonth, message: `This end user reached its monthly cost cap of $${cap.toFixed()}` };
    }
  }
  const rpm = standings.find((s) => s.metric === 'REQUESTS_PER_MINUTE');
  if (rpm && rpm.used.gte(rpm.limit)) {
    const freesAt = facts.oldestRequestSecond ? facts.oldestRequestSecond.getTime() + 60_000 : facts.now.getTime() + 60_000;
    return {
      code: 'RATE_LIMITED',
      httpStatus: 429,
      metric: 'REQUESTS_PER_MINUTE',
      retryAfterSeconds: Math.min(60, Math.max(1, Math.ceil((freesAt - facts.now.getTime()) / 1000))),
      message: `The limit of ${rpm.limit.toFixed()} requests a minute is reached`,
    };
  }
  return null;
}
