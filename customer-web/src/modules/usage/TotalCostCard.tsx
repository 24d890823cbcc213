import { formatUsd } from '@usage-monitor/web-kit/money';
import { formatPeriod } from '@usage-monitor/web-kit/periods';
import { formatCalls, formatCount } from '@usage-monitor/web-kit/units';
import { computeTrend } from '@usage-monitor/web-kit/trend';
import { TrendBadge } from '@usage-monitor/web-kit/ui';
import type { TotalCostCardFragment } from '../../__generated__/graphql';

export function TotalCostCard({ summary }: { summary: TotalCostCardFragment }) {
  const empty = summary.totalApiCalls === 0;
  return (
    <section className="card total-card" aria-labelledby="total-title">
      <h2 id="total-title">Total cost · {formatPeriod(summary.period)}</h2>
      <p className="total-amount money">{formatUsd(summary.totalCostUsd)}</p>
      {empty ? (
        <p className="muted">No usage recorded this month yet.</p>
      ) : (
        <>
          <p className="total-trend">
            <TrendBadge
              trend={computeTrend(summary.totalCostUsd, summary.previousPeriodTotalCostUsd, 'last month')}
              upIsGood={false}
            />{' '}
            <span className="muted">vs last month ({formatUsd(summary.previousPeriodTotalCostUsd)})</span>
          </p>
          <p>
            Projected month end: <strong className="money">{formatUsd(summary.projectedMonthEndCostUsd)}</strong>{' '}
            <span className="muted">at the current pace</span>
          </p>
          <p className="muted small">
            {formatCalls(summary.totalApiCalls)}
            {summary.errorCalls > 0 && ` · ${formatCount(summary.errorCalls)} failed (billed as usual)`}
          </p>
        </>
      )}
    </section>
  );
}
