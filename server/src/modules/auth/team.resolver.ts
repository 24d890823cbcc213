import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AdminRole, CustomerRole } from '../../core/graphql/enums.js';
import { scopedTenantId } from '../../core/graphql/tenant-scope.js';
import type { Viewer as ViewerRecord } from '../../core/viewer/viewer.js';
import type { AppContext } from '../../services.js';
import { invitationOutput, signedIn, viewerOutput } from './auth.mappers.js';
import { AuthPayload, Invitation, InviteUserInput, Viewer } from './auth.types.js';

/**
 * Which team an operation is about: an admin names a tenant or none (the admins); a customer
 * always means its own tenant, and naming another is refused by the one tenant scope.
 */
function teamOf(viewer: ViewerRecord | null, tenantId: string | null | undefined): { tenantId: string | null } {
  if (viewer?.kind === 'ADMIN') return { tenantId: tenantId ?? null };
  return { tenantId: scopedTenantId(viewer, tenantId) };
}

@Resolver()
export class TeamResolver {
  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => [Viewer], { description: 'Admin OWNER: every admin; otherwise the users of one tenant (admins name it, customer OWNERs omit it).' })
  async users(@Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null, @Ctx() ctx: AppContext): Promise<Viewer[]> {
    const users = await ctx.services.team.list(ctx.viewer!, teamOf(ctx.viewer, tenantId));
    return Promise.all(users.map((user) => viewerOutput(ctx, user)));
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => [Invitation], { description: 'Pending invitations of a team (the same team as `users`), for those who may invite to it.' })
  async invitations(@Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null, @Ctx() ctx: AppContext): Promise<Invitation[]> {
    const invitations = await ctx.services.team.pendingInvitations(ctx.viewer!, teamOf(ctx.viewer, tenantId));
    return Promise.all(invitations.map((invitation) => invitationOutput(ctx, invitation)));
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Mutation(() => Invitation, { description: 'Emails a one-time link valid 7 days. Admins: tenantId null invites an admin (OWNER only). Customer OWNERs: their own tenant.' })
  async inviteUser(@Arg('input', () => InviteUserInput) input: InviteUserInput, @Ctx() ctx: AppContext): Promise<Invitation> {
    const invitation = await ctx.services.team.invite(ctx.viewer!, teamOf(ctx.viewer, input.tenantId), input, ctx.ip);
    return invitationOutput(ctx, invitation);
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Mutation(() => Boolean, { description: 'Withdraws a pending invitation: its link stops working.' })
  async revokeInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.services.team.revokeInvitation(ctx.viewer!, id);
    return true;
  }

  @Mutation(() => AuthPayload, { description: 'Creates the invited account with this password and signs it in. Each link works once.' })
  async acceptInvitation(@Arg('token') token: string, @Arg('password') password: string, @Ctx() ctx: AppContext): Promise<AuthPayload> {
    return signedIn(ctx, await ctx.services.team.accept(token, password, { ip: ctx.ip, userAgent: ctx.userAgent }));
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Mutation(() => Viewer, { description: "Changes a user's role (adminRole for admins, customerRole for a tenant's users). The last OWNER cannot be demoted (LAST_OWNER)." })
  async setUserRole(
    @Arg('id', () => ID) id: string,
    @Arg('adminRole', () => AdminRole, { nullable: true }) adminRole: AdminRole | null,
    @Arg('customerRole', () => CustomerRole, { nullable: true }) customerRole: CustomerRole | null,
    @Ctx() ctx: AppContext,
  ): Promise<Viewer> {
    return viewerOutput(ctx, await ctx.services.team.setRole(ctx.viewer!, id, { adminRole, customerRole }));
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Mutation(() => Boolean, { description: 'Deletes the account and ends its sessions. The last OWNER cannot be removed (LAST_OWNER).' })
  async removeUser(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.services.team.remove(ctx.viewer!, id);
    return true;
  }
}
