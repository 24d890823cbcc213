import { describe, expect, it } from 'vitest';
import {
  formatCharacters,
  formatLogUnits,
  formatLogUsage,
  formatMetricPair,
  formatMetricValue,
  formatMinutes,
  formatServiceUnits,
  formatTokens,
  parseService,
} from './units';

describe('units', () => {
  it('names every unit', () => {
    expect(formatTokens(12345)).toBe('12,345 tokens');
    expect(formatTokens(1)).toBe('1 token');
    expect(formatCharacters(1200)).toBe('1,200 characters');
    expect(formatMinutes(5.5)).toBe('5.5 min');
    expect(formatMinutes(1234.567)).toBe('1,234.57 min');
  });

  it('uses each service’s own unit for ServiceTotal.units', () => {
    expect(formatServiceUnits('OPENAI', 12_345)).toBe('12,345 tokens');
    expect(formatServiceUnits('OPENAI', 2_000_000)).toBe('2,000,000 tokens');
    expect(formatServiceUnits('OPENAI', 1)).toBe('1 token');
    expect(formatServiceUnits('ELEVENLABS', 1_200)).toBe('1,200 characters');
    expect(formatServiceUnits('SMARTFLO', 5.5)).toBe('5.5 min');
    expect(formatServiceUnits('SMARTFLO', 185 / 60)).toBe('3.08 min');
    expect(formatServiceUnits('SMARTFLO', 3.0833)).toBe('3.08 min');
    expect(formatServiceUnits('SMARTFLO', 1_234)).toBe('1,234 min');
  });

  it('formats quota amounts by metric, money exactly', () => {
    expect(formatMetricValue('OPENAI_TOKENS', 500_000)).toBe('500,000 tokens');
    expect(formatMetricValue('MONTHLY_COST', 420.5)).toBe('$420.50');
    expect(formatMetricValue('MONTHLY_COST', 250.5)).toBe('$250.50');
    expect(formatMetricValue('REQUESTS_PER_MINUTE', 100)).toBe('100 requests per minute');
    expect(formatMetricValue('REQUESTS_PER_MINUTE', 1)).toBe('1 request per minute');
    expect(formatMetricPair('OPENAI_TOKENS', 420_000, 500_000)).toBe('420,000 of 500,000 tokens');
    expect(formatMetricPair('SMARTFLO_MINUTES', 5.5, 100)).toBe('5.5 of 100 min');
    expect(formatMetricPair('MONTHLY_COST', 0.1 + 0.2, 500)).toBe('$0.30 of $500.00');
  });

  it('describes what one call consumed, in its own unit', () => {
    expect(formatLogUnits({ inputTokens: 150, outputTokens: 450 })).toEqual({
      text: '600 tokens',
      detail: '150 in · 450 out',
    });
    expect(formatLogUnits({ totalTokens: 1, inputTokens: 1, outputTokens: 0 }).text).toBe('1 token');
    expect(formatLogUsage({ inputTokens: 150, outputTokens: 450 })).toBe('600 tokens (150 in · 450 out)');
    expect(formatLogUsage({ characters: 1200 })).toBe('1,200 characters');
    // 185 s = 3 min 5 s
    expect(formatLogUsage({ durationSeconds: 185 })).toBe('3.08 min');
    expect(formatLogUsage({ characters: 300, inputTokens: null })).toBe('300 characters');
    expect(formatLogUsage({})).toBe('—');
  });

  it('reads a service from a search parameter', () => {
    expect(parseService('SMARTFLO')).toBe('SMARTFLO');
    expect(parseService('smartflo')).toBeUndefined();
    expect(parseService(null)).toBeUndefined();
  });
});
