import { formatDateTime } from '@usage-monitor/web-kit/periods';
import { Badge } from '@usage-monitor/web-kit/ui';
import type { AlertFieldsFragment } from '../../__generated__/graphql';
import { alertSeverity, describeAlert } from '../alerts/describeAlert';
import { useCanChange } from '../../app/permissions';
import { useAlertActions } from '../alerts/useAlertActions';

/** A customer's open (not resolved) alerts with their actions. */
export function CustomerAlerts({ alerts }: { alerts: readonly AlertFieldsFragment[] }) {
  const actions = useAlertActions();
  const canChange = useCanChange();
  return (
    <ul className="alert-list">
      {alerts.map((alert) => {
        const { issue, metric, detail } = describeAlert(alert);
        const severity = alertSeverity(alert.type);
        return (
          <li key={alert.id} className={`alert-box alert-box-${alert.status === 'ACTIVE' ? severity : 'muted'}`}>
            <div className="alert-box-body">
              <p className="alert-box-title">
                <strong>{metric}</strong> · {issue}{' '}
                <Badge tone={alert.status === 'ACTIVE' ? 'danger' : 'neutral'}>{alert.status.toLowerCase()}</Badge>
              </p>
              <p className="alert-box-message">{alert.message}</p>
              <p className="alert-box-meta">
                {detail && <>{detail} · </>}
                {formatDateTime(alert.createdAt)}
                {alert.acknowledgedBy && <> · acknowledged by {alert.acknowledgedBy}</>}
              </p>
            </div>
            {canChange && (
              <div className="button-row">
                {alert.status === 'ACTIVE' && (
                  <button type="button" className="button button-small" disabled={actions.isPending(alert.id)} onClick={() => actions.acknowledge(alert.id)}>
                    Acknowledge
                  </button>
                )}
                <button type="button" className="button button-small" disabled={actions.isPending(alert.id)} onClick={() => actions.resolve(alert.id)}>
                  Resolve
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
