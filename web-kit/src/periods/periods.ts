// Billing periods are UTC calendar months, half-open [from, to), named "YYYY-MM" by the API.
// Moments (a call, an alert) are shown in the reader's own time zone; calendar dates of UTC
// periods are shown in UTC so that they do not shift with the reader's zone.

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string | null | undefined): value is string {
  return value != null && PERIOD_PATTERN.test(value);
}

export function periodOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function currentPeriod(now: Date = new Date()): string {
  return periodOf(now);
}

function periodStart(period: string): Date {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`Not a "YYYY-MM" period: "${period}"`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

export function shiftPeriod(period: string, months: number): string {
  const start = periodStart(period);
  return periodOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1)));
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
  for (let day = new Date(start); periodOf(day) === period && day <= now;) {
    days.push(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + 86_400_000);
  }
  return days;
}

const monthLong = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayShort = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateUtc = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const localDateTime = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});
const localDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
const localTime = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** "November 2026" (long) or "Nov 2026" (short); text that is not a period is shown as it is. */
export function formatPeriod(period: string, style: 'long' | 'short' = 'long'): string {
  if (!isPeriod(period)) return period;
  return (style === 'long' ? monthLong : monthShort).format(periodStart(period));
}

/** A UTC day "2026-11-05" as "Nov 5". */
export function formatDay(day: string): string {
  return dayShort.format(new Date(`${day}T00:00:00Z`));
}

function formatted(format: Intl.DateTimeFormat, iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** A moment in the reader's zone: "Nov 5, 2026, 2:30:05 PM". */
export function formatDateTime(iso: string | null | undefined): string {
  return formatted(localDateTime, iso);
}

/** The reader's calendar day of a moment: "Nov 5, 2026". */
export function formatDate(iso: string | null | undefined): string {
  return formatted(localDate, iso);
}

export function formatTime(date: Date): string {
  return localTime.format(date);
}

/** Calendar dates of UTC periods (month starts) must not shift with the viewer's zone. */
export function formatUtcDate(iso: string | null | undefined): string {
  return formatted(dateUtc, iso);
}

/** A price's start: the date alone when it starts at a UTC midnight (as most do), else date and time. */
export function formatEffectiveFrom(iso: string): string {
  return /T00:00:00(\.000)?Z$/.test(iso) ? formatUtcDate(iso) : formatDateTime(iso);
}

/** A half-open [start, end) period as inclusive dates: "Nov 1, 2026 – Nov 30, 2026". */
export function formatPeriodRange(startIso: string, endIso: string): string {
  const lastDay = new Date(new Date(endIso).getTime() - 1);
  return `${formatUtcDate(startIso)} – ${formatUtcDate(lastDay.toISOString())}`;
}

export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((now.getTime() - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
