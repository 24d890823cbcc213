import type { TotalCostCardFragment } from '../../__generated__/graphql';
import { formatUsd } from '../../shared/money';
import { formatPeriod } from '../../shared/periods';
import { TrendBadge } from '../../shared/TrendBadge';
import { formatCalls, formatCount } from '../../shared/units';

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
              current={summary.totalCostUsd}
              previous={summary.previousPeriodTotalCostUsd}
              against="last month"
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
