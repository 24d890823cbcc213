import { useMutation, useQuery } from '@apollo/client/react';
import { ApiKeysPanel } from '@usage-monitor/web-kit/api-keys';
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from '../../__generated__/graphql';
import { useCanChange } from '../../app/permissions';

export function ApiKeysTab({ tenantId }: { tenantId: string }) {
  const canChange = useCanChange();
  const { data, previousData, loading, error, refetch } = useQuery(ApiKeysDocument, {
    variables: { tenantId },
    // "Last used" moves while the tab is away: a revisit shows the cache, then the server's answer.
    fetchPolicy: 'cache-and-network',
  });
  const [createKey] = useMutation(CreateApiKeyDocument, { refetchQueries: ['ApiKeys'] });
  const [revokeKey] = useMutation(RevokeApiKeyDocument);
  return (
    <ApiKeysPanel
      keys={(data ?? previousData)?.apiKeys}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      canManage={canChange}
      onCreate={async (name) => {
        const result = await createKey({ variables: { tenantId, name } });
        if (!result.data) throw new Error('The key was not created.');
        return result.data.createApiKey.key;
      }}
      onRevoke={(id) => revokeKey({ variables: { id } })}
      intro="Keys let the customer’s backend call recordUsage and check its quota. They never grant dashboard access."
      emptyHint="Create one and hand it to the customer’s developers."
    />
  );
}
