import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { TopEndUsersTable } from '@usage-monitor/web-kit/end-users';
import { EmptyState, ErrorBanner, SkeletonRows } from '@usage-monitor/web-kit/ui';
import { EndUsersDocument } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';

/** The ten end users with the highest cost over 30 days: of one customer, or across all of them. */
export function TopUsersSection({ tenantId }: { tenantId?: string }) {
  const { data, previousData, loading, error, refetch } = useQuery(EndUsersDocument, {
    variables: { input: { tenantId, orderBy: 'COST_DESC', days: 30, first: 10 } },
    pollInterval: usePollInterval(),
  });
  const shown = (data ?? previousData)?.endUsers;
  const listUrl = (endUser?: string, tenant = tenantId) =>
    tenant
      ? `/customers/${tenant}?${new URLSearchParams({ tab: 'end-users', ...(endUser ? { q: endUser } : {}) })}`
      : `/users${endUser ? `?${new URLSearchParams({ q: endUser })}` : ''}`;
  return (
    <section className="section" aria-labelledby="top-users-heading">
      <div className="section-head">
        <h2 id="top-users-heading">Top users · last 30 days</h2>
        {shown && shown.totalCount > 0 && (
          <Link to={listUrl()} className="text-link">
            All {shown.totalCount.toLocaleString('en-US')} end users →
          </Link>
        )}
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonRows rows={4} label="Loading top users" />}
      {shown && (
        <TopEndUsersTable
          label="Top 10 end users by cost, last 30 days"
          rows={shown.nodes}
          showTenant={!tenantId}
          renderTenant={(tenant) => <Link to={`/customers/${tenant.id}`}>{tenant.name}</Link>}
          renderEndUser={(row) => <Link to={listUrl(row.endUser, row.tenant.id)} className="eu-id">{row.endUser}</Link>}
          empty={<EmptyState title="No end user has usage in the last 30 days." hint="Calls recorded with an endUser appear here." />}
        />
      )}
    </section>
  );
}
