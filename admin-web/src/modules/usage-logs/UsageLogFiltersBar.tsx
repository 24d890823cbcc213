import { useId } from 'react';
import { UsageSourceSelect } from '@usage-monitor/web-kit/ui';
import { SERVICE_LABELS, SERVICES } from '@usage-monitor/web-kit/units';
import { CALL_STATUS_VALUES, type UsageLogFilters } from '../../shared/urlFilters';
import { TenantSelect } from '../customers/TenantSelect';
import { AdminEndUserFilter } from '../end-users/AdminEndUserFilter';

export function UsageLogFiltersBar({ filters, onChange, onClear }: { filters: UsageLogFilters; onChange: (patch: Partial<UsageLogFilters>) => void; onClear: () => void }) {
  const ids = { service: useId(), status: useId(), source: useId(), from: useId(), to: useId() };
  const dateError = filters.from && filters.to && filters.from > filters.to;
  return (
    <div className="toolbar toolbar-wrap" role="group" aria-label="Filters">
      <TenantSelect value={filters.tenantId} onChange={(tenantId) => onChange({ tenantId })} />
      <AdminEndUserFilter tenantId={filters.tenantId} value={filters.endUser} onChange={(endUser) => onChange({ endUser })} />
      <div className="inline-field">
        <label htmlFor={ids.service}>Service</label>
        <select id={ids.service} value={filters.service ?? ''} onChange={(e) => onChange({ service: (e.target.value || undefined) as UsageLogFilters['service'] })}>
          <option value="">All services</option>
          {SERVICES.map((s) => (
            <option key={s} value={s}>{SERVICE_LABELS[s]}</option>
          ))}
        </select>
      </div>
      <div className="inline-field">
        <label htmlFor={ids.status}>Status</label>
        <select id={ids.status} value={filters.status ?? ''} onChange={(e) => onChange({ status: (e.target.value || undefined) as UsageLogFilters['status'] })}>
          <option value="">Any status</option>
          {CALL_STATUS_VALUES.map((s) => (
            <option key={s} value={s}>{s === 'SUCCESS' ? 'Success' : 'Error'}</option>
          ))}
        </select>
      </div>
      <div className="inline-field">
        <label htmlFor={ids.source}>Source</label>
        <UsageSourceSelect id={ids.source} value={filters.source} onChange={(source) => onChange({ source })} />
      </div>
      <div className="inline-field">
        <label htmlFor={ids.from}>From (UTC)</label>
        <input id={ids.from} type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => onChange({ from: e.target.value || undefined })} />
      </div>
      <div className="inline-field">
        <label htmlFor={ids.to}>To (UTC, inclusive)</label>
        <input id={ids.to} type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => onChange({ to: e.target.value || undefined })} aria-invalid={!!dateError} />
      </div>
      {Object.keys(filters).length > 0 && (
        <button type="button" className="button button-small button-ghost" onClick={onClear}>
          Clear filters
        </button>
      )}
      {dateError && <p className="field-error" role="alert">“From” is after “To”: no call can match.</p>}
    </div>
  );
}
