import { useQuery } from '@apollo/client/react';
import { EndUserDetails, EndUsersPanel, useEndUserList, type EndUserRowData } from '@usage-monitor/web-kit/end-users';
import { PortalEndUserCallsDocument, PortalEndUsersDocument } from '../../__generated__/graphql';
import { usePollFallback } from '../auth/session-context';

const PAGE_SIZE = 25;

function ExpandedEndUser({ row, days }: { row: EndUserRowData; days: number }) {
  const calls = useQuery(PortalEndUserCallsDocument, { variables: { endUser: row.endUser } });
  return (
    <EndUserDetails
      row={row}
      days={days}
      calls={{
        calls: calls.data?.usageLogs.nodes,
        totalCount: calls.data?.usageLogs.totalCount,
        loading: calls.loading,
        error: calls.error,
        onRetry: () => void calls.refetch(),
      }}
      callsFooter="Export a month as CSV with this user chosen for all of them."
    />
  );
}

/** The customer's own end users, ranked, searchable, each opening on its latest calls. */
export function EndUsersTab() {
  const list = useEndUserList();
  const pollInterval = usePollFallback();
  const result = useQuery(PortalEndUsersDocument, {
    variables: { days: list.days, search: list.search || undefined, orderBy: list.order, first: PAGE_SIZE, after: list.after },
    pollInterval: list.after ? 0 : pollInterval,
  });
  return (
    <EndUsersPanel
      label="Your end users"
      list={list}
      connection={(result.data ?? result.previousData)?.endUsers}
      pageSize={PAGE_SIZE}
      loading={result.loading}
      error={result.error}
      onRetry={() => void result.refetch()}
      renderDetails={(row) => <ExpandedEndUser row={row} days={list.days} />}
      emptyHint="Send endUser with each recorded call (or the X-Usage-End-User header through the gateway) to see who uses what."
    />
  );
}
