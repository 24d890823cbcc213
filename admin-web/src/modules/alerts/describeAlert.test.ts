import { describe, expect, it } from 'vitest';
import { describeAlert } from './describeAlert';

describe('describeAlert', () => {
  it('names the end user at its cap with the amounts', () => {
    expect(
      describeAlert({
        type: 'END_USER_LIMIT_EXCEEDED',
        metric: 'MONTHLY_COST',
        currentValue: 12.3,
        limitValue: 10,
        thresholdPercent: 100,
        endUser: 'acme-user-0007',
      }),
    ).toEqual({ issue: 'End-user cap reached', metric: 'End-user monthly cost', detail: 'End user acme-user-0007: $12.30 of $10.00' });
  });

  it('keeps the threshold for tenant quotas', () => {
    expect(
      describeAlert({ type: 'QUOTA_EXCEEDED', metric: 'OPENAI_TOKENS', currentValue: 1_050_000, limitValue: 1_000_000, thresholdPercent: 100, endUser: null }).detail,
    ).toBe('1,050,000 tokens of 1,000,000 tokens (threshold 100%)');
  });
});
