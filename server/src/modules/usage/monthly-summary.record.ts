import { periodWindow, type MonthWindow } from '../../core/lib/period.js';
import { normalizeDecimal } from './usage-log.record.js';

/** A tenant's month as read from `monthly_summaries` (money as exact decimal strings). */
export interface SummaryRecord {
  tenantId: string;
  tenantName: string;
  window: MonthWindow;
  openaiInputTokens: number;
  openaiOutputTokens: number;
  openaiCostUsd: string;
  elevenlabsCharacters: number;
  elevenlabsCostUsd: string;
  smartfloSeconds: string;
  smartfloCostUsd: string;
  /** What the tenant is charged (the provider cost with its markup). */
  totalCostUsd: string;
  /** What the providers charged the platform for the same calls. */
  providerCostUsd: string;
  totalApiCalls: number;
  errorCalls: number;
  unpricedCalls: number;
  /** Distinct end users with usage in the month (counted as each one first appears). */
  activeEndUsers: number;
}

export const SUMMARY_SELECT = `select s.tenant_id, t.name as tenant_name, to_char(s.period, 'YYYY-MM') as period,
  s.openai_input_tokens, s.openai_output_tokens, s.openai_cost_usd::text, s.elevenlabs_characters, s.elevenlabs_cost_usd::text,
  s.smartflo_seconds::text, s.smartflo_cost_usd::text, s.total_cost_usd::text, s.total_api_calls, s.error_calls, s.unpriced_calls,
  s.active_end_users, s.provider_cost_usd::text
  from monthly_summaries s join tenants t on t.id = s.tenant_id`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function summaryFromRow(row: any): SummaryRecord {
  return {
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    window: periodWindow(row.period),
    openaiInputTokens: row.openai_input_tokens,
    openaiOutputTokens: row.openai_output_tokens,
    openaiCostUsd: normalizeDecimal(row.openai_cost_usd),
    elevenlabsCharacters: row.elevenlabs_characters,
    elevenlabsCostUsd: normalizeDecimal(row.elevenlabs_cost_usd),
    smartfloSeconds: normalizeDecimal(row.smartflo_seconds),
    smartfloCostUsd: normalizeDecimal(row.smartflo_cost_usd),
    totalCostUsd: normalizeDecimal(row.total_cost_usd),
    providerCostUsd: normalizeDecimal(row.provider_cost_usd),
    totalApiCalls: row.total_api_calls,
    errorCalls: row.error_calls,
    unpricedCalls: row.unpriced_calls,
    activeEndUsers: Number(row.active_end_users),
  };
}

export function emptySummary(tenantId: string, tenantName: string, window: MonthWindow): SummaryRecord {
  return {
    tenantId, tenantName, window,
    openaiInputTokens: 0, openaiOutputTokens: 0, openaiCostUsd: '0', elevenlabsCharacters: 0, elevenlabsCostUsd: '0',
    smartfloSeconds: '0', smartfloCostUsd: '0', totalCostUsd: '0', providerCostUsd: '0', totalApiCalls: 0, errorCalls: 0, unpricedCalls: 0, activeEndUsers: 0,
  };
}

/** A tenant-name search as an ILIKE pattern body: the user's % and _ match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
