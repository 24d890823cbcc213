import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { Badge, EmptyState, ErrorBanner, QuotaBar, SkeletonRows, TableScroll } from '@usage-monitor/web-kit/ui';
import { METRIC_LABELS } from '@usage-monitor/web-kit/units';
import { withParams } from '@usage-monitor/web-kit/url';
import { QuotaStandingsDocument, type QuotaMetric } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { useCanChange } from '../../app/permissions';
import { readString } from '../../shared/urlFilters';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { QuotaDialog } from './QuotaDialog';

const METRICS: readonly QuotaMetric[] = ['OPENAI_TOKENS', 'ELEVENLABS_CHARACTERS', 'SMARTFLO_MINUTES', 'MONTHLY_COST', 'REQUESTS_PER_MINUTE'];

export function QuotasPage() {
  useDocumentTitle('Quotas');
  const [params, setParams] = useSearchParams();
  const canChange = useCanChange();
  const editing = canChange ? readString(params, 'edit') : undefined;
  const { data, previousData, loading, error, refetch } = useQuery(QuotaStandingsDocument, { pollInterval: usePollInterval() });
  const shown = data ?? previousData;
  const standings = [...(shown?.quotaStandings ?? [])].sort((a, b) => a.tenant.name.localeCompare(b.tenant.name));
  const editStanding = editing ? standings.find((s) => s.tenant.id === editing) : undefined;
  const openEditor = (tenantId: string) => setParams(withParams(params, { edit: tenantId }));
  const closeEditor = () => setParams(withParams(params, { edit: undefined }));

  return (
    <>
      <PageHeader title="Quotas" description="Monthly limits per customer and how much of each is used this month. Limits raise alerts; they never block recording." />
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonRows rows={8} label="Loading quotas" />}
      {shown && standings.length === 0 && (
        <EmptyState title="No customers yet." hint="Create a customer first; then set their limits here." action={canChange && <Link to="/customers?new=1" className="button">New customer</Link>} />
      )}
      {standings.length > 0 && (
        <TableScroll label="Quota standing of every customer">
          <table className="data-table quota-table">
            <caption className="visually-hidden">Quota standing of every customer this month</caption>
            <thead>
              <tr>
                <th scope="col">Customer</th>
                {METRICS.map((m) => (
                  <th scope="col" key={m}>{METRIC_LABELS[m]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {standings.map((s) => (
                <tr key={s.tenant.id}>
                  {/* Settings and the edit button sit under the name: a column each pushed the
                      button off a laptop-width screen. */}
                  <th scope="row" className="quota-customer">
                    <Link to={`/customers/${s.tenant.id}`}>{s.tenant.name}</Link>
                    <span className="muted small block quota-settings">
                      {s.quota ? (
                        <>
                          Alerts at {s.quota.alertAtPercentage}% ·{' '}
                          <Badge tone={s.quota.enforcement === 'HARD' ? 'warning' : 'neutral'}>{s.quota.enforcement === 'HARD' ? 'Hard' : 'Soft'}</Badge>
                        </>
                      ) : (
                        'No limits'
                      )}
                    </span>
                    {canChange && (
                      <button type="button" className="button button-small" onClick={() => openEditor(s.tenant.id)}>
                        {s.quota ? 'Edit limits' : 'Set limits'}
                        <span className="visually-hidden"> for {s.tenant.name}</span>
                      </button>
                    )}
                  </th>
                  {METRICS.map((m) => {
                    const usage = s.usages.find((u) => u.metric === m);
                    return <td key={m} className="quota-cell">{usage ? <QuotaBar quota={usage} label={METRIC_LABELS[m]} compact /> : <span className="muted small">No limit</span>}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {editStanding && <QuotaDialog tenant={editStanding.tenant} quota={editStanding.quota} usages={editStanding.usages} onClose={closeEditor} />}
      {editing && shown && !editStanding && (
        <div className="banner banner-warning" role="alert">
          <span>The customer in this link was not found; it may have been removed.</span>
          <button type="button" className="button button-small" onClick={closeEditor}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
