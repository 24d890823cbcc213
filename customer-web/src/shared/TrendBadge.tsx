import { trendBetween } from './trend';

const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

interface TrendBadgeProps {
  current: string;
  previous: string;
  /** What the change is measured against, read after the figure: "last month". */
  against: string;
}

/** Arrow and percent of a cost change; rising cost is shown as the warning colour. */
export function TrendBadge({ current, previous, against }: TrendBadgeProps) {
  const trend = trendBetween(current, previous);
  const figure = trend.percent === null ? 'new' : `${trend.percent} %`;
  return (
    <span className={`trend trend-${trend.direction}`}>
      <span aria-hidden="true">
        {ARROWS[trend.direction]} {trend.direction === 'flat' ? 'no change' : figure}
      </span>
      <span className="visually-hidden">
        {trend.description} compared with {against}
      </span>
    </span>
  );
}
