import { MoneySum, money } from '../../../core/lib/money.js';
import { DAY_MS, formatDay } from '../../../core/lib/period.js';
import { normalizeDecimal } from '../usage-log.record.js';

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

/** A point as PostgreSQL sends it, in text: [date, key, cost, calls, units]. */
export type SeriesRow = readonly [date: string, key: string, costUsd: string, apiCalls: string, units: string];

/**
 * Rows ordered by date and key as points, one per (date, key). A key can come twice in a day when
 * rows are read unsummed (a model named like another service's key, or one model under two
 * services); those rows are adjacent and add up, exactly.
 */
export function seriesPoints(rows: readonly SeriesRow[]): SeriesPointRecord[] {
  const points: SeriesPointRecord[] = [];
  let last: SeriesRow | undefined;
  for (const row of rows) {
    if (last !== undefined && last[0] === row[0] && last[1] === row[1]) {
      last = [row[0], row[1], money(last[2]).plus(row[2]).toFixed(), String(BigInt(last[3]) + BigInt(row[3])), money(last[4]).plus(row[4]).toFixed()];
      points[points.length - 1] = pointFromRow(last);
    } else {
      last = row;
      points.push(pointFromRow(row));
    }
  }
  return points;
}

function pointFromRow(row: SeriesRow): SeriesPointRecord {
  return { date: row[0], key: row[1], costUsd: normalizeDecimal(row[2]), apiCalls: Number(row[3]), units: Number(row[4]) };
}

/**
 * The same points as one line per key, each value list aligned with `dates` and zero-filled
 * (a day without usage is a real zero on a chart). Lines come highest exact total cost first,
 * then most calls, then by key, so the order never depends on float rounding. Each (date, key)
 * is one point (seriesPoints), so values are placed, never added.
 */
export function seriesLines(dates: readonly string[], points: readonly SeriesPointRecord[]): SeriesLineRecord[] {
  const index = new Map(dates.map((date, i) => [date, i]));
  // Totals are exact sums without a decimal per point: a year of one tenant's models is
  // thousands of points, and the per-point arithmetic was most of this function.
  const lines = new Map<string, SeriesLineRecord & { cost: MoneySum }>();
  for (const point of points) {
    const i = index.get(point.date);
    if (i === undefined) continue;
    let line = lines.get(point.key);
    if (!line) {
      line = { key: point.key, cost: new MoneySum(), totalCostUsd: '0', totalApiCalls: 0, costUsd: dates.map(() => '0'), apiCalls: dates.map(() => 0), units: dates.map(() => 0) };
      lines.set(point.key, line);
    }
    line.costUsd[i] = point.costUsd;
    line.apiCalls[i] = point.apiCalls;
    line.units[i] = point.units;
    line.cost.add(point.costUsd);
    line.totalApiCalls += point.apiCalls;
  }
  return [...lines.values()]
    .sort((a, b) => b.cost.compare(a.cost) || b.totalApiCalls - a.totalApiCalls || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ cost, ...line }) => ({ ...line, totalCostUsd: cost.total() }));
}
