import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrorsOf } from '@usage-monitor/web-kit/apollo';
import { Field, useToast } from '@usage-monitor/web-kit/ui';
import { RotateWebhookSecretDocument, UpdateTenantDocument, type CustomerQuery, type UpdateTenantInput } from '../../__generated__/graphql';
import { useCanChange } from '../../app/permissions';
import { OneTimeSecret } from '../../shared/ui/OneTimeSecret';

type Tenant = NonNullable<CustomerQuery['tenant']>;

/** Only fields that changed are sent: an untouched field must not overwrite a concurrent edit. */
export function tenantChanges(tenant: Tenant, form: { name: string; status: Tenant['status']; contactEmail: string; webhookUrl: string }): UpdateTenantInput {
  const input: UpdateTenantInput = {};
  if (form.name.trim() !== tenant.name) input.name = form.name.trim();
  if (form.status !== tenant.status) input.status = form.status;
  if (form.contactEmail.trim() !== (tenant.contactEmail ?? '')) input.contactEmail = form.contactEmail.trim();
  if (form.webhookUrl.trim() !== (tenant.webhookUrl ?? '')) input.webhookUrl = form.webhookUrl.trim();
  return input;
}

/** What a VIEWER sees of the settings: the same facts, nothing to change. */
function CustomerSettingsReadOnly({ tenant }: { tenant: Tenant }) {
  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Details</h2>
      <dl className="details-list">
        <dt>Name</dt>
        <dd>{tenant.name}</dd>
        <dt>Status</dt>
        <dd>{tenant.status === 'ACTIVE' ? 'Active' : 'Suspended'}</dd>
        <dt>Contact email</dt>
        <dd>{tenant.contactEmail ?? <span className="muted">not set</span>}</dd>
        <dt>Webhook URL</dt>
        <dd>{tenant.webhookUrl ?? <span className="muted">not set</span>}</dd>
      </dl>
    </section>
  );
}

export function CustomerSettingsTab({ tenant }: { tenant: Tenant }) {
  return useCanChange() ? <CustomerSettingsForm tenant={tenant} /> : <CustomerSettingsReadOnly tenant={tenant} />;
}

function CustomerSettingsForm({ tenant }: { tenant: Tenant }) {
  const [form, setForm] = useState({ name: tenant.name, status: tenant.status, contactEmail: tenant.contactEmail ?? '', webhookUrl: tenant.webhookUrl ?? '' });
  const [error, setError] = useState<unknown>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const toast = useToast();
  const [updateTenant, update] = useMutation(UpdateTenantDocument);
  const [rotate, rotation] = useMutation(RotateWebhookSecretDocument);
  const fieldErrors = fieldErrorsOf(error);
  const changes = tenantChanges(tenant, form);
  const dirty = Object.keys(changes).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!form.name.trim()) return setError(new Error('The name cannot be empty.'));
    try {
      await updateTenant({ variables: { id: tenant.id, input: changes } });
      toast.push('Customer settings saved', 'success');
    } catch (e) {
      setError(e);
    }
  };

  const rotateSecret = async () => {
    if (!window.confirm('Rotate the webhook signing secret? The customer must switch to the new secret to keep verifying webhooks.')) return;
    try {
      const result = await rotate({ variables: { tenantId: tenant.id } });
      if (result.data) setSecret(result.data.rotateWebhookSecret.secret);
    } catch (e) {
      toast.push(`Could not rotate the secret: ${errorMessage(e)}`, 'danger');
    }
  };

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <div className="two-column">
      <section className="card" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Details</h2>
        <form className="form" onSubmit={submit} noValidate>
          {error && !Object.keys(fieldErrors).length ? <div className="banner banner-danger" role="alert">{errorMessage(error)}</div> : null}
          <Field label="Name" error={fieldErrors.name}>
            {(p) => <input {...p} value={form.name} onChange={set('name')} />}
          </Field>
          <Field label="Status" hint="Suspended customers keep their data; you decide what their integration does." error={fieldErrors.status}>
            {(p) => (
              <select {...p} value={form.status} onChange={(e) => setForm((f) => ({ ...f, status: e.target.value as Tenant['status'] }))}>
                <option value="ACTIVE">Active</option>
                <option value="SUSPENDED">Suspended</option>
              </select>
            )}
          </Field>
          <Field label="Contact email" hint="Alert emails go here." error={fieldErrors.contactEmail}>
            {(p) => <input {...p} type="email" value={form.contactEmail} onChange={set('contactEmail')} />}
          </Field>
          <Field label="Webhook URL" hint="Alerts are POSTed here, signed with the webhook secret." error={fieldErrors.webhookUrl}>
            {(p) => <input {...p} type="url" placeholder="https://" value={form.webhookUrl} onChange={set('webhookUrl')} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={!dirty || update.loading}>
              {update.loading ? 'Saving…' : 'Save changes'}
            </button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="webhook-secret-heading">
        <h2 id="webhook-secret-heading">Webhook signing secret</h2>
        <p className="muted small">
          Each webhook carries X-Usage-Monitor-Signature, a hex HMAC-SHA256 of the raw body with this secret. Rotating shows the new secret once.
        </p>
        {secret ? (
          <OneTimeSecret title="New webhook secret" secret={secret} onDone={() => setSecret(null)} />
        ) : (
          <button type="button" className="button" onClick={() => void rotateSecret()} disabled={rotation.loading}>
            {rotation.loading ? 'Rotating…' : 'Rotate webhook secret'}
          </button>
        )}
      </section>
    </div>
  );
}
