import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { SessionContext, type SessionContextValue } from './session-context';
import type { SessionStore } from './session-store';

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const { csrfToken, notice, session } = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useEffect(() => store.watchOtherTabs(), [store]);

  const value = useMemo<SessionContextValue>(
    () => ({
      csrfToken,
      notice,
      socket: session.socket,
      signIn: store.signIn,
      signInWith: store.signInWith,
      signOut: store.signOut,
      expire: store.expire,
    }),
    [csrfToken, notice, session, store],
  );

  return (
    <SessionContext.Provider value={value}>
      <ApolloProvider client={session.client}>{children}</ApolloProvider>
    </SessionContext.Provider>
  );
}
