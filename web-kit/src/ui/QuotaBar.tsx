import { useId } from 'react';
import { formatPercent, LEVEL_STYLES, type Level } from '../levels/levels';
import { formatDate } from '../periods/periods';
import { formatMetricPair, type MetricName } from '../units/units';

/** What both apps' QuotaBar fragments select of a QuotaUsage. */
export interface QuotaStanding {
  metric: MetricName;
  used: number;
  limit: number;
  percentUsed: number;
  level: Level;
  projectedLimitAt?: string | null;
}

/** Where the month is heading at the current pace, in words. */
export function describeProjection(quota: QuotaStanding): string {
  if (quota.percentUsed >= 100) {
    return `Limit ${quota.percentUsed > 100 ? 'exceeded' : 'reached'}. Calls are still recorded and billed.`;
  }
  if (quota.projectedLimitAt)
    return `At this pace the limit will be reached on ${formatDate(quota.projectedLimitAt)}.`;
  return 'At this pace the limit will not be reached this month.';
}

export interface QuotaBarProps {
  quota: QuotaStanding;
  /** What is limited, e.g. "Monthly token limit"; also the progress bar's accessible name. */
  label: string;
  /** For table cells: the label is left to the column header (kept for screen readers) and no projection is shown. */
  compact?: boolean;
}

/**
 * A quota's standing. Its colour is the API's `level`; the percentage and the level's name are
 * always written out too, so colour is never the only signal.
 */
export function QuotaBar({ quota, label, compact = false }: QuotaBarProps) {
  const labelId = useId();
  const style = LEVEL_STYLES[quota.level];
  const percent = formatPercent(quota.percentUsed);
  const amounts = formatMetricPair(quota.metric, quota.used, quota.limit);
  const filled = Math.min(Math.max(quota.percentUsed, 0), 100);

  return (
    <div className={`quota ${style.className}${compact ? ' quota-compact' : ''}`} data-level={quota.level}>
      <div className="quota-head">
        <span id={labelId} className={compact ? 'visually-hidden' : 'quota-label'}>
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
      <p className="quota-detail">{amounts}</p>
      {!compact && <p className="quota-projection">{describeProjection(quota)}</p>}
    </div>
  );
}
