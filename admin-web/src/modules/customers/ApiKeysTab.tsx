import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrorsOf } from '@usage-monitor/web-kit/apollo';
import { formatDateTime, formatRelative } from '@usage-monitor/web-kit/periods';
import { Badge, EmptyState, ErrorBanner, Field, SkeletonRows, TableScroll, useToast } from '@usage-monitor/web-kit/ui';
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from '../../__generated__/graphql';
import { OneTimeSecret } from '../../shared/ui/OneTimeSecret';

export function ApiKeysTab({ tenantId }: { tenantId: string }) {
  const { data, previousData, loading, error, refetch } = useQuery(ApiKeysDocument, { variables: { tenantId } });
  const [createKey, creation] = useMutation(CreateApiKeyDocument, { refetchQueries: ['ApiKeys'] });
  const [revokeKey] = useMutation(RevokeApiKeyDocument);
  const toast = useToast();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const shown = data ?? previousData;
  const keys = [...(shown?.apiKeys ?? [])].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || b.createdAt.localeCompare(a.createdAt));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitError(null);
    if (!name.trim()) return setNameError('Name the key after where it will be used, e.g. “Production backend”.');
    setNameError(undefined);
    try {
      const result = await createKey({ variables: { tenantId, name: name.trim() } });
      if (result.data) setCreated({ key: result.data.createApiKey.key, name: name.trim() });
      setName('');
    } catch (e) {
      setSubmitError(e);
    }
  };

  const revoke = async (id: string, keyName: string) => {
    if (!window.confirm(`Revoke “${keyName}”? Integrations using it will be rejected immediately.`)) return;
    try {
      await revokeKey({ variables: { id } });
      toast.push(`Key “${keyName}” revoked`, 'success');
    } catch (e) {
      toast.push(`Could not revoke the key: ${errorMessage(e)}`, 'danger');
    }
  };

  return (
    <div>
      {created && <OneTimeSecret title={`New API key “${created.name}”`} secret={created.key} onDone={() => setCreated(null)} />}
      <div className="two-column">
        <section aria-labelledby="keys-heading">
          <h2 id="keys-heading">Integrator API keys</h2>
          <p className="muted small">Keys let the customer’s backend call recordUsage and check its quota. They never grant dashboard access.</p>
          <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
          {!shown && loading && <SkeletonRows rows={3} label="Loading API keys" />}
          {shown && keys.length === 0 && <EmptyState title="No API keys yet." hint="Create one and hand it to the customer’s developers." />}
          {keys.length > 0 && (
            <TableScroll label="API keys">
              <table className="data-table">
                <caption className="visually-hidden">API keys</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Key</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                    <th scope="col"><span className="visually-hidden">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((k) => (
                    <tr key={k.id} className={k.revokedAt ? 'row-muted' : undefined}>
                      <td>{k.name}</td>
                      <td><code>{k.prefix}…{k.lastFour}</code></td>
                      <td className="nowrap">{formatDateTime(k.createdAt)}</td>
                      <td className="nowrap">{k.lastUsedAt ? formatRelative(k.lastUsedAt) : <span className="muted">never</span>}</td>
                      <td>{k.revokedAt ? <Badge tone="neutral">Revoked {formatDateTime(k.revokedAt)}</Badge> : <Badge tone="success">Active</Badge>}</td>
                      <td>
                        {!k.revokedAt && (
                          <button type="button" className="button button-small button-danger" onClick={() => void revoke(k.id, k.name)} aria-label={`Revoke key ${k.name}`}>
                            Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
        <section className="card" aria-labelledby="new-key-heading">
          <h2 id="new-key-heading">Create a key</h2>
          <form className="form" onSubmit={submit} noValidate>
            {submitError && !fieldErrorsOf(submitError).name ? <div className="banner banner-danger" role="alert">{errorMessage(submitError)}</div> : null}
            <Field label="Key name" hint="Where it will be used." error={nameError ?? fieldErrorsOf(submitError).name}>
              {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />}
            </Field>
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={creation.loading}>
                {creation.loading ? 'Creating…' : 'Create key'}
              </button>
            </div>
          </form>
        </section>
      </div>
    </div>
  );
}
