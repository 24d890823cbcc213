import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { isUnauthenticated } from '../shared/graphqlErrors';
import { setConnectionState } from './connection';
import { GRAPHQL_HTTP_URL, graphqlWsUrl } from './env';
import { expireSession } from './session';

/** Socket close codes the server uses for a missing/revoked token or a wrong role. */
const AUTH_CLOSE_CODES = new Set([4401, 4403]);

function closeCodeOf(event: unknown): number | undefined {
  if (event && typeof event === 'object' && 'code' in event && typeof event.code === 'number') {
    return event.code;
  }
  return undefined;
}

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
            merge(existing: { nodes: readonly unknown[] } | undefined, incoming: { nodes: readonly unknown[] }, { args }) {
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

function createSocket(token: string, onReconnected: () => void): WsClient {
  return createClient({
    url: graphqlWsUrl(),
    connectionParams: { authorization: `Bearer ${token}` },
    // Keep retrying through server restarts and network drops; the top bar shows "Reconnecting…".
    retryAttempts: Number.MAX_SAFE_INTEGER,
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 15_000) + Math.random() * 1000)),
    shouldRetry: (event) => !AUTH_CLOSE_CODES.has(closeCodeOf(event) ?? 0),
    keepAlive: 20_000,
    on: {
      connecting: (isRetry) => setConnectionState(isRetry ? 'reconnecting' : 'connecting'),
      connected: (_socket, _payload, wasRetry) => {
        setConnectionState('live');
        // Events raised while the socket was down were missed: catch up once.
        if (wasRetry) onReconnected();
      },
      closed: (event) => {
        const code = closeCodeOf(event);
        if (code !== undefined && AUTH_CLOSE_CODES.has(code)) {
          expireSession(token);
          return;
        }
        setConnectionState(code === 1000 ? 'idle' : 'reconnecting');
      },
    },
  });
}

export interface SessionClient {
  token: string | null;
  client: ApolloClient;
  dispose(): void;
}

/**
 * One Apollo client per session token. A new sign-in gets a fresh cache and socket, so nothing
 * of a previous session (another admin's data, a dead socket) can leak into the next one.
 */
export function createSessionClient(token: string | null): SessionClient {
  const authLink = new SetContextLink((prev) =>
    token ? { headers: { ...prev.headers, authorization: `Bearer ${token}` } } : {},
  );
  const errorLink = new ErrorLink(({ error }) => {
    if (token && isUnauthenticated(error)) expireSession(token);
  });
  const httpLink = authLink.concat(new HttpLink({ uri: GRAPHQL_HTTP_URL }));

  // The reconnect callback only runs after the client below exists.
  const socket = token
    ? createSocket(token, () => void client.refetchQueries({ include: 'active' }))
    : null;
  const transport = socket
    ? ApolloLink.split(
        (op) => op.operationType === 'subscription',
        new GraphQLWsLink(socket),
        httpLink,
      )
    : httpLink;

  const client: ApolloClient = new ApolloClient({
    link: ApolloLink.from([errorLink, transport]),
    cache: createCache(),
  });
  // Deferred: this runs during render, when other components' stores must not change.
  queueMicrotask(() => setConnectionState(socket ? 'connecting' : 'idle'));

  return {
    token,
    client,
    dispose() {
      void socket?.dispose();
      client?.stop();
    },
  };
}

let current: SessionClient | null = null;

/** The client of the current session, created on first use and replaced when the token changes. */
export function clientForToken(token: string | null): ApolloClient {
  if (current && current.token === token) return current.client;
  current?.dispose();
  current = createSessionClient(token);
  return current.client;
}
