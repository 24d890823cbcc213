import type pg from 'pg';
import type { Logger } from 'pino';
import { DomainError, ErrorCode, UserInputError, forbidden, notFound } from '../../core/graphql/errors.js';
import { inTransaction } from '../../core/db/transaction.js';
import type { Clock } from '../../core/lib/clock.js';
import { hashSecret, randomToken } from '../../core/lib/secrets.js';
import { mayManageAdmins, mayManageTenantAccess, mayReadTenantUsers } from '../../core/viewer/permissions.js';
import type { AdminRole, CustomerRole, TeamRole, Viewer } from '../../core/viewer/viewer.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Mailer } from '../notifications/mailer.js';
import { viewerOfUser, type AuthService, type SessionClient } from './auth.service.js';
import { passwordProblem } from './password-rules.js';
import { decoyPasswordHash, hashPassword } from './passwords.js';

export const INVITATION_TOKEN_PREFIX = 'um_invite_';
/** An invitation link is valid this long (api-contract-next.md). */
export const INVITATION_DAYS = 7;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ADMIN_ROLES: readonly AdminRole[] = ['OWNER', 'MANAGER', 'VIEWER'];
const CUSTOMER_ROLES: readonly CustomerRole[] = ['OWNER', 'MEMBER'];

/** A team: the platform's admins (tenantId null) or one tenant's users. */
type Team = { tenantId: string | null };

export interface InvitationRecord {
  id: string;
  email: string;
  tenantId: string | null;
  teamRole: TeamRole;
  expiresAt: Date;
}

export interface InviteRequest {
  email: string;
  tenantId?: string | null;
  adminRole?: AdminRole | null;
  customerRole?: CustomerRole | null;
}

const USER_COLUMNS = 'id, email, role, tenant_id, team_role, last_login_at';

/**
 * Teams: who may sign in to the admin console and to each tenant's portal, with which role.
 * Invitations are one-time emailed links (stored hashed, 7 days); the last OWNER of a team can be
 * neither removed nor demoted, checked under a lock on the team's owners so two concurrent
 * changes cannot both pass. Role rules come from core/viewer/permissions.ts; every change is
 * audited with who and what.
 */
