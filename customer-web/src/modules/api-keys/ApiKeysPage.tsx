import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ApiKeysPanel } from '@usage-monitor/web-kit/api-keys';
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from '../../__generated__/graphql';
import { useCanManage } from '../../app/permissions';
import { useViewer } from '../auth/session-context';

/** This customer's integrator keys: owners create (shown once) and revoke them; members see the list. */
export function ApiKeysPage() {
  const viewer = useViewer();
  const canManage = useCanManage();
  const tenantId = viewer.tenant.id;
  const { data, previousData, loading, error, refetch } = useQuery(ApiKeysDocument, {
    variables: { tenantId },
    // "Last used" moves while the page is away: a revisit shows the cache, then the server's answer.
    fetchPolicy: 'cache-and-network',
  });
  const [createKey] = useMutation(CreateApiKeyDocument, {
    refetchQueries: [{ query: ApiKeysDocument, variables: { tenantId } }],
  });
  const [revokeKey] = useMutation(RevokeApiKeyDocument);
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>API keys</h1>
          <p className="muted">
            Your backend records each call with one of these keys.{' '}
            {canManage
              ? 'Give each integration its own key, so one can be revoked alone.'
              : 'An owner of your team creates and revokes keys.'}
          </p>
        </div>
      </div>
      <ApiKeysPanel
        keys={(data ?? previousData)?.apiKeys}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        canManage={canManage}
        onCreate={async (name) => {
          const result = await createKey({ variables: { tenantId, name } });
          if (!result.data) throw new Error('The key was not created.');
          return result.data.createApiKey.key;
        }}
        onRevoke={(id) => revokeKey({ variables: { id } })}
        intro={
          <>
            Give a key to the OpenAI or ElevenLabs SDK pointed at the gateway (<Link to="/integrate">Integrate</Link>
            shows how), or send it as <code>Authorization: Bearer &lt;key&gt;</code> with <code>recordUsage</code>.
            Keys record usage and check quotas; they never sign in to this portal.
          </>
        }
        emptyHint={canManage ? 'Create one for your backend.' : undefined}
      />
    </div>
  );
}
