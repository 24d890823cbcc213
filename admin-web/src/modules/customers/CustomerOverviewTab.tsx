import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatUsd } from '@usage-monitor/web-kit/money';
import { formatPeriod, shiftPeriod } from '@usage-monitor/web-kit/periods';
import { computeTrend } from '@usage-monitor/web-kit/trend';
import { EmptyState, ErrorBanner, QuotaBar, SkeletonCards, TrendBadge } from '@usage-monitor/web-kit/ui';
import { formatCount, formatServiceUnits, METRIC_LABELS, SERVICE_LABELS } from '@usage-monitor/web-kit/units';
import { CustomerOverviewDocument } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { useCanChange } from '../../app/permissions';
import { useUsageUpdated } from '../monitoring/useUsageUpdated';
import { UsageLogTable } from '../usage-logs/UsageLogTable';
import { TopUsersSection } from '../end-users/TopUsersSection';
import { CustomerAlerts } from './CustomerAlerts';
import { UsageHistoryTable } from './UsageHistoryTable';

/** `gateway`: the metering gateway's status, shown after this month's services. */
export function CustomerOverviewTab({ tenantId, gateway }: { tenantId: string; gateway?: ReactNode }) {
  const canChange = useCanChange();
  const { data, previousData, loading, error, refetch } = useQuery(CustomerOverviewDocument, {
    variables: { tenantId, logFilter: { tenantId } },
    pollInterval: usePollInterval(),
  });
  useUsageUpdated((update) => {
    if (update.tenant.id === tenantId) void refetch();
  });
  const shown = data ?? previousData;
  if (!shown) return loading ? <SkeletonCards count={3} label="Loading usage" /> : <ErrorBanner error={error} onRetry={() => void refetch()} />;

  const d = shown.usageDashboard;
  const previousLabel = formatPeriod(shiftPeriod(d.period, -1));
  const quotas = [...d.services.flatMap((s) => (s.quota ? [s.quota] : [])), ...(d.costQuota ? [d.costQuota] : [])];

  return (
    <div className={loading ? 'is-refreshing' : undefined}>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale />
      <div className="card-grid card-grid-3">
        <div className="card stat-card stat-card-money">
          <p className="stat-label">Cost · {formatPeriod(d.period)}</p>
          <p className="stat-value money-highlight">{formatUsd(d.totalCostUsd)}</p>
          <p className="stat-trend">
            <TrendBadge trend={computeTrend(d.totalCostUsd, d.previousPeriodTotalCostUsd, previousLabel)} />{' '}
            <span className="muted">vs {formatUsd(d.previousPeriodTotalCostUsd)} in {previousLabel}</span>
          </p>
        </div>
        <div className="card stat-card">
          <p className="stat-label">Projected month end</p>
          <p className="stat-value">{formatUsd(d.projectedMonthEndCostUsd)}</p>
          <p className="muted small">At the pace so far this month</p>
        </div>
        <div className="card stat-card">
          <p className="stat-label">API calls</p>
          <p className="stat-value">{formatCount(d.totalApiCalls)}</p>
          <p className={d.errorCalls ? 'text-danger small' : 'muted small'}>{formatCount(d.errorCalls)} failed</p>
        </div>
      </div>

      <section className="section" aria-labelledby="quota-heading">
        <div className="section-head">
          <h2 id="quota-heading">Quota standing</h2>
          {canChange && (
            <Link to={`/quotas?edit=${tenantId}`} className="text-link">
              Edit limits →
            </Link>
          )}
        </div>
        {quotas.length ? (
          <div className="card-grid card-grid-3">
            {quotas.map((q) => (
              <div className="card" key={q.metric}>
                <QuotaBar quota={q} label={METRIC_LABELS[q.metric]} />
              </div>
            ))}
          </div>
        ) : (
          <EmptyState title="No limits set for this customer." hint="Usage is recorded without alerts until you set a quota." action={canChange && <Link className="button" to={`/quotas?edit=${tenantId}`}>Set limits</Link>} />
        )}
      </section>

      <section className="section" aria-labelledby="services-heading">
        <h2 id="services-heading">This month by service</h2>
        <div className="card-grid card-grid-3">
          {d.services.map((s) => (
            <div className="card" key={s.service}>
              <p className="stat-label">{SERVICE_LABELS[s.service]}</p>
              <p className="stat-value-sm money">{formatUsd(s.costUsd)}</p>
              <p className="muted small">
                {formatServiceUnits(s.service, s.units)} · {formatCount(s.apiCalls)} calls
              </p>
            </div>
          ))}
        </div>
      </section>

      {gateway}

      {d.alerts.length > 0 && (
        <section className="section" aria-labelledby="customer-alerts-heading">
          <div className="section-head">
            <h2 id="customer-alerts-heading">Open alerts</h2>
            <Link to={`/alerts?tenant=${tenantId}`} className="text-link">All alerts →</Link>
          </div>
          <CustomerAlerts alerts={d.alerts} />
        </section>
      )}

      <TopUsersSection tenantId={tenantId} />

      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">Last six months</h2>
        <UsageHistoryTable rows={shown.usageHistory} />
      </section>

      <section className="section" aria-labelledby="recent-heading">
        <div className="section-head">
          <h2 id="recent-heading">Recent calls</h2>
          <Link to={`/usage-logs?tenant=${tenantId}`} className="text-link">
            All {formatCount(shown.usageLogs.totalCount)} calls →
          </Link>
        </div>
        {shown.usageLogs.nodes.length ? (
          <UsageLogTable rows={shown.usageLogs.nodes} caption="Recent calls of this customer" showCustomer={false} />
        ) : (
          <EmptyState title="No calls recorded yet." hint="Create an API key (API keys tab) and have the integration call recordUsage." />
        )}
      </section>
    </div>
  );
}
