import { describe, expect, it } from 'vitest';
import type { QuotaLimitsFragment } from '../../__generated__/graphql';
import { buildQuotaInput, quotaToForm } from './quotaForm';

const existing: QuotaLimitsFragment = {
  openaiTokenLimit: 1_000_000,
  elevenlabsCharacterLimit: null,
  smartfloMinuteLimit: 500,
  monthlyCostLimitUsd: '250.00',
  endUserMonthlyCostLimitUsd: '10',
  requestsPerMinuteLimit: null,
  alertAtPercentage: 80,
  enforcement: 'SOFT',
};

describe('buildQuotaInput', () => {
  it('sends nothing when nothing changed', () => {
    expect(buildQuotaInput(existing, quotaToForm(existing))).toEqual({ input: {}, errors: {} });
  });

  it('sends only changed fields, and an explicit null for a removed limit', () => {
    const form = {
      ...quotaToForm(existing),
      openaiTokenLimit: '2,000,000',
      smartfloMinuteLimit: '',
      elevenlabsCharacterLimit: '50000',
      enforcement: 'HARD' as const,
    };
    expect(buildQuotaInput(existing, form)).toEqual({
      input: { openaiTokenLimit: 2_000_000, smartfloMinuteLimit: null, elevenlabsCharacterLimit: 50_000, enforcement: 'HARD' },
      errors: {},
    });
  });

  it('compares money exactly and keeps it a string', () => {
    expect(buildQuotaInput(existing, { ...quotaToForm(existing), monthlyCostLimitUsd: '250' }).input).toEqual({});
    expect(buildQuotaInput(existing, { ...quotaToForm(existing), monthlyCostLimitUsd: '250.10' }).input).toEqual({ monthlyCostLimitUsd: '250.10' });
  });

  it('creates a quota from scratch without sending defaults', () => {
    const form = { ...quotaToForm(null), requestsPerMinuteLimit: '120' };
    expect(buildQuotaInput(null, form).input).toEqual({ requestsPerMinuteLimit: 120 });
    expect(buildQuotaInput(null, { ...form, alertAtPercentage: '75' }).input).toEqual({ requestsPerMinuteLimit: 120, alertAtPercentage: 75 });
  });

  it('reports malformed numbers per field', () => {
    const { errors } = buildQuotaInput(existing, {
      ...quotaToForm(existing),
      openaiTokenLimit: '1.5',
      smartfloMinuteLimit: 'ninety',
      monthlyCostLimitUsd: '$100',
      alertAtPercentage: '',
    });
    expect(Object.keys(errors).sort()).toEqual(['alertAtPercentage', 'monthlyCostLimitUsd', 'openaiTokenLimit', 'smartfloMinuteLimit']);
  });

  it('sends the per-end-user cap as an exact Decimal string, and null when it is cleared', () => {
    const form = quotaToForm(existing);
    expect(form.endUserMonthlyCostLimitUsd).toBe('10');
    expect(buildQuotaInput(existing, { ...form, endUserMonthlyCostLimitUsd: '10.00' }).input).toEqual({});
    expect(buildQuotaInput(existing, { ...form, endUserMonthlyCostLimitUsd: '.1' }).input).toEqual({ endUserMonthlyCostLimitUsd: '0.1' });
    expect(buildQuotaInput(existing, { ...form, endUserMonthlyCostLimitUsd: '' }).input).toEqual({ endUserMonthlyCostLimitUsd: null });
    expect(buildQuotaInput(existing, { ...form, endUserMonthlyCostLimitUsd: 'ten' }).errors).toHaveProperty('endUserMonthlyCostLimitUsd');
  });
});
