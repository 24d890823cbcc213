import { formatDateTime } from '@usage-monitor/web-kit/periods';
import type { AlertItemFragment } from '../../__generated__/graphql';
import { explainAlert } from './explain-alert';

interface AlertListProps {
  alerts: readonly AlertItemFragment[];
  /** Text of the latest live alert, read out by screen readers when it arrives. */
  announcement: string;
}

export function AlertList({ alerts, announcement }: AlertListProps) {
  return (
    <section className="alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">
        Active alerts {alerts.length > 0 && <span className="count-badge">{alerts.length}</span>}
      </h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {alerts.length === 0 ? (
        <p className="muted all-clear">
          <span aria-hidden="true">✓ </span>No active alerts. Everything is within your limits.
        </p>
      ) : (
        <ul className="alert-list">
          {alerts.map((alert) => {
            const { title, text, severity } = explainAlert(alert);
            return (
              <li key={alert.id} className={`alert alert-${severity}`}>
                <span className="alert-icon" aria-hidden="true">
                  {severity === 'critical' ? '!' : '▲'}
                </span>
                <div>
                  <p className="alert-title">
                    <span className="visually-hidden">{severity === 'critical' ? 'Critical: ' : 'Warning: '}</span>
                    {title}
                  </p>
                  <p>{text}</p>
                  <p className="muted small">
                    Raised <time dateTime={alert.createdAt}>{formatDateTime(alert.createdAt)}</time>
                    {alert.status === 'ACKNOWLEDGED' && ' · Seen by our team'}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
