import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../services.js';
import { tenantOutput } from '../tenants/tenant.mappers.js';
import type { TenantPricingRecord } from './tenant-pricing.service.js';
import { TenantPricing, TenantPricingInput } from './tenant-pricing.types.js';

async function output(ctx: AppContext, record: TenantPricingRecord): Promise<TenantPricing> {
  return Object.assign(new TenantPricing(), { ...record, tenant: await tenantOutput(ctx.services, record.tenantId) });
}

@Resolver()
export class TenantPricingResolver {
  @Authorized('ADMIN')
  @Query(() => [TenantPricing], { description: "Admin only. The tenant's pricing in force now and scheduled (with history: every row), newest first." })
  async tenantPricing(
    @Arg('tenantId', () => ID) tenantId: string,
    @Arg('history', { defaultValue: false, description: 'Also the rows no longer in force.' }) history: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<TenantPricing[]> {
    return Promise.all((await ctx.services.tenantPricing.list(tenantId, history)).map((record) => output(ctx, record)));
  }

  @Authorized('ADMIN')
  @Mutation(() => TenantPricing, { description: 'Admin only. A markup on provider cost for one tenant, from a date on; never rewrites past costs.' })
  async setTenantPricing(@Arg('input', () => TenantPricingInput) input: TenantPricingInput, @Ctx() ctx: AppContext): Promise<TenantPricing> {
    return output(ctx, await ctx.services.tenantPricing.set(ctx.viewer!, input));
  }
}
