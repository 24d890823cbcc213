import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Viewer as ViewerRecord } from '../../core/viewer/viewer.js';
import type { AppContext } from '../../services.js';
import { Role } from '../../core/graphql/enums.js';
import { notFound } from '../../core/graphql/errors.js';
import { tenantOutput } from '../tenants/tenant.mappers.js';
import { scopedTenantId } from '../../core/graphql/tenant-scope.js';
import { ApiKey, AuthPayload, CreatedApiKey, Viewer } from './auth.types.js';

async function viewerOutput(ctx: AppContext, viewer: ViewerRecord): Promise<Viewer> {
  return Object.assign(new Viewer(), {
    id: viewer.userId ?? viewer.apiKeyId!,
    email: viewer.email ?? '',
    role: viewer.kind === 'ADMIN' ? Role.ADMIN : Role.CUSTOMER,
    tenant: viewer.tenantId ? await tenantOutput(ctx.services, viewer.tenantId) : null,
  });
}

@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { nullable: true })
  async me(@Ctx() ctx: AppContext): Promise<Viewer | null> {
    if (!ctx.viewer || ctx.viewer.kind === 'API_KEY') return null;
    return viewerOutput(ctx, ctx.viewer);
  }

  @Mutation(() => AuthPayload)
  async login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() ctx: AppContext): Promise<AuthPayload> {
    const { token, viewer } = await ctx.services.auth.login(email, password, ctx.ip);
    return Object.assign(new AuthPayload(), { token, viewer: await viewerOutput(ctx, viewer) });
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Mutation(() => Boolean, { description: 'Ends every other session of this user.' })
  async changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.services.passwords.changePassword(ctx.viewer!, currentPassword, newPassword, ctx.ip);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Always true, whether or not the email exists; sends a one-time link valid 30 minutes.' })
  async requestPasswordReset(@Arg('email') email: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.services.passwords.requestReset(email, ctx.ip);
  }

  @Mutation(() => AuthPayload, { description: 'Sets a new password from the emailed link, ends every session and signs in.' })
  async resetPassword(@Arg('token') token: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: AppContext): Promise<AuthPayload> {
    const { token: session, viewer } = await ctx.services.passwords.reset(token, newPassword);
    return Object.assign(new AuthPayload(), { token: session, viewer: await viewerOutput(ctx, viewer) });
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Mutation(() => Boolean, { description: 'Revokes the session token used for this request.' })
  async logout(@Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.services.auth.logout(ctx.viewer!.sessionId!);
    return true;
  }

  @Authorized('ADMIN')
  @Mutation(() => Viewer, { description: 'Admin only.' })
  async createCustomerUser(
    @Arg('tenantId', () => ID) tenantId: string,
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Ctx() ctx: AppContext,
  ): Promise<Viewer> {
    const tenant = await ctx.services.tenants.get(ctx.em, scopedTenantId(ctx.viewer, tenantId));
    if (!tenant) throw notFound('Tenant');
    return viewerOutput(ctx, await ctx.services.auth.createCustomerUser(ctx.viewer!, tenant.id, email, password));
  }

  @Authorized('ADMIN')
  @Query(() => [Viewer], { description: 'Admin only.' })
  async customerUsers(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: AppContext): Promise<Viewer[]> {
    const users = await ctx.services.auth.listCustomerUsers(scopedTenantId(ctx.viewer, tenantId));
    return Promise.all(users.map((user) => viewerOutput(ctx, user)));
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKey, { description: 'Admin only. An ingestion key bound to one tenant.' })
  async createApiKey(@Arg('tenantId', () => ID) tenantId: string, @Arg('name') name: string, @Ctx() ctx: AppContext): Promise<CreatedApiKey> {
    const created = await ctx.services.apiKeys.create(ctx.em, ctx.viewer!, scopedTenantId(ctx.viewer, tenantId), name);
    return Object.assign(new CreatedApiKey(), created);
  }

  @Authorized('ADMIN')
  @Query(() => [ApiKey], { description: 'Admin only.' })
  async apiKeys(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: AppContext): Promise<ApiKey[]> {
    const keys = await ctx.services.apiKeys.list(ctx.em, scopedTenantId(ctx.viewer, tenantId));
    return Promise.all(keys.map(async (key) => Object.assign(new ApiKey(), { ...key, tenant: await tenantOutput(ctx.services, key.tenant.id) })));
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKey, { description: 'Admin only.' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<ApiKey> {
    const key = await ctx.services.apiKeys.revoke(ctx.em, ctx.viewer!, id);
    return Object.assign(new ApiKey(), { ...key, tenant: await tenantOutput(ctx.services, key.tenant.id) });
  }
}
