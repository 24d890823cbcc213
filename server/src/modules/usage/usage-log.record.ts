/** A usage log as read from SQL (money as an exact decimal string). */
export interface UsageLogRecord {
  id: string;
  tenantId: string;
  service: 'OPENAI' | 'ELEVENLABS' | 'SMARTFLO';
  model: string | null;
  occurredAt: Date;
  inputTokens: number | null;
  cachedInputTokens: number | null;
  outputTokens: number | null;
  characters: number | null;
  durationSeconds: number | null;
  /** What the tenant is charged: providerCostUsd with the tenant's markup at occurredAt. */
  costUsd: string;
  /** What the provider charges the platform (admins only in the API). */
  providerCostUsd: string;
  pricingStatus: 'PRICED' | 'UNPRICED';
  status: 'SUCCESS' | 'ERROR';
  requestId: string;
  metadata: unknown;
  endUser: string | null;
  source: 'API' | 'GATEWAY' | 'GATEWAY_ESTIMATED' | 'WEBHOOK';
  /** Set when an admin voided the log: it no longer counts anywhere. */
  voidedAt: Date | null;
  voidReason: string | null;
  voidedBy: string | null;
}

export const USAGE_LOG_COLUMNS = `id, tenant_id, service, model, occurred_at, input_tokens, cached_input_tokens, output_tokens,
  characters, duration_seconds, cost_usd, pricing_status, status, request_id, metadata, end_user, source,
  voided_at, void_reason, voided_by, provider_cost_usd`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function logFromRow(row: any): UsageLogRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    service: row.service,
    model: row.model,
    occurredAt: new Date(row.occurred_at),
    inputTokens: row.input_tokens,
    cachedInputTokens: row.cached_input_tokens,
    outputTokens: row.output_tokens,
    characters: row.characters,
    durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
    costUsd: normalizeDecimal(row.cost_usd),
    providerCostUsd: normalizeDecimal(row.provider_cost_usd),
    pricingStatus: row.pricing_status,
    status: row.status,
    requestId: row.request_id,
    metadata: row.metadata,
    endUser: row.end_user,
    source: row.source,
    voidedAt: row.voided_at ? new Date(row.voided_at) : null,
    voidReason: row.void_reason,
    voidedBy: row.voided_by,
  };
}

/** numeric(30,12) arrives as "0.031500000000": send "0.0315". */
export function normalizeDecimal(text: string): string {
  if (text.indexOf('.') === -1) return text;
  // By character codes, with one slice: a saturated year's series trims thousands of these, and
  // two regex replacements were twice the time.
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (text.charCodeAt(end - 1) === 46 /* . */) end--;
  const trimmed = end === text.length ? text : text.slice(0, end);
  return trimmed === '-0' ? '0' : trimmed;
}
