import { ZERO, formatMoney, type Money } from '../../core/lib/money.js';
import { DAY_MS, formatDay } from '../../core/lib/period.js';

export interface SeriesPointRecord {
  date: string;
  key: string;
  costUsd: string;
  apiCalls: number;
  units: number;
}

export interface SeriesLineRecord {
  key: string;
  totalCostUsd: string;
  totalApiCalls: number;
  costUsd: string[];
  apiCalls: number[];
  units: number[];
}

/** UTC days "YYYY-MM-DD" of the half-open [from, to), oldest first. */
export function seriesDates(from: Date, to: Date): string[] {
  const dates: string[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) dates.push(formatDay(new Date(t)));
  return dates;
}

/**
 * The same points as one line per key, each value list aligned with `dates` and zero-filled
 * (a day without usage is a real zero on a chart). Lines come highest exact total cost first,
 * then most calls, then by key, so the order never depends on float rounding. Each (date, key)
 * is one point (the SQL groups by both), so values are placed, never added.
 */
export function seriesLines(dates: readonly string[], points: readonly SeriesPointRecord[]): SeriesLineRecord[] {
  const index = new Map(dates.map((date, i) => [date, i]));
  const lines = new Map<string, SeriesLineRecord & { total: Money }>();
  for (const point of points) {
    const i = index.get(point.date);
    if (i === undefined) continue;
    let line = lines.get(point.key);
    if (!line) {
      line = { key: point.key, total: ZERO, totalCostUsd: '0', totalApiCalls: 0, costUsd: dates.map(() => '0'), apiCalls: dates.map(() => 0), units: dates.map(() => 0) };
      lines.set(point.key, line);
    }
    line.costUsd[i] = point.costUsd;
    line.apiCalls[i] = point.apiCalls;
    line.units[i] = point.units;
    line.total = line.total.plus(point.costUsd);
    line.totalApiCalls += point.apiCalls;
  }
  return [...lines.values()]
    .sort((a, b) => b.total.comparedTo(a.total) || b.totalApiCalls - a.totalApiCalls || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ total, ...line }) => ({ ...line, totalCostUsd: formatMoney(total) }));
}
