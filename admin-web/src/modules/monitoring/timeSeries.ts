import { compareDecimals, sumDecimals } from '@usage-monitor/web-kit/money';

/** One key of a series as the server sends it: values aligned with the series' dates, zero-filled. */
export interface SeriesLine {
  key: string;
  totalCostUsd: string;
  totalApiCalls: number;
  costUsd: readonly string[];
  apiCalls: readonly number[];
}

export interface DailySeries {
  labels: string[];
  /** Keys (services or models) by total cost, highest first. */
  keys: string[];
  /** Exact cost per key per day (zero-filled). */
  cost: Record<string, readonly string[]>;
  calls: Record<string, readonly number[]>;
  totalCost: string[];
  totalCalls: number[];
}

/** Day-by-key matrices from the server's lines (already zero-filled on `dates`, highest cost first). */
export function buildDailySeries(dates: readonly string[], lines: readonly SeriesLine[]): DailySeries {
  const keys = lines.map((l) => l.key);
  const cost = Object.fromEntries(lines.map((l) => [l.key, l.costUsd]));
  const calls = Object.fromEntries(lines.map((l) => [l.key, l.apiCalls]));
  const totalCost = dates.map((_, i) => sumDecimals(lines.map((l) => l.costUsd[i] ?? '0')));
  const totalCalls = dates.map((_, i) => lines.reduce((sum, l) => sum + (l.apiCalls[i] ?? 0), 0));
  return { labels: [...dates], keys, cost, calls, totalCost, totalCalls };
}

export interface KeyTotal {
  key: string;
  costUsd: string;
  apiCalls: number;
}

/** Totals per key over the whole range, highest cost first (exact), then most calls. */
export function totalsByKey(lines: readonly SeriesLine[]): KeyTotal[] {
  return lines
    .map((l) => ({ key: l.key, costUsd: l.totalCostUsd, apiCalls: l.totalApiCalls }))
    .sort((a, b) => compareDecimals(b.costUsd, a.costUsd) || b.apiCalls - a.apiCalls || a.key.localeCompare(b.key));
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
