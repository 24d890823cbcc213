import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { scopedTenantId } from '../../core/graphql/tenant-scope.js';
import type { AppContext } from '../../services.js';
import { CreatedSecret } from './tenant.types.js';

/** The tenant's token for the gateway's Smartflo webhook (modules/gateway/smartflo), managed by admins. */
@Resolver()
export class WebhookTokensResolver {
  @Authorized('ADMIN')
  @Mutation(() => CreatedSecret, {
    description:
      'Admin only. A new token for POST /gateway/smartflo/call-records (sent as X-Usage-Webhook-Token), shown once; it replaces the previous one at once.',
  })
  async rotateGatewayWebhookToken(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: AppContext): Promise<CreatedSecret> {
    const id = await ctx.services.tenants.requireExisting(scopedTenantId(ctx.viewer, tenantId));
    return Object.assign(new CreatedSecret(), await ctx.services.webhookTokens.rotate(ctx.viewer!, id));
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: 'Admin only. Removes the tenant’s webhook token: Smartflo deliveries are refused (401) until a new one is set. False when it had none.' })
  async revokeGatewayWebhookToken(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: AppContext): Promise<boolean> {
    const id = await ctx.services.tenants.requireExisting(scopedTenantId(ctx.viewer, tenantId));
    return ctx.services.webhookTokens.revoke(ctx.viewer!, id);
  }
}
