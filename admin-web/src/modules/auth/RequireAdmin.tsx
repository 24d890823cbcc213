import { useQuery } from '@apollo/client/react';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { MeDocument } from '../../__generated__/graphql';
import { expireSession, useSession } from '../../app/session';
import { ViewerContext } from '../../app/viewer';
import { ErrorBanner } from '../../shared/ui/ErrorBanner';
import { useSignOut } from './useSignOut';
import { WrongRoleNotice } from './WrongRole';
import { Icon } from '../../shared/ui/Icon';

function ViewerGate({ token, children }: { token: string; children: ReactNode }) {
  const { data, error, loading, refetch } = useQuery(MeDocument);
  const me = data?.me;
  const signOut = useSignOut();

  useEffect(() => {
    // A token the server no longer knows answers `me: null` rather than an error.
    if (data && data.me === null) expireSession(token);
  }, [data, token]);

  if (me?.role === 'ADMIN') return <ViewerContext.Provider value={me}>{children}</ViewerContext.Provider>;

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <div className="brand brand-large">
          <Icon name="pulse" className="brand-icon" /> Usage Monitor
        </div>
        {me ? (
          <>
            <h1>Wrong console</h1>
            <WrongRoleNotice />
            <button type="button" className="button" onClick={() => void signOut()}>
              Sign in with another account
            </button>
          </>
        ) : error ? (
          <>
            <h1>Cannot load your session</h1>
            <ErrorBanner error={error} onRetry={() => void refetch()} />
          </>
        ) : (
          <p role="status" aria-busy={loading}>
            Checking your session…
          </p>
        )}
      </div>
    </main>
  );
}

export function RequireAdmin({ children }: { children: ReactNode }) {
  const { token } = useSession();
  const location = useLocation();
  if (!token) return <Navigate to="/sign-in" replace state={{ from: location }} />;
  return <ViewerGate token={token}>{children}</ViewerGate>;
}
