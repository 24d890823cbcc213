import { ApolloProvider } from '@apollo/client/react';
import { useEffect, type ReactNode } from 'react';
import { SocketStatusContext } from './connection';
import { sessionClientFor } from './apolloClient';
import { useSession, watchOtherTabs } from './session';

export function AppApolloProvider({ children }: { children: ReactNode }) {
  const { csrfToken } = useSession();
  useEffect(() => watchOtherTabs(), []);
  const session = sessionClientFor(csrfToken);
  return (
    <SocketStatusContext.Provider value={session.socket}>
      <ApolloProvider client={session.client}>{children}</ApolloProvider>
    </SocketStatusContext.Provider>
  );
}
