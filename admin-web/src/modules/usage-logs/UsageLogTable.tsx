import { Link } from 'react-router';
import type { UsageLogRowFragment } from '../../__generated__/graphql';
import { formatDateTime, formatLogUsage, SERVICE_LABEL } from '../../shared/format';
import { formatUsd } from '../../shared/money';
import { Badge } from '../../shared/ui/Badge';

export function UsageLogTable({
  rows,
  caption,
  showCustomer = true,
  highlightIds,
}: {
  rows: readonly UsageLogRowFragment[];
  caption: string;
  showCustomer?: boolean;
  /** Rows that arrived live since the last render; briefly highlighted. */
  highlightIds?: ReadonlySet<string>;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {showCustomer && <th scope="col">Customer</th>}
            <th scope="col">Service</th>
            <th scope="col">Usage</th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((log) => (
            <tr key={log.id} className={`${log.status === 'ERROR' ? 'row-error' : ''}${highlightIds?.has(log.id) ? ' row-new' : ''}`}>
              <td className="nowrap">
                <time dateTime={log.occurredAt}>{formatDateTime(log.occurredAt)}</time>
              </td>
              {showCustomer && (
                <td>
                  <Link to={`/customers/${log.tenant.id}`}>{log.tenant.name}</Link>
                </td>
              )}
              <td>
                <span className={`service-tag service-${log.service.toLowerCase()}`}>{SERVICE_LABEL[log.service]}</span>
                {log.model && <span className="muted small block">{log.model}</span>}
              </td>
              <td>{formatLogUsage(log)}</td>
              <td className="num">
                {log.pricingStatus === 'UNPRICED' ? (
                  <span title="No price covers this model; recorded at $0 until one is added">
                    <Badge tone="warning">Unpriced</Badge>
                  </span>
                ) : (
                  formatUsd(log.costUsd)
                )}
              </td>
              <td>
                {log.status === 'ERROR' ? <Badge tone="danger">Error</Badge> : <Badge tone="success">Success</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
