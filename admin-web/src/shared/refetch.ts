import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';

/**
 * Refetches the named queries that are currently on screen. Unlike a mutation's
 * `refetchQueries: ['Name']`, names that are not mounted are skipped silently instead of warned about.
 */
export function refetchActive(client: ApolloClient, names: readonly string[]): Promise<unknown> {
  const wanted = new Set(names);
  return client.refetchQueries({
    include: 'active',
    onQueryUpdated: (query) => wanted.has(query.queryName ?? ''),
  });
}

export function useRefetchActive(): (names: readonly string[]) => Promise<unknown> {
  const client = useApolloClient();
  return useCallback((names) => refetchActive(client, names), [client]);
}
