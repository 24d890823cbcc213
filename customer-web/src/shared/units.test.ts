import { describe, expect, it } from 'vitest';
import { formatMetricPair, formatMetricValue, formatPercent, formatServiceUnits } from './units';

describe('units', () => {
  it('names each service unit', () => {
    expect(formatServiceUnits('OPENAI', 12_345)).toBe('12,345 tokens');
    expect(formatServiceUnits('OPENAI', 1)).toBe('1 token');
    expect(formatServiceUnits('ELEVENLABS', 1_200)).toBe('1,200 characters');
    expect(formatServiceUnits('SMARTFLO', 5.5)).toBe('5.5 min');
    expect(formatServiceUnits('SMARTFLO', 185 / 60)).toBe('3.08 min');
    expect(formatServiceUnits('SMARTFLO', 1_234)).toBe('1,234 min');
  });

  it('formats quota amounts by metric, money exactly', () => {
    expect(formatMetricValue('OPENAI_TOKENS', 500_000)).toBe('500,000 tokens');
    expect(formatMetricValue('MONTHLY_COST', 420.5)).toBe('$420.50');
    expect(formatMetricValue('REQUESTS_PER_MINUTE', 100)).toBe('100 requests per minute');
    expect(formatMetricPair('OPENAI_TOKENS', 420_000, 500_000)).toBe('420,000 of 500,000 tokens');
    expect(formatMetricPair('SMARTFLO_MINUTES', 5.5, 100)).toBe('5.5 of 100 min');
    expect(formatMetricPair('MONTHLY_COST', 0.1 + 0.2, 500)).toBe('$0.30 of $500.00');
  });

  it('truncates percentages so a threshold is never shown before it is reached', () => {
    expect(formatPercent(84)).toBe('84 %');
    expect(formatPercent(59.94)).toBe('59.9 %');
    expect(formatPercent(89.96)).toBe('89.9 %');
    expect(formatPercent(99.99)).toBe('99.9 %');
    expect(formatPercent(104.2)).toBe('104.2 %');
  });
});
