import { describe, expect, it } from 'vitest';
import {
  formatCharacters,
  formatDateTime,
  formatEffectiveFrom,
  formatLogUsage,
  formatMetricValue,
  formatMinutes,
  formatPeriodRange,
  formatServiceUnits,
  formatTokens,
} from './format';

describe('unit formatting', () => {
  it('names every unit', () => {
    expect(formatTokens(12345)).toBe('12,345 tokens');
    expect(formatTokens(1)).toBe('1 token');
    expect(formatCharacters(1200)).toBe('1,200 characters');
    expect(formatMinutes(5.5)).toBe('5.5 min');
    expect(formatMinutes(1234.567)).toBe('1,234.57 min');
  });

  it('uses each service’s own unit for ServiceTotal.units', () => {
    expect(formatServiceUnits('OPENAI', 2_000_000)).toBe('2,000,000 tokens');
    expect(formatServiceUnits('ELEVENLABS', 1200)).toBe('1,200 characters');
    expect(formatServiceUnits('SMARTFLO', 3.0833)).toBe('3.08 min');
  });

  it('formats quota values per metric, money exactly', () => {
    expect(formatMetricValue('MONTHLY_COST', 250.5)).toBe('$250.50');
    expect(formatMetricValue('OPENAI_TOKENS', 1_000_000)).toBe('1,000,000 tokens');
    expect(formatMetricValue('REQUESTS_PER_MINUTE', 60)).toBe('60 req/min');
  });

  it('describes what one call consumed', () => {
    expect(formatLogUsage({ service: 'OPENAI', inputTokens: 150, outputTokens: 450 })).toBe('150 in / 450 out tokens');
    expect(formatLogUsage({ service: 'ELEVENLABS', characters: 1200 })).toBe('1,200 characters');
    // 185 s = 3 min 5 s
    expect(formatLogUsage({ service: 'SMARTFLO', durationSeconds: 185 })).toBe('3.08 min');
    expect(formatLogUsage({ service: 'OPENAI', characters: 300, inputTokens: null })).toBe('300 characters');
    expect(formatLogUsage({ service: 'SMARTFLO' })).toBe('—');
  });

  it('shows a half-open month as its inclusive days', () => {
    expect(formatPeriodRange('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toBe('Nov 1, 2026 – Nov 30, 2026');
  });
});

describe('formatEffectiveFrom', () => {
  it('drops a UTC-midnight time, keeps any other', () => {
    expect(formatEffectiveFrom('2000-01-01T00:00:00.000Z')).toBe('Jan 1, 2000');
    expect(formatEffectiveFrom('2026-12-01T10:30:00.000Z')).toBe(formatDateTime('2026-12-01T10:30:00.000Z'));
  });
});
