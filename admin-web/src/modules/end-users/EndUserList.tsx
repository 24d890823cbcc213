import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EndUsersPanel, useEndUserList } from '@usage-monitor/web-kit/end-users';
import { EndUsersDocument } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { EndUserCalls } from './EndUserCalls';

const PAGE_SIZE = 50;

/** One tenant's end users, or every tenant's (with a customer column) when `tenantId` is undefined. */
export function EndUserList({ tenantId, toolbar }: { tenantId: string | undefined; toolbar?: ReactNode }) {
  const list = useEndUserList(tenantId);
  const pollInterval = usePollInterval();
  const { data, previousData, loading, error, refetch } = useQuery(EndUsersDocument, {
    variables: {
      input: { tenantId, search: list.search || undefined, orderBy: list.order, days: list.days, first: PAGE_SIZE, after: list.after },
    },
    // Rows moving under someone paging would be confusing: only the first page refreshes.
    pollInterval: list.after ? 0 : pollInterval,
  });
  return (
    <EndUsersPanel
      label={tenantId ? 'End users of this customer' : 'End users of every customer'}
      list={list}
      connection={(data ?? previousData)?.endUsers}
      pageSize={PAGE_SIZE}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      toolbar={toolbar}
      showTenant={!tenantId}
      renderTenant={(tenant) => <Link to={`/customers/${tenant.id}`}>{tenant.name}</Link>}
      renderDetails={(row) => <EndUserCalls row={row} days={list.days} />}
      emptyHint="Calls recorded with an endUser (recordUsage, or the gateway's X-Usage-End-User header) appear here."
    />
  );
}
