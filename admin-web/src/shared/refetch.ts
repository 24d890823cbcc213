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

/**
 * Root fields whose figures a correction (voidUsage) changes. Usage Logs' own list is refetched
 * instead of evicted, so the page keeps its rows while the new count loads.
 */
const USAGE_TOTAL_FIELDS = [
  'overview',
  'monthlySummaries',
  'monthlySummaryPage',
  'serviceBreakdown',
  'topTenants',
  'unpricedUsage',
  'usageByModel',
  'usageDashboard',
  'usageHistory',
  'usageTimeSeries',
  'endUsers',
  'quotaStandings',
  'checkQuota',
] as const;

/**
 * After a correction: every cached total is dropped, so the next page that shows one asks the
 * server again (the cache would otherwise serve the figures from before), and Usage Logs on screen
 * is refetched for its count (which leaves voided logs out).
 */
export function useRefetchUsageTotals(): () => Promise<unknown> {
  const client = useApolloClient();
  return useCallback(() => {
    for (const fieldName of USAGE_TOTAL_FIELDS) client.cache.evict({ id: 'ROOT_QUERY', fieldName });
    client.cache.gc();
    return refetchActive(client, ['UsageLogs']);
  }, [client]);
}
