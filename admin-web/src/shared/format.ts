import { formatUsd } from './money';

// Enum unions mirrored from schema.graphql so that pure helpers do not depend on codegen output.
export type ServiceName = 'OPENAI' | 'ELEVENLABS' | 'SMARTFLO';
export type MetricName =
  | 'OPENAI_TOKENS'
  | 'ELEVENLABS_CHARACTERS'
  | 'SMARTFLO_MINUTES'
  | 'MONTHLY_COST'
  | 'REQUESTS_PER_MINUTE';
export type AlertTypeName = 'QUOTA_APPROACHING' | 'QUOTA_EXCEEDED' | 'RATE_LIMIT_EXCEEDED' | 'COST_SPIKE';

export const SERVICES: readonly ServiceName[] = ['OPENAI', 'ELEVENLABS', 'SMARTFLO'];

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const upToTwo = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatInt(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : integer.format(value);
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : upToTwo.format(value);
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const formatTokens = (n: number) => `${formatInt(n)} ${plural(n, 'token', 'tokens')}`;
export const formatCharacters = (n: number) => `${formatInt(n)} ${plural(n, 'character', 'characters')}`;
/** Smartflo minutes are fractional: 5.5 means 5 min 30 s. */
export const formatMinutes = (minutes: number) => `${formatNumber(minutes)} min`;
export const formatSecondsAsMinutes = (seconds: number) => formatMinutes(seconds / 60);

export const SERVICE_LABEL: Record<ServiceName, string> = {
  OPENAI: 'OpenAI',
  ELEVENLABS: 'ElevenLabs',
  SMARTFLO: 'Smartflo',
};

export const SERVICE_UNIT: Record<ServiceName, string> = {
  OPENAI: 'tokens',
  ELEVENLABS: 'characters',
  SMARTFLO: 'minutes',
};

/** ServiceTotal/ServiceUsage.units: tokens for OpenAI, characters for ElevenLabs, minutes for Smartflo. */
export function formatServiceUnits(service: ServiceName, units: number): string {
  switch (service) {
    case 'OPENAI':
      return formatTokens(units);
    case 'ELEVENLABS':
      return formatCharacters(units);
    case 'SMARTFLO':
      return formatMinutes(units);
  }
}

export const METRIC_LABEL: Record<MetricName, string> = {
  OPENAI_TOKENS: 'OpenAI tokens',
  ELEVENLABS_CHARACTERS: 'ElevenLabs characters',
  SMARTFLO_MINUTES: 'Smartflo minutes',
  MONTHLY_COST: 'Monthly cost',
  REQUESTS_PER_MINUTE: 'Requests per minute',
};

/** QuotaUsage.used/limit are Floats in the metric's own unit. */
export function formatMetricValue(metric: MetricName, value: number): string {
  switch (metric) {
    case 'OPENAI_TOKENS':
      return formatTokens(value);
    case 'ELEVENLABS_CHARACTERS':
      return formatCharacters(value);
    case 'SMARTFLO_MINUTES':
      return formatMinutes(value);
    case 'MONTHLY_COST':
      return formatUsd(value);
    case 'REQUESTS_PER_MINUTE':
      return `${formatInt(value)} req/min`;
  }
}

export const ALERT_TYPE_LABEL: Record<AlertTypeName, string> = {
  QUOTA_APPROACHING: 'Quota approaching',
  QUOTA_EXCEEDED: 'Quota exceeded',
  RATE_LIMIT_EXCEEDED: 'Rate limit exceeded',
  COST_SPIKE: 'Cost spike',
};

export interface LogUnits {
  service: ServiceName;
  inputTokens?: number | null;
  outputTokens?: number | null;
  characters?: number | null;
  durationSeconds?: number | null;
}

/** What one call consumed, in its own units: "150 in / 450 out tokens", "1,200 characters", "3.08 min". */
export function formatLogUsage(log: LogUnits): string {
  const parts: string[] = [];
  if (log.inputTokens != null || log.outputTokens != null) {
    parts.push(`${formatInt(log.inputTokens ?? 0)} in / ${formatInt(log.outputTokens ?? 0)} out tokens`);
  }
  if (log.characters != null) parts.push(formatCharacters(log.characters));
  if (log.durationSeconds != null) parts.push(formatSecondsAsMinutes(log.durationSeconds));
  return parts.length ? parts.join(' · ') : '—';
}

const dateTime = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnlyUtc = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** Calendar dates of UTC periods (month starts) must not shift with the viewer's zone. */
export function formatUtcDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateOnlyUtc.format(d);
}

/** A price's start: the date alone when it starts at a UTC midnight (as most do), else date and time. */
export function formatEffectiveFrom(iso: string): string {
  return /T00:00:00(\.000)?Z$/.test(iso) ? formatUtcDate(iso) : formatDateTime(iso);
}

/** A half-open [start, end) period as inclusive dates: "Nov 1, 2026 – Nov 30, 2026". */
export function formatPeriodRange(startIso: string, endIso: string): string {
  const end = new Date(endIso);
  const lastDay = new Date(end.getTime() - 1);
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
