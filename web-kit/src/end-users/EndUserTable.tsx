import { Fragment, useState, type ReactNode } from 'react';
import { formatUsd } from '../money/money';
import { formatDateTime, formatRelative } from '../periods/periods';
import { TableScroll } from '../ui/DataTable';
import { formatCount } from '../units/units';
import type { EndUserRowData } from './end-user-types';

export const endUserKey = (row: Pick<EndUserRowData, 'tenant' | 'endUser'>) => `${row.tenant.id}:${row.endUser}`;

export interface EndUserTableProps {
  label: string;
  rows: readonly EndUserRowData[];
  /** A customer column, for lists across tenants. */
  showTenant?: boolean;
  renderTenant?: (tenant: EndUserRowData['tenant']) => ReactNode;
  /** Content of a row's expanded part; rendered (and so queried) only while it is open. */
  renderDetails: (row: EndUserRowData) => ReactNode;
  /** Rank numbers starting here (the page's offset), or none. */
  rankFrom?: number;
  now?: Date;
}

/**
 * One row per end user: cost, calls, cost per call, daily average and last call, each row
 * opening in place on its split by service and its latest calls.
 */
export function EndUserTable({ label, rows, showTenant = false, renderTenant, renderDetails, rankFrom, now }: EndUserTableProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const columnCount = 7 + (showTenant ? 1 : 0) + (rankFrom !== undefined ? 1 : 0);

  return (
    <TableScroll label={label}>
      <table className="data-table eu-table" aria-label={label}>
        <thead>
          <tr>
            {rankFrom !== undefined && <th scope="col">#</th>}
            <th scope="col">End user</th>
            {showTenant && <th scope="col">Customer</th>}
            <th scope="col" className="num">Cost</th>
            <th scope="col" className="num">Calls</th>
            <th scope="col" className="num">Errors</th>
            <th scope="col" className="num">Cost per call</th>
            <th scope="col" className="num">Daily average</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const key = endUserKey(row);
            const expanded = open.has(key);
            const detailsId = `eu-details-${index}`;
            return (
              <Fragment key={key}>
                <tr className={expanded ? 'eu-row eu-row-open' : 'eu-row'}>
                  {rankFrom !== undefined && <td data-label="#">{rankFrom + index + 1}</td>}
                  <th scope="row" data-label="End user">
                    <button
                      type="button"
                      className="eu-toggle"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailsId : undefined}
                      onClick={() => toggle(key)}
                    >
                      <span aria-hidden="true" className="eu-caret">{expanded ? '▾' : '▸'}</span>
                      <span className="eu-id">{row.endUser}</span>
                    </button>
                  </th>
                  {showTenant && <td data-label="Customer">{renderTenant ? renderTenant(row.tenant) : row.tenant.name}</td>}
                  <td className="num money" data-label="Cost">{formatUsd(row.totalCostUsd)}</td>
                  <td className="num" data-label="Calls">{formatCount(row.apiCalls)}</td>
                  <td className={`num${row.errorCalls > 0 ? ' text-danger' : ''}`} data-label="Errors">{formatCount(row.errorCalls)}</td>
                  <td className="num" data-label="Cost per call">{formatUsd(row.costPerCallUsd)}</td>
                  <td className="num" data-label="Daily average">{formatUsd(row.dailyAverageCostUsd)}</td>
                  <td className="nowrap" data-label="Last seen">
                    <time dateTime={row.lastSeenAt} title={formatDateTime(row.lastSeenAt)}>{formatRelative(row.lastSeenAt, now)}</time>
                  </td>
                </tr>
                {expanded && (
                  <tr className="eu-details-row" id={detailsId}>
                    <td colSpan={columnCount}>{renderDetails(row)}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
