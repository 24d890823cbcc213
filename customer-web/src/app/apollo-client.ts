import { InMemoryCache } from '@apollo/client';
import {
  createSessionClient as createKitSessionClient,
  type SessionClient,
} from '@usage-monitor/web-kit/apollo';
import { API, SESSION_APP } from './env';

export type { SessionClient };

export interface SessionClientOptions {
  /** The session's CSRF token (from its readable cookie); null while signed out. */
  csrfToken: string | null;
  /** Called (at most once) when the server no longer accepts the session. */
  onSessionExpired: () => void;
}

export type SessionClientFactory = (options: SessionClientOptions) => SessionClient;

/**
 * The portal's session client. Catching up after a reconnect is the usage page's job
 * (useLiveUsage refetches only what moves), so no blanket refetch here.
 */
export const createSessionClient: SessionClientFactory = ({ csrfToken, onSessionExpired }) =>
  createKitSessionClient({
    app: SESSION_APP,
    csrfToken,
    graphqlHttpUrl: API.graphqlHttpUrl,
    graphqlWsUrl: () => API.graphqlWsUrl(),
    cache: createCache(),
    onSessionExpired,
  });

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // Singletons without ids: a newer answer simply replaces the older one.
      UsageDashboard: { keyFields: false, merge: true },
    },
  });
}
