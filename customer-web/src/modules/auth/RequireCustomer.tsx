import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageMessage } from '@usage-monitor/web-kit/ui';
import { isUnauthenticated } from '@usage-monitor/web-kit/apollo';
import { MeDocument } from '../../__generated__/graphql';
import { useSession, ViewerContext, type CustomerViewer } from './session-context';
import { WRONG_ROLE_MESSAGE } from './session-store';

/** Route guard: only a signed-in CUSTOMER with a tenant gets past it. */
export function RequireCustomer() {
  const { csrfToken } = useSession();
  const location = useLocation();
  // No session cookie: signed out, no need to ask. With one, `me` says whether it still holds.
  if (!csrfToken) return <Navigate to="/sign-in" replace state={{ from: location }} />;
  return <CustomerGate />;
}

function CustomerGate() {
  const { expire, signOut } = useSession();
  const { data, error, loading, refetch } = useQuery(MeDocument);
  const viewer = data?.me;

  // A session the server no longer knows answers `me: null` rather than an error.
  const unknownSession = data !== undefined && viewer === null;
  useEffect(() => {
    if (unknownSession) expire();
  }, [unknownSession, expire]);

  if (viewer && (viewer.role !== 'CUSTOMER' || !viewer.tenant)) {
    return (
      <FullPageMessage title="Customer accounts only" tone="warning">
        <p>{WRONG_ROLE_MESSAGE}</p>
        <p className="page-message-actions">
          <a className="button button-primary" href="/admin/">
            Go to the admin console
          </a>
          <button type="button" className="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </p>
      </FullPageMessage>
    );
  }
  if (viewer) {
    return (
      <ViewerContext.Provider value={viewer as CustomerViewer}>
        <Outlet />
      </ViewerContext.Provider>
    );
  }
  if (error && !isUnauthenticated(error)) {
    return (
      <FullPageMessage title="Your account could not be loaded" tone="error">
        <p>The service did not answer. Check your connection, then try again.</p>
        <p className="page-message-actions">
          <button type="button" className="button button-primary" onClick={() => void refetch()}>
            Try again
          </button>
        </p>
      </FullPageMessage>
    );
  }
  return <FullPageMessage title={loading ? 'Loading your account…' : 'Signing you out…'} busy />;
}