export class TeamService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly publicUrl: string,
  ) {}

  /** `tenantId` null: the admins (admin OWNERs only). Otherwise that tenant's users. */
  async list(viewer: Viewer, team: Team): Promise<Viewer[]> {
    this.assertMayRead(viewer, team);
    const { rows } = await this.pool.query(
      team.tenantId === null
        ? `select ${USER_COLUMNS} from users where role = 'ADMIN' order by created_at`
        : `select ${USER_COLUMNS} from users where role = 'CUSTOMER' and tenant_id = $1 order by created_at`,
      team.tenantId === null ? [] : [team.tenantId],
    );
    return rows.map((row) => viewerOfUser(row));
  }

  /** Pending (not accepted, revoked or expired) invitations of a team. */
  async pendingInvitations(viewer: Viewer, team: Team): Promise<InvitationRecord[]> {
    this.assertMayManage(viewer, team);
    const { rows } = await this.pool.query(
      `select id, email, tenant_id, team_role, expires_at from invitations
        where tenant_id is not distinct from $1 and accepted_at is null and revoked_at is null and expires_at > $2
        order by created_at desc limit 200`,
      [team.tenantId, this.clock.now()],
    );
    return rows.map(invitationRecord);
  }

  async invite(viewer: Viewer, team: Team, request: InviteRequest, ip: string): Promise<InvitationRecord> {
    this.assertMayManage(viewer, team);
    const email = request.email.trim().toLowerCase();
    const problems: { field: string; message: string }[] = [];
    if (!EMAIL.test(email) || email.length > 254) problems.push({ field: 'email', message: 'is not a valid email address' });
    let teamRole: TeamRole;
    if (team.tenantId === null) {
      if (request.customerRole) problems.push({ field: 'customerRole', message: 'is for users of a tenant; an admin takes adminRole' });
      teamRole = request.adminRole ?? 'VIEWER';
      if (!ADMIN_ROLES.includes(teamRole as AdminRole)) problems.push({ field: 'adminRole', message: 'must be OWNER, MANAGER or VIEWER' });
    } else {
      if (request.adminRole) problems.push({ field: 'adminRole', message: 'is for admins; a user of a tenant takes customerRole' });
      teamRole = request.customerRole ?? 'MEMBER';
      if (!CUSTOMER_ROLES.includes(teamRole as CustomerRole)) problems.push({ field: 'customerRole', message: 'must be OWNER or MEMBER' });
    }
    if (problems.length > 0) throw new UserInputError(problems[0]!, problems.slice(1));
    // Per invited address and per inviter: nobody floods a mailbox through us.
    const inviter = `inviter:${viewer.userId ?? ip}`;
    await this.auth.assertNotThrottled(email, inviter, 'invitation');
    if (team.tenantId !== null) {
      const { rows } = await this.pool.query('select 1 from tenants where id = $1', [team.tenantId]);
      if (rows.length === 0) throw notFound('Tenant');
    }
    const { rows: existing } = await this.pool.query('select 1 from users where email = $1', [email]);
    if (existing.length > 0) throw new UserInputError({ field: 'email', message: 'already has an account' });
    await this.auth.recordFailure(email, inviter, 'invitation');

    const token = randomToken(INVITATION_TOKEN_PREFIX);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const invitation = await inTransaction(this.pool, async (client) => {
      // A new invitation replaces an earlier pending one to the same address in the same team.
      await client.query(
        'update invitations set revoked_at = $3 where email = $1 and tenant_id is not distinct from $2 and accepted_at is null and revoked_at is null',
        [email, team.tenantId, now],
      );
      const { rows } = await client.query(
        `insert into invitations (email, tenant_id, team_role, token_hash, invited_by, created_at, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7) returning id, email, tenant_id, team_role, expires_at`,
        [email, team.tenantId, teamRole, hashSecret(token), viewer.userId ?? null, now, expiresAt],
      );
      await this.audit.record(client, viewer, 'USER_INVITED', { tenantId: team.tenantId, targetId: rows[0].id, changes: { email, role: teamRole } });
      return invitationRecord(rows[0]);
    });
    await this.sendInvitation(viewer, team, email, token);
    return invitation;
  }

  async revokeInvitation(viewer: Viewer, id: string): Promise<void> {
    const { rows } = await this.pool.query('select id, email, tenant_id from invitations where id = $1 and accepted_at is null and revoked_at is null', [id]);
    const invitation = rows[0];
    if (!invitation || !this.mayManage(viewer, { tenantId: invitation.tenant_id })) throw notFound('Invitation');
    await inTransaction(this.pool, async (client) => {
      await client.query('update invitations set revoked_at = $2 where id = $1 and revoked_at is null', [id, this.clock.now()]);
      await this.audit.record(client, viewer, 'INVITATION_REVOKED', { tenantId: invitation.tenant_id, targetId: id, changes: { email: invitation.email } });
    });
  }

  /** Creates the invited account with its password and signs it in. Each link works once. */
  async accept(token: string, password: string, requester: SessionClient): Promise<{ token: string; viewer: Viewer }> {
    await this.auth.assertNotThrottled(null, requester.ip, 'invitation-link');
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query(
        `select id, email, tenant_id, team_role from invitations
          where token_hash = $1 and accepted_at is null and revoked_at is null and expires_at > $2 for update`,
        [hashSecret(token), this.clock.now()],
      );
      const invitation = rows[0];
      if (!invitation) {
        await this.auth.recordFailure(null, requester.ip, 'invitation-link');
        await decoyPasswordHash();
        throw new UserInputError({ field: 'token', message: 'is not a valid invitation (it may have expired, been used or withdrawn): ask for a new one' });
      }
      const weak = passwordProblem(password, invitation.email);
      if (weak) throw new UserInputError({ field: 'password', message: weak });
      const role = invitation.tenant_id === null ? 'ADMIN' : 'CUSTOMER';
      const { rows: created } = await client.query(
        `insert into users (email, password_hash, role, tenant_id, team_role) values ($1, $2, $3, $4, $5)
         on conflict (email) do nothing returning ${USER_COLUMNS}`,
        [invitation.email, await hashPassword(password), role, invitation.tenant_id, invitation.team_role],
      );
      if (!created[0]) throw new UserInputError({ field: 'token', message: 'was sent to an address that already has an account: sign in instead' });
      await client.query('update invitations set accepted_at = $2 where id = $1', [invitation.id, this.clock.now()]);
      const session = await this.auth.startSession(client, created[0], requester);
      await this.audit.record(client, session.viewer, 'USER_CREATED', {
        tenantId: invitation.tenant_id,
        targetId: created[0].id,
        changes: { email: invitation.email, role: invitation.team_role, invitation: invitation.id },
      });
      return session;
    });
  }

  async setRole(viewer: Viewer, userId: string, role: { adminRole?: AdminRole | null; customerRole?: CustomerRole | null }): Promise<Viewer> {
    return inTransaction(this.pool, async (client) => {
      const target = await this.lockTarget(client, viewer, userId);
      const next = target.role === 'ADMIN' ? role.adminRole : role.customerRole;
      if (target.role === 'ADMIN' && role.customerRole) throw new UserInputError({ field: 'customerRole', message: 'is for users of a tenant; an admin takes adminRole' });
      if (target.role === 'CUSTOMER' && role.adminRole) throw new UserInputError({ field: 'adminRole', message: 'is for admins; a user of a tenant takes customerRole' });
      if (!next) throw new UserInputError({ field: target.role === 'ADMIN' ? 'adminRole' : 'customerRole', message: 'is required' });
      if (next === target.team_role) return viewerOfUser(target);
      if (target.team_role === 'OWNER') this.assertNotLastOwner(target);
      const { rows } = await client.query(`update users set team_role = $2 where id = $1 returning ${USER_COLUMNS}`, [userId, next]);
      await this.audit.record(client, viewer, 'USER_ROLE_CHANGED', { tenantId: target.tenant_id, targetId: userId, changes: { email: target.email, role: { from: target.team_role, to: next } } });
      return viewerOfUser(rows[0]);
    });
  }

  /** Deletes the account and ends its sessions at once. One cannot remove oneself. */
  async remove(viewer: Viewer, userId: string): Promise<void> {
    if (userId === viewer.userId) throw new UserInputError({ field: 'id', message: 'is your own account: ask another owner to remove it' });
    await inTransaction(this.pool, async (client) => {
      const target = await this.lockTarget(client, viewer, userId);
      if (target.team_role === 'OWNER') this.assertNotLastOwner(target);
      await client.query('delete from users where id = $1', [userId]);
      await this.audit.record(client, viewer, 'USER_REMOVED', { tenantId: target.tenant_id, targetId: userId, changes: { email: target.email, role: target.team_role } });
    });
  }

  /**
   * The user to change, locked, with its team's owners locked first (always in id order, then the
   * target): two changes to one team queue up instead of deadlocking, and the second sees what
   * the first committed. Not found when it does not exist or the viewer may not manage its team.
   */
  private async lockTarget(client: pg.PoolClient, viewer: Viewer, userId: string) {
    if (!UUID.test(userId)) throw notFound('User');
    const { rows: found } = await client.query('select role, tenant_id from users where id = $1', [userId]);
    const team = found[0];
    // Another tenant's user reads as missing: a customer learns nothing about other tenants.
    if (!team || !this.mayManage(viewer, { tenantId: team.tenant_id })) {
      if (team && viewer.kind === 'ADMIN') throw forbidden('Only an admin OWNER manages admins');
      throw notFound('User');
    }
    const { rows: owners } = await client.query(
      `select id from users where role = $1 and tenant_id is not distinct from $2 and team_role = 'OWNER' order by id for update`,
      [team.role, team.tenant_id],
    );
    const { rows } = await client.query(`select ${USER_COLUMNS} from users where id = $1 for update`, [userId]);
    if (!rows[0]) throw notFound('User');
    return { ...rows[0], otherOwners: owners.filter((owner) => owner.id !== userId).length };
  }

  /** Refuses a change that would leave the target's team without an OWNER (owners locked by lockTarget). */
  private assertNotLastOwner(target: { tenant_id: string | null; otherOwners: number }): void {
    if (target.otherOwners === 0) {
      throw new DomainError(ErrorCode.LAST_OWNER, `This is the last OWNER of ${target.tenant_id === null ? 'the admin team' : 'this tenant'}: make someone else OWNER first`);
    }
  }

  private mayManage(viewer: Viewer, team: Team): boolean {
    return team.tenantId === null ? mayManageAdmins(viewer) : mayManageTenantAccess(viewer, team.tenantId);
  }

  private assertMayManage(viewer: Viewer, team: Team): void {
    if (!this.mayManage(viewer, team)) throw forbidden(team.tenantId === null ? 'Only an admin OWNER manages admins' : 'Only an owner manages this team');
  }

  private assertMayRead(viewer: Viewer, team: Team): void {
    const allowed = team.tenantId === null ? mayManageAdmins(viewer) : mayReadTenantUsers(viewer, team.tenantId);
    if (!allowed) throw forbidden(team.tenantId === null ? 'Only an admin OWNER sees the admin team' : 'You can only access your own tenant');
  }

  private async sendInvitation(viewer: Viewer, team: Team, email: string, token: string): Promise<void> {
    const app = team.tenantId === null ? 'admin' : 'portal';
    const link = `${this.publicUrl}/${app}/accept-invitation?token=${encodeURIComponent(token)}`;
    let where = 'the Usage Monitor admin console';
    if (team.tenantId !== null) {
      const { rows } = await this.pool.query('select name from tenants where id = $1', [team.tenantId]);
      where = `${rows[0]?.name ?? 'your team'}'s Usage Monitor portal`;
    }
    void this.mailer
      .send({
        to: email,
        subject: `You are invited to ${where}`,
        text: `${viewer.email ?? 'Someone'} invited you to ${where}.\n\nChoose your password and sign in here (valid for ${INVITATION_DAYS} days, once):\n${link}\n\nIf you did not expect this, ignore this message.`,
      })
      .catch((error: Error) => this.logger.error({ err: error.message }, 'invitation email failed'));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invitationRecord(row: { id: string; email: string; tenant_id: string | null; team_role: TeamRole; expires_at: Date }): InvitationRecord {
  return { id: row.id, email: row.email, tenantId: row.tenant_id, teamRole: row.team_role, expiresAt: row.expires_at };
}
