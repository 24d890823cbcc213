import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { SessionsPanel } from '@usage-monitor/web-kit/account';
import {
  RevokeSessionDocument,
  SessionsDocument,
  SignOutEverywhereDocument,
} from '../../__generated__/graphql';
import { endSession } from '../../app/session';

/** The account page's sessions: where this admin is signed in, each one's sign-out, and everywhere's. */
export function SessionsList() {
  const { data, previousData, loading, error, refetch } = useQuery(SessionsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [revoke] = useMutation(RevokeSessionDocument, {
    refetchQueries: [SessionsDocument],
    awaitRefetchQueries: true,
  });
  const [signOutEverywhere] = useMutation(SignOutEverywhereDocument);
  const navigate = useNavigate();
  return (
    <SessionsPanel
      className="card section"
      sessions={(data ?? previousData)?.sessions}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      onRevoke={(id) => revoke({ variables: { id } })}
      onSignOutEverywhere={async () => {
        await signOutEverywhere();
        // This session ended with the others: forget it here without a logout that would fail.
        endSession();
        navigate('/sign-in', { replace: true });
      }}
    />
  );
}
