import { useId } from 'react';
import type { QuotaBarFragment } from '../../__generated__/graphql';
import { LEVEL_STYLES } from '../../shared/levels';
import { formatDate } from '../../shared/periods';
import { formatMetricPair, formatPercent } from '../../shared/units';

interface QuotaBarProps {
  quota: QuotaBarFragment;
  /** What is limited, e.g. "Monthly token limit". */
  label: string;
}

function projection(quota: QuotaBarFragment): string {
  if (quota.percentUsed >= 100) {
    const state = quota.percentUsed > 100 ? 'exceeded' : 'reached';
    return `Limit ${state}. Calls are still recorded and billed.`;
  }
  if (quota.projectedLimitAt) {
    return `At this pace the limit will be reached on ${formatDate(quota.projectedLimitAt)}.`;
  }
  return 'At this pace you will stay within the limit this month.';
}

/** A quota's standing. Its colour is the API's `level`; the percentage and level name are always written out too. */
export function QuotaBar({ quota, label }: QuotaBarProps) {
  const labelId = useId();
  const style = LEVEL_STYLES[quota.level];
  const percent = formatPercent(quota.percentUsed);
  const amounts = formatMetricPair(quota.metric, quota.used, quota.limit);
  const filled = Math.min(Math.max(quota.percentUsed, 0), 100);

  return (
    <div className={`quota ${style.className}`} data-level={quota.level}>
      <div className="quota-head">
        <span id={labelId} className="quota-label">
          {label}
        </span>
        <span className="quota-figure">
          <strong>{percent}</strong> <span className="level-badge">{style.label}</span>
        </span>
      </div>
      <div
        className="quota-track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(filled * 10) / 10}
        aria-valuetext={`${percent} used: ${amounts}. ${style.label}.`}
      >
        <div className="quota-fill" style={{ width: `${filled}%` }} />
      </div>
      <p className="quota-detail">
        {amounts}
      </p>
      <p className="quota-projection">{projection(quota)}</p>
    </div>
  );
}
