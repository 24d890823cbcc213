import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { filter, pipe } from '@graphql-yoga/subscription';
import type { GraphQLContext } from '../../core/graphql/context.js';
import type { UsageUpdateRecord } from '../../core/graphql/live-events.js';
import { alertOutput, quotaUsageOutput, tenantOutput, usageLogOutput } from '../../core/graphql/mappers.js';
import { scopedTenantFilter, scopedTenantId } from '../../core/graphql/tenant-scope.js';
import type { Service } from '../../core/graphql/enums.js';
import type { Alert } from '../alerts/alert.types.js';
import type { QuotaUsage } from '../quotas/quota.types.js';
import type { RecordOutcome } from './usage-recorder.js';
import {
  ModelUsage, Overview, RecordUsageInput, RecordUsagePayload, ServiceTotal, TenantCost, UnpricedUsage,
  UsageLog, UsageLogConnection, UsageLogFilter, UsageTimeSeries, UsageTimeSeriesInput, UsageUpdate,
} from './usage.types.js';
import { UsageDashboardResolver } from './usage-dashboard.resolver.js';
import { UsageSummariesResolver } from './usage-summaries.resolver.js';
import { seriesLines } from './time-series-lines.js';

/**
 * GraphQL reads a field only when the operation selects it: the log, the alerts and the quota
 * standings are built on first read, so a batch answering only `duplicate` builds none of them
 * (see the recorder for the standings). Getters on a class, not per-object accessors: one shape
 * for every payload.
 */
class RecordUsagePayloadOutput implements RecordUsagePayload {
  private logOutput: UsageLog | undefined;
  private alertOutputs: Promise<Alert[]> | undefined;

  constructor(
    private readonly ctx: GraphQLContext,
    private readonly outcome: RecordOutcome,
  ) {}

  get duplicate(): boolean {
    return this.outcome.duplicate;
  }

  get log(): UsageLog {
    return (this.logOutput ??= usageLogOutput(this.ctx.services, this.outcome.log));
  }

  get alerts(): Alert[] {
    // type-graphql resolves a promise here like any other field value.
    return (this.alertOutputs ??= Promise.all(this.outcome.alerts.map((alert) => alertOutput(this.ctx.services, alert)))) as unknown as Alert[];
  }

  get quotas(): QuotaUsage[] {
    return this.outcome.quotas.map(quotaUsageOutput);
  }
}

function payloadOutput(ctx: GraphQLContext, outcome: RecordOutcome): RecordUsagePayload {
  return new RecordUsagePayloadOutput(ctx, outcome);
}

@Resolver()
export class UsageResolver {
  @Authorized('ADMIN', 'API_KEY')
  @Mutation(() => RecordUsagePayload)
  async recordUsage(@Arg('input', () => RecordUsageInput) input: RecordUsageInput, @Ctx() ctx: GraphQLContext): Promise<RecordUsagePayload> {
    const outcome = await ctx.services.ingest.record(input, scopedTenantId(ctx.viewer, input.tenantId));
    return payloadOutput(ctx, outcome);
  }

