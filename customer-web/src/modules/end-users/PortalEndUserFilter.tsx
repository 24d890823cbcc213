import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { EndUserFilter, parseEndUser } from '@usage-monitor/web-kit/end-users';
import { useSearchParam } from '@usage-monitor/web-kit/url';
import { PortalEndUserSuggestionsDocument } from '../../__generated__/graphql';

/** `?user=`: the one end user the chart, the recent calls and the CSV export narrow to. */
export function useEndUserParam(): [string | undefined, (endUser: string | undefined) => void] {
  const [raw, set] = useSearchParam('user');
  return [parseEndUser(raw), set];
}

export function PortalEndUserFilter() {
  const [endUser, setEndUser] = useEndUserParam();
  const [search, setSearch] = useState('');
  const { data } = useQuery(PortalEndUserSuggestionsDocument, { variables: { search: search || undefined } });
  return (
    <EndUserFilter
      value={endUser}
      onChange={setEndUser}
      onSearch={setSearch}
      suggestions={data?.endUsers.nodes.map(({ endUser: id }) => id) ?? []}
    />
  );
}
