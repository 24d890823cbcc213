import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrorsOf } from '@usage-monitor/web-kit/apollo';
import { formatDateTime } from '@usage-monitor/web-kit/periods';
import { Field, useToast } from '@usage-monitor/web-kit/ui';
import { SERVICE_LABELS, type ServiceName, SERVICES } from '@usage-monitor/web-kit/units';
import { SetProviderCredentialDocument, type CustomerQuery } from '../../__generated__/graphql';
import { useCanChange } from '../../app/permissions';

type Credential = NonNullable<CustomerQuery['tenant']>['providerCredentials'][number];

function CredentialForm({ tenantId, provider, onDone }: { tenantId: string; provider: ServiceName; onDone: () => void }) {
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [clientError, setClientError] = useState<string | undefined>();
  const toast = useToast();
  const [setCredential, { loading }] = useMutation(SetProviderCredentialDocument, { refetchQueries: ['Customer'] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!secret.trim()) return setClientError('Paste the provider’s API key.');
    setClientError(undefined);
    try {
      await setCredential({ variables: { tenantId, provider, secret: secret.trim() } });
      toast.push(`${SERVICE_LABELS[provider]} credential saved`, 'success');
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  const fieldErrors = fieldErrorsOf(error);
  return (
    <form className="form form-inline" onSubmit={submit} noValidate>
      {error && !fieldErrors.secret ? <div className="banner banner-danger" role="alert">{errorMessage(error)}</div> : null}
      <Field label={`${SERVICE_LABELS[provider]} API key`} hint="Stored encrypted; only the last characters are ever shown again." error={clientError ?? fieldErrors.secret}>
        {(p) => <input {...p} type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={loading}>{loading ? 'Saving…' : 'Save'}</button>
      </div>
    </form>
  );
}

export function ProviderCredentialsTab({ tenantId, credentials }: { tenantId: string; credentials: readonly Credential[] }) {
  const canChange = useCanChange();
  const [editing, setEditing] = useState<ServiceName | null>(null);
  return (
    <section aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">Provider credentials</h2>
      <p className="muted small">The upstream OpenAI, ElevenLabs and Smartflo keys used on this customer’s behalf. Setting a new one rotates the old one out.</p>
      <ul className="plain-list">
        {SERVICES.map((provider) => {
          const credential = credentials.find((c) => c.provider === provider);
          return (
            <li key={provider} className="credential-row">
              <div className="list-row">
                <div>
                  <strong>{SERVICE_LABELS[provider]}</strong>
                  <div className="small">
                    {credential ? (
                      <>
                        <code>{credential.maskedKey}</code> <span className="muted">updated {formatDateTime(credential.updatedAt)}</span>
                      </>
                    ) : (
                      <span className="muted">Not set</span>
                    )}
                  </div>
                </div>
                {canChange && editing !== provider && (
                  <button type="button" className="button button-small" onClick={() => setEditing(provider)}>
                    {credential ? 'Rotate' : 'Set'}
                    <span className="visually-hidden"> {SERVICE_LABELS[provider]} credential</span>
                  </button>
                )}
              </div>
              {canChange && editing === provider && <CredentialForm tenantId={tenantId} provider={provider} onDone={() => setEditing(null)} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
