import { useMutation, useQuery } from '@apollo/client/react';
import { SessionsPanel } from '@usage-monitor/web-kit/account';
import {
  RevokeSessionDocument,
  SessionsDocument,
  SignOutEverywhereDocument,
} from '../../__generated__/graphql';
import { useSession } from '../auth/session-context';

/** The account page's sessions: where this customer is signed in, each one's sign-out, and everywhere's. */
export function SessionsList() {
  const { signOut } = useSession();
  const { data, previousData, loading, error, refetch } = useQuery(SessionsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [revoke] = useMutation(RevokeSessionDocument, {
    refetchQueries: [SessionsDocument],
    awaitRefetchQueries: true,
  });
  const [signOutEverywhere] = useMutation(SignOutEverywhereDocument);
  return (
    <SessionsPanel
      className="panel"
      sessions={(data ?? previousData)?.sessions}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      onRevoke={(id) => revoke({ variables: { id } })}
      onSignOutEverywhere={async () => {
        await signOutEverywhere();
        // This session ended with the others; signing out locally leaves for the sign-in page.
        void signOut();
      }}
    />
  );
}
