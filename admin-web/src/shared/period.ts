// Periods are UTC calendar months "YYYY-MM", as the API counts them.

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string | null | undefined): value is string {
  return !!value && PERIOD_RE.test(value);
}

export function periodOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function currentPeriod(now: Date = new Date()): string {
  return periodOf(now);
}

export function shiftPeriod(period: string, months: number): string {
  const [, y, m] = PERIOD_RE.exec(period) ?? [];
  if (!y) throw new Error(`Not a period: ${period}`);
  return periodOf(new Date(Date.UTC(Number(y), Number(m) - 1 + months, 1)));
}

/** The last `count` periods, newest first, including the current one. */
export function recentPeriods(count: number, now: Date = new Date()): string[] {
  const current = currentPeriod(now);
  return Array.from({ length: count }, (_, i) => shiftPeriod(current, -i));
}

const monthYear = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export function periodLabel(period: string, short = false): string {
  const [, y, m] = PERIOD_RE.exec(period) ?? [];
  if (!y) return period;
  return (short ? shortMonth : monthYear).format(new Date(Date.UTC(Number(y), Number(m) - 1, 1)));
}
