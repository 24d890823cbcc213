import type { ReactNode } from 'react';
import { formatUsd } from '../money/money';
import { formatDateTime, formatRelative } from '../periods/periods';
import { DataTable, type Column } from '../ui/DataTable';
import { formatCount } from '../units/units';
import { endUserKey } from './EndUserTable';
import type { EndUserRowData } from './end-user-types';

type TopRow = Pick<EndUserRowData, 'tenant' | 'endUser' | 'totalCostUsd' | 'apiCalls' | 'costPerCallUsd' | 'lastSeenAt'>;

/** The leaders of a ranking (highest cost first), compact: no expansion, no paging. */
export function TopEndUsersTable({
  label,
  rows,
  showTenant = false,
  renderTenant,
  renderEndUser,
  empty,
  now,
}: {
  label: string;
  rows: readonly TopRow[];
  showTenant?: boolean;
  renderTenant?: (tenant: TopRow['tenant']) => ReactNode;
  /** e.g. a link to that user's row in the full list. */
  renderEndUser?: (row: TopRow) => ReactNode;
  empty?: ReactNode;
  now?: Date;
}) {
  const columns: Column<TopRow>[] = [
    { key: 'rank', header: '#', cell: (_, i) => i + 1 },
    { key: 'user', header: 'End user', rowHeader: true, cell: (row) => renderEndUser?.(row) ?? row.endUser },
    ...(showTenant
      ? [{ key: 'tenant', header: 'Customer', cell: (row: TopRow) => renderTenant?.(row.tenant) ?? row.tenant.name }]
      : []),
    { key: 'cost', header: 'Cost', numeric: true, className: 'money', cell: (row) => formatUsd(row.totalCostUsd) },
    { key: 'calls', header: 'Calls', numeric: true, cell: (row) => formatCount(row.apiCalls) },
    { key: 'perCall', header: 'Cost per call', numeric: true, cell: (row) => formatUsd(row.costPerCallUsd) },
    {
      key: 'lastSeen',
      header: 'Last seen',
      className: 'nowrap',
      cell: (row) => (
        <time dateTime={row.lastSeenAt} title={formatDateTime(row.lastSeenAt)}>
          {formatRelative(row.lastSeenAt, now)}
        </time>
      ),
    },
  ];
  return <DataTable label={label} columns={columns} rows={rows} rowKey={(row) => endUserKey(row)} empty={empty} />;
}
