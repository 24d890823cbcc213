import { AdminRole, CustomerRole, Role } from '../../core/graphql/enums.js';
import type { Viewer as ViewerRecord } from '../../core/viewer/viewer.js';
import type { AppContext } from '../../services.js';
import { tenantOutput } from '../tenants/tenant.mappers.js';
import { AuthPayload, Invitation, Viewer } from './auth.types.js';
import type { InvitationRecord } from './team.service.js';

export async function viewerOutput(ctx: AppContext, viewer: ViewerRecord): Promise<Viewer> {
  return Object.assign(new Viewer(), {
    id: viewer.userId ?? viewer.apiKeyId!,
    email: viewer.email ?? '',
    role: viewer.kind === 'ADMIN' ? Role.ADMIN : Role.CUSTOMER,
    tenant: viewer.tenantId ? await tenantOutput(ctx.services, viewer.tenantId) : null,
    adminRole: viewer.kind === 'ADMIN' ? (viewer.teamRole as AdminRole) : null,
    customerRole: viewer.kind === 'CUSTOMER' ? (viewer.teamRole as CustomerRole) : null,
    lastLoginAt: viewer.lastLoginAt ?? null,
  });
}

export async function invitationOutput(ctx: AppContext, invitation: InvitationRecord): Promise<Invitation> {
  return Object.assign(new Invitation(), {
    id: invitation.id,
    email: invitation.email,
    tenant: invitation.tenantId ? await tenantOutput(ctx.services, invitation.tenantId) : null,
    adminRole: invitation.tenantId === null ? (invitation.teamRole as AdminRole) : null,
    customerRole: invitation.tenantId === null ? null : (invitation.teamRole as CustomerRole),
    expiresAt: invitation.expiresAt,
  });
}

/** A sign-in's answer; an SPA also gets its session cookies. */
export async function signedIn(ctx: AppContext, session: { token: string; viewer: ViewerRecord }): Promise<AuthPayload> {
  ctx.sessionCookies?.started(session.token);
  return Object.assign(new AuthPayload(), { token: session.token, viewer: await viewerOutput(ctx, session.viewer) });
}
