import { useQuery } from '@apollo/client/react';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorBanner, FullPageMessage } from '@usage-monitor/web-kit/ui';
import { MeDocument } from '../../__generated__/graphql';
import { expireSession, useSession } from '../../app/session';
import { ViewerContext } from '../../app/viewer';
import { useSignOut } from './useSignOut';
import { WrongRoleNotice } from './WrongRole';

function ViewerGate({ token, children }: { token: string; children: ReactNode }) {
  const { data, error, loading, refetch } = useQuery(MeDocument);
  const me = data?.me;
  const signOut = useSignOut();

  useEffect(() => {
    // A token the server no longer knows answers `me: null` rather than an error.
    if (data && data.me === null) expireSession(token);
  }, [data, token]);

  if (me?.role === 'ADMIN') return <ViewerContext.Provider value={me}>{children}</ViewerContext.Provider>;

  if (me) {
    return (
      <FullPageMessage title="Wrong console" tone="warning">
        <WrongRoleNotice />
        <button type="button" className="button" onClick={() => void signOut()}>
          Sign in with another account
        </button>
      </FullPageMessage>
    );
  }
  if (error) {
    return (
      <FullPageMessage title="Cannot load your session" tone="error">
        <ErrorBanner error={error} onRetry={() => void refetch()} />
      </FullPageMessage>
    );
  }
  return <FullPageMessage title="Checking your session…" busy={loading} />;
}

export function RequireAdmin({ children }: { children: ReactNode }) {
  const { token } = useSession();
  const location = useLocation();
  if (!token) return <Navigate to="/sign-in" replace state={{ from: location }} />;
  return <ViewerGate token={token}>{children}</ViewerGate>;
}
