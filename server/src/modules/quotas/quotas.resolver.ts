import { Arg, Authorized, Ctx, Float, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../services.js';
import { QuotaEnforcement, Service } from '../../core/graphql/enums.js';
import { quotaUsageOutput } from './quota.mappers.js';
import { tenantOutput } from '../tenants/tenant.mappers.js';
import { scopedTenantId } from '../../core/graphql/tenant-scope.js';
import type { QuotaRecord } from './quotas.service.js';
import { Quota, QuotaDecision, QuotaInput, TenantQuotaStanding } from './quota.types.js';

async function quotaOutput(ctx: AppContext, quota: QuotaRecord): Promise<Quota> {
  return Object.assign(new Quota(), {
    ...quota,
    smartfloMinuteLimit: quota.smartfloMinuteLimit === null ? null : Number(quota.smartfloMinuteLimit),
    enforcement: quota.enforcement as QuotaEnforcement,
    tenant: await tenantOutput(ctx.services, quota.tenantId),
  });
}

@Resolver()
export class QuotasResolver {
  @Authorized()
  @Query(() => Quota, { nullable: true })
  async quota(@Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null, @Ctx() ctx: AppContext): Promise<Quota | null> {
    const quota = await ctx.services.quotas.get(await ctx.services.tenants.requireExisting(scopedTenantId(ctx.viewer, tenantId)));
    return quota ? quotaOutput(ctx, quota) : null;
  }

  @Authorized('ADMIN')
  @Mutation(() => Quota, { description: 'Admin only.' })
  async setQuota(@Arg('tenantId', () => ID) tenantId: string, @Arg('input', () => QuotaInput) input: QuotaInput, @Ctx() ctx: AppContext): Promise<Quota> {
    const scoped = await ctx.services.tenants.requireExisting(scopedTenantId(ctx.viewer, tenantId));
    return quotaOutput(ctx, await ctx.services.quotas.set(ctx.viewer!, scoped, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: 'Admin only.' })
  async removeQuota(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.services.quotas.remove(ctx.viewer!, await ctx.services.tenants.requireExisting(scopedTenantId(ctx.viewer, tenantId)));
  }

  @Authorized('ADMIN')
  @Query(() => [TenantQuotaStanding], { description: "Admin only. Every tenant's quota with its standing this month." })
  async quotaStandings(@Ctx() ctx: AppContext): Promise<TenantQuotaStanding[]> {
    const [tenants, quotas] = await Promise.all([ctx.services.tenants.list(ctx.em), ctx.services.quotas.all()]);
    return Promise.all(
      tenants.map(async (tenant) => {
        const quota = quotas.find((q) => q.tenantId === tenant.id) ?? null;
        return Object.assign(new TenantQuotaStanding(), {
          tenant: await tenantOutput(ctx.services, tenant.id),
          quota: quota ? await quotaOutput(ctx, quota) : null,
          usages: (await ctx.services.quotas.standings(tenant.id, quota)).map(quotaUsageOutput),
        });
      }),
    );
  }

  @Authorized()
  @Query(() => QuotaDecision, { description: 'Pre-call check for HARD limits: would spending estimatedUnits more of this service pass a limit?' })
  async checkQuota(
    @Arg('service', () => Service) service: Service,
    @Arg('estimatedUnits', () => Float) estimatedUnits: number,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<QuotaDecision> {
    const scoped = scopedTenantId(ctx.viewer, tenantId);
    const tenant = await ctx.services.tenantDirectory.find(scoped);
    if (!tenant) await ctx.services.tenants.requireExisting(scoped);
    return Object.assign(new QuotaDecision(), await ctx.services.quotas.check(scoped, tenant!.status, service, estimatedUnits));
  }
}
