import type { QuotaMetric, Service } from '../__generated__/graphql';
import { floatToDecimal, formatUsd } from './money';

const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const upToTwoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const upToOneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return wholeNumber.format(value);
}

function counted(value: number, singular: string, plural: string): string {
  const text = formatCount(value);
  return `${text} ${text === '1' ? singular : plural}`;
}

export function formatTokens(value: number): string {
  return counted(value, 'token', 'tokens');
}

export function formatCharacters(value: number): string {
  return counted(value, 'character', 'characters');
}

/** Smartflo bills by the minute as a Float: 5.5 is 5 min 30 s. */
export function formatMinutes(value: number): string {
  return `${upToTwoDecimals.format(value)} min`;
}

export function formatCalls(value: number): string {
  return counted(value, 'call', 'calls');
}

export function formatServiceUnits(service: Service, units: number): string {
  switch (service) {
    case 'OPENAI':
      return formatTokens(units);
    case 'ELEVENLABS':
      return formatCharacters(units);
    case 'SMARTFLO':
      return formatMinutes(units);
  }
}

/**
 * "84 %", "59.9 %". Truncated rather than rounded so a quota at 89.96 % never reads "90 %"
 * (the critical threshold) and 99.99 % never reads as the limit reached.
 */
export function formatPercent(value: number): string {
  const truncated = Math.trunc(value * 10) / 10;
  return `${upToOneDecimal.format(truncated)} %`;
}

export function formatMetricValue(metric: QuotaMetric, value: number): string {
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
export function formatMetricPair(metric: QuotaMetric, used: number, limit: number): string {
  switch (metric) {
    case 'OPENAI_TOKENS':
      return `${formatCount(used)} of ${formatTokens(limit)}`;
    case 'ELEVENLABS_CHARACTERS':
      return `${formatCount(used)} of ${formatCharacters(limit)}`;
    case 'SMARTFLO_MINUTES':
      return `${upToTwoDecimals.format(used)} of ${formatMinutes(limit)}`;
    case 'MONTHLY_COST':
    case 'REQUESTS_PER_MINUTE':
      return `${formatMetricValue(metric, used)} of ${formatMetricValue(metric, limit)}`;
  }
}

/** What a limit on the metric is called in a sentence: "your monthly OpenAI token limit". */
export const METRIC_LIMIT_NAMES: Record<QuotaMetric, string> = {
  OPENAI_TOKENS: 'monthly OpenAI token limit',
  ELEVENLABS_CHARACTERS: 'monthly ElevenLabs character limit',
  SMARTFLO_MINUTES: 'monthly Smartflo minute limit',
  MONTHLY_COST: 'monthly cost budget',
  REQUESTS_PER_MINUTE: 'requests-per-minute limit',
};
