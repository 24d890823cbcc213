/**
 * Periods are UTC and half-open [start, end). Every summary, quota check, alert dedup and chart
 * calls these helpers rather than doing date arithmetic of its own (CONVENTIONS 7).
 */
export interface MonthWindow {
  /** "YYYY-MM" */
  period: string;
  start: Date;
  end: Date;
}

export function monthWindow(at: Date): MonthWindow {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return { period: formatPeriod(start), start, end };
}

export function formatPeriod(monthStart: Date): string {
  return `${monthStart.getUTCFullYear()}-${String(monthStart.getUTCMonth() + 1).padStart(2, '0')}`;
}

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(text: string): boolean {
  const match = PERIOD_PATTERN.exec(text);
  return match !== null && Number(match[1]) >= 2000 && Number(match[1]) <= 2999;
}

/** The window of a "YYYY-MM" period; call isPeriod first for untrusted text. */
export function periodWindow(period: string): MonthWindow {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  return monthWindow(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** The month `offset` months away (negative: earlier). */
export function shiftMonth(window: MonthWindow, offset: number): MonthWindow {
  return monthWindow(new Date(Date.UTC(window.start.getUTCFullYear(), window.start.getUTCMonth() + offset, 1)));
}

/** The last `count` months ending with the month of `at`, oldest first. */
export function lastMonths(at: Date, count: number): MonthWindow[] {
  const current = monthWindow(at);
  return Array.from({ length: count }, (_, i) => shiftMonth(current, i - (count - 1)));
}

export function dayStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** "YYYY-MM-DD" of the UTC day. */
export function formatDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The "YYYY-MM" period and the "YYYY-MM-01" first day of the month of a "YYYY-MM-DD" day. */
export function periodOfDay(day: string): { period: string; periodStart: string } {
  const period = day.slice(0, 7);
  return { period, periodStart: `${period}-01` };
}

export const DAY_MS = 86_400_000;

/** A month's share that has elapsed at `now` (1 for past months, 0 for future ones). */
export function elapsedFraction(window: MonthWindow, now: Date): number {
  const total = window.end.getTime() - window.start.getTime();
  const elapsed = Math.min(Math.max(now.getTime() - window.start.getTime(), 0), total);
  return elapsed / total;
}

/** The ranges charts and end-user rankings cover: the last 7, 30, 90 or 365 UTC days, today included. */
export const DAY_RANGES = [7, 30, 90, 365] as const;

export function isDayRange(days: number): boolean {
  return (DAY_RANGES as readonly number[]).includes(days);
}
