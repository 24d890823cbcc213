import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../../services.js';
import { summaryOutput } from '../usage.mappers.js';
import { tenantOutput } from '../../tenants/tenant.mappers.js';
import { scopedTenantFilter, scopedTenantId } from '../../../core/graphql/tenant-scope.js';
import { MonthlySummary, MonthlySummaryConnection, MonthlySummaryOrder } from '../usage.types.js';

@Resolver()
export class UsageSummariesResolver {
  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => [MonthlySummary], { description: 'Admin: every tenant with usage in the period; customer: only their own.' })
  async monthlySummaries(
    @Arg('period', () => String, { nullable: true }) period: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<MonthlySummary[]> {
    const summaries = await ctx.services.usage.monthlySummaries(ctx.services.usage.window(period), { tenantId: scopedTenantFilter(ctx.viewer, null), search });
    return Promise.all(summaries.map((summary) => summaryOutput(ctx.services, summary)));
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => MonthlySummaryConnection, {
    description: 'monthlySummaries a page at a time, in the order asked. first: 1-100; after: endCursor of the page before, with the same orderBy. Customers: only their own.',
  })
  async monthlySummaryPage(
    @Arg('period', () => String, { nullable: true }) period: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('orderBy', () => MonthlySummaryOrder, { nullable: true, defaultValue: MonthlySummaryOrder.TOTAL_COST_DESC }) orderBy: MonthlySummaryOrder,
    @Arg('first', () => Int, { nullable: true, defaultValue: 24 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<MonthlySummaryConnection> {
    const tenantId = scopedTenantFilter(ctx.viewer, null);
    const page = await ctx.services.usage.summaryPage(ctx.services.usage.window(period), { tenantId, search, orderBy: orderBy ?? MonthlySummaryOrder.TOTAL_COST_DESC, first: first ?? 24, after });
    return Object.assign(new MonthlySummaryConnection(), {
      nodes: await Promise.all(page.nodes.map((summary) => summaryOutput(ctx.services, summary))),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    });
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => [MonthlySummary], { description: 'The last `months` calendar months, oldest first, including the current one.' })
  async usageHistory(
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Arg('months', () => Int, { nullable: true, defaultValue: 6 }) months: number,
    @Ctx() ctx: AppContext,
  ): Promise<MonthlySummary[]> {
    const tenant = await tenantOutput(ctx.services, await ctx.services.tenants.requireExisting(scopedTenantId(ctx.viewer, tenantId)));
    const history = await ctx.services.usage.history(tenant.id, tenant.name, months ?? 6);
    return Promise.all(history.map((summary) => summaryOutput(ctx.services, summary)));
  }
}
