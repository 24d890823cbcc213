import { Link } from 'react-router';
import { formatUsd } from '@usage-monitor/web-kit/money';
import { formatDateTime } from '@usage-monitor/web-kit/periods';
import { Badge, TableScroll, UsageSourceLabel, VoidedNote } from '@usage-monitor/web-kit/ui';
import { formatLogUsage, SERVICE_LABELS } from '@usage-monitor/web-kit/units';
import type { UsageLogRowFragment } from '../../__generated__/graphql';

export function UsageLogTable({
  rows,
  caption,
  showCustomer = true,
  highlightIds,
  onVoid,
}: {
  rows: readonly UsageLogRowFragment[];
  caption: string;
  showCustomer?: boolean;
  /** Rows that arrived live since the last render; briefly highlighted. */
  highlightIds?: ReadonlySet<string>;
  /** Offers "Void" on every row that still counts (the Usage Logs page); voided rows show why either way. */
  onVoid?: (log: UsageLogRowFragment) => void;
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
            {onVoid && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((log) => (
            <tr key={log.id} className={rowClass(log, highlightIds)}>
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
              <td className="voided-cell">
                {log.status === 'ERROR' ? <Badge tone="danger">Error</Badge> : <Badge tone="success">Success</Badge>}
                <VoidedNote log={log} />
              </td>
              <td className="eu-id">{log.endUser ?? <span className="muted">—</span>}</td>
              <td className="small">
                <UsageSourceLabel source={log.source} />
              </td>
              {onVoid && (
                <td className="voided-cell">
                  {!log.voidedAt && (
                    <button
                      type="button"
                      className="button button-small button-danger"
                      aria-label={`Void the ${SERVICE_LABELS[log.service]} call of ${log.tenant.name} at ${formatDateTime(log.occurredAt)}`}
                      onClick={() => onVoid(log)}
                    >
                      Void
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function rowClass(log: UsageLogRowFragment, highlightIds: ReadonlySet<string> | undefined): string {
  const classes = [];
  if (log.status === 'ERROR') classes.push('row-error');
  if (log.voidedAt) classes.push('row-voided');
  if (highlightIds?.has(log.id)) classes.push('row-new');
  return classes.join(' ');
}
