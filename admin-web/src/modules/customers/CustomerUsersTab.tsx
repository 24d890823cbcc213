import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrorsOf } from '@usage-monitor/web-kit/apollo';
import { EmptyState, ErrorBanner, Field, SkeletonRows, useToast } from '@usage-monitor/web-kit/ui';
import { CreateCustomerUserDocument, CustomerUsersDocument } from '../../__generated__/graphql';

const MIN_PASSWORD = 12;

export function CustomerUsersTab({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const { data, previousData, loading, error, refetch } = useQuery(CustomerUsersDocument, { variables: { tenantId } });
  const [createUser, creation] = useMutation(CreateCustomerUserDocument, { refetchQueries: ['CustomerUsers'] });
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const shown = data ?? previousData;
  const apiErrors = fieldErrorsOf(submitError);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitError(null);
    const errors: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) errors.email = 'Enter a valid email address.';
    if (password.length < MIN_PASSWORD) errors.password = `Use at least ${MIN_PASSWORD} characters.`;
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    try {
      await createUser({ variables: { tenantId, email: email.trim(), password } });
      toast.push(`${email.trim()} can now sign in to the Customer Portal`, 'success');
      setEmail('');
      setPassword('');
    } catch (e) {
      setSubmitError(e);
    }
  };

  return (
    <div className="two-column">
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">Portal users</h2>
        <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
        {!shown && loading && <SkeletonRows rows={3} label="Loading users" />}
        {shown && shown.customerUsers.length === 0 && (
          <EmptyState title={`No one at ${tenantName} can sign in yet.`} hint="Add a user; they sign in to the Customer Portal at /portal/ with the password you set." />
        )}
        {shown && shown.customerUsers.length > 0 && (
          <ul className="plain-list">
            {shown.customerUsers.map((u) => (
              <li key={u.id} className="list-row">
                <span>{u.email}</span>
                <span className="muted small">{u.role === 'CUSTOMER' ? 'Customer' : u.role}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="add-user-heading">
        <h2 id="add-user-heading">Add a user</h2>
        <form className="form" onSubmit={submit} noValidate>
          {submitError && !Object.keys(apiErrors).length ? (
            <div className="banner banner-danger" role="alert">
              {errorMessage(submitError)}
            </div>
          ) : null}
          <Field label="Email" error={clientErrors.email ?? apiErrors.email}>
            {(p) => <input {...p} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field label="Initial password" hint={`At least ${MIN_PASSWORD} characters; share it securely.`} error={clientErrors.password ?? apiErrors.password}>
            {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={creation.loading}>
              {creation.loading ? 'Adding…' : 'Add user'}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
