import { money } from '../../../core/lib/money.js';
import type { MonthWindow } from '../../../core/lib/period.js';
import type { AlertRecord } from '../../alerts/alert.record.js';
import type { AlertsService } from '../../alerts/alerts.service.js';
import type { QuotaStanding } from '../../quotas/evaluate-quota.js';
import type { QuotasService } from '../../quotas/quotas.service.js';
import type { UsageReadService } from './usage-read.service.js';

const SERVICE_METRICS = [
  { service: 'OPENAI', metric: 'OPENAI_TOKENS' },
  { service: 'ELEVENLABS', metric: 'ELEVENLABS_CHARACTERS' },
  { service: 'SMARTFLO', metric: 'SMARTFLO_MINUTES' },
] as const;

export interface DashboardRecord {
  tenantId: string;
  period: string;
  totalCostUsd: string;
  previousPeriodTotalCostUsd: string;
  projectedMonthEndCostUsd: string;
  totalApiCalls: number;
  errorCalls: number;
  activeEndUsers: number;
  services: { service: string; units: number; costUsd: string; apiCalls: number; quota: QuotaStanding | null }[];
  costQuota: QuotaStanding | null;
  alerts: AlertRecord[];
}

/** One tenant's month at a glance: totals per service, quota standing, open alerts. */
export class UsageDashboardService {
  constructor(
    private readonly usage: UsageReadService,
    private readonly quotas: QuotasService,
    private readonly alerts: AlertsService,
  ) {}

  async dashboard(tenantId: string, tenantName: string, window: MonthWindow): Promise<DashboardRecord> {
    const isCurrent = window.period === this.usage.window(null).period;
    const [summary, previous, byModel, quota, alerts] = await Promise.all([
      this.usage.summaryOf(tenantId, tenantName, window),
      this.usage.summaryOf(tenantId, tenantName, this.usage.previousWindow(window)),
      this.usage.byModel(tenantId, window),
      this.quotas.get(tenantId),
      this.alerts.unresolved(tenantId),
    ]);
    // Quota standing describes the current month; a past month shows its totals only.
    const standings = isCurrent ? await this.quotas.standings(tenantId, quota) : [];
    const calls = (service: string) => byModel.filter((m) => m.service === service).reduce((sum, m) => sum + m.apiCalls, 0);
    const units = {
      OPENAI: summary.openaiInputTokens + summary.openaiOutputTokens,
      ELEVENLABS: summary.elevenlabsCharacters,
      SMARTFLO: money(summary.smartfloSeconds).dividedBy(60).toDecimalPlaces(6).toNumber(),
    };
    const costs = { OPENAI: summary.openaiCostUsd, ELEVENLABS: summary.elevenlabsCostUsd, SMARTFLO: summary.smartfloCostUsd };
    return {
      tenantId,
      period: window.period,
      totalCostUsd: summary.totalCostUsd,
      previousPeriodTotalCostUsd: previous.totalCostUsd,
      projectedMonthEndCostUsd: this.usage.projectedMonthEnd(summary.totalCostUsd, window),
      totalApiCalls: summary.totalApiCalls,
      errorCalls: summary.errorCalls,
      activeEndUsers: summary.activeEndUsers,
      services: SERVICE_METRICS.map(({ service, metric }) => ({
        service,
        units: units[service],
        costUsd: costs[service],
        apiCalls: calls(service),
        quota: standings.find((s) => s.metric === metric) ?? null,
      })),
      costQuota: standings.find((s) => s.metric === 'MONTHLY_COST') ?? null,
      alerts,
    };
  }
}
