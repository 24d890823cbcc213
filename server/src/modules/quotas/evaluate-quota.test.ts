import { describe, expect, it } from 'vitest';
import { money } from '../../core/lib/money.js';
import { monthWindow } from '../../core/lib/period.js';
import { projectLimitAt, quotaStandings, thresholdCrossings, usageLevel, type QuotaLimits } from './evaluate-quota.js';

const acme: QuotaLimits = {
  openaiTokenLimit: 500_000,
  elevenlabsCharacterLimit: null,
  smartfloMinuteLimit: null,
  monthlyCostLimitUsd: '200',
  requestsPerMinuteLimit: null,
  alertAtPercentage: 80,
  endUserMonthlyCostLimitUsd: null,
  enforcement: 'SOFT',
};
const usage = (openaiTokens: number, totalCostUsd = '0') => ({ openaiTokens, elevenlabsCharacters: 0, smartfloSeconds: '0', totalCostUsd });
const window = monthWindow(new Date('2026-11-22T00:00:00Z'));
const now = new Date('2026-11-22T00:00:00Z');

describe('usageLevel bands', () => {
  it.each([
    ['59.9', 'OK'],
    ['60', 'NOTICE'],
    ['79.99', 'NOTICE'],
    ['80', 'WARNING'],
    ['89.9', 'WARNING'],
    ['90', 'CRITICAL'],
    ['104', 'CRITICAL'],
  ])('%s %% is %s', (percent, level) => {
    expect(usageLevel(money(percent), money(100))).toBe(level);
  });
});

describe('the Acme example of the seeds', () => {
  it('120,000 then 190,000 then 210,000 tokens stand at 24 %, 62 %, 104 %', () => {
    const percents = [120_000, 310_000, 520_000].map((used) => quotaStandings(acme, usage(used), window, now)[0]!.percentUsed);
    expect(percents).toEqual([24, 62, 104]);
  });
  it('crosses 80 % and then 100 % once each', () => {
    expect(thresholdCrossings(acme, usage(310_000), '2026-11')).toEqual([]);
    expect(thresholdCrossings(acme, usage(400_000), '2026-11').map((c) => c.type)).toEqual(['QUOTA_APPROACHING']);
    expect(thresholdCrossings(acme, usage(500_000), '2026-11').map((c) => c.type)).toEqual(['QUOTA_APPROACHING']);
    const past = thresholdCrossings(acme, usage(520_000), '2026-11');
    expect(past.map((c) => c.type).sort()).toEqual(['QUOTA_APPROACHING', 'QUOTA_EXCEEDED']);
    expect(past[0]!.dedupKey).toBe('QUOTA_EXCEEDED:OPENAI_TOKENS:2026-11:500000');
  });
  it('re-arms when the limit changes (the dedup key carries the limit)', () => {
    const raised = thresholdCrossings({ ...acme, openaiTokenLimit: 600_000 }, usage(520_000), '2026-11');
    expect(raised.map((c) => c.dedupKey)).toEqual(['QUOTA_APPROACHING:OPENAI_TOKENS:2026-11:600000']);
  });
  it('watches the monthly budget in exact dollars', () => {
    expect(thresholdCrossings(acme, usage(0, '160.000000000001'), '2026-11').map((c) => c.metric)).toEqual(['MONTHLY_COST']);
    expect(thresholdCrossings(acme, usage(0, '159.999999999999'), '2026-11')).toEqual([]);
  });
});

describe('projection', () => {
  it('extrapolates the month-to-date pace', () => {
    // 21 days elapsed, 210,000 of 500,000 → 10,000/day → limit reached after 50 days: not this month
    expect(projectLimitAt(money(210_000), money(500_000), window, now)).toBeNull();
    // 21 days, 420,000 → 20,000/day → 25 days after the 1st
    expect(projectLimitAt(money(420_000), money(500_000), window, now)?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(projectLimitAt(money(0), money(500_000), window, now)).toBeNull();
    expect(projectLimitAt(money(600_000), money(500_000), window, now)).toBeNull();
  });
});
