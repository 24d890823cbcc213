import { Link } from 'react-router';
import { formatUsd } from '@usage-monitor/web-kit/money';
import { formatDateTime } from '@usage-monitor/web-kit/periods';
import { USAGE_SOURCE_LABELS } from '@usage-monitor/web-kit/end-users';
import { Badge, TableScroll } from '@usage-monitor/web-kit/ui';
import { formatLogUsage, SERVICE_LABELS } from '@usage-monitor/web-kit/units';
import type { UsageLogRowFragment } from '../../__generated__/graphql';

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
    <TableScroll label={caption}>
      <table className="data-table">
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
            <th scope="col">End user</th>
            <th scope="col">Source</th>
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
                <span className={`service-tag service-${log.service.toLowerCase()}`}>{SERVICE_LABELS[log.service]}</span>
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
              <td className="eu-id">{log.endUser ?? <span className="muted">—</span>}</td>
              <td className="small">{USAGE_SOURCE_LABELS[log.source]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
