import { useQuery } from '@apollo/client/react';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorBanner, FullPageMessage } from '@usage-monitor/web-kit/ui';
import { MeDocument } from '../../__generated__/graphql';
import { expireSession, useSession } from '../../app/session';
import { ViewerContext } from '../../app/viewer';
import { useSignOut } from './useSignOut';
import { WrongRoleNotice } from './WrongRole';

function ViewerGate({ csrfToken, children }: { csrfToken: string; children: ReactNode }) {
  const { data, error, loading, refetch } = useQuery(MeDocument);
  const me = data?.me;
  const signOut = useSignOut();

  useEffect(() => {
    // A session the server no longer knows answers `me: null` rather than an error.
    if (data && data.me === null) expireSession(csrfToken);
  }, [data, csrfToken]);

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
  const { csrfToken } = useSession();
  const location = useLocation();
  // No session cookie: signed out, no need to ask. With one, `me` says whether it still holds.
  if (!csrfToken) return <Navigate to="/sign-in" replace state={{ from: location }} />;
  return <ViewerGate csrfToken={csrfToken}>{children}</ViewerGate>;
}
