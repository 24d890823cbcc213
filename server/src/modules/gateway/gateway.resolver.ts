import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { forbidden } from '../../core/graphql/errors.js';
import type { AppContext } from '../../services.js';
import { Tenant } from '../tenants/tenant.types.js';
import { GatewayStatus } from './gateway.types.js';

@Resolver(() => Tenant)
export class GatewayResolver {
  // Whether credentials are set is no secret from the tenant itself (its portal shows how to use
  // the gateway); another tenant never reaches this Tenant at all.
  @FieldResolver(() => GatewayStatus, { description: 'Admins, and the tenant’s own users and keys.' })
  async gateway(@Root() tenant: Tenant, @Ctx() ctx: AppContext): Promise<GatewayStatus> {
    if (ctx.viewer?.kind !== 'ADMIN' && ctx.viewer?.tenantId !== tenant.id) throw forbidden();
    return Object.assign(new GatewayStatus(), await ctx.services.gatewayStatus.of(tenant.id));
  }
}
