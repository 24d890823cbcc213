import { ApolloProvider } from '@apollo/client/react';
import { useEffect, type ReactNode } from 'react';
import { SocketStatusContext } from './connection';
import { sessionForToken } from './apolloClient';
import { useSession, watchOtherTabs } from './session';

export function AppApolloProvider({ children }: { children: ReactNode }) {
  const { token } = useSession();
  useEffect(() => watchOtherTabs(), []);
  const session = sessionForToken(token);
  return (
    <SocketStatusContext.Provider value={session.socket}>
      <ApolloProvider client={session.client}>{children}</ApolloProvider>
    </SocketStatusContext.Provider>
  );
}
