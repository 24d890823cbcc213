import { useQuery } from '@apollo/client/react';
import { compareDecimals, formatUsd } from '@usage-monitor/web-kit/money';
import { DataTable, ErrorBanner, type Column } from '@usage-monitor/web-kit/ui';
import { formatCount, formatServiceUnits, SERVICE_LABELS } from '@usage-monitor/web-kit/units';
import { UsageByModelDocument, type UsageByModelQuery } from '../../__generated__/graphql';

type ModelRow = UsageByModelQuery['usageByModel'][number];

const COLUMNS: readonly Column<ModelRow>[] = [
  {
    key: 'model',
    header: 'Model',
    rowHeader: true,
    cell: (row) => row.model ?? <span className="muted">(no model given)</span>,
  },
  { key: 'service', header: 'Service', cell: (row) => SERVICE_LABELS[row.service] },
  { key: 'calls', header: 'Calls', numeric: true, cell: (row) => formatCount(row.apiCalls) },
  { key: 'failed', header: 'Failed', numeric: true, cell: (row) => formatCount(row.errorCalls) },
  { key: 'usage', header: 'Usage', cell: (row) => formatServiceUnits(row.service, row.units) },
  { key: 'cost', header: 'Cost', numeric: true, className: 'money', cell: (row) => formatUsd(row.costUsd) },
];

export function ModelBreakdownTable({ period }: { period: string }) {
  const { data, previousData, loading, error, refetch } = useQuery(UsageByModelDocument, {
    variables: { period },
  });
  const rows = [...((data ?? previousData)?.usageByModel ?? [])].sort((a, b) =>
    compareDecimals(b.costUsd, a.costUsd),
  );

  return (
    <div className="table-block">
      <h3 id="by-model-title">By model</h3>
      <ErrorBanner
        error={error}
        message="The breakdown by model could not be loaded."
        onRetry={() => void refetch()}
      />
      {loading && rows.length === 0 && <p className="muted">Loading models…</p>}
      {!loading && !error && rows.length === 0 && <p className="muted">No calls this month yet.</p>}
      {rows.length > 0 && (
        <DataTable
          label="By model"
          labelledBy="by-model-title"
          columns={COLUMNS}
          rows={rows}
          rowKey={(row) => `${row.service}:${row.model ?? ''}`}
        />
      )}
    </div>
  );
}
