import { formatDateTime } from '@usage-monitor/web-kit/periods';
import type { AlertFieldsFragment } from '../../__generated__/graphql';
import { Icon } from '../../shared/ui/Icon';
import { alertSeverity, describeAlert } from './describeAlert';

/** One active alert on the home page: red when a quota is exceeded, orange otherwise. */
export function AlertBox({
  alert,
  onAcknowledge,
  busy,
}: {
  alert: AlertFieldsFragment;
  /** Offers Acknowledge; omitted for those who may not change anything. */
  onAcknowledge?: (id: string) => void;
  busy: boolean;
}) {
  const severity = alertSeverity(alert.type);
  const { issue, metric, detail } = describeAlert(alert);
  return (
    <li className={`alert-box alert-box-${severity}`} aria-label={`${alert.tenant.name}: ${metric}, ${issue}`}>
      <div className="alert-box-body">
        <p className="alert-box-title">
          <Icon name={severity === 'critical' ? 'stop' : 'warning'} className="alert-box-icon" />{' '}
          <strong>{alert.tenant.name}</strong> · {metric} · <span className="alert-box-issue">{issue}</span>
        </p>
        <p className="alert-box-message">{alert.message}</p>
        <p className="alert-box-meta">
          {detail && <>{detail} · </>}
          <time dateTime={alert.createdAt}>{formatDateTime(alert.createdAt)}</time>
        </p>
      </div>
      {onAcknowledge && (
        <button
          type="button"
          className="button button-small"
          onClick={() => onAcknowledge(alert.id)}
          disabled={busy}
          aria-label={`Acknowledge ${issue.toLowerCase()} alert for ${alert.tenant.name}`}
        >
          {busy ? 'Acknowledging…' : 'Acknowledge'}
        </button>
      )}
    </li>
  );
}
