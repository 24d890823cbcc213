import { TREND_ARROW, trendTone, type Trend } from '../trend';

export function TrendBadge({ trend, upIsGood = true }: { trend: Trend; upIsGood?: boolean }) {
  const tone = trendTone(trend.direction, upIsGood);
  const shown = trend.direction === 'new' ? 'new' : `${trend.percent}%`;
  return (
    <span className={`trend trend-${tone}`} title={trend.text}>
      <span aria-hidden="true">
        {TREND_ARROW[trend.direction]} {shown}
      </span>
      <span className="visually-hidden">{trend.text}</span>
    </span>
  );
}
