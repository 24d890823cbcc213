import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { clientForToken } from './apolloClient';
import { useSession } from './session';

export function AppApolloProvider({ children }: { children: ReactNode }) {
  const { token } = useSession();
  return <ApolloProvider client={clientForToken(token)}>{children}</ApolloProvider>;
}
