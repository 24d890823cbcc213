import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../services.js';
import { notFound } from '../../core/graphql/errors.js';
import { tenantOutput } from '../tenants/tenant.mappers.js';
import { scopedTenantId } from '../../core/graphql/tenant-scope.js';
import { signedIn, viewerOutput } from './auth.mappers.js';
import { ApiKey, AuthPayload, CreatedApiKey, Session, Viewer } from './auth.types.js';


/** The client of this request, as the Sessions list shows it. */
const clientOf = (ctx: AppContext) => ({ ip: ctx.ip, userAgent: ctx.userAgent });

@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { nullable: true })
  async me(@Ctx() ctx: AppContext): Promise<Viewer | null> {
    if (!ctx.viewer || ctx.viewer.kind === 'API_KEY') return null;
    return viewerOutput(ctx, ctx.viewer);
  }

  @Mutation(() => AuthPayload)
  async login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() ctx: AppContext): Promise<AuthPayload> {
    return signedIn(ctx, await ctx.services.auth.login(email, password, clientOf(ctx)));
  }

  @Authorized('ADMIN', 'CUSTOMER', 'OWN_ACCOUNT')
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
    return signedIn(ctx, await ctx.services.passwords.reset(token, newPassword, clientOf(ctx)));
  }

  @Authorized('ADMIN', 'CUSTOMER', 'OWN_ACCOUNT')
  @Mutation(() => Boolean, { description: 'Revokes the session token used for this request.' })
  async logout(@Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.services.auth.logout(ctx.viewer!.sessionId!);
    ctx.sessionCookies?.ended();
    return true;
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => [Session], { description: "The viewer's live sessions, newest first." })
  async sessions(@Ctx() ctx: AppContext): Promise<Session[]> {
    const sessions = await ctx.services.auth.listSessions(ctx.viewer!);
    return sessions.map((session) => Object.assign(new Session(), session));
  }

  @Authorized('ADMIN', 'CUSTOMER', 'OWN_ACCOUNT')
  @Mutation(() => Boolean, { description: "Ends one of the viewer's own sessions (NOT_FOUND for any other id)." })
  async revokeSession(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.services.auth.revokeSession(ctx.viewer!, id);
    if (id === ctx.viewer!.sessionId) ctx.sessionCookies?.ended();
    return true;
  }

  @Authorized('ADMIN', 'CUSTOMER', 'OWN_ACCOUNT')
  @Mutation(() => Int, { description: 'Ends every session of the viewer, this one included; returns how many ended.' })
  async signOutEverywhere(@Ctx() ctx: AppContext): Promise<number> {
    const ended = await ctx.services.auth.signOutEverywhere(ctx.viewer!);
    ctx.sessionCookies?.ended();
    return ended;
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

  @Authorized('ADMIN', 'CUSTOMER')
  @Mutation(() => CreatedApiKey, { description: "Admins (OWNER, MANAGER) for any tenant; a customer OWNER for its own. An ingestion key bound to one tenant." })
  async createApiKey(@Arg('tenantId', () => ID) tenantId: string, @Arg('name') name: string, @Ctx() ctx: AppContext): Promise<CreatedApiKey> {
    const created = await ctx.services.apiKeys.create(ctx.em, ctx.viewer!, scopedTenantId(ctx.viewer, tenantId), name);
    return Object.assign(new CreatedApiKey(), created);
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => [ApiKey], { description: "Admins: any tenant's keys; customers: their own tenant's." })
  async apiKeys(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: AppContext): Promise<ApiKey[]> {
    const keys = await ctx.services.apiKeys.list(ctx.em, scopedTenantId(ctx.viewer, tenantId));
    return Promise.all(keys.map(async (key) => Object.assign(new ApiKey(), { ...key, tenant: await tenantOutput(ctx.services, key.tenant.id) })));
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Mutation(() => ApiKey, { description: "Admins (OWNER, MANAGER) for any tenant; a customer OWNER for its own." })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<ApiKey> {
    const key = await ctx.services.apiKeys.revoke(ctx.em, ctx.viewer!, id);
    return Object.assign(new ApiKey(), { ...key, tenant: await tenantOutput(ctx.services, key.tenant.id) });
  }
}
