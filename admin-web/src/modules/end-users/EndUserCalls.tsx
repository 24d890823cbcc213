import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { EndUserDetails, type EndUserRowData } from '@usage-monitor/web-kit/end-users';
import { EndUserCallsDocument } from '../../__generated__/graphql';

/** An expanded row: the user's split by service and its ten latest calls, with a way to all of them. */
export function EndUserCalls({ row, days }: { row: EndUserRowData; days: number }) {
  const { data, loading, error, refetch } = useQuery(EndUserCallsDocument, {
    variables: { tenantId: row.tenant.id, endUser: row.endUser },
  });
  const logs = data?.usageLogs;
  return (
    <EndUserDetails
      row={row}
      days={days}
      calls={{ calls: logs?.nodes, totalCount: logs?.totalCount, loading, error, onRetry: () => void refetch() }}
      callsFooter={
        <Link to={`/usage-logs?${new URLSearchParams({ tenant: row.tenant.id, user: row.endUser })}`} className="text-link">
          All calls of this user →
        </Link>
      }
    />
  );
}
