import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { formatUsd, percentOf, sumDecimals } from '@usage-monitor/web-kit/money';
import { formatPeriod } from '@usage-monitor/web-kit/periods';
import { EmptyState, ErrorBanner, SkeletonCards, TableScroll } from '@usage-monitor/web-kit/ui';
import { formatCount, formatServiceUnits, SERVICE_LABELS, SERVICES } from '@usage-monitor/web-kit/units';
import { ServiceBreakdownDocument } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { TopUsersSection } from '../end-users/TopUsersSection';
import { UsageChartsPanel } from './UsageChartsPanel';

/** Lazy-loaded (with chart.js): per-service totals, top customers and trend charts. */
export function ServiceBreakdownTab({ period }: { period: string }) {
  const { data, previousData, loading, error, refetch } = useQuery(ServiceBreakdownDocument, {
    variables: { period },
    pollInterval: usePollInterval(),
  });
  const shown = data ?? previousData;
  const totals = shown?.serviceBreakdown ?? [];
  const grandTotal = sumDecimals(totals.map((t) => t.costUsd));

  return (
    <div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonCards count={3} label="Loading service breakdown" />}
      {shown && (
        <div className="card-grid card-grid-3">
          {SERVICES.map((service) => {
            const t = totals.find((x) => x.service === service);
            const share = t ? percentOf(t.costUsd, grandTotal) : null;
            return (
              <div key={service} className={`card service-card service-card-${service.toLowerCase()}`}>
                <p className="stat-label">{SERVICE_LABELS[service]}</p>
                <p className="stat-value money-highlight">{formatUsd(t?.costUsd ?? '0')}</p>
                <p>{formatServiceUnits(service, t?.units ?? 0)}</p>
                <p className="muted small">
                  {formatCount(t?.apiCalls ?? 0)} API calls{share !== null && ` · ${share}% of cost`}
                </p>
              </div>
            );
          })}
        </div>
      )}

      <section className="section" aria-labelledby="top-customers-heading">
        <h2 id="top-customers-heading">Top customers · {formatPeriod(period)}</h2>
        {shown && shown.topTenants.length === 0 && (
          <EmptyState title="No customer has usage this month yet." hint="Pick an earlier month above to see past leaders." />
        )}
        {shown && shown.topTenants.length > 0 && (
          <TableScroll label="Top 10 customers by cost">
            <table className="data-table">
              <caption className="visually-hidden">Top 10 customers by cost</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Customer</th>
                  <th scope="col" className="num">Cost</th>
                  <th scope="col" className="num">Share</th>
                  <th scope="col" className="num">API calls</th>
                </tr>
              </thead>
              <tbody>
                {shown.topTenants.map((row, i) => (
                  <tr key={row.tenant.id}>
                    <td>{i + 1}</td>
                    <td>
                      <Link to={`/customers/${row.tenant.id}`}>{row.tenant.name}</Link>
                    </td>
                    <td className="num money">{formatUsd(row.totalCostUsd)}</td>
                    <td className="num">{percentOf(row.totalCostUsd, grandTotal) ?? '0.0'}%</td>
                    <td className="num">{formatCount(row.totalApiCalls)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <TopUsersSection />

      <UsageChartsPanel />
    </div>
  );
}
