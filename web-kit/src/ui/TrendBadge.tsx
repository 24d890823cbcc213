import { TREND_ARROWS, trendTone, type Trend } from '../trend/trend';

/**
 * Arrow and percent of a change, coloured by whether it is good news for the reader (`upIsGood`:
 * revenue to an admin yes, cost to a customer no); the words are there for screen readers.
 */
export function TrendBadge({ trend, upIsGood = true }: { trend: Trend; upIsGood?: boolean }) {
  const tone = trendTone(trend.direction, upIsGood);
  const shown =
    trend.direction === 'new' ? 'new' : trend.direction === 'flat' ? 'no change' : `${trend.percent}%`;
  return (
    <span className={`trend trend-${tone}`} title={trend.text}>
      <span aria-hidden="true">
        {TREND_ARROWS[trend.direction]} {shown}
      </span>
      <span className="visually-hidden">{trend.text}</span>
    </span>
  );
}
