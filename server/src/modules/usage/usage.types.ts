import { Authorized, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar, JSONScalar, SafeIntScalar } from '../../core/graphql/scalars.js';
import { CallStatus, PricingStatus, Service, TimeSeriesGrouping, UsageSource } from '../../core/graphql/enums.js';
import { Tenant } from '../tenants/tenant.types.js';
import { Alert } from '../alerts/alert.types.js';
import { QuotaUsage } from '../quotas/quota.types.js';

@ObjectType()
export class UsageLog {
  @Field(() => ID) id!: string;
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => Service) service!: Service;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => DateTimeScalar) occurredAt!: Date;
  @Field(() => Int, { nullable: true }) inputTokens!: number | null;
  @Field(() => Int, { nullable: true }) cachedInputTokens!: number | null;
  @Field(() => Int, { nullable: true }) outputTokens!: number | null;
  @Field(() => Int, { nullable: true }) totalTokens!: number | null;
  @Field(() => Int, { nullable: true }) characters!: number | null;
  @Field(() => Float, { nullable: true }) durationSeconds!: number | null;
  @Field(() => DecimalScalar) costUsd!: string;
  @Field(() => PricingStatus) pricingStatus!: PricingStatus;
  @Field(() => CallStatus) status!: CallStatus;
  @Field() requestId!: string;
  @Field(() => JSONScalar, { nullable: true }) metadata!: unknown;
  @Field(() => String, { nullable: true }) endUser!: string | null;
  @Field(() => UsageSource) source!: UsageSource;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Set when an admin voided the log: it no longer counts anywhere.' }) voidedAt!: Date | null;
  @Field(() => String, { nullable: true }) voidReason!: string | null;
  @Field(() => String, { nullable: true, description: 'The admin who voided the log.' }) voidedBy!: string | null;
  // Admin only: the auth checker answers FORBIDDEN to a customer or key that selects it.
  @Authorized('ADMIN')
  @Field(() => DecimalScalar, { nullable: true, description: 'Admin only (FORBIDDEN for customers and keys): what the provider charges the platform.' })
  providerCostUsd!: string | null;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class UsageLogConnection {
  @Field(() => [UsageLog]) nodes!: UsageLog[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => SafeIntScalar) totalCount!: number;
}

@InputType()
export class UsageLogFilter {
  @Field(() => ID, { nullable: true }) tenantId?: string | null;
  @Field(() => Service, { nullable: true }) service?: Service | null;
  @Field(() => CallStatus, { nullable: true }) status?: CallStatus | null;
  @Field(() => DateTimeScalar, { nullable: true }) from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) to?: Date | null;
  @Field(() => String, { nullable: true }) endUser?: string | null;
  @Field(() => UsageSource, { nullable: true, description: 'How the events arrived: API, GATEWAY, GATEWAY_ESTIMATED or WEBHOOK.' }) source?: UsageSource | null;
}

@InputType()
export class RecordUsageInput {
  @Field(() => ID, { nullable: true, description: 'Required when an admin records; an API key is bound to its own tenant and may omit it.' })
  tenantId?: string | null;
  @Field(() => Service) service!: Service;
  @Field(() => String, { nullable: true }) model?: string | null;
  @Field(() => Int, { nullable: true }) inputTokens?: number | null;
  @Field(() => Int, { nullable: true, description: 'OpenAI prompt tokens served from cache (part of inputTokens), priced at the cached-input rate.' })
  cachedInputTokens?: number | null;
  @Field(() => Int, { nullable: true }) outputTokens?: number | null;
  @Field(() => Int, { nullable: true }) characters?: number | null;
  @Field(() => Float, { nullable: true }) durationSeconds?: number | null;
  @Field(() => CallStatus, { nullable: true, defaultValue: CallStatus.SUCCESS }) status?: CallStatus | null;
  @Field({ description: 'Idempotency key, unique per tenant: the same key recorded again counts once.' }) requestId!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the call happened; defaults to now.' }) occurredAt?: Date | null;
  @Field(() => JSONScalar, { nullable: true }) metadata?: unknown;
  @Field(() => String, {
    nullable: true,
    description: "The tenant's own user who caused the call: an opaque id of 1-255 characters (never an email unless the tenant chooses so).",
  })
  endUser?: string | null;
}

@ObjectType()
export class RecordUsagePayload {
  @Field(() => UsageLog) log!: UsageLog;
  @Field({ description: 'True when this requestId was already recorded: nothing was counted again.' }) duplicate!: boolean;
  @Field(() => [QuotaUsage], { description: "The tenant's quota standing after this event, one entry per metric that has a limit." })
  quotas!: QuotaUsage[];
  @Field(() => [Alert], { description: 'Alerts that this event raised (empty for a duplicate).' }) alerts!: Alert[];
}

