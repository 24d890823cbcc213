import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { TenantOptionsDocument } from '../../__generated__/graphql';

/** "All customers" or one customer, by id. */
export function TenantSelect({
  value,
  onChange,
  label = 'Customer',
  allLabel = 'All customers',
}: {
  value: string | undefined;
  onChange: (tenantId: string | undefined) => void;
  label?: string;
  allLabel?: string;
}) {
  const id = useId();
  const { data, loading } = useQuery(TenantOptionsDocument, { fetchPolicy: 'cache-and-network' });
  const tenants = [...(data?.tenants ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const known = !value || tenants.some((t) => t.id === value);
  return (
    <div className="inline-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} aria-busy={loading}>
        <option value="">{allLabel}</option>
        {!known && <option value={value}>{loading ? 'Loading…' : 'Unknown customer'}</option>}
        {tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </div>
  );
}
