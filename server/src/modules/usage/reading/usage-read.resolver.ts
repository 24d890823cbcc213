import { Arg, Authorized, Ctx, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { filter, pipe } from '@graphql-yoga/subscription';
import type { Service } from '../../../core/graphql/enums.js';
import { scopedTenantFilter, scopedTenantId } from '../../../core/graphql/tenant-scope.js';
import type { AppContext } from '../../../services.js';
import { tenantOutput } from '../../tenants/tenant.mappers.js';
import { endUserFilter } from '../../end-users/end-user-text.js';
import { usageLogOutput } from '../usage.mappers.js';
import {
  ModelUsage, Overview, ServiceTotal, TenantCost, UnpricedUsage, UsageLogConnection, UsageLogFilter, UsageTimeSeries, UsageTimeSeriesInput, UsageUpdate,
} from '../usage.types.js';
import { seriesLines } from './time-series-lines.js';
import type { UsageUpdateRecord } from './usage-activity.js';

@Resolver()
export class UsageReadResolver {
  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => UsageLogConnection, { description: "Newest first. Customers see only their own tenant's logs whatever the filter says." })
  async usageLogs(
    @Arg('filter', () => UsageLogFilter, { nullable: true }) filter: UsageLogFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<UsageLogConnection> {
    const tenantId = scopedTenantFilter(ctx.viewer, filter?.tenantId);
    const endUser = endUserFilter(filter?.endUser, tenantId);
    const page = await ctx.services.usage.logs({ ...filter, tenantId, endUser }, first ?? 50, after);
    return Object.assign(new UsageLogConnection(), {
      nodes: await Promise.all(page.nodes.map((log) => usageLogOutput(ctx.services, log))),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    });
  }

  @Authorized('ADMIN')
  @Query(() => Overview, { description: 'Admin only. period defaults to the current month.' })
  async overview(@Arg('period', () => String, { nullable: true }) period: string | null, @Ctx() ctx: AppContext): Promise<Overview> {
    const window = ctx.services.usage.window(period);
    return Object.assign(new Overview(), { period: window.period, ...(await ctx.services.usage.overview(window)) });
  }

  @Authorized('ADMIN')
  @Query(() => [ServiceTotal], { description: 'Admin only.' })
  async serviceBreakdown(@Arg('period', () => String, { nullable: true }) period: string | null, @Ctx() ctx: AppContext): Promise<ServiceTotal[]> {
    const totals = await ctx.services.usage.serviceBreakdown(ctx.services.usage.window(period));
    return totals.map((total) => Object.assign(new ServiceTotal(), { ...total, service: total.service as Service }));
  }

  @Authorized('ADMIN')
  @Query(() => [TenantCost], { description: 'Admin only. Highest cost first.' })
  async topTenants(
    @Arg('period', () => String, { nullable: true }) period: string | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 10 }) limit: number,
    @Ctx() ctx: AppContext,
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
    @Ctx() ctx: AppContext,
  ): Promise<ModelUsage[]> {
    const rows = await ctx.services.usage.byModel(scopedTenantId(ctx.viewer, tenantId), ctx.services.usage.window(period));
    return rows.map((row) => Object.assign(new ModelUsage(), { ...row, service: row.service as Service }));
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => UsageTimeSeries, { description: 'Daily series for charts. Admin: all tenants or one; customers: their own.' })
  async usageTimeSeries(@Arg('input', () => UsageTimeSeriesInput) input: UsageTimeSeriesInput, @Ctx() ctx: AppContext): Promise<UsageTimeSeries> {
    const tenantId = scopedTenantFilter(ctx.viewer, input.tenantId);
    const series = await ctx.services.usage.timeSeries(input.days, input.groupBy, tenantId, endUserFilter(input.endUser, tenantId));
    // Lines are built only when the operation selects them (points-only callers pay nothing).
    return Object.defineProperty(Object.assign(new UsageTimeSeries(), series), 'lines', { get: () => seriesLines(series.dates, series.points), enumerable: true });
  }

  @Authorized('ADMIN')
  @Query(() => UnpricedUsage, { description: 'Admin only.' })
  async unpricedUsage(@Arg('period', () => String, { nullable: true }) period: string | null, @Ctx() ctx: AppContext): Promise<UnpricedUsage> {
    const unpriced = await ctx.services.usage.unpriced(ctx.services.usage.window(period));
    return Object.assign(new UnpricedUsage(), { ...unpriced, models: unpriced.models.map((m) => ({ ...m, service: m.service as Service })) });
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Subscription(() => UsageUpdate, {
    description: "New totals of a tenant's current month, at most once a second per tenant. Admins: every tenant or one; customers: their own.",
    subscribe: ({ args, context }) => {
      const ctx = context as AppContext;
      const tenantId = scopedTenantFilter(ctx.viewer, args.tenantId as string | null);
      return pipe(ctx.services.pubsub.subscribe('USAGE_UPDATED'), filter((update: UsageUpdateRecord) => !tenantId || update.tenantId === tenantId));
    },
  })
  async usageUpdated(
    @Root() update: UsageUpdateRecord,
    @Arg('tenantId', () => ID, { nullable: true }) _tenantId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<UsageUpdate> {
    return Object.assign(new UsageUpdate(), { ...update, tenant: await tenantOutput(ctx.services, update.tenantId) });
  }
}