@ObjectType()
export class MonthlySummary {
  @Field(() => Tenant) tenant!: Tenant;
  @Field({ description: 'Calendar month in UTC, "YYYY-MM".' }) period!: string;
  @Field(() => DateTimeScalar) periodStart!: Date;
  @Field(() => DateTimeScalar) periodEnd!: Date;
  @Field(() => SafeIntScalar) openaiInputTokens!: number;
  @Field(() => SafeIntScalar) openaiOutputTokens!: number;
  @Field(() => SafeIntScalar) openaiTotalTokens!: number;
  @Field(() => DecimalScalar) openaiCostUsd!: string;
  @Field(() => SafeIntScalar) elevenlabsCharacters!: number;
  @Field(() => DecimalScalar) elevenlabsCostUsd!: string;
  @Field(() => Float) smartfloMinutes!: number;
  @Field(() => DecimalScalar) smartfloCostUsd!: string;
  @Field(() => DecimalScalar) totalCostUsd!: string;
  @Field(() => SafeIntScalar) totalApiCalls!: number;
  @Field(() => SafeIntScalar) errorCalls!: number;
  // Admin only: the auth checker answers FORBIDDEN to a customer or key that selects any of them.
  @Authorized('ADMIN')
  @Field(() => DecimalScalar, { nullable: true, description: 'Admin only (FORBIDDEN for customers and keys): what the providers charged the platform for the month.' })
  providerCostUsd!: string | null;
  @Authorized('ADMIN')
  @Field(() => DecimalScalar, { nullable: true, description: 'Admin only (FORBIDDEN for customers and keys): totalCostUsd - providerCostUsd.' })
  marginUsd!: string | null;
  @Authorized('ADMIN')
  @Field(() => DecimalScalar, { nullable: true, description: 'Admin only (FORBIDDEN for customers and keys): marginUsd as a percent of providerCostUsd, 2 decimals; null when provider cost is 0.' })
  marginPercent!: string | null;
}

@ObjectType()
export class Overview {
  @Field() period!: string;
  @Field(() => Int) customerCount!: number;
  @Field(() => DecimalScalar) totalCostUsd!: string;
  @Field(() => SafeIntScalar) totalApiCalls!: number;
  @Field(() => Int, { description: 'Alerts with status ACTIVE.' }) activeAlertCount!: number;
  @Field(() => SafeIntScalar, { description: 'Distinct end users with usage in the period, across tenants.' }) activeEndUsers!: number;
}

@ObjectType()
export class ServiceTotal {
  @Field(() => Service) service!: Service;
  @Field(() => Float, { description: 'Tokens (OPENAI), characters (ELEVENLABS) or minutes (SMARTFLO).' }) units!: number;
  @Field(() => DecimalScalar) costUsd!: string;
  @Field(() => SafeIntScalar) apiCalls!: number;
}

@ObjectType()
export class TenantCost {
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => DecimalScalar) totalCostUsd!: string;
  @Field(() => SafeIntScalar) totalApiCalls!: number;
}

@ObjectType()
export class ServiceUsage {
  @Field(() => Service) service!: Service;
  @Field(() => Float) units!: number;
  @Field(() => DecimalScalar) costUsd!: string;
  @Field(() => SafeIntScalar) apiCalls!: number;
  @Field(() => QuotaUsage, { nullable: true, description: "Standing against this service's own quota metric; null when it has no limit." })
  quota!: QuotaUsage | null;
}

@ObjectType()
export class UsageDashboard {
  @Field(() => Tenant) tenant!: Tenant;
  @Field() period!: string;
  @Field(() => DecimalScalar) totalCostUsd!: string;
  @Field(() => [ServiceUsage]) services!: ServiceUsage[];
  @Field(() => QuotaUsage, { nullable: true, description: 'Standing against the monthly cost limit; null when there is none.' })
  costQuota!: QuotaUsage | null;
  @Field(() => [Alert], { description: "The tenant's alerts that are not RESOLVED, newest first." }) alerts!: Alert[];
  @Field(() => DecimalScalar, { description: 'Same totals for the month before `period`.' }) previousPeriodTotalCostUsd!: string;
  @Field(() => DecimalScalar, { description: 'totalCostUsd extrapolated to the whole month at the pace so far (equals the total for past months).' })
  projectedMonthEndCostUsd!: string;
  @Field(() => SafeIntScalar) totalApiCalls!: number;
  @Field(() => SafeIntScalar) errorCalls!: number;
  @Field(() => SafeIntScalar, { description: 'Distinct end users of this tenant with usage in the period.' }) activeEndUsers!: number;
}

@ObjectType()
export class UnpricedModel {
  @Field(() => Service) service!: Service;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => SafeIntScalar) apiCalls!: number;
}

