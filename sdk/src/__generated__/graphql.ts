export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO-8601 date-time in UTC, e.g. "2026-11-22T10:15:00.000Z". */
  DateTime: { input: string; output: string; }
  /** Exact decimal number sent as a string, e.g. "7.2", "0.0315". Every money amount (USD) uses it. */
  Decimal: { input: string; output: string; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  /** Integer up to 2^53-1 sent as a JSON number (monthly counters outgrow GraphQL's 32-bit Int). */
  SafeInt: { input: number; output: number; }
};

export type AddPriceInput = {
  cachedInputPer1kTokens?: InputMaybe<Scalars['Decimal']['input']>;
  /** Defaults to now; may not be in the past (past costs are never rewritten). */
  effectiveFrom?: InputMaybe<Scalars['DateTime']['input']>;
  inputPer1kTokens?: InputMaybe<Scalars['Decimal']['input']>;
  model: Scalars['String']['input'];
  outputPer1kTokens?: InputMaybe<Scalars['Decimal']['input']>;
  per1kCharacters?: InputMaybe<Scalars['Decimal']['input']>;
  perMinute?: InputMaybe<Scalars['Decimal']['input']>;
  service: Service;
};

export type AdminRole =
  /** everything except managing admins */
  | 'MANAGER'
  /** everything, including other admins */
  | 'OWNER'
  /** read-only, every tenant */
  | 'VIEWER';

export type AlertStatus =
  | 'ACKNOWLEDGED'
  | 'ACTIVE'
  | 'RESOLVED';

export type AlertType =
  | 'COST_SPIKE'
  | 'END_USER_LIMIT_EXCEEDED'
  | 'QUOTA_APPROACHING'
  | 'QUOTA_EXCEEDED'
  | 'RATE_LIMIT_EXCEEDED';

export type AuditAction =
  | 'ALERT_ACKNOWLEDGED'
  | 'ALERT_RESOLVED'
  | 'API_KEY_CREATED'
  | 'API_KEY_REVOKED'
  | 'CREDENTIAL_SET'
  | 'GATEWAY_WEBHOOK_TOKEN_REVOKED'
  | 'GATEWAY_WEBHOOK_TOKEN_ROTATED'
  | 'INVITATION_REVOKED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET'
  | 'PRICE_ADDED'
  | 'QUOTA_REMOVED'
  | 'QUOTA_SET'
  | 'SESSIONS_REVOKED'
  | 'STATEMENT_FINALIZED'
  | 'TENANT_CREATED'
  | 'TENANT_PRICING_SET'
  | 'TENANT_UPDATED'
  | 'USAGE_VOIDED'
  | 'USER_CREATED'
  | 'USER_INVITED'
  | 'USER_REMOVED'
  | 'USER_ROLE_CHANGED'
  | 'WEBHOOK_SECRET_ROTATED';

export type CallStatus =
  | 'ERROR'
  | 'SUCCESS';

export type CreateTenantInput = {
  name: Scalars['String']['input'];
};

export type CustomerRole =
  /** reads its own tenant's usage */
  | 'MEMBER'
  /** manages its own tenant's users and API keys */
  | 'OWNER';

export type DeliveryChannel =
  | 'EMAIL'
  | 'WEBHOOK';

export type DeliveryStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING';

/** Order of endUsers. Ties are broken by tenant, then end user id. */
export type EndUserOrder =
  /** Most calls in the range first. */
  | 'CALLS_DESC'
  /** Highest cost in the range first. */
  | 'COST_DESC'
  /** End user id, in code point order. */
  | 'END_USER_ASC'
  /** Most recent call first. */
  | 'LAST_SEEN_DESC';

