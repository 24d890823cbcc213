import { useQuery } from '@apollo/client/react';
import { costPerCall, dailyAverage } from '@usage-monitor/web-kit/end-users';
import { addDecimals, formatUsd } from '@usage-monitor/web-kit/money';
import { formatDay } from '@usage-monitor/web-kit/periods';
import { LazyStackedBarChart } from '@usage-monitor/web-kit/charts';
import { DataTable, ErrorBanner } from '@usage-monitor/web-kit/ui';
import { DailyCostDocument, type DailyCostQuery } from '../../__generated__/graphql';
import { PortalEndUserFilter, useEndUserParam } from '../end-users/PortalEndUserFilter';
import { dailyCostOfPeriod } from './daily-cost';

export function DailyCostChart({ period }: { period: string }) {
  const [endUser] = useEndUserParam();
  const { data, previousData, error, refetch } = useQuery(DailyCostDocument, { variables: { endUser } });
  const timeSeries = (data ?? previousData)?.usageTimeSeries;

  return (
    <div className="table-block">
      <div className="panel-head">
        <h3 id="daily-cost-title">Daily cost this month{endUser && ` · ${endUser}`}</h3>
        <PortalEndUserFilter />
      </div>
      <ErrorBanner
        error={error}
        message="The daily chart could not be loaded."
        onRetry={() => void refetch()}
      />
      {!timeSeries && !error && <div className="chart-box chart-loading">Loading chart…</div>}
      {timeSeries && <DailyCostBody timeSeries={timeSeries} period={period} />}
    </div>
  );
}

interface DailyCostBodyProps {
  timeSeries: DailyCostQuery['usageTimeSeries'];
  period: string;
}

function DailyCostBody({ timeSeries, period }: DailyCostBodyProps) {
  const { days, series } = dailyCostOfPeriod(timeSeries, period);
  if (series.length === 0) return <p className="muted">No cost recorded on any day this month yet.</p>;
  const labels = days.map(formatDay);
  return (
    <>
      <p className="eu-rates small">
        <span>
          Last {timeSeries.days} days: <strong className="money">{formatUsd(timeSeries.totalCostUsd)}</strong>
        </span>
        <span>
          Cost per call: <strong className="money">{formatUsd(costPerCall(timeSeries.totalCostUsd, timeSeries.totalApiCalls))}</strong>
        </span>
        <span>
          Daily average: <strong className="money">{formatUsd(dailyAverage(timeSeries.totalCostUsd, timeSeries.days))}</strong>
        </span>
      </p>
      <LazyStackedBarChart
        title="Daily cost this month by service, stacked"
        labels={labels}
        series={series}
      />
      <details className="chart-data">
        <summary>Show daily costs as a table</summary>
        <DataTable
          label="Daily costs"
          columns={[
            { key: 'day', header: 'Day', rowHeader: true, cell: (i: number) => labels[i] },
            ...series.map((s) => ({
              key: s.label,
              header: s.label,
              numeric: true,
              className: 'money',
              cell: (i: number) => formatUsd(s.values[i]),
            })),
            {
              key: 'total',
              header: 'Total',
              numeric: true,
              className: 'money',
              cell: (i: number) => formatUsd(addDecimals(...series.map((s) => s.values[i]))),
            },
          ]}
          rows={days.map((_, i) => i)}
          rowKey={(i) => days[i]}
        />
      </details>
    </>
  );
}
