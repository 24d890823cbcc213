import { describe, expect, it } from 'vitest';
import { admissionRefusal, type AdmissionFacts } from './admission.js';
import type { QuotaLimits } from './evaluate-quota.js';

const NOW = new Date('2026-12-04T10:00:30Z');
const HARD: QuotaLimits = {
  openaiTokenLimit: 1_000,
  elevenlabsCharacterLimit: null,
  smartfloMinuteLimit: null,
  monthlyCostLimitUsd: '10',
  requestsPerMinuteLimit: 5,
  alertAtPercentage: 80,
  enforcement: 'HARD',
  endUserMonthlyCostLimitUsd: '1',
};
const facts = (overrides: Partial<AdmissionFacts> = {}, usage: Partial<NonNullable<AdmissionFacts['usage']>> = {}): AdmissionFacts => ({
  tenantStatus: 'ACTIVE',
  quota: HARD,
  usage: { openaiTokens: 0, elevenlabsCharacters: 0, smartfloSeconds: '0', totalCostUsd: '0', requestsLastMinute: 0, ...usage },
  endUserCostUsd: null,
  oldestRequestSecond: null,
  now: NOW,
  ...overrides,
});

describe('admissionRefusal', () => {
  it('admits while anything is left, and refuses once a HARD limit of the service is reached, until the month ends', () => {
    expect(admissionRefusal(facts({}, { openaiTokens: 999 }), 'OPENAI')).toBeNull();
    const refusal = admissionRefusal(facts({}, { openaiTokens: 1_000 }), 'OPENAI');
    expect(refusal).toMatchObject({ code: 'QUOTA_EXCEEDED', httpStatus: 429, metric: 'OPENAI_TOKENS' });
    // 2026-12-04T10:00:30Z to 2027-01-01T00:00:00Z.
    expect(refusal!.retryAfterSeconds).toBe((Date.UTC(2027, 0, 1) - NOW.getTime()) / 1000);
    // Another service's limit does not stop ElevenLabs.
    expect(admissionRefusal(facts({}, { openaiTokens: 5_000 }), 'ELEVENLABS')).toBeNull();
  });

  it('refuses every service once the monthly cost budget is spent, exactly at the limit', () => {
    expect(admissionRefusal(facts({}, { totalCostUsd: '9.999999999999' }), 'SMARTFLO')).toBeNull();
    expect(admissionRefusal(facts({}, { totalCostUsd: '10.000000000000' }), 'SMARTFLO')).toMatchObject({ code: 'QUOTA_EXCEEDED', metric: 'MONTHLY_COST' });
  });

  it('refuses an end user at its cap, and not the others', () => {
    expect(admissionRefusal(facts({ endUserCostUsd: '0.999999999999' }), 'OPENAI')).toBeNull();
    expect(admissionRefusal(facts({ endUserCostUsd: '1' }), 'OPENAI')).toMatchObject({ code: 'END_USER_LIMIT_EXCEEDED', httpStatus: 429 });
    expect(admissionRefusal(facts({ endUserCostUsd: null }), 'OPENAI')).toBeNull();
  });

  it('refuses above the requests a minute with Retry-After when the oldest second leaves the window', () => {
    const oldest = new Date('2026-12-04T09:59:50Z');
    const refusal = admissionRefusal(facts({ oldestRequestSecond: oldest }, { requestsLastMinute: 5 }), 'OPENAI');
    expect(refusal).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 20 });
    expect(admissionRefusal(facts({}, { requestsLastMinute: 4 }), 'OPENAI')).toBeNull();
  });

  it('refuses a suspended tenant whatever its quota; SOFT enforcement and no quota refuse nothing', () => {
    expect(admissionRefusal(facts({ tenantStatus: 'SUSPENDED', quota: null }), 'OPENAI')).toMatchObject({ code: 'TENANT_SUSPENDED', httpStatus: 403 });
    expect(admissionRefusal(facts({ quota: { ...HARD, enforcement: 'SOFT' } }, { openaiTokens: 10_000, totalCostUsd: '99', requestsLastMinute: 50 }), 'OPENAI')).toBeNull();
    expect(admissionRefusal(facts({ quota: null }, { openaiTokens: 10_000 }), 'OPENAI')).toBeNull();
  });

  it('without a HARD quota decides on the status alone (the usage is not read), and never passes a HARD quota without its usage', () => {
    const soft = { ...HARD, enforcement: 'SOFT' as const };
    expect(admissionRefusal(facts({ quota: soft, usage: null }), 'OPENAI')).toBeNull();
    expect(admissionRefusal(facts({ quota: null, usage: null }), 'OPENAI')).toBeNull();
    expect(admissionRefusal(facts({ quota: soft, usage: null, tenantStatus: 'SUSPENDED' }), 'OPENAI')).toMatchObject({ code: 'TENANT_SUSPENDED' });
    expect(() => admissionRefusal(facts({ usage: null }), 'OPENAI')).toThrow(/needs the month usage/);
  });
});
