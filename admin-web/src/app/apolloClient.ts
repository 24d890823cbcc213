import { InMemoryCache } from '@apollo/client';
import {
  createSessionClient as createKitSessionClient,
  type SessionClient,
} from '@usage-monitor/web-kit/apollo';
import { API, SESSION_APP } from './env';
import { expireSession } from './session';

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // Value objects without ids live inside their parent instead of being normalised.
      Overview: { keyFields: false },
      MonthlySummary: { keyFields: false },
      Quota: { keyFields: false },
      QuotaUsage: { keyFields: false },
      UsageTimeSeries: { keyFields: false },
      UsageDashboard: { keyFields: false },
      Query: {
        fields: {
          // One listing per (period, search, order): "Show more" appends the page after the
          // cursor; a request without `after` (first load, poll, retry) starts the listing again.
          monthlySummaryPage: {
            keyArgs: ['period', 'search', 'orderBy'],
            merge(
              existing: { nodes: readonly unknown[] } | undefined,
              incoming: { nodes: readonly unknown[] },
              { args },
            ) {
              if (!existing || !args?.after) return incoming;
              return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
            },
          },
        },
      },
      Tenant: {
        fields: {
          providerCredentials: { merge: (_existing, incoming: unknown) => incoming },
        },
      },
    },
  });
}

export type { SessionClient };

export function createSessionClient(csrfToken: string | null): SessionClient {
  return createKitSessionClient({
    app: SESSION_APP,
    csrfToken,
    graphqlHttpUrl: API.graphqlHttpUrl,
    graphqlWsUrl: () => API.graphqlWsUrl(),
    cache: createCache(),
    onSessionExpired: () => csrfToken && expireSession(csrfToken),
    // Alerts and usage raised while the socket was down were not pushed: catch up once.
    onReconnected: (client) => void client.refetchQueries({ include: 'active' }),
  });
}

let current: SessionClient | null = null;

/** The client of the current session, created on first use and replaced when the session changes. */
export function sessionClientFor(csrfToken: string | null): SessionClient {
  if (current && current.csrfToken === csrfToken) return current;
  const previous = current;
  current = createSessionClient(csrfToken);
  // Deferred: this runs during render, when other components' stores must not change.
  if (previous) queueMicrotask(() => previous.dispose());
  return current;
}
