import type { ReactNode } from 'react';
import { formatUsd, percentOf } from '../money/money';
import { formatDateTime } from '../periods/periods';
import { Badge } from '../ui/Badge';
import { DataTable, type Column } from '../ui/DataTable';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SkeletonRows } from '../ui/Skeleton';
import { formatCount, formatLogUsage, formatServiceUnits, SERVICE_LABELS } from '../units/units';
import { UsageSourceLabel } from '../ui/UsageSource';
import type { EndUserCallData, EndUserCallsState, EndUserRowData, EndUserServiceTotal } from './end-user-types';

const callColumns: readonly Column<EndUserCallData>[] = [
  {
    key: 'time',
    header: 'Time',
    className: 'nowrap',
    cell: (log) => <time dateTime={log.occurredAt}>{formatDateTime(log.occurredAt)}</time>,
  },
  {
    key: 'service',
    header: 'Service',
    cell: (log) => (
      <>
        {SERVICE_LABELS[log.service]}
        {log.model && <span className="muted small block">{log.model}</span>}
      </>
    ),
  },
  { key: 'usage', header: 'Usage', cell: (log) => formatLogUsage(log) },
  {
    key: 'cost',
    header: 'Cost',
    numeric: true,
    // An unpriced call is not free: it waits for a price.
    cell: (log) => (log.pricingStatus === 'UNPRICED' ? <Badge tone="warning">Unpriced</Badge> : formatUsd(log.costUsd)),
  },
  {
    key: 'status',
    header: 'Status',
    cell: (log) => (log.status === 'ERROR' ? <Badge tone="danger">Error</Badge> : <Badge tone="success">Success</Badge>),
  },
  { key: 'source', header: 'Source', cell: (log) => <UsageSourceLabel source={log.source} /> },
];

function serviceColumns(totalCostUsd: string): readonly Column<EndUserServiceTotal>[] {
  return [
    { key: 'service', header: 'Service', rowHeader: true, cell: (s) => SERVICE_LABELS[s.service] },
    { key: 'units', header: 'Usage', numeric: true, cell: (s) => formatServiceUnits(s.service, s.units) },
    { key: 'calls', header: 'Calls', numeric: true, cell: (s) => formatCount(s.apiCalls) },
    { key: 'cost', header: 'Cost', numeric: true, className: 'money', cell: (s) => formatUsd(s.costUsd) },
    { key: 'share', header: 'Share', numeric: true, cell: (s) => `${percentOf(s.costUsd, totalCostUsd) ?? '0'}%` },
  ];
}

/** The expanded part of an end user's row: the range's split by service and the latest calls. */
export function EndUserDetails({
  row,
  days,
  calls,
  callsFooter,
}: {
  row: EndUserRowData;
  days: number;
  calls: EndUserCallsState;
  /** e.g. a link to every call of this user. */
  callsFooter?: ReactNode;
}) {
  return (
    <div className="eu-details">
      <section aria-label={`${row.endUser} by service`}>
        <h4 className="eu-details-title">By service · last {days} days</h4>
        <DataTable
          label={`${row.endUser} by service`}
          columns={serviceColumns(row.totalCostUsd)}
          rows={row.services}
          rowKey={(s) => s.service}
          empty={<p className="muted small">No usage in this range.</p>}
        />
      </section>
      <section aria-label={`Recent calls of ${row.endUser}`}>
        <h4 className="eu-details-title">Recent calls</h4>
        <ErrorBanner error={calls.error} onRetry={calls.onRetry} stale={!!calls.calls} />
        {!calls.calls && calls.loading && <SkeletonRows rows={3} label={`Loading calls of ${row.endUser}`} />}
        {calls.calls && (
          <DataTable
            label={`Recent calls of ${row.endUser}`}
            columns={callColumns}
            rows={calls.calls}
            rowKey={(log) => log.id}
            rowClassName={(log) => (log.status === 'ERROR' ? 'row-error' : undefined)}
            empty={<p className="muted small">No calls recorded.</p>}
          />
        )}
        {calls.calls && calls.totalCount !== undefined && calls.totalCount > calls.calls.length && (
          <p className="muted small">
            The latest {formatCount(calls.calls.length)} of {formatCount(calls.totalCount)} calls. {callsFooter}
          </p>
        )}
      </section>
    </div>
  );
}
