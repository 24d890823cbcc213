import { useMemo, useState, type FormEvent } from 'react';
import { formatPeriod, recentPeriods } from '@usage-monitor/web-kit/periods';
import { SERVICE_LABELS, USAGE_SOURCE_LABELS } from '@usage-monitor/web-kit/units';
import type { Service, UsageSource } from '../../__generated__/graphql';
import { API } from '../../app/env';
import { useSession } from '../auth/session-context';
import { DownloadError } from '@usage-monitor/web-kit/downloads';
import { downloadUsageCsv } from './export-csv';

/** How far back the month picker reaches. */
const EXPORT_MONTHS = 12;

type ExportState = { status: 'idle' | 'busy' } | { status: 'done' | 'failed'; message: string };

export function ExportCsv({ service, source, endUser }: { service?: Service; source?: UsageSource; endUser?: string }) {
  const { csrfToken, expire } = useSession();
  const months = useMemo(() => recentPeriods(EXPORT_MONTHS), []);
  const [month, setMonth] = useState(months[0]);
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!csrfToken) return;
    setState({ status: 'busy' });
    try {
      await downloadUsageCsv({ month, service, source, endUser }, { apiBase: API.apiBaseUrl, csrfToken });
      setState({ status: 'done', message: `Downloaded ${formatPeriod(month)}.` });
    } catch (error) {
      if (error instanceof DownloadError && error.status === 401) {
        expire();
        return;
      }
      setState({ status: 'failed', message: error instanceof Error ? error.message : 'The export failed.' });
    }
  }

  return (
    <form className="export-form" onSubmit={onSubmit} aria-label="Export usage as CSV">
      <div className="field field-inline">
        <label htmlFor="export-month">Export month</label>
        <select id="export-month" value={month} onChange={(e) => setMonth(e.target.value)}>
          {months.map((period) => (
            <option key={period} value={period}>
              {formatPeriod(period)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={state.status === 'busy'}>
        {state.status === 'busy' ? 'Preparing CSV…' : 'Export CSV'}
      </button>
      <p className="muted small export-scope">
        {service ? `${SERVICE_LABELS[service]} calls only (the service filter applies).` : 'All services.'}
        {source ? ` Source ${USAGE_SOURCE_LABELS[source]} only.` : ''}
        {endUser ? ` Only ${endUser}'s calls.` : ''}
      </p>
      <p
        role="status"
        className={`small export-result ${state.status === 'failed' ? 'text-danger' : ''}`}
      >
        {'message' in state ? state.message : ''}
      </p>
    </form>
  );
}
