import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '@usage-monitor/web-kit/periods';
import { Badge, type BadgeTone, EmptyState, ErrorBanner, SkeletonRows, TableScroll } from '@usage-monitor/web-kit/ui';
import { ALERT_TYPE_LABELS } from '@usage-monitor/web-kit/units';
import { usePatchParams, withParams } from '@usage-monitor/web-kit/url';
import { AlertsDocument } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { useCanChange } from '../../app/permissions';
import { ALERT_STATUS_VALUES, ALERT_TYPE_VALUES, parseAlertFilters } from '../../shared/urlFilters';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { TenantSelect } from '../customers/TenantSelect';
import { alertSeverity, describeAlert } from './describeAlert';
import { useAlertActions } from './useAlertActions';

const STATUS_TONE: Record<string, BadgeTone> = { ACTIVE: 'danger', ACKNOWLEDGED: 'warning', RESOLVED: 'neutral' };
const STATUS_LABEL: Record<string, string> = { ACTIVE: 'Active', ACKNOWLEDGED: 'Acknowledged', RESOLVED: 'Resolved' };

export function AlertsPage() {
  useDocumentTitle('Alerts');
  const statusId = useId();
  const typeId = useId();
  const [params, patchParams] = usePatchParams();
  const filters = parseAlertFilters(params);
  const { data, previousData, loading, error, refetch } = useQuery(AlertsDocument, {
    variables: { status: filters.status, tenantId: filters.tenantId },
    pollInterval: usePollInterval(),
  });
  const actions = useAlertActions();
  const canChange = useCanChange();
  const shown = data ?? previousData;
  // The API filters by status and customer; type is filtered here, and status again so that an
  // alert acknowledged a moment ago leaves an "Active" list before the refetch lands.
  const alerts = (shown?.alerts ?? []).filter(
    (a) => (!filters.type || a.type === filters.type) && (!filters.status || a.status === filters.status),
  );
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader title="Alerts" description="Quota, rate-limit and cost-spike alerts across customers. New alerts appear live." />
      <div className="toolbar">
        <div className="inline-field">
          <label htmlFor={statusId}>Status</label>
          <select id={statusId} value={filters.status ?? ''} onChange={(e) => patchParams((current) => withParams(current, { status: e.target.value }))}>
            <option value="">All statuses</option>
            {ALERT_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>{STATUS_LABEL[s]}</option>
            ))}
          </select>
        </div>
        <div className="inline-field">
          <label htmlFor={typeId}>Type</label>
          <select id={typeId} value={filters.type ?? ''} onChange={(e) => patchParams((current) => withParams(current, { type: e.target.value }))}>
            <option value="">All types</option>
            {ALERT_TYPE_VALUES.map((t) => (
              <option key={t} value={t}>{ALERT_TYPE_LABELS[t]}</option>
            ))}
          </select>
        </div>
        <TenantSelect value={filters.tenantId} onChange={(id) => patchParams((current) => withParams(current, { tenant: id }))} />
        {filtered && (
          <button type="button" className="button button-small button-ghost" onClick={() => patchParams(() => new URLSearchParams())}>
            Clear filters
          </button>
        )}
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonRows rows={8} label="Loading alerts" />}
      {shown && alerts.length === 0 && (
        filtered ? (
          <EmptyState title="No alerts match these filters." hint="Widen the filters or clear them." />
        ) : (
          <EmptyState title="No alerts yet." hint={<>Alerts fire when a customer nears or passes a limit. Set limits on the <Link to="/quotas">Quotas</Link> page.</>} />
        )
      )}
      {alerts.length > 0 && (
        <TableScroll label="Alerts">
          <table className="data-table">
            <caption className="visually-hidden">Alerts</caption>
            <thead>
              <tr>
                <th scope="col">Raised</th>
                <th scope="col">Customer</th>
                <th scope="col">Alert</th>
                <th scope="col">Status</th>
                <th scope="col">Handled</th>
                {canChange && <th scope="col"><span className="visually-hidden">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {alerts.map((alert) => {
                const { issue, metric, detail } = describeAlert(alert);
                const critical = alertSeverity(alert.type) === 'critical';
                return (
                  <tr key={alert.id}>
                    <td className="nowrap">{formatDateTime(alert.createdAt)}</td>
                    <td><Link to={`/customers/${alert.tenant.id}`}>{alert.tenant.name}</Link></td>
                    <td className="alert-cell">
                      <span className={critical ? 'text-danger strong' : 'text-warning strong'}>{issue}</span> · {metric}
                      <span className="block small">{alert.message}</span>
                      {detail && <span className="block small muted">{detail}</span>}
                    </td>
                    <td><Badge tone={STATUS_TONE[alert.status]}>{STATUS_LABEL[alert.status]}</Badge></td>
                    <td className="small">
                      {alert.acknowledgedAt && (
                        <span className="block">Acknowledged {formatDateTime(alert.acknowledgedAt)}{alert.acknowledgedBy && ` by ${alert.acknowledgedBy}`}</span>
                      )}
                      {alert.resolvedAt && (
                        <span className="block">Resolved {formatDateTime(alert.resolvedAt)}{alert.resolvedBy && ` by ${alert.resolvedBy}`}</span>
                      )}
                      {!alert.acknowledgedAt && !alert.resolvedAt && <span className="muted">—</span>}
                    </td>
                    {canChange && (
                      <td>
                        <div className="button-row">
                          {alert.status === 'ACTIVE' && (
                            <button type="button" className="button button-small" disabled={actions.isPending(alert.id)} onClick={() => actions.acknowledge(alert.id)} aria-label={`Acknowledge alert for ${alert.tenant.name}: ${issue}`}>
                              Acknowledge
                            </button>
                          )}
                          {alert.status !== 'RESOLVED' && (
                            <button type="button" className="button button-small" disabled={actions.isPending(alert.id)} onClick={() => actions.resolve(alert.id)} aria-label={`Resolve alert for ${alert.tenant.name}: ${issue}`}>
                              Resolve
                            </button>
                          )}
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
