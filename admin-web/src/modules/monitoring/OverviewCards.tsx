import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { formatUsd } from '@usage-monitor/web-kit/money';
import { currentPeriod, formatPeriod, shiftPeriod } from '@usage-monitor/web-kit/periods';
import { computeTrend } from '@usage-monitor/web-kit/trend';
import { ErrorBanner, SkeletonCards, TrendBadge } from '@usage-monitor/web-kit/ui';
import { formatCount } from '@usage-monitor/web-kit/units';
import { OverviewDocument } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { useUsageUpdated } from './useUsageUpdated';

function StatCard({
  label,
  value,
  previous,
  trend,
  hint,
  accent,
}: {
  label: string;
  value: ReactNode;
  previous?: ReactNode;
  trend?: ReactNode;
  /** Shown instead of a trend for figures that are "now", not per month. */
  hint?: ReactNode;
  accent?: 'money' | 'alert';
}) {
  return (
    <div className={`card stat-card${accent ? ` stat-card-${accent}` : ''}`}>
      <p className="stat-label">{label}</p>
      <p className="stat-value">{value}</p>
      {trend ? (
        <p className="stat-trend">
          {trend} <span className="muted">vs {previous}</span>
        </p>
      ) : (
        <p className="stat-trend muted">{hint}</p>
      )}
    </div>
  );
}

/** Five totals for `period`, each compared with the month before it. */
export function OverviewCards({ period }: { period: string }) {
  const previousPeriod = shiftPeriod(period, -1);
  const { data, previousData, loading, error, refetch } = useQuery(OverviewDocument, {
    variables: { period, previousPeriod },
    pollInterval: usePollInterval(),
  });
  // New usage only moves the current month's totals.
  useUsageUpdated(() => void refetch(), { throttleMs: 5000, enabled: period === currentPeriod() });

  const shown = data ?? previousData;
  if (!shown) {
    return loading ? (
      <SkeletonCards count={5} label="Loading overview" />
    ) : (
      <ErrorBanner error={error} onRetry={() => void refetch()} />
    );
  }
  const { current, previous } = shown;
  const against = formatPeriod(previousPeriod);
  return (
    <section aria-label={`Overview for ${formatPeriod(period)}`}>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale />
      <div className={`card-grid card-grid-5${loading ? ' is-refreshing' : ''}`}>
        {/* Customer and active-alert counts are the API's "now" for any period: a trend against
            last month would always read 0 %. */}
        <StatCard label="Total customers" value={formatCount(current.customerCount)} hint="All customer accounts today" />
        <StatCard
          label={`Total cost · ${formatPeriod(period, 'short')}`}
          value={formatUsd(current.totalCostUsd)}
          previous={`${formatUsd(previous.totalCostUsd)} in ${against}`}
          trend={<TrendBadge trend={computeTrend(current.totalCostUsd, previous.totalCostUsd, against)} />}
          accent="money"
        />
        <StatCard
          label="Total API calls"
          value={formatCount(current.totalApiCalls)}
          previous={`${formatCount(previous.totalApiCalls)} in ${against}`}
          trend={<TrendBadge trend={computeTrend(current.totalApiCalls, previous.totalApiCalls, against)} />}
        />
        <StatCard
          label="Active users"
          value={formatCount(current.activeEndUsers)}
          previous={`${formatCount(previous.activeEndUsers)} in ${against}`}
          trend={<TrendBadge trend={computeTrend(current.activeEndUsers, previous.activeEndUsers, against)} />}
        />
        <StatCard
          label="Active alerts"
          value={formatCount(current.activeAlertCount)}
          hint={current.activeAlertCount > 0 ? 'Waiting to be acknowledged' : 'Nothing needs attention'}
          accent={current.activeAlertCount > 0 ? 'alert' : undefined}
        />
      </div>
    </section>
  );
}
