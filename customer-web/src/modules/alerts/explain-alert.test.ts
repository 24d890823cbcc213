import { describe, expect, it } from 'vitest';
import { alert } from '../../test/fixtures';
import { explainAlert } from './explain-alert';

describe('explainAlert', () => {
  it('explains an approaching quota with its numbers', () => {
    expect(explainAlert(alert())).toEqual({
      title: 'Approaching your monthly OpenAI token limit',
      text: 'You have used 84% of your monthly OpenAI token limit (420,000 of 500,000 tokens).',
      severity: 'warning',
    });
  });

  it('uses exact money for the cost budget and units for Smartflo', () => {
    expect(
      explainAlert(alert({ metric: 'MONTHLY_COST', currentValue: 420.5, limitValue: 500 })).text,
    ).toBe('You have used 84.1% of your monthly cost budget ($420.50 of $500.00).');
    expect(
      explainAlert(alert({ metric: 'SMARTFLO_MINUTES', currentValue: 91.5, limitValue: 100 })),
    ).toMatchObject({
      text: 'You have used 91.5% of your monthly Smartflo minute limit (91.5 of 100 min).',
      severity: 'critical',
    });
  });

  it('says an exceeded quota keeps being billed', () => {
    const explained = explainAlert(
      alert({ type: 'QUOTA_EXCEEDED', metric: 'ELEVENLABS_CHARACTERS', currentValue: 10_400, limitValue: 10_000 }),
    );
    expect(explained.severity).toBe('critical');
    expect(explained.text).toBe(
      'You have gone over your monthly ElevenLabs character limit: 10,400 of 10,000 characters (104%). Calls are still recorded and billed.',
    );
  });

  it('falls back to the threshold when the amounts are missing', () => {
    expect(explainAlert(alert({ currentValue: null, limitValue: null, thresholdPercent: 80 })).text).toBe(
      'You have used 80% of your monthly OpenAI token limit.',
    );
  });

  it('explains a rate limit', () => {
    expect(
      explainAlert(
        alert({ type: 'RATE_LIMIT_EXCEEDED', metric: 'REQUESTS_PER_MINUTE', currentValue: 150, limitValue: 100 }),
      ).text,
    ).toBe('Your applications sent 150 requests within one minute, more than your limit of 100 requests per minute.');
  });

  it('explains a cost spike', () => {
    expect(explainAlert(alert({ type: 'COST_SPIKE', metric: null, currentValue: 45.2, limitValue: 12 })).text).toBe(
      "Today's cost ($45.20 so far) is more than 3 times your average daily cost over the previous 7 days.",
    );
  });

  it("keeps the server's message when it cannot say more", () => {
    expect(explainAlert(alert({ metric: null, message: 'Quota nearly used' }))).toMatchObject({
      title: 'Usage alert',
      text: 'Quota nearly used',
    });
  });

  it('explains a per-user cap in plain words with the end user and the amounts', () => {
    expect(
      explainAlert(
        alert({ type: 'END_USER_LIMIT_EXCEEDED', metric: 'MONTHLY_COST', endUser: 'acme-user-0007', currentValue: 12.3, limitValue: 10 }),
      ),
    ).toEqual({
      title: 'acme-user-0007 reached the per-user cap',
      text: 'Your user acme-user-0007 has spent $12.30 this month, reaching the $10.00 monthly cap you set for each user. Your other users are not affected.',
      severity: 'critical',
    });
    expect(
      explainAlert(alert({ type: 'END_USER_LIMIT_EXCEEDED', endUser: 'u-1', currentValue: null, limitValue: 10 })).text,
    ).toBe('Your user u-1 has reached the $10.00 monthly cap you set for each user. Your other users are not affected.');
  });
});
