import type { QuotaBarFragment } from '../../__generated__/graphql';
import { formatDateTime, formatMetricValue, METRIC_LABEL } from '../../shared/format';
import { formatPercent, LEVEL_STYLE } from '../../shared/level';

/**
 * One metric's standing: colour from the API's level, plus the percent and level in text so
 * colour is never the only signal.
 */
export function QuotaBar({ usage, compact = false }: { usage: QuotaBarFragment; compact?: boolean }) {
  const style = LEVEL_STYLE[usage.level];
  const percent = formatPercent(usage.percentUsed);
  const width = Math.max(0, Math.min(100, usage.percentUsed));
  const label = METRIC_LABEL[usage.metric];
  return (
    <div className={`quota-bar ${style.className}${compact ? ' quota-bar-compact' : ''}`}>
      {!compact && (
        <div className="quota-bar-head">
          <span className="quota-bar-label">{label}</span>
          <span className="quota-bar-level">{style.label}</span>
        </div>
      )}
      <div className="quota-bar-row">
        <div
          className="quota-bar-track"
          role="progressbar"
          aria-label={`${label} used`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(width)}
          aria-valuetext={`${percent} of limit (${style.label})`}
        >
          <div className="quota-bar-fill" style={{ width: `${width}%` }} />
        </div>
        <span className="quota-bar-percent">{percent}</span>
      </div>
      <div className="quota-bar-detail">
        {formatMetricValue(usage.metric, usage.used)} of {formatMetricValue(usage.metric, usage.limit)}
        {compact && <span className="quota-bar-level-inline"> · {style.label}</span>}
      </div>
      {usage.projectedLimitAt && (
        <div className="quota-bar-projection">Limit reached at this pace: {formatDateTime(usage.projectedLimitAt)}</div>
      )}
    </div>
  );
}