export type EndUsersInput = {
  after?: InputMaybe<Scalars['String']['input']>;
  /** 7, 30, 90 or 365 days ending today (UTC). */
  days?: Scalars['Int']['input'];
  /** 1-100 */
  first?: Scalars['Int']['input'];
  orderBy?: EndUserOrder;
  /** Case-insensitive substring of the end user's id. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Customers omit it (their own tenant); admins name one, or omit it for every tenant. */
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

/** Values of extensions.code on every GraphQL error. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'FORBIDDEN'
  | 'IDEMPOTENCY_CONFLICT'
  | 'INTERNAL_SERVER_ERROR'
  | 'LAST_OWNER'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'UNAUTHENTICATED';

export type InviteUserInput = {
  /** For an admin; VIEWER when omitted. */
  adminRole?: InputMaybe<AdminRole>;
  /** For a user of a tenant; MEMBER when omitted. */
  customerRole?: InputMaybe<CustomerRole>;
  email: Scalars['String']['input'];
  /** Null invites an admin; otherwise a user of that tenant. */
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

/** Order of monthlySummaryPage. Ties (equal cost or calls) are broken by tenant name, case-insensitively. */
export type MonthlySummaryOrder =
  /** Most totalApiCalls first. */
  | 'API_CALLS_DESC'
  /** Tenant name A to Z, case-insensitively. */
  | 'TENANT_NAME_ASC'
  /** Highest totalCostUsd first. */
  | 'TOTAL_COST_DESC';

export type PricingStatus =
  | 'PRICED'
  | 'UNPRICED';

export type QuotaEnforcement =
  | 'HARD'
  | 'SOFT';

/** Each field left out keeps its value; an explicit null removes that limit. */
export type QuotaInput = {
  alertAtPercentage?: InputMaybe<Scalars['Int']['input']>;
  elevenlabsCharacterLimit?: InputMaybe<Scalars['SafeInt']['input']>;
  endUserMonthlyCostLimitUsd?: InputMaybe<Scalars['Decimal']['input']>;
  enforcement?: InputMaybe<QuotaEnforcement>;
  monthlyCostLimitUsd?: InputMaybe<Scalars['Decimal']['input']>;
  openaiTokenLimit?: InputMaybe<Scalars['SafeInt']['input']>;
  requestsPerMinuteLimit?: InputMaybe<Scalars['Int']['input']>;
  smartfloMinuteLimit?: InputMaybe<Scalars['Float']['input']>;
};

export type QuotaMetric =
  | 'ELEVENLABS_CHARACTERS'
  | 'MONTHLY_COST'
  | 'OPENAI_TOKENS'
  | 'REQUESTS_PER_MINUTE'
  | 'SMARTFLO_MINUTES';

export type RecordUsageInput = {
  /** OpenAI prompt tokens served from cache (part of inputTokens), priced at the cached-input rate. */
  cachedInputTokens?: InputMaybe<Scalars['Int']['input']>;
  characters?: InputMaybe<Scalars['Int']['input']>;
  durationSeconds?: InputMaybe<Scalars['Float']['input']>;
  /** The tenant's own user who caused the call: an opaque id of 1-255 characters (never an email unless the tenant chooses so). */
  endUser?: InputMaybe<Scalars['String']['input']>;
  inputTokens?: InputMaybe<Scalars['Int']['input']>;
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  model?: InputMaybe<Scalars['String']['input']>;
  /** When the call happened; defaults to now. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  outputTokens?: InputMaybe<Scalars['Int']['input']>;
  /** Idempotency key, unique per tenant: the same key recorded again counts once. */
  requestId: Scalars['String']['input'];
  service: Service;
  status?: InputMaybe<CallStatus>;
  /** Required when an admin records; an API key is bound to its own tenant and may omit it. */
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type Role =
  | 'ADMIN'
  | 'CUSTOMER';

export type Service =
  | 'ELEVENLABS'
  | 'OPENAI'
  | 'SMARTFLO';

export type StatementStatus =
  | 'FINAL'
  | 'OPEN';

export type TenantPricingInput = {
  effectiveFrom: Scalars['DateTime']['input'];
  /** e.g. "20" charges provider cost x 1.20; "-10" is a 10 % discount. */
  markupPercent: Scalars['Decimal']['input'];
  tenantId: Scalars['ID']['input'];
};

export type TenantStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

export type TimeSeriesGrouping =
  | 'MODEL'
  | 'SERVICE';

export type UpdateTenantInput = {
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<TenantStatus>;
  webhookUrl?: InputMaybe<Scalars['String']['input']>;
};

/** Colour band of a quota bar: OK < 60 % (green), NOTICE 60-80 % (yellow), WARNING 80-90 % (orange), CRITICAL >= 90 % (red). */
export type UsageLevel =
  | 'CRITICAL'
  | 'NOTICE'
  | 'OK'
  | 'WARNING';

export type UsageLogFilter = {
  endUser?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  service?: InputMaybe<Service>;
  /** How the events arrived: API, GATEWAY, GATEWAY_ESTIMATED or WEBHOOK. */
  source?: InputMaybe<UsageSource>;
  status?: InputMaybe<CallStatus>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Where a log came from. */
export type UsageSource =
  /** recordUsage / recordUsages */
  | 'API'
  /** the metering gateway, with units the provider reported */
  | 'GATEWAY'
  /** the metering gateway, with units it counted itself because the provider reported none (e.g. a stream cut off) */
  | 'GATEWAY_ESTIMATED'
  /** a provider's webhook (Smartflo call records) */
  | 'WEBHOOK';

export type UsageTimeSeriesInput = {
  /** 7, 30, 90 or 365. */
  days: Scalars['Int']['input'];
  /** One end user's series (admins name the tenant too). */
  endUser?: InputMaybe<Scalars['String']['input']>;
  groupBy?: TimeSeriesGrouping;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type RecordUsageMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type RecordUsageMutation = { recordUsage: { duplicate: boolean, log: { id: string, requestId: string, costUsd: string, pricingStatus: PricingStatus, occurredAt: string }, quotas: Array<{ metric: QuotaMetric, used: number, limit: number, percentUsed: number, level: UsageLevel, projectedLimitAt: string | null }>, alerts: Array<{ id: string, type: AlertType, metric: QuotaMetric | null, thresholdPercent: number | null, status: AlertStatus, message: string, createdAt: string }> } };

export type RecordUsagesMutationVariables = Exact<{
  inputs: Array<RecordUsageInput> | RecordUsageInput;
}>;


export type RecordUsagesMutation = { recordUsages: Array<{ duplicate: boolean, log: { id: string, requestId: string, costUsd: string, pricingStatus: PricingStatus, occurredAt: string }, quotas: Array<{ metric: QuotaMetric, used: number, limit: number, percentUsed: number, level: UsageLevel, projectedLimitAt: string | null }>, alerts: Array<{ id: string, type: AlertType, metric: QuotaMetric | null, thresholdPercent: number | null, status: AlertStatus, message: string, createdAt: string }> }> };

export type CheckQuotaQueryVariables = Exact<{
  service: Service;
  estimatedUnits: Scalars['Float']['input'];
}>;


export type CheckQuotaQuery = { checkQuota: { allowed: boolean, reason: string | null, remaining: number | null } };

export type RecordedUsageFragment = { duplicate: boolean, log: { id: string, requestId: string, costUsd: string, pricingStatus: PricingStatus, occurredAt: string }, quotas: Array<{ metric: QuotaMetric, used: number, limit: number, percentUsed: number, level: UsageLevel, projectedLimitAt: string | null }>, alerts: Array<{ id: string, type: AlertType, metric: QuotaMetric | null, thresholdPercent: number | null, status: AlertStatus, message: string, createdAt: string }> };
