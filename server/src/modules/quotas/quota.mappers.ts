import type { QuotaMetric, UsageLevel } from '../../core/graphql/enums.js';
import type { QuotaStanding } from './evaluate-quota.js';
import { QuotaUsage } from './quota.types.js';

export function quotaUsageOutput(standing: QuotaStanding): QuotaUsage {
  return Object.assign(new QuotaUsage(), {
    metric: standing.metric as QuotaMetric,
    used: standing.used.toNumber(),
    limit: standing.limit.toNumber(),
    percentUsed: standing.percentUsed,
    level: standing.level as UsageLevel,
    projectedLimitAt: standing.projectedLimitAt,
  });
}
