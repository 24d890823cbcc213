import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { EndUserFilter } from '@usage-monitor/web-kit/end-users';
import { EndUserSuggestionsDocument } from '../../__generated__/graphql';

/** The kit's end-user filter with suggestions from the chosen customer's end users; off without one. */
export function AdminEndUserFilter({
  tenantId,
  value,
  onChange,
}: {
  tenantId: string | undefined;
  value: string | undefined;
  onChange: (endUser: string | undefined) => void;
}) {
  const [search, setSearch] = useState('');
  const { data } = useQuery(EndUserSuggestionsDocument, {
    variables: { tenantId: tenantId ?? '', search: search || undefined },
    skip: !tenantId,
  });
  return (
    <EndUserFilter
      value={value}
      onChange={onChange}
      suggestions={data?.endUsers.nodes.map((n) => n.endUser) ?? []}
      onSearch={setSearch}
      disabled={!tenantId}
    />
  );
}
