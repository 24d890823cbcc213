import { useQuery } from '@apollo/client/react';
import { formatUsd } from '@usage-monitor/web-kit/money';
import { formatPeriod } from '@usage-monitor/web-kit/periods';
import {
  formatCharacters,
  formatCount,
  formatMinutes,
  formatTokens,
  SERVICE_COLOURS,
  SERVICE_LABELS,
} from '@usage-monitor/web-kit/units';
import { LazyStackedBarChart } from '@usage-monitor/web-kit/charts';
import { computeTrend } from '@usage-monitor/web-kit/trend';
import { DataTable, ErrorBanner, TrendBadge, type Column } from '@usage-monitor/web-kit/ui';
import { UsageHistoryDocument, type UsageHistoryQuery } from '../../__generated__/graphql';

type MonthSummary = UsageHistoryQuery['usageHistory'][number];

function historySeries(months: readonly MonthSummary[]) {
  return [
    {
      label: SERVICE_LABELS.OPENAI,
      colour: SERVICE_COLOURS.OPENAI,
      values: months.map((m) => m.openaiCostUsd),
    },
    {
      label: SERVICE_LABELS.ELEVENLABS,
      colour: SERVICE_COLOURS.ELEVENLABS,
      values: months.map((m) => m.elevenlabsCostUsd),
    },
    {
      label: SERVICE_LABELS.SMARTFLO,
      colour: SERVICE_COLOURS.SMARTFLO,
      values: months.map((m) => m.smartfloCostUsd),
    },
  ];
}

export function HistoryTab() {
  const { data, previousData, loading, error, refetch } = useQuery(UsageHistoryDocument);
  // The API answers oldest first; the table reads newest first, the chart left to right.
  const months = (data ?? previousData)?.usageHistory ?? [];

  return (
    <div className="stack">
      <ErrorBanner
        error={error}
        message="Your usage history could not be loaded."
        onRetry={() => void refetch()}
      />
      {loading && months.length === 0 && <p className="muted">Loading your usage history…</p>}
      {months.length > 0 && (
        <>
          <div className="table-block">
            <h3 id="history-chart-title">Cost per month by service</h3>
            <LazyStackedBarChart
              title="Cost per month over the last six months, stacked by service"
              labels={months.map((m) => formatPeriod(m.period, 'short'))}
              series={historySeries(months)}
            />
          </div>
          <HistoryTable months={months} />
        </>
      )}
    </div>
  );
}

interface HistoryRow {
  month: MonthSummary;
  previous: MonthSummary | undefined;
}

function serviceCell(cost: string, usage: string) {
  return (
    <>
      <span className="money">{formatUsd(cost)}</span>
      <span className="cell-note">{usage}</span>
    </>
  );
}

const HISTORY_COLUMNS: readonly Column<HistoryRow>[] = [
  { key: 'month', header: 'Month', rowHeader: true, cell: ({ month }) => formatPeriod(month.period) },
  {
    key: 'openai',
    header: SERVICE_LABELS.OPENAI,
    numeric: true,
    cell: ({ month }) => serviceCell(month.openaiCostUsd, formatTokens(month.openaiTotalTokens)),
  },
  {
    key: 'elevenlabs',
    header: SERVICE_LABELS.ELEVENLABS,
    numeric: true,
    cell: ({ month }) => serviceCell(month.elevenlabsCostUsd, formatCharacters(month.elevenlabsCharacters)),
  },
  {
    key: 'smartflo',
    header: SERVICE_LABELS.SMARTFLO,
    numeric: true,
    cell: ({ month }) => serviceCell(month.smartfloCostUsd, formatMinutes(month.smartfloMinutes)),
  },
  {
    key: 'total',
    header: 'Total',
    numeric: true,
    className: 'money strong',
    cell: ({ month }) => formatUsd(month.totalCostUsd),
  },
  { key: 'calls', header: 'Calls', numeric: true, cell: ({ month }) => formatCount(month.totalApiCalls) },
  {
    key: 'change',
    header: 'Change',
    cell: ({ month, previous }) =>
      previous ? (
        <TrendBadge
          trend={computeTrend(month.totalCostUsd, previous.totalCostUsd, formatPeriod(previous.period))}
          upIsGood={false}
        />
      ) : (
        <span className="muted">—</span>
      ),
  },
];

function HistoryTable({ months }: { months: readonly MonthSummary[] }) {
  const rows: HistoryRow[] = months.map((month, i) => ({ month, previous: months[i - 1] })).reverse();
  return (
    <div className="table-block">
      <h3 id="history-table-title">The last six months</h3>
      <DataTable
        label="The last six months"
        labelledBy="history-table-title"
        columns={HISTORY_COLUMNS}
        rows={rows}
        rowKey={({ month }) => month.period}
      />
    </div>
  );
}
