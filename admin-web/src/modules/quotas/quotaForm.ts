import { compareDecimals, isDecimalInput } from '@usage-monitor/web-kit/money';
import type { QuotaEnforcement, QuotaInput, QuotaLimitsFragment } from '../../__generated__/graphql';

export type LimitField =
  | 'openaiTokenLimit'
  | 'elevenlabsCharacterLimit'
  | 'smartfloMinuteLimit'
  | 'monthlyCostLimitUsd'
  | 'endUserMonthlyCostLimitUsd'
  | 'requestsPerMinuteLimit';

export const LIMIT_FIELDS: readonly LimitField[] = [
  'openaiTokenLimit',
  'elevenlabsCharacterLimit',
  'smartfloMinuteLimit',
  'monthlyCostLimitUsd',
  'endUserMonthlyCostLimitUsd',
  'requestsPerMinuteLimit',
];

export interface QuotaFormValues extends Record<LimitField, string> {
  alertAtPercentage: string;
  enforcement: QuotaEnforcement;
}

export const DEFAULT_ALERT_AT = 80;

export function quotaToForm(quota: QuotaLimitsFragment | null): QuotaFormValues {
  const text = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    openaiTokenLimit: text(quota?.openaiTokenLimit),
    elevenlabsCharacterLimit: text(quota?.elevenlabsCharacterLimit),
    smartfloMinuteLimit: text(quota?.smartfloMinuteLimit),
    monthlyCostLimitUsd: text(quota?.monthlyCostLimitUsd),
    endUserMonthlyCostLimitUsd: text(quota?.endUserMonthlyCostLimitUsd),
    requestsPerMinuteLimit: text(quota?.requestsPerMinuteLimit),
    alertAtPercentage: String(quota?.alertAtPercentage ?? DEFAULT_ALERT_AT),
    enforcement: quota?.enforcement ?? 'SOFT',
  };
}

type Kind = 'integer' | 'number' | 'decimal';
const KIND: Record<LimitField, Kind> = {
  openaiTokenLimit: 'integer',
  elevenlabsCharacterLimit: 'integer',
  smartfloMinuteLimit: 'number',
  monthlyCostLimitUsd: 'decimal',
  endUserMonthlyCostLimitUsd: 'decimal',
  requestsPerMinuteLimit: 'integer',
};

/** People type "1,000,000" or "1 000 000"; separators are not part of the number. */
const clean = (text: string) => text.trim().replace(/[,_\s]/g, '');

function parseLimit(field: LimitField, text: string): { value: number | string | null } | { error: string } {
  const t = clean(text);
  if (t === '') return { value: null };
  switch (KIND[field]) {
    case 'integer': {
      if (!/^\d+$/.test(t)) return { error: 'Enter a whole number, or leave empty for no limit.' };
      const n = Number(t);
      return Number.isSafeInteger(n) ? { value: n } : { error: 'That number is too large.' };
    }
    case 'number':
      return /^\d+(\.\d+)?$/.test(t) ? { value: Number(t) } : { error: 'Enter a number of minutes, e.g. 90 or 5.5.' };
    case 'decimal':
      // Money stays a string all the way to the API (Decimal scalar).
      return isDecimalInput(t) ? { value: t.startsWith('.') ? `0${t}` : t } : { error: 'Enter an amount in USD, e.g. 250 or 99.50.' };
  }
}

function sameLimit(field: LimitField, a: number | string | null, b: number | string | null): boolean {
  if (a === null || b === null) return a === b;
  return KIND[field] === 'decimal' ? compareDecimals(a, b) === 0 : Number(a) === Number(b);
}

export interface QuotaInputResult {
  input: QuotaInput;
  errors: Partial<Record<keyof QuotaFormValues, string>>;
}

/**
 * QuotaInput semantics: a field left out keeps its value, an explicit null removes the limit.
 * So only changed fields are sent, and a cleared field becomes null.
 */
export function buildQuotaInput(initial: QuotaLimitsFragment | null, form: QuotaFormValues): QuotaInputResult {
  const input: QuotaInput = {};
  const errors: QuotaInputResult['errors'] = {};
  const before = quotaToForm(initial);

  for (const field of LIMIT_FIELDS) {
    const parsed = parseLimit(field, form[field]);
    if ('error' in parsed) {
      errors[field] = parsed.error;
      continue;
    }
    const previous = initial?.[field] ?? null;
    if (sameLimit(field, previous, parsed.value)) continue;
    if (field === 'monthlyCostLimitUsd' || field === 'endUserMonthlyCostLimitUsd') input[field] = parsed.value as string | null;
    else input[field] = parsed.value as number | null;
  }

  const alertAt = clean(form.alertAtPercentage);
  if (!/^\d+$/.test(alertAt)) errors.alertAtPercentage = 'Enter a whole percentage, e.g. 80.';
  else if (Number(alertAt) !== (initial?.alertAtPercentage ?? DEFAULT_ALERT_AT)) input.alertAtPercentage = Number(alertAt);

  if (form.enforcement !== before.enforcement) input.enforcement = form.enforcement;
  return { input, errors };
}
