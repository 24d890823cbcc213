import { ZERO, formatMoney, formatScaledMoney, money, parseScaledMoney, type Money } from '../../core/lib/money.js';
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
  // Totals in integers of 10^-12 USD: a year of one tenant's models is thousands of points, and a
  // decimal addition per point was most of this function. Text the integers cannot hold exactly
  // (more than 12 decimals; rollups never have them) is added as a decimal instead.
  const lines = new Map<string, SeriesLineRecord & { scaled: bigint; rest: Money }>();
  for (const point of points) {
    const i = index.get(point.date);
    if (i === undefined) continue;
    let line = lines.get(point.key);
    if (!line) {
      line = { key: point.key, scaled: 0n, rest: ZERO, totalCostUsd: '0', totalApiCalls: 0, costUsd: dates.map(() => '0'), apiCalls: dates.map(() => 0), units: dates.map(() => 0) };
      lines.set(point.key, line);
    }
    line.costUsd[i] = point.costUsd;
    line.apiCalls[i] = point.apiCalls;
    line.units[i] = point.units;
    const scaled = parseScaledMoney(point.costUsd);
    if (scaled === undefined) line.rest = line.rest.plus(point.costUsd);
    else line.scaled += scaled;
    line.totalApiCalls += point.apiCalls;
  }
  const totalled = [...lines.values()].map(({ scaled, rest, ...line }) => ({
    line,
    total: rest.isZero() ? null : rest.plus(formatScaledMoney(scaled)),
    scaled,
  }));
  const compare = (a: (typeof totalled)[number], b: (typeof totalled)[number]) =>
    a.total === null && b.total === null ? (a.scaled < b.scaled ? -1 : a.scaled > b.scaled ? 1 : 0) : money(a.total ?? formatScaledMoney(a.scaled)).comparedTo(b.total ?? formatScaledMoney(b.scaled));
  return totalled
    .sort((a, b) => compare(b, a) || b.line.totalApiCalls - a.line.totalApiCalls || (a.line.key < b.line.key ? -1 : a.line.key > b.line.key ? 1 : 0))
    .map(({ line, total, scaled }) => ({ ...line, totalCostUsd: total === null ? formatScaledMoney(scaled) : formatMoney(total) }));
}
