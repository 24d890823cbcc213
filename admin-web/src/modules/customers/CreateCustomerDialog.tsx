import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, fieldErrorsOf } from '@usage-monitor/web-kit/apollo';
import { Dialog, Field, useToast } from '@usage-monitor/web-kit/ui';
import { CreateTenantDocument } from '../../__generated__/graphql';
import { useRefetchActive } from '../../shared/refetch';

export function CreateCustomerDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [clientError, setClientError] = useState<string | undefined>();
  const navigate = useNavigate();
  const toast = useToast();
  const [createTenant, { loading }] = useMutation(CreateTenantDocument);
  const refetch = useRefetchActive();

  const fieldErrors = fieldErrorsOf(error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!name.trim()) {
      setClientError('Enter the customer’s name.');
      return;
    }
    setClientError(undefined);
    try {
      const { data } = await createTenant({ variables: { input: { name: name.trim() } } });
      if (!data) return;
      void refetch(['Customers', 'TenantOptions']);
      toast.push(`Customer “${data.createTenant.name}” created`, 'success');
      navigate(`/customers/${data.createTenant.id}?tab=keys`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Dialog title="New customer" description="Next, give them an API key so their integration can record usage." onClose={onClose}>
      <form onSubmit={submit} className="form">
        {error && !Object.keys(fieldErrors).length ? (
          <div className="banner banner-danger" role="alert">
            {errorMessage(error)}
          </div>
        ) : null}
        <Field label="Name" error={clientError ?? fieldErrors.name}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="organization" />}
        </Field>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={loading}>
            {loading ? 'Creating…' : 'Create customer'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
