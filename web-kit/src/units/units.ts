import { floatToDecimal, formatUsd } from '../money/money';

// Enum unions mirrored from schema.graphql so that the kit does not depend on any app's codegen
// output; the generated unions of both apps are assignable to these.
export type ServiceName = 'OPENAI' | 'ELEVENLABS' | 'SMARTFLO';
export type MetricName =
  'OPENAI_TOKENS' | 'ELEVENLABS_CHARACTERS' | 'SMARTFLO_MINUTES' | 'MONTHLY_COST' | 'REQUESTS_PER_MINUTE';
export type AlertTypeName = 'QUOTA_APPROACHING' | 'QUOTA_EXCEEDED' | 'RATE_LIMIT_EXCEEDED' | 'COST_SPIKE' | 'END_USER_LIMIT_EXCEEDED';

export const SERVICES: readonly ServiceName[] = ['OPENAI', 'ELEVENLABS', 'SMARTFLO'];

export const SERVICE_LABELS: Record<ServiceName, string> = {
  OPENAI: 'OpenAI',
  ELEVENLABS: 'ElevenLabs',
  SMARTFLO: 'Smartflo',
};

export const SERVICE_UNITS: Record<ServiceName, string> = {
  OPENAI: 'tokens',
  ELEVENLABS: 'characters',
  SMARTFLO: 'minutes',
};

/** Chart colours, distinguishable for common colour-vision deficiencies and ≥ 3:1 on white. */
export const SERVICE_COLOURS: Record<ServiceName, string> = {
  OPENAI: '#0f766e',
  ELEVENLABS: '#7c3aed',
  SMARTFLO: '#c2410c',
};

/** The quota metric that limits each service's own unit. */
export const SERVICE_METRIC: Record<ServiceName, MetricName> = {
  OPENAI: 'OPENAI_TOKENS',
  ELEVENLABS: 'ELEVENLABS_CHARACTERS',
  SMARTFLO: 'SMARTFLO_MINUTES',
};

/** A `service` search parameter, or undefined for anything that is not a known service. */
export function parseService(value: string | null | undefined): ServiceName | undefined {
  return SERVICES.find((service) => service === value);
}

export const METRIC_LABELS: Record<MetricName, string> = {
  OPENAI_TOKENS: 'OpenAI tokens',
  ELEVENLABS_CHARACTERS: 'ElevenLabs characters',
  SMARTFLO_MINUTES: 'Smartflo minutes',
  MONTHLY_COST: 'Monthly cost',
  REQUESTS_PER_MINUTE: 'Requests per minute',
};

/** What a limit on the metric is called in a sentence: "your monthly OpenAI token limit". */
export const METRIC_LIMIT_NAMES: Record<MetricName, string> = {
  OPENAI_TOKENS: 'monthly OpenAI token limit',
  ELEVENLABS_CHARACTERS: 'monthly ElevenLabs character limit',
  SMARTFLO_MINUTES: 'monthly Smartflo minute limit',
  MONTHLY_COST: 'monthly cost budget',
  REQUESTS_PER_MINUTE: 'requests-per-minute limit',
};

export const ALERT_TYPE_LABELS: Record<AlertTypeName, string> = {
  QUOTA_APPROACHING: 'Quota approaching',
  QUOTA_EXCEEDED: 'Quota exceeded',
  RATE_LIMIT_EXCEEDED: 'Rate limit exceeded',
  COST_SPIKE: 'Cost spike',
  END_USER_LIMIT_EXCEEDED: 'End-user cap reached',
};

const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const upToTwoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A count ("12,345"); a missing one is a dash. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : wholeNumber.format(value);
}

/** A measure with up to two decimals ("1,234.57"); a missing one is a dash. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : upToTwoDecimals.format(value);
}

function counted(value: number, singular: string, plural: string): string {
  const text = formatCount(value);
  return `${text} ${text === '1' ? singular : plural}`;
}

export const formatTokens = (value: number): string => counted(value, 'token', 'tokens');
export const formatCharacters = (value: number): string => counted(value, 'character', 'characters');
export const formatCalls = (value: number): string => counted(value, 'call', 'calls');
/** Smartflo bills by the minute as a Float: 5.5 is 5 min 30 s. */
export const formatMinutes = (value: number): string => `${formatNumber(value)} min`;
export const formatSecondsAsMinutes = (seconds: number): string => formatMinutes(seconds / 60);

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

/** QuotaUsage.used/limit are Floats in the metric's own unit; money is formatted exactly. */
export function formatMetricValue(metric: MetricName, value: number): string {
  switch (metric) {
    case 'OPENAI_TOKENS':
      return formatTokens(value);
    case 'ELEVENLABS_CHARACTERS':
      return formatCharacters(value);
    case 'SMARTFLO_MINUTES':
      return formatMinutes(value);
    case 'MONTHLY_COST':
      return formatUsd(floatToDecimal(value));
    case 'REQUESTS_PER_MINUTE':
      return counted(value, 'request per minute', 'requests per minute');
  }
}

/** "420,000 of 500,000 tokens", "91.5 of 100 min", "$420.50 of $500.00": the unit said once. */
export function formatMetricPair(metric: MetricName, used: number, limit: number): string {
  switch (metric) {
    case 'OPENAI_TOKENS':
      return `${formatCount(used)} of ${formatTokens(limit)}`;
    case 'ELEVENLABS_CHARACTERS':
      return `${formatCount(used)} of ${formatCharacters(limit)}`;
    case 'SMARTFLO_MINUTES':
      return `${formatNumber(used)} of ${formatMinutes(limit)}`;
    case 'MONTHLY_COST':
    case 'REQUESTS_PER_MINUTE':
      return `${formatMetricValue(metric, used)} of ${formatMetricValue(metric, limit)}`;
  }
}

export interface LogUnits {
  inputTokens?: number | null;
  outputTokens?: number | null;
  totalTokens?: number | null;
  characters?: number | null;
  durationSeconds?: number | null;
}

/**
 * What a call used, in its own unit: tokens for chat models, characters for speech synthesis,
 * minutes for transcription and telephony. `detail` splits tokens into input and output.
 */
export function formatLogUnits(log: LogUnits): { text: string; detail?: string } {
  if (log.totalTokens != null || log.inputTokens != null || log.outputTokens != null) {
    const input = log.inputTokens ?? 0;
    const output = log.outputTokens ?? 0;
    return {
      text: formatTokens(log.totalTokens ?? input + output),
      detail: `${formatCount(input)} in · ${formatCount(output)} out`,
    };
  }
  if (log.characters != null) return { text: formatCharacters(log.characters) };
  if (log.durationSeconds != null) return { text: formatSecondsAsMinutes(log.durationSeconds) };
  return { text: '—' };
}

/** The same on one line, for table cells and CSV: "600 tokens (150 in · 450 out)". */
export function formatLogUsage(log: LogUnits): string {
  const { text, detail } = formatLogUnits(log);
  return detail ? `${text} (${detail})` : text;
}
