import { useQuery } from '@apollo/client/react';
import { UsageHistoryDocument, type UsageHistoryQuery } from '../../__generated__/graphql';
import { LazyStackedBarChart } from '../../shared/charts/LazyStackedBarChart';
import { formatUsd } from '../../shared/money';
import { formatPeriod } from '../../shared/periods';
import { SERVICE_COLOURS, SERVICE_LABELS } from '../../shared/services';
import { TrendBadge } from '../../shared/TrendBadge';
import { formatCharacters, formatCount, formatMinutes, formatTokens } from '../../shared/units';

type MonthSummary = UsageHistoryQuery['usageHistory'][number];

function historySeries(months: readonly MonthSummary[]) {
  return [
    { label: SERVICE_LABELS.OPENAI, colour: SERVICE_COLOURS.OPENAI, values: months.map((m) => m.openaiCostUsd) },
    {
      label: SERVICE_LABELS.ELEVENLABS,
      colour: SERVICE_COLOURS.ELEVENLABS,
      values: months.map((m) => m.elevenlabsCostUsd),
    },
    { label: SERVICE_LABELS.SMARTFLO, colour: SERVICE_COLOURS.SMARTFLO, values: months.map((m) => m.smartfloCostUsd) },
  ];
}

export function HistoryTab() {
  const { data, previousData, loading, error, refetch } = useQuery(UsageHistoryDocument);
  // The API answers oldest first; the table reads newest first, the chart left to right.
  const months = (data ?? previousData)?.usageHistory ?? [];

  return (
    <div className="stack">
      {error && (
        <p className="banner banner-error" role="alert">
          Your usage history could not be loaded.{' '}
          <button type="button" className="link-button" onClick={() => void refetch()}>
            Try again
          </button>
        </p>
      )}
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

function HistoryTable({ months }: { months: readonly MonthSummary[] }) {
  const rows = months.map((month, i) => ({ month, previous: months[i - 1] })).reverse();
  return (
    <div className="table-block">
      <h3 id="history-table-title">The last six months</h3>
      <div className="table-scroll" role="region" aria-labelledby="history-table-title" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">
                OpenAI
              </th>
              <th scope="col" className="num">
                ElevenLabs
              </th>
              <th scope="col" className="num">
                Smartflo
              </th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col" className="num">
                Calls
              </th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ month, previous }) => (
              <tr key={month.period}>
                <th scope="row">{formatPeriod(month.period)}</th>
                <td className="num">
                  <span className="money">{formatUsd(month.openaiCostUsd)}</span>
                  <span className="cell-note">{formatTokens(month.openaiTotalTokens)}</span>
                </td>
                <td className="num">
                  <span className="money">{formatUsd(month.elevenlabsCostUsd)}</span>
                  <span className="cell-note">{formatCharacters(month.elevenlabsCharacters)}</span>
                </td>
                <td className="num">
                  <span className="money">{formatUsd(month.smartfloCostUsd)}</span>
                  <span className="cell-note">{formatMinutes(month.smartfloMinutes)}</span>
                </td>
                <td className="num money strong">{formatUsd(month.totalCostUsd)}</td>
                <td className="num">{formatCount(month.totalApiCalls)}</td>
                <td>
                  {previous ? (
                    <TrendBadge
                      current={month.totalCostUsd}
                      previous={previous.totalCostUsd}
                      against={formatPeriod(previous.period)}
                    />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