@ObjectType()
export class UnpricedUsage {
  @Field() period!: string;
  @Field(() => SafeIntScalar) apiCalls!: number;
  @Field(() => [UnpricedModel]) models!: UnpricedModel[];
}

@ObjectType()
export class ModelUsage {
  @Field(() => Service) service!: Service;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => SafeIntScalar) apiCalls!: number;
  @Field(() => SafeIntScalar) errorCalls!: number;
  @Field(() => Float) units!: number;
  @Field(() => DecimalScalar) costUsd!: string;
}

// Plain data read straight off the object (no field middleware or auth): a 365-day series is
// ~1,100 of these, and type-graphql's per-field wrapper was a measurable part of executing it.
@ObjectType({ simpleResolvers: true })
export class TimeSeriesPoint {
  @Field({ description: 'UTC day, "YYYY-MM-DD".' }) date!: string;
  @Field({ description: 'Service name or model, per the grouping.' }) key!: string;
  @Field(() => DecimalScalar) costUsd!: string;
  @Field(() => SafeIntScalar) apiCalls!: number;
  @Field(() => Float) units!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One key of a series: values per day, aligned with UsageTimeSeries.dates and zero-filled.',
})
export class TimeSeriesLine {
  @Field({ description: 'Service name or model, per the grouping.' }) key!: string;
  @Field(() => DecimalScalar, { description: 'Sum of costUsd over the range.' }) totalCostUsd!: string;
  @Field(() => SafeIntScalar) totalApiCalls!: number;
  @Field(() => [DecimalScalar], { description: 'Cost of each day of `dates`.' }) costUsd!: string[];
  @Field(() => [SafeIntScalar]) apiCalls!: number[];
  @Field(() => [Float]) units!: number[];
}

@ObjectType()
export class UsageTimeSeries {
  @Field(() => DateTimeScalar) from!: Date;
  @Field(() => DateTimeScalar) to!: Date;
  @Field(() => Int) days!: number;
  @Field(() => [TimeSeriesPoint]) points!: TimeSeriesPoint[];
  @Field(() => [String], { description: 'Every UTC day of [from, to), oldest first, "YYYY-MM-DD": the axis of `lines`.' }) dates!: string[];
  @Field(() => [TimeSeriesLine], {
    description:
      'The points as one line per key, highest total cost first, each zero-filled on `dates`. Same numbers as `points`, ready for a chart, and much cheaper to send for long ranges (a few objects instead of one per day and key).',
  })
  lines!: TimeSeriesLine[];
  @Field(() => DecimalScalar) totalCostUsd!: string;
  @Field(() => SafeIntScalar) totalApiCalls!: number;
  @Field(() => DecimalScalar, { description: 'The same totals for the period of the same length just before.' }) previousTotalCostUsd!: string;
  @Field(() => SafeIntScalar) previousTotalApiCalls!: number;
}

@InputType()
export class UsageTimeSeriesInput {
  @Field(() => Int, { description: '7, 30, 90 or 365.' }) days!: number;
  @Field(() => ID, { nullable: true }) tenantId?: string | null;
  @Field(() => TimeSeriesGrouping, { defaultValue: TimeSeriesGrouping.SERVICE }) groupBy!: TimeSeriesGrouping;
  @Field(() => String, { nullable: true, description: "One end user's series (admins name the tenant too)." }) endUser?: string | null;
}

@ObjectType()
export class UsageUpdate {
  @Field(() => Tenant) tenant!: Tenant;
  @Field() period!: string;
  @Field(() => DecimalScalar) totalCostUsd!: string;
  @Field(() => SafeIntScalar) totalApiCalls!: number;
  @Field(() => SafeIntScalar) errorCalls!: number;
}

export enum MonthlySummaryOrder {
  TOTAL_COST_DESC = 'TOTAL_COST_DESC',
  API_CALLS_DESC = 'API_CALLS_DESC',
  TENANT_NAME_ASC = 'TENANT_NAME_ASC',
}
registerEnumType(MonthlySummaryOrder, {
  name: 'MonthlySummaryOrder',
  description: 'Order of monthlySummaryPage. Ties (equal cost or calls) are broken by tenant name, case-insensitively.',
  valuesConfig: {
    TOTAL_COST_DESC: { description: 'Highest totalCostUsd first.' },
    API_CALLS_DESC: { description: 'Most totalApiCalls first.' },
    TENANT_NAME_ASC: { description: 'Tenant name A to Z, case-insensitively.' },
  },
});

@ObjectType()
export class MonthlySummaryConnection {
  @Field(() => [MonthlySummary]) nodes!: MonthlySummary[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Tenants matching period and search, over all pages.' }) totalCount!: number;
}
