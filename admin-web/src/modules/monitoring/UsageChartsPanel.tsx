import { useQuery } from '@apollo/client/react';
import { costPerCall, dailyAverage, parseEndUser } from '@usage-monitor/web-kit/end-users';
import { LazyBarChart, LazyDoughnutChart, LazyLineChart, PALETTE } from '@usage-monitor/web-kit/charts';
import { decimalToChartNumber, formatUsd, percentOf } from '@usage-monitor/web-kit/money';
import { computeTrend } from '@usage-monitor/web-kit/trend';
import { ErrorBanner, SkeletonRows, TrendBadge } from '@usage-monitor/web-kit/ui';
import { formatCount, SERVICE_COLOURS, SERVICE_LABELS, type ServiceName } from '@usage-monitor/web-kit/units';
import { usePatchParams, withParams } from '@usage-monitor/web-kit/url';
import { UsageChartsDocument, type SeriesFieldsFragment } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { readChoice, readString } from '../../shared/urlFilters';
import { TenantSelect } from '../customers/TenantSelect';
import { AdminEndUserFilter } from '../end-users/AdminEndUserFilter';
import { buildDailySeries, topWithOther, totalsByKey } from './timeSeries';

export const RANGE_DAYS = [7, 30, 90, 365] as const;

const serviceName = (key: string) => SERVICE_LABELS[key as ServiceName] ?? key;
const usdTick = (v: number) => `$${v.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

export function UsageChartsPanel() {
  const [params, patch] = usePatchParams();
  const days = readChoice(params, 'days', RANGE_DAYS, 30);
  const tenantId = readString(params, 'customer');
  // An end user is only meaningful inside its tenant (the API refuses one without it).
  const endUser = tenantId ? parseEndUser(params.get('user')) : undefined;
  const { data, previousData, loading, error, refetch } = useQuery(UsageChartsDocument, {
    variables: { days, tenantId, endUser },
    pollInterval: usePollInterval(),
  });
  const shown = data ?? previousData;

  return (
    <section className="section" aria-labelledby="charts-heading">
      <div className="section-head">
        <h2 id="charts-heading">Trends</h2>
        <div className="toolbar toolbar-tight">
          <div className="segmented" role="group" aria-label="Time range">
            {RANGE_DAYS.map((d) => (
              <button
                key={d}
                type="button"
                className="segment"
                aria-pressed={d === days}
                onClick={() => patch((current) => withParams(current, { days: d === 30 ? undefined : d }))}
              >
                {d === 365 ? '1 year' : `${d} days`}
              </button>
            ))}
          </div>
          <TenantSelect value={tenantId} onChange={(id) => patch((current) => withParams(current, { customer: id, user: undefined }))} />
          <AdminEndUserFilter tenantId={tenantId} value={endUser} onChange={(user) => patch((current) => withParams(current, { user }))} />
        </div>
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonRows rows={6} label="Loading charts" />}
      {shown && (
        <ChartsBody byService={shown.byService} byModel={shown.byModel} days={days} endUser={endUser} refreshing={loading} />
      )}
    </section>
  );
}

function ChartsBody({
  byService,
  byModel,
  days,
  endUser,
  refreshing,
}: {
  byService: SeriesFieldsFragment;
  byModel: SeriesFieldsFragment;
  days: number;
  endUser: string | undefined;
  refreshing: boolean;
}) {
  const daily = buildDailySeries(byService.dates, byService.lines);
  const models = topWithOther(totalsByKey(byModel.lines), 10);
  const trend = computeTrend(
    byService.totalCostUsd,
    byService.previousTotalCostUsd,
    `the previous ${days} days`,
  );
  const callsTrend = computeTrend(
    byService.totalApiCalls,
    byService.previousTotalApiCalls,
    `the previous ${days} days`,
  );
  const costSeries = daily.keys.map((k) => ({
    label: serviceName(k),
    values: daily.cost[k].map(decimalToChartNumber),
    display: daily.cost[k].map(formatUsd),
    colour: SERVICE_COLOURS[k as ServiceName] ?? PALETTE[0],
  }));
  const totalModelCalls = models.reduce((s, m) => s + m.apiCalls, 0);

  return (
    <div className={refreshing ? 'is-refreshing' : undefined}>
      <div className="comparison">
        <div>
          <span className="muted small">Cost, last {days} days{endUser && ` · ${endUser}`}</span>
          <strong className="money-highlight">{formatUsd(byService.totalCostUsd)}</strong>
          <TrendBadge trend={trend} />
          <span className="muted small">
            previous {days} days: {formatUsd(byService.previousTotalCostUsd)}
          </span>
        </div>
        <div>
          <span className="muted small">API calls, last {days} days</span>
          <strong>{formatCount(byService.totalApiCalls)}</strong>
          <TrendBadge trend={callsTrend} />
          <span className="muted small">
            previous {days} days: {formatCount(byService.previousTotalApiCalls)}
          </span>
        </div>
        <div>
          <span className="muted small">Cost per call</span>
          <strong>{formatUsd(costPerCall(byService.totalCostUsd, byService.totalApiCalls))}</strong>
          <span className="muted small">Daily average</span>
          <strong>{formatUsd(dailyAverage(byService.totalCostUsd, days))}</strong>
        </div>
      </div>
      <div className="chart-grid">
        <figure className="card chart-card">
          <figcaption>Daily cost</figcaption>
          <LazyLineChart
            labels={daily.labels}
            series={costSeries}
            yTick={usdTick}
            ariaLabel={`Daily cost by service over the last ${days} days; total ${formatUsd(byService.totalCostUsd)}`}
          />
        </figure>
        <figure className="card chart-card">
          <figcaption>API calls over time</figcaption>
          <LazyLineChart
            labels={daily.labels}
            series={daily.keys.map((k) => ({
              label: serviceName(k),
              values: [...daily.calls[k]],
              display: daily.calls[k].map(formatCount),
              colour: SERVICE_COLOURS[k as ServiceName] ?? PALETTE[0],
            }))}
            ariaLabel={`API calls per day by service over the last ${days} days; total ${formatCount(byService.totalApiCalls)}`}
          />
        </figure>
        <figure className="card chart-card">
          <figcaption>Cost by model</figcaption>
          <LazyBarChart
            labels={models.map((m) => m.key)}
            series={[
              {
                label: 'Cost',
                values: models.map((m) => decimalToChartNumber(m.costUsd)),
                display: models.map((m) => formatUsd(m.costUsd)),
                colour: PALETTE[0],
              },
            ]}
            yTick={usdTick}
            ariaLabel={`Cost by model: ${models.map((m) => `${m.key} ${formatUsd(m.costUsd)}`).join(', ') || 'no usage'}`}
          />
        </figure>
        <figure className="card chart-card">
          <figcaption>Model distribution (API calls)</figcaption>
          <LazyDoughnutChart
            labels={models.map((m) => m.key)}
            values={models.map((m) => m.apiCalls)}
            display={models.map(
              (m) => `${formatCount(m.apiCalls)} calls (${percentOf(m.apiCalls, totalModelCalls) ?? '0'}%)`,
            )}
            colours={models.map((_, i) => PALETTE[i % PALETTE.length])}
            ariaLabel={`Share of API calls by model: ${models.map((m) => `${m.key} ${percentOf(m.apiCalls, totalModelCalls) ?? '0'}%`).join(', ') || 'no usage'}`}
          />
        </figure>
      </div>
    </div>
  );
}
