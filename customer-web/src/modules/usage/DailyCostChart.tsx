import { useQuery } from '@apollo/client/react';
import { DailyCostDocument, type DailyCostQuery } from '../../__generated__/graphql';
import { LazyStackedBarChart } from '../../shared/charts/LazyStackedBarChart';
import { addDecimals, formatUsd } from '../../shared/money';
import { formatDay } from '../../shared/periods';
import { dailyCostOfPeriod } from './daily-cost';

export function DailyCostChart({ period }: { period: string }) {
  const { data, previousData, error, refetch } = useQuery(DailyCostDocument);
  const timeSeries = (data ?? previousData)?.usageTimeSeries;

  return (
    <div className="table-block">
      <h3 id="daily-cost-title">Daily cost this month</h3>
      {error && (
        <p className="banner banner-error" role="alert">
          The daily chart could not be loaded.{' '}
          <button type="button" className="link-button" onClick={() => void refetch()}>
            Try again
          </button>
        </p>
      )}
      {!timeSeries && !error && <div className="chart chart-loading">Loading chart…</div>}
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
      <LazyStackedBarChart title="Daily cost this month by service, stacked" labels={labels} series={series} />
      <details className="chart-data">
        <summary>Show daily costs as a table</summary>
        <div className="table-scroll" role="region" aria-label="Daily costs" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                {series.map((s) => (
                  <th key={s.label} scope="col" className="num">
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={days[i]}>
                  <th scope="row">{label}</th>
                  {series.map((s) => (
                    <td key={s.label} className="num money">
                      {formatUsd(s.values[i])}
                    </td>
                  ))}
                  <td className="num money">{formatUsd(addDecimals(...series.map((s) => s.values[i])))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
