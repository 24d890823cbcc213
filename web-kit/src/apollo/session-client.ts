import { ApolloClient, ApolloLink, HttpLink, type InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import { isUnauthenticated } from './graphql-errors';
import { sessionHeaders, socketConnectionParams, type SessionApp } from './session-cookie';
import { createSocketStatus, type SocketStatus } from './socket-status';

/** Close codes with which the server refuses a socket's credentials (no session, a revoked one, wrong role). */
export const AUTH_CLOSE_CODES: ReadonlySet<number> = new Set([4401, 4403]);
/** How long a ping may go unanswered before the socket is treated as dead and reopened. */
const PONG_TIMEOUT_MS = 5_000;
const KEEP_ALIVE_MS = 15_000;
// The default backoff grows without bound; a page left open overnight should be live again
// within seconds of the server coming back.
const MAX_RETRY_WAIT_MS = 15_000;

export interface SessionClient {
  /** The session's CSRF token (which also names it); null for the signed-out client. */
  csrfToken: string | null;
  client: ApolloClient;
  socket: SocketStatus;
  /** Closes the socket and stops the client; the session it served is over. */
  dispose(): void;
}

export interface SessionClientOptions {
  app: SessionApp;
  /** The session's CSRF token from its readable cookie; null while signed out. */
  csrfToken: string | null;
  graphqlHttpUrl: string;
  graphqlWsUrl: () => string;
  /** Each app's own type policies. */
  cache: InMemoryCache;
  /** Called (at most once) when the server no longer accepts the session. */
  onSessionExpired: () => void;
  /** Called when the socket is back after a drop: events raised meanwhile were not pushed. */
  onReconnected?: (client: ApolloClient) => void;
  /** Where the socket's state is published; a fresh store when omitted. */
  socket?: SocketStatus;
}

function closeCode(event: unknown): number | undefined {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number'
    ? event.code
    : undefined;
}

interface SocketOptions {
  url: string;
  connectionParams: Record<string, string>;
  status: SocketStatus;
  onAuthRefused: () => void;
  onReconnected: () => void;
}

function createSocket({ url, connectionParams, status, onAuthRefused, onReconnected }: SocketOptions): Client {
  let activeSocket: WebSocket | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  return createClient({
    url,
    connectionParams,
    keepAlive: KEEP_ALIVE_MS,
    retryAttempts: Infinity,
    shouldRetry: (event) => !AUTH_CLOSE_CODES.has(closeCode(event) ?? 0),
    retryWait: (retries) =>
      new Promise((resolve) =>
        setTimeout(resolve, Math.min(1000 * 2 ** retries, MAX_RETRY_WAIT_MS) + Math.random() * 1000),
      ),
    on: {
      connecting: (isRetry) => status.set(isRetry ? 'reconnecting' : 'connecting'),
      connected: (socket, _payload, wasRetry) => {
        activeSocket = socket as WebSocket;
        status.set('live');
        if (wasRetry) onReconnected();
      },
      // A half-open connection (laptop lid, NAT timeout) never closes by itself: an unanswered
      // ping closes it so graphql-ws reconnects.
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
 * One Apollo client per session: a new sign-in gets an empty cache and a socket of its own, so
 * nothing of a previous session's data or connection can leak into the next. Queries and
 * mutations go over HTTP, where the browser adds the session cookie and this client the app's
 * name and the session's CSRF token; subscriptions go over graphql-ws, authenticated the same way.
 */
export function createSessionClient(options: SessionClientOptions): SessionClient {
  const { app, csrfToken, onSessionExpired } = options;
  let expired = false;
  const expire = () => {
    // Only a session can expire; a failed sign-in (no session yet) is not an expiry.
    if (!csrfToken || expired) return;
    expired = true;
    onSessionExpired();
  };

  const socket = options.socket ?? createSocketStatus();
  const wsClient = csrfToken
    ? createSocket({
        url: options.graphqlWsUrl(),
        connectionParams: socketConnectionParams(app, csrfToken),
        status: socket,
        onAuthRefused: expire,
        onReconnected: () => options.onReconnected?.(client),
      })
    : undefined;

  const errorLink = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) expire();
  });
  const httpLink = new HttpLink({
    uri: options.graphqlHttpUrl,
    headers: sessionHeaders(app, csrfToken),
    // The session cookie goes only to the page's own origin (VITE_API_URL must be that origin, or
    // a path behind the same reverse proxy: the CSRF cookie has to be readable from this page).
    credentials: 'same-origin',
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

  const client: ApolloClient = new ApolloClient({
    link: ApolloLink.from([errorLink, transport]),
    cache: options.cache,
  });

  return {
    csrfToken,
    client,
    socket,
    dispose() {
      expired = true;
      void wsClient?.dispose();
      client.stop();
      socket.set('idle');
    },
  };
}
