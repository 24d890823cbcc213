import { money } from '../../core/lib/money.js';
import { marginOf } from '../pricing/markup.js';
import type { Tenant } from '../tenants/tenant.types.js';
import { tenantOutput, type TenantLookup } from '../tenants/tenant.mappers.js';
import type { SummaryRecord } from './monthly-summary.record.js';
import type { UsageLogRecord } from './usage-log.record.js';
import { MonthlySummary, UsageLog } from './usage.types.js';

/**
 * A log as the API shows it. Its tenant is looked up only if the operation selects it: an
 * integrator's `recordUsage { log { id costUsd } }` never does.
 */
export function usageLogOutput(services: TenantLookup, log: UsageLogRecord): UsageLog {
  const output = Object.assign(new UsageLog(), log) as UsageLog;
  output.totalTokens = log.inputTokens === null && log.outputTokens === null ? null : (log.inputTokens ?? 0) + (log.outputTokens ?? 0);
  let tenant: Promise<Tenant> | undefined;
  return Object.defineProperty(output, 'tenant', { get: () => (tenant ??= tenantOutput(services, log.tenantId)), enumerable: true });
}

export async function summaryOutput(services: TenantLookup, summary: SummaryRecord): Promise<MonthlySummary> {
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
    providerCostUsd: summary.providerCostUsd,
    ...marginOf(summary.totalCostUsd, summary.providerCostUsd),
    totalApiCalls: summary.totalApiCalls,
    errorCalls: summary.errorCalls,
  });
}