  @Authorized('ADMIN', 'API_KEY')
  @Mutation(() => [RecordUsagePayload], { description: 'Up to 1,000 events in one request, each recorded as recordUsage would.' })
  async recordUsages(@Arg('inputs', () => [RecordUsageInput]) inputs: RecordUsageInput[], @Ctx() ctx: GraphQLContext): Promise<RecordUsagePayload[]> {
    const tenantIds = inputs.map((input) => scopedTenantId(ctx.viewer, input.tenantId));
    const outcomes = await ctx.services.ingest.recordBatch(inputs, tenantIds);
    return outcomes.map((outcome) => payloadOutput(ctx, outcome));
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => UsageLogConnection, { description: "Newest first. Customers see only their own tenant's logs whatever the filter says." })
  async usageLogs(
    @Arg('filter', () => UsageLogFilter, { nullable: true }) filter: UsageLogFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UsageLogConnection> {
    const tenantId = scopedTenantFilter(ctx.viewer, filter?.tenantId);
    const page = await ctx.services.usage.logs({ ...filter, tenantId }, first ?? 50, after);
    return Object.assign(new UsageLogConnection(), {
      nodes: await Promise.all(page.nodes.map((log) => usageLogOutput(ctx.services, log))),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    });
  }

  @Authorized('ADMIN')
  @Query(() => Overview, { description: 'Admin only. period defaults to the current month.' })
  async overview(@Arg('period', () => String, { nullable: true }) period: string | null, @Ctx() ctx: GraphQLContext): Promise<Overview> {
    const window = ctx.services.usage.window(period);
    return Object.assign(new Overview(), { period: window.period, ...(await ctx.services.usage.overview(window)) });
  }

  @Authorized('ADMIN')
  @Query(() => [ServiceTotal], { description: 'Admin only.' })
  async serviceBreakdown(@Arg('period', () => String, { nullable: true }) period: string | null, @Ctx() ctx: GraphQLContext): Promise<ServiceTotal[]> {
    const totals = await ctx.services.usage.serviceBreakdown(ctx.services.usage.window(period));
    return totals.map((total) => Object.assign(new ServiceTotal(), { ...total, service: total.service as Service }));
  }

  @Authorized('ADMIN')
  @Query(() => [TenantCost], { description: 'Admin only. Highest cost first.' })
  async topTenants(
    @Arg('period', () => String, { nullable: true }) period: string | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 10 }) limit: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TenantCost[]> {
    const top = await ctx.services.usage.topTenants(ctx.services.usage.window(period), limit ?? 10);
    return Promise.all(
      top.map(async (s) => Object.assign(new TenantCost(), { tenant: await tenantOutput(ctx.services, s.tenantId), totalCostUsd: s.totalCostUsd, totalApiCalls: s.totalApiCalls })),
    );
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => [ModelUsage], { description: 'Per service and model in a month. Customers: their own tenant.' })
  async usageByModel(
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Arg('period', () => String, { nullable: true }) period: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ModelUsage[]> {
    const rows = await ctx.services.usage.byModel(scopedTenantId(ctx.viewer, tenantId), ctx.services.usage.window(period));
    return rows.map((row) => Object.assign(new ModelUsage(), { ...row, service: row.service as Service }));
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => UsageTimeSeries, { description: 'Daily series for charts. Admin: all tenants or one; customers: their own.' })
  async usageTimeSeries(@Arg('input', () => UsageTimeSeriesInput) input: UsageTimeSeriesInput, @Ctx() ctx: GraphQLContext): Promise<UsageTimeSeries> {
    const series = await ctx.services.usage.timeSeries(input.days, input.groupBy, scopedTenantFilter(ctx.viewer, input.tenantId));
    // Lines are built only when the operation selects them (points-only callers pay nothing).
    return Object.defineProperty(Object.assign(new UsageTimeSeries(), series), 'lines', { get: () => seriesLines(series.dates, series.points), enumerable: true });
  }

  @Authorized('ADMIN')
  @Query(() => UnpricedUsage, { description: 'Admin only.' })
  async unpricedUsage(@Arg('period', () => String, { nullable: true }) period: string | null, @Ctx() ctx: GraphQLContext): Promise<UnpricedUsage> {
    const unpriced = await ctx.services.usage.unpriced(ctx.services.usage.window(period));
    return Object.assign(new UnpricedUsage(), { ...unpriced, models: unpriced.models.map((m) => ({ ...m, service: m.service as Service })) });
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Subscription(() => UsageUpdate, {
    description: "New totals of a tenant's current month, at most once a second per tenant. Admins: every tenant or one; customers: their own.",
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      const tenantId = scopedTenantFilter(ctx.viewer, args.tenantId as string | null);
      return pipe(ctx.services.pubsub.subscribe('USAGE_UPDATED'), filter((update: UsageUpdateRecord) => !tenantId || update.tenantId === tenantId));
    },
  })
  async usageUpdated(
    @Root() update: UsageUpdateRecord,
    @Arg('tenantId', () => ID, { nullable: true }) _tenantId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UsageUpdate> {
    return Object.assign(new UsageUpdate(), { ...update, tenant: await tenantOutput(ctx.services, update.tenantId) });
  }
}

export const usageResolvers = [UsageResolver, UsageSummariesResolver, UsageDashboardResolver] as const;
