// Billing periods are UTC calendar months, half-open [from, to), named "YYYY-MM" by the API.

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string | null | undefined): value is string {
  return value != null && PERIOD_PATTERN.test(value);
}

export function periodOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

function periodStart(period: string): Date {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`Not a "YYYY-MM" period: "${period}"`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** The month's UTC bounds as ISO strings: from its first instant, to the first instant of the next month. */
export function monthRange(period: string): { from: string; to: string } {
  const start = periodStart(period);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The `count` months ending with the one containing `now`, newest first. */
export function recentPeriods(count: number, now: Date = new Date()): string[] {
  return Array.from({ length: count }, (_, i) =>
    periodOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))),
  );
}

/** "YYYY-MM-DD" for each UTC day of `period` up to and including `now`'s day (all days for a past month). */
export function daysOfPeriod(period: string, now: Date = new Date()): string[] {
  const start = periodStart(period);
  const days: string[] = [];
  for (let day = new Date(start); periodOf(day) === period && day <= now; ) {
    days.push(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + 86_400_000);
  }
  return days;
}

const monthLong = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayShort = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export function formatPeriod(period: string, style: 'long' | 'short' = 'long'): string {
  return (style === 'long' ? monthLong : monthShort).format(periodStart(period));
}

/** A UTC day "2026-11-05" as "Nov 5". */
export function formatDay(day: string): string {
  return dayShort.format(new Date(`${day}T00:00:00Z`));
}

const localDateTime = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});
const localDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
const localTime = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** Moments (a call, an alert) are shown in the reader's own time zone. */
export function formatDateTime(iso: string): string {
  return localDateTime.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return localDate.format(new Date(iso));
}

export function formatTime(date: Date): string {
  return localTime.format(date);
}
