import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import { graphqlHttpUrl, graphqlWsUrl } from './env';
import { createSocketStatus, type SocketStatus } from './socket-status';

/** Close codes with which the server refuses a socket's credentials. */
const AUTH_CLOSE_CODES = new Set([4401, 4403]);
/** How long a ping may go unanswered before the socket is treated as dead and reopened. */
const PONG_TIMEOUT_MS = 5_000;
const KEEP_ALIVE_MS = 15_000;
const MAX_RETRY_WAIT_MS = 30_000;

export interface SessionClient {
  client: ApolloClient;
  socket: SocketStatus;
  /** Closes the socket and stops the client; the session it served is over. */
  dispose(): void;
}

export interface SessionClientOptions {
  token: string | null;
  /** Called (at most once) when the server says the token is no longer valid. */
  onSessionExpired: () => void;
}

export type SessionClientFactory = (options: SessionClientOptions) => SessionClient;

export function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  }
  return ServerError.is(error) && error.statusCode === 401;
}

function closeCode(event: unknown): number | undefined {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number'
    ? event.code
    : undefined;
}

function createSocket(token: string, status: SocketStatus, onAuthRefused: () => void): Client {
  let activeSocket: WebSocket | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  return createClient({
    url: graphqlWsUrl(),
    connectionParams: { authorization: `Bearer ${token}` },
    keepAlive: KEEP_ALIVE_MS,
    retryAttempts: Infinity,
    shouldRetry: (event) => !AUTH_CLOSE_CODES.has(closeCode(event) ?? 0),
    // The default backoff grows without bound; a customer leaving the page open overnight
    // should be live again within half a minute of the server coming back.
    retryWait: (retries) =>
      new Promise((resolve) =>
        setTimeout(resolve, Math.min(1000 * 2 ** retries, MAX_RETRY_WAIT_MS) + Math.random() * 1000),
      ),
    on: {
      connecting: (isRetry) => status.set(isRetry ? 'reconnecting' : 'connecting'),
      connected: (socket) => {
        activeSocket = socket as WebSocket;
        status.set('live');
      },
      ping: (received) => {
        if (received) return;
        pongTimer = setTimeout(() => {
          if (activeSocket?.readyState === WebSocket.OPEN) activeSocket.close(4408, 'Request Timeout');
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: (event) => {
        clearTimeout(pongTimer);
        activeSocket = undefined;
        if (AUTH_CLOSE_CODES.has(closeCode(event) ?? 0)) {
          onAuthRefused();
          return;
        }
        // A lazy socket closes normally (1000) once no subscription needs it.
        status.set(closeCode(event) === 1000 ? 'idle' : 'reconnecting');
      },
    },
  });
}

/**
 * One Apollo client per session: a new sign-in gets an empty cache and a socket carrying its own
 * token, so nothing of a previous customer's data or connection can leak into the next.
 */
export const createSessionClient: SessionClientFactory = ({ token, onSessionExpired }) => {
  let expired = false;
  const expire = () => {
    // Only a session that had a token can expire; a failed sign-in is not an expiry.
    if (!token || expired) return;
    expired = true;
    onSessionExpired();
  };

  const socket = createSocketStatus();
  const wsClient = token ? createSocket(token, socket, expire) : undefined;

  const errorLink = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) expire();
  });
  const httpLink = new HttpLink({
    uri: graphqlHttpUrl,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const transport = wsClient
    ? ApolloLink.split(
        ({ query }) => {
          const definition = getMainDefinition(query);
          return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
        },
        new GraphQLWsLink(wsClient),
        httpLink,
      )
    : httpLink;

  const client = new ApolloClient({
    link: ApolloLink.from([errorLink, transport]),
    cache: createCache(),
  });

  return {
    client,
    socket,
    dispose() {
      expired = true;
      void wsClient?.dispose();
      client.stop();
      socket.set('idle');
    },
  };
};

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // Singletons without ids: a newer answer simply replaces the older one.
      UsageDashboard: { keyFields: false, merge: true },
    },
  });
}
