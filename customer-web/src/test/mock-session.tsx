import { ApolloClient, ApolloLink, Observable } from '@apollo/client';
import { render } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { createSocketStatus, isUnauthenticated, type SocketState, type SocketStatus } from '@usage-monitor/web-kit/apollo';
import { ToastProvider } from '@usage-monitor/web-kit/ui';
import { createCache, type SessionClientFactory } from '../app/apollo-client';
import { SessionProvider } from '../modules/auth/SessionProvider';
import { createSessionStore, type SessionCookie } from '../modules/auth/session-store';

/**
 * Answers one operation: data, or a GraphQLError (given as { error: code }) for the response's
 * errors. `csrfToken` is the session of the client that sent it; `cookie` is the browser's, for
 * a sign-in that sets it (see `startsSession`).
 */
export type Handler = (variables: Record<string, unknown>, csrfToken: string | null, cookie: MemoryCookie) => unknown;

export interface RecordedOperation {
  operationName: string;
  variables: Record<string, unknown>;
  /** The session (its CSRF token) of the client that sent it. */
  csrfToken: string | null;
}

export function gqlError(code: string, message = code): { errors: GraphQLError[] } {
  return { errors: [new GraphQLError(message, { extensions: { code } })] };
}

/**
 * A session client factory over a link that answers by operation name, recording every call.
 * Subscriptions stay open until `push` sends them an event, as a socket would.
 */
export function mockSessionClients(
  handlers: Record<string, Handler>,
  socketState: SocketState = 'live',
  cookie: MemoryCookie = memoryCookie(),
) {
  const operations: RecordedOperation[] = [];
  const sockets: SocketStatus[] = [];
  const subscribers = new Map<string, Set<(data: unknown) => void>>();

  const factory: SessionClientFactory = ({ csrfToken, onSessionExpired }) => {
    const link = new ApolloLink(
      (operation) =>
        new Observable((observer) => {
          const name = operation.operationName ?? '';
          operations.push({ operationName: name, variables: operation.variables, csrfToken });
          const isSubscription = operation.query.definitions.some(
            (d) => d.kind === 'OperationDefinition' && d.operation === 'subscription',
          );
          if (isSubscription) {
            const push = (data: unknown) => observer.next({ data } as ApolloLink.Result);
            const set = subscribers.get(name) ?? new Set();
            set.add(push);
            subscribers.set(name, set);
            return () => set.delete(push);
          }
          const handler = handlers[name];
          Promise.resolve()
            .then(() => {
              if (!handler) throw new Error(`No mock for operation ${name}`);
              return handler(operation.variables, csrfToken, cookie);
            })
            .then((result) => {
              if (result && typeof result === 'object' && 'errors' in result) {
                const errors = (result as { errors: GraphQLError[] }).errors;
                if (csrfToken && errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onSessionExpired();
                observer.next({ errors: errors.map((e) => e.toJSON()) } as ApolloLink.Result);
              } else {
                observer.next({ data: result } as ApolloLink.Result);
              }
              observer.complete();
            })
            .catch((error: unknown) => {
              if (csrfToken && isUnauthenticated(error)) onSessionExpired();
              observer.error(error);
            });
          return undefined;
        }),
    );
    const client = new ApolloClient({ link, cache: createCache() });
    const socket = createSocketStatus(csrfToken ? socketState : 'idle');
    sockets.push(socket);
    return { csrfToken, client, socket, dispose: () => client.stop() };
  };

  return {
    factory,
    operations,
    /** The socket status of each session client made, latest last: set() it to simulate the socket. */
    sockets,
    /** Sends a subscription event to every open subscription of that name. */
    push(operationName: string, data: unknown) {
      subscribers.get(operationName)?.forEach((push) => push(data));
    },
  };
}

/** The browser's view of the portal's cookies: `value` is the readable CSRF cookie. */
export type MemoryCookie = SessionCookie & { value: string | null; announced: number };

export function memoryCookie(initial: string | null = null): MemoryCookie {
  const cookie: MemoryCookie = {
    value: initial,
    announced: 0,
    read: () => cookie.value,
    forget: () => {
      cookie.value = null;
    },
    announce: () => {
      cookie.announced += 1;
    },
    watch: () => () => undefined,
  };
  return cookie;
}

/** A sign-in's handler: the server's answer sets the session cookie `csrfToken` and returns `data`. */
export function startsSession(csrfToken: string, data: unknown): Handler {
  return (_variables, _session, cookie) => {
    cookie.value = csrfToken;
    return data;
  };
}

interface RenderOptions {
  handlers: Record<string, Handler>;
  routes: RouteObject[];
  url?: string;
  /** The session cookie the browser holds when the page opens (its CSRF token); null: none. */
  csrfToken?: string | null;
  socketState?: SocketState;
}

/** Renders routes inside a real session store, router and Apollo client over mocked operations. */
export function renderWithSession({ handlers, routes, url = '/', csrfToken = 'csrf-1', socketState }: RenderOptions) {
  const cookie = memoryCookie(csrfToken);
  const mocks = mockSessionClients(handlers, socketState, cookie);
  const store = createSessionStore(mocks.factory, cookie);
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const utils = render(
    <SessionProvider store={store}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </SessionProvider>,
  );
  return { ...utils, ...mocks, cookie, store, router };
}

export function renderElement(element: ReactElement, options: Omit<RenderOptions, 'routes'> & { path?: string }) {
  return renderWithSession({ ...options, routes: [{ path: options.path ?? '*', element }] });
}
