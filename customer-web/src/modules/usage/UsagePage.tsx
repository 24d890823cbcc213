import { useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { formatPeriod } from '@usage-monitor/web-kit/periods';
import { SERVICES } from '@usage-monitor/web-kit/units';
import { ErrorBanner } from '@usage-monitor/web-kit/ui';
import { UsageDashboardDocument, type ServiceCardFragment } from '../../__generated__/graphql';
import { AlertList } from '../alerts/AlertList';
import { explainAlert } from '../alerts/explain-alert';
import { usePollFallback, useViewer } from '../auth/session-context';
import { RecentCalls } from '../calls/RecentCalls';
import { BudgetCard } from './BudgetCard';
import { LiveStatus } from './LiveStatus';
import { ServiceCard } from './ServiceCard';
import { TotalCostCard } from './TotalCostCard';
import { UsageTabs } from './UsageTabs';
import { useLiveUsage } from './useLiveUsage';

/** Always the three cards in the same order, a service the API left out shown as unused. */
function allServices(services: readonly ServiceCardFragment[]): ServiceCardFragment[] {
  return SERVICES.map(
    (service) =>
      services.find((s) => s.service === service) ?? { service, units: 0, costUsd: '0', apiCalls: 0, quota: null },
  );
}

/** When the shown data last changed: set while rendering new data, not in an effect (no extra render). */
function useUpdatedAt(data: unknown): Date | null {
  const [stamp, setStamp] = useState<{ data: unknown; at: Date | null }>({ data: undefined, at: null });
  if (data !== undefined && data !== stamp.data) setStamp({ data, at: new Date() });
  return stamp.at;
}

export function UsagePage() {
  const viewer = useViewer();
  const client = useApolloClient();
  const pollInterval = usePollFallback();
  const { data, previousData, loading, error, refetch } = useQuery(UsageDashboardDocument, { pollInterval });
  const [announcement, setAnnouncement] = useState('');
  const [refreshing, setRefreshing] = useState(false);
  useLiveUsage((alert) => setAnnouncement(`New alert. ${explainAlert(alert).text}`));

  // After a failed refetch the last good numbers stay on screen under an error banner.
  const dashboard = (data ?? previousData)?.usageDashboard;
  const updatedAt = useUpdatedAt(data);

  async function refreshAll() {
    setRefreshing(true);
    try {
      await client.refetchQueries({ include: 'active' });
    } catch {
      // Each query shows its own error banner.
    } finally {
      setRefreshing(false);
    }
  }

  return (
    <div className="usage-page">
      <div className="page-head">
        <div>
          <h1>Usage</h1>
          <p className="muted">
            {viewer.tenant.name}
            {dashboard && ` · ${formatPeriod(dashboard.period)}`}
          </p>
        </div>
        <LiveStatus updatedAt={updatedAt} refreshing={refreshing} onRefresh={() => void refreshAll()} />
      </div>

      <ErrorBanner error={error} message={dashboard ? 'Your usage could not be refreshed. The figures below may be out of date.' : 'Your usage could not be loaded.'} onRetry={() => void refetch()} />

      {!dashboard && loading && (
        <div className="loading-block" aria-busy="true">
          <span className="spinner" aria-hidden="true" /> Loading your usage…
        </div>
      )}

      {dashboard && (
        <>
          <div className="summary-grid">
            <TotalCostCard summary={dashboard} />
            {dashboard.costQuota && <BudgetCard costQuota={dashboard.costQuota} />}
          </div>
          <AlertList alerts={dashboard.alerts} announcement={announcement} />
          <section aria-labelledby="services-title">
            <h2 id="services-title">Services this month</h2>
            <div className="service-grid">
              {allServices(dashboard.services).map((usage) => (
                <ServiceCard key={usage.service} usage={usage} />
              ))}
            </div>
          </section>
          <UsageTabs
            period={dashboard.period}
            totalCostUsd={dashboard.totalCostUsd}
            services={allServices(dashboard.services)}
          />
        </>
      )}

      <RecentCalls />
    </div>
  );
}
