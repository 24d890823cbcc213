import type { Services } from '../../services.js';
import type { AlertRecord } from '../../modules/alerts/alert.record.js';
import { Alert } from '../../modules/alerts/alert.types.js';
import type { QuotaStanding } from '../../modules/quotas/evaluate-quota.js';
import { QuotaUsage } from '../../modules/quotas/quota.types.js';
import { Tenant } from '../../modules/tenants/tenant.types.js';
import type { UsageLogRecord } from '../../modules/usage/usage-log.record.js';
import type { SummaryRecord } from '../../modules/usage/usage-read.service.js';
import { MonthlySummary, UsageLog } from '../../modules/usage/usage.types.js';
import { money } from '../lib/money.js';
import type { AlertStatus, AlertType, QuotaMetric, TenantStatus, UsageLevel } from './enums.js';

/**
 * Entities and SQL records are not the API (CONVENTIONS 10): these small mappers build the
 * GraphQL output objects, resolving tenants through the cached directory.
 */
export async function tenantOutput(services: Services, id: string): Promise<Tenant> {
  const ref = await services.tenantDirectory.find(id);
  return Object.assign(new Tenant(), {
    id,
    name: ref?.name ?? '(deleted tenant)',
    createdAt: ref?.createdAt ?? new Date(0),
    status: (ref?.status ?? 'SUSPENDED') as TenantStatus,
  });
}

/**
 * A log as the API shows it. Its tenant is looked up only if the operation selects it: an
 * integrator's `recordUsage { log { id costUsd } }` never does.
 */
export function usageLogOutput(services: Services, log: UsageLogRecord): UsageLog {
  const output = Object.assign(new UsageLog(), log) as UsageLog;
  output.totalTokens = log.inputTokens === null && log.outputTokens === null ? null : (log.inputTokens ?? 0) + (log.outputTokens ?? 0);
  let tenant: Promise<Tenant> | undefined;
  return Object.defineProperty(output, 'tenant', { get: () => (tenant ??= tenantOutput(services, log.tenantId)), enumerable: true });
}

export async function alertOutput(services: Services, alert: AlertRecord): Promise<Alert> {
  return Object.assign(new Alert(), {
    ...alert,
    type: alert.type as AlertType,
    status: alert.status as AlertStatus,
    metric: alert.metric as QuotaMetric | null,
    tenant: await tenantOutput(services, alert.tenantId),
  });
}

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

export async function summaryOutput(services: Services, summary: SummaryRecord): Promise<MonthlySummary> {
  return Object.assign(new MonthlySummary(), {
    tenant: await tenantOutput(services, summary.tenantId),
    period: summary.window.period,
    periodStart: summary.window.start,
    periodEnd: summary.window.end,
    openaiInputTokens: summary.openaiInputTokens,
    openaiOutputTokens: summary.openaiOutputTokens,
    openaiTotalTokens: summary.openaiInputTokens + summary.openaiOutputTokens,
    openaiCostUsd: summary.openaiCostUsd,
    elevenlabsCharacters: summary.elevenlabsCharacters,
    elevenlabsCostUsd: summary.elevenlabsCostUsd,
    smartfloMinutes: money(summary.smartfloSeconds).dividedBy(60).toDecimalPlaces(6).toNumber(),
    smartfloCostUsd: summary.smartfloCostUsd,
    totalCostUsd: summary.totalCostUsd,
    totalApiCalls: summary.totalApiCalls,
    errorCalls: summary.errorCalls,
  });
}
