import type pg from 'pg';
import type { Logger } from 'pino';
import { UserInputError } from '../../core/graphql/errors.js';
import { inTransaction } from '../../core/db/transaction.js';
import type { Clock } from '../../core/lib/clock.js';
import { hashSecret, randomToken } from '../../core/lib/secrets.js';
import type { Viewer } from '../../core/viewer/viewer.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Mailer } from '../notifications/mailer.js';
import type { AuthService, SessionClient } from './auth.service.js';
import { passwordProblem } from './password-rules.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.js';

export const RESET_TOKEN_PREFIX = 'um_reset_';
/** A reset link is valid this long (api-contract-next.md). */
export const RESET_TOKEN_MINUTES = 30;

/**
 * Changing and resetting passwords. Both end the user's other sessions; a reset link is single
 * use, stored hashed and short-lived, and asking for one answers the same whether or not the email
 * has an account (the mail goes out after the answer, so its time does not tell either).
 */
export class PasswordsService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly publicUrl: string,
  ) {}

  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    const { rows } = await this.pool.query('select email, password_hash from users where id = $1', [viewer.userId]);
    const user = rows[0];
    // Guessing the current password here is a sign-in attempt: it counts against the same throttle.
    await this.auth.assertNotThrottled(user.email, ip);
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      await this.auth.recordFailure(user.email, ip);
      throw new UserInputError({ field: 'currentPassword', message: 'is not your current password' });
    }
    const weak = passwordProblem(newPassword, user.email);
    if (weak) throw new UserInputError({ field: 'newPassword', message: weak });
    await inTransaction(this.pool, async (client) => {
      await client.query('update users set password_hash = $2 where id = $1', [viewer.userId, await hashPassword(newPassword)]);
      await client.query('update sessions set revoked_at = now() where user_id = $1 and id <> $2 and revoked_at is null', [viewer.userId, viewer.sessionId ?? null]);
      await this.audit.record(client, viewer, 'PASSWORD_CHANGED', { targetId: viewer.userId ?? null });
    });
  }

  /** Always resolves to true; a known email gets a one-time link by mail. */
  async requestReset(emailInput: string, ip: string): Promise<true> {
    const email = emailInput.trim().toLowerCase();
    // The same throttle as sign-in, per account and per address, known or not.
    await this.auth.assertNotThrottled(email, ip, 'password-reset');
    await this.auth.recordFailure(email, ip, 'password-reset');
    const token = randomToken(RESET_TOKEN_PREFIX);
    const expiresAt = new Date(this.clock.now().getTime() + RESET_TOKEN_MINUTES * 60_000);
    // One statement for both cases: it inserts a row only when the account exists.
    const { rows } = await this.pool.query(
      `insert into password_reset_tokens (user_id, token_hash, expires_at) select id, $2, $3 from users where email = $1 returning user_id`,
      [email, hashSecret(token), expiresAt],
    );
    if (rows.length > 0) {
      const { rows: user } = await this.pool.query('select role from users where id = $1', [rows[0].user_id]);
      const app = user[0].role === 'ADMIN' ? 'admin' : 'portal';
      const link = `${this.publicUrl}/${app}/reset-password?token=${encodeURIComponent(token)}`;
      void this.mailer
        .send({
          to: email,
          subject: 'Reset your Usage Monitor password',
          text: `Someone asked to reset the password of ${email} on Usage Monitor.\n\nSet a new password here (valid for ${RESET_TOKEN_MINUTES} minutes, once):\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.`,
        })
        .catch((error: Error) => this.logger.error({ err: error.message }, 'password reset email failed'));
    }
    return true;
  }

  /** Sets the new password from a valid link, ends every session, and signs the user in. */
  async reset(token: string, newPassword: string, requester: SessionClient): Promise<{ token: string; viewer: Viewer }> {
    // Guessing links is throttled per address (a bad link names no account).
    await this.auth.assertNotThrottled(null, requester.ip, 'reset-link');
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query(
        `select t.id, u.id as user_id, u.email, u.role, u.tenant_id, u.team_role from password_reset_tokens t join users u on u.id = t.user_id
        where t.token_hash = $1 and t.used_at is null and t.expires_at > $2 for update of t`,
        [hashSecret(token), this.clock.now()],
      );
      // Used, expired, unknown or not a token at all: one answer, revealing nothing of which.
      if (rows.length === 0) {
        await this.auth.recordFailure(null, requester.ip, 'reset-link');
        await decoyPasswordHash();
        throw new UserInputError({ field: 'token', message: 'is not a valid reset link (it may have expired or been used): ask for a new one' });
      }
      const user = rows[0];
      const weak = passwordProblem(newPassword, user.email);
      if (weak) throw new UserInputError({ field: 'newPassword', message: weak });
      await client.query('update password_reset_tokens set used_at = $2 where user_id = $1 and used_at is null', [user.user_id, this.clock.now()]);
      await client.query('update users set password_hash = $2 where id = $1', [user.user_id, await hashPassword(newPassword)]);
      await client.query('update sessions set revoked_at = now() where user_id = $1 and revoked_at is null', [user.user_id]);
      await client.query('delete from login_throttle where key = $1', [`account:${user.email}`]);
      const session = await this.auth.startSession(client, { ...user, id: user.user_id }, requester);
      await this.audit.record(client, session.viewer, 'PASSWORD_RESET', { targetId: user.user_id });
      return session;
    });
  }
}
