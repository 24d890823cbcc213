import { addDecimals, compareDecimals, sumDecimals } from '../../shared/money';

export interface SeriesPoint {
  date: string;
  key: string;
  costUsd: string;
  apiCalls: number;
  units: number;
}

/** UTC calendar days "YYYY-MM-DD" in the half-open [from, to). */
export function dayRange(fromIso: string, toIso: string): string[] {
  const days: string[] = [];
  const cursor = new Date(fromIso);
  cursor.setUTCHours(0, 0, 0, 0);
  const end = new Date(toIso).getTime();
  // 400 is a guard against a malformed range, above the largest window (365 days).
  while (cursor.getTime() < end && days.length < 400) {
    days.push(cursor.toISOString().slice(0, 10));
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

export interface DailySeries {
  labels: string[];
  /** Keys (services or models) by total cost, highest first. */
  keys: string[];
  /** Exact cost per key per day (zero-filled). */
  cost: Record<string, string[]>;
  calls: Record<string, number[]>;
  totalCost: string[];
  totalCalls: number[];
}

/** Zero-filled day-by-key matrices; days with no usage are real zeros on a trend chart. */
export function buildDailySeries(points: readonly SeriesPoint[], fromIso: string, toIso: string): DailySeries {
  const labels = dayRange(fromIso, toIso);
  const index = new Map(labels.map((d, i) => [d, i]));
  const keys = totalsByKey(points).map((t) => t.key);
  const cost: Record<string, string[]> = {};
  const calls: Record<string, number[]> = {};
  for (const key of keys) {
    cost[key] = labels.map(() => '0');
    calls[key] = labels.map(() => 0);
  }
  for (const p of points) {
    const i = index.get(p.date);
    if (i === undefined) continue;
    cost[p.key][i] = addDecimals(cost[p.key][i], p.costUsd);
    calls[p.key][i] += p.apiCalls;
  }
  const totalCost = labels.map((_, i) => sumDecimals(keys.map((k) => cost[k][i])));
  const totalCalls = labels.map((_, i) => keys.reduce((sum, k) => sum + calls[k][i], 0));
  return { labels, keys, cost, calls, totalCost, totalCalls };
}

export interface KeyTotal {
  key: string;
  costUsd: string;
  apiCalls: number;
}

/** Totals per key over the whole range, highest cost first (exact), then most calls. */
export function totalsByKey(points: readonly SeriesPoint[]): KeyTotal[] {
  const totals = new Map<string, KeyTotal>();
  for (const p of points) {
    const t = totals.get(p.key) ?? { key: p.key, costUsd: '0', apiCalls: 0 };
    t.costUsd = addDecimals(t.costUsd, p.costUsd);
    t.apiCalls += p.apiCalls;
    totals.set(p.key, t);
  }
  return [...totals.values()].sort(
    (a, b) => compareDecimals(b.costUsd, a.costUsd) || b.apiCalls - a.apiCalls || a.key.localeCompare(b.key),
  );
}

/** Keeps the `limit - 1` largest keys and folds the rest into "Other", so charts stay legible. */
export function topWithOther(totals: readonly KeyTotal[], limit: number): KeyTotal[] {
  if (totals.length <= limit) return [...totals];
  const head = totals.slice(0, limit - 1);
  const rest = totals.slice(limit - 1);
  return [
    ...head,
    {
      key: 'Other',
      costUsd: sumDecimals(rest.map((r) => r.costUsd)),
      apiCalls: rest.reduce((s, r) => s + r.apiCalls, 0),
    },
  ];
}
