import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../../services.js';
import type { Service } from '../../../core/graphql/enums.js';
import { alertOutput } from '../../alerts/alert.mappers.js';
import { quotaUsageOutput } from '../../quotas/quota.mappers.js';
import { tenantOutput } from '../../tenants/tenant.mappers.js';
import { scopedTenantId } from '../../../core/graphql/tenant-scope.js';
import { ServiceUsage, UsageDashboard } from '../usage.types.js';

@Resolver()
export class UsageDashboardResolver {
  @Authorized()
  @Query(() => UsageDashboard, { description: 'Customers omit tenantId (their own); admins name one.' })
  async usageDashboard(
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Arg('period', () => String, { nullable: true }) period: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<UsageDashboard> {
    const tenant = await tenantOutput(ctx.services, await ctx.services.tenants.requireExisting(scopedTenantId(ctx.viewer, tenantId)));
    const dashboard = await ctx.services.dashboards.dashboard(tenant.id, tenant.name, ctx.services.usage.window(period));
    return Object.assign(new UsageDashboard(), {
      ...dashboard,
      tenant,
      services: dashboard.services.map((s) =>
        Object.assign(new ServiceUsage(), { ...s, service: s.service as Service, quota: s.quota ? quotaUsageOutput(s.quota) : null }),
      ),
      costQuota: dashboard.costQuota ? quotaUsageOutput(dashboard.costQuota) : null,
      alerts: await Promise.all(dashboard.alerts.map((alert) => alertOutput(ctx.services, alert))),
    });
  }
}
