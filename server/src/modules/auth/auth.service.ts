import type pg from 'pg';
import type { Logger } from 'pino';
import type { Clock } from '../../core/lib/clock.js';
import { hashSecret, randomToken } from '../../core/lib/secrets.js';
import { DomainError, ErrorCode, UserInputError, notFound, unauthenticated } from '../../core/graphql/errors.js';
import type { TeamRole, Viewer } from '../../core/viewer/viewer.js';
import type { AuditService } from '../audit/audit.service.js';
import { passwordProblem } from './password-rules.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.js';

export const SESSION_TOKEN_PREFIX = 'um_sess_';
export const API_KEY_PREFIX = 'um_live_';

/** Failed sign-ins allowed per account, and per address, inside the window before a lockout. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowMinutes: 15, lockoutMinutes: 15 } as const;

export type ThrottleScope = 'sign-in' | 'password-reset' | 'reset-link' | 'invitation' | 'invitation-link';

/**
 * Sign-in keeps its original keys (`account:…`, `address:…`); other doors are prefixed. A null
 * email throttles by address only (a guessed link or token names no account).
 */
function throttleKeys(email: string | null, ip: string, scope: ThrottleScope): string[] {
  const prefix = scope === 'sign-in' ? '' : `${scope}:`;
  return email === null ? [`${prefix}address:${ip}`] : [`${prefix}account:${email}`, `${prefix}address:${ip}`];
}

interface CachedKey {
  viewer: Viewer | null;
  expiresAt: number;
}

/** Session expiry (api-contract-next.md: 12 idle hours, 7 days at most). */
export interface SessionLimits {
  idleHours: number;
  maxDays: number;
}

/** A user row as sessions need it. */
export interface SessionUser {
  id: string;
  email: string;
  role: 'ADMIN' | 'CUSTOMER';
  tenant_id: string | null;
  team_role: TeamRole;
  last_login_at?: Date | null;
}

/** Who is starting a session, for the Sessions list. */
export interface SessionClient {
  ip: string;
  userAgent: string;
}

export interface SessionRecord {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** last_seen_at is written at most this often per session: idle expiry needs minutes, not milliseconds. */
const SEEN_PRECISION_MS = 60_000;

export function viewerOfUser(user: SessionUser, sessionId?: string): Viewer {
  return {
    kind: user.role,
    userId: user.id,
    email: user.email,
    teamRole: user.team_role,
    lastLoginAt: user.last_login_at ?? null,
    tenantId: user.tenant_id ?? undefined,
    ...(sessionId ? { sessionId } : {}),
  };
}

/**
 * Sessions are opaque random tokens stored as SHA-256 hashes, not JWTs: logout and admin
 * revocation take effect on the next request with no deny-list, there is no signing key to
 * manage or leak, and a database dump holds nothing usable. A session ends after
 * `idleHours` without a request or `maxDays` after it started, whichever comes first.
 */
export class AuthService {
  /** API keys sit on the hot path: lookups are cached briefly and dropped on revocation (NOTIFY). */
  private readonly apiKeyCache = new Map<string, CachedKey>();
  private readonly lastUsedWrites = new Map<string, number>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly sessionLimits: SessionLimits,
    private readonly audit: AuditService,
  ) {}

  /** Resolves `Authorization: Bearer …`; null when absent; UNAUTHENTICATED when present but bad. */
  async authenticate(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated();
    const token = match[1]!;
    const viewer = token.startsWith(API_KEY_PREFIX) ? await this.viewerForApiKey(token) : await this.viewerForSession(token);
    if (!viewer) throw unauthenticated();
    return viewer;
  }

  private async viewerForSession(token: string): Promise<Viewer | null> {
    if (!token.startsWith(SESSION_TOKEN_PREFIX)) return null;
    const now = this.clock.now();
    const { rows } = await this.pool.query(
      `select s.id as session_id, s.last_seen_at, u.id, u.email, u.role, u.tenant_id, u.team_role, u.last_login_at
         from sessions s join users u on u.id = s.user_id
        where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2
          and s.last_seen_at > $2 - make_interval(hours => $3)`,
      [hashSecret(token), now, this.sessionLimits.idleHours],
    );
    const row = rows[0];
    if (!row) return null;
    if (now.getTime() - row.last_seen_at.getTime() >= SEEN_PRECISION_MS) {
      // Off the request's path: a lost write only makes the idle clock start a minute earlier.
      this.pool
        .query('update sessions set last_seen_at = $2 where id = $1 and last_seen_at < $2', [row.session_id, now])
        .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not record session activity'));
    }
    return viewerOfUser(row, row.session_id);
  }

  private async viewerForApiKey(key: string): Promise<Viewer | null> {
    const now = Date.now();
    const cached = this.apiKeyCache.get(key);
    if (cached && cached.expiresAt > now) {
      if (cached.viewer) this.touchApiKey(cached.viewer.apiKeyId!);
      return cached.viewer;
    }
    const { rows } = await this.pool.query(
      `select k.id, k.tenant_id from api_keys k join tenants t on t.id = k.tenant_id
        where k.key_hash = $1 and k.revoked_at is null`,
      [hashSecret(key)],
    );
    const row = rows[0];
    const viewer: Viewer | null = row ? { kind: 'API_KEY', apiKeyId: row.id, tenantId: row.tenant_id } : null;
    if (this.apiKeyCache.size > 10_000) this.apiKeyCache.clear();
    this.apiKeyCache.set(key, { viewer, expiresAt: now + 30_000 });
    if (viewer) this.touchApiKey(viewer.apiKeyId!);
    return viewer;
  }

  /** Called (through LISTEN/NOTIFY) on every instance when a key is revoked. */
  forgetApiKeys(): void {
    this.apiKeyCache.clear();
  }

  /** lastUsedAt at minute precision: one write a minute per key, off the request's path. */
  private touchApiKey(apiKeyId: string): void {
    const now = Date.now();
    if ((this.lastUsedWrites.get(apiKeyId) ?? 0) > now - 60_000) return;
    this.lastUsedWrites.set(apiKeyId, now);
    this.pool
      .query('update api_keys set last_used_at = $2 where id = $1', [apiKeyId, new Date(now)])
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not record api key use'));
  }

  async login(emailInput: string, password: string, client: SessionClient): Promise<{ token: string; viewer: Viewer }> {
    const ip = client.ip;
    const email = emailInput.trim().toLowerCase();
    await this.assertNotThrottled(email, ip);
    const { rows } = await this.pool.query('select id, email, role, tenant_id, team_role, password_hash from users where email = $1', [email]);
    const user = rows[0];
    const ok = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password);
    if (!user || !ok) {
      await this.recordFailure(email, ip);
      // One message for unknown account and wrong password: no user enumeration.
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Email or password is incorrect');
    }
    await this.pool.query('delete from login_throttle where key = $1', [`account:${email}`]);
    return this.startSession(this.pool, user, client);
  }

  /** A new session for a user who just proved who they are (sign-in, password reset, invitation). */
  async startSession(db: pg.Pool | pg.PoolClient, user: SessionUser, client?: SessionClient): Promise<{ token: string; viewer: Viewer }> {
    const token = randomToken(SESSION_TOKEN_PREFIX);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.sessionLimits.maxDays * 86_400_000);
    const { rows: sessions } = await db.query(
      'insert into sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent) values ($1, $2, $3, $3, $4, $5, $6) returning id',
      [hashSecret(token), user.id, now, expiresAt, client?.ip || null, client?.userAgent ? client.userAgent.slice(0, 512) : null],
    );
    // lastLoginAt reads as the sign-in before this one would be confusing: it is this one.
    await db.query('update users set last_login_at = $2 where id = $1', [user.id, now]);
    return { token, viewer: viewerOfUser({ ...user, last_login_at: now }, sessions[0].id) };
  }

  async logout(sessionId: string): Promise<void> {
    await this.pool.query('update sessions set revoked_at = $2 where id = $1 and revoked_at is null', [sessionId, this.clock.now()]);
  }

  /** The user's live sessions, newest first; `current` marks the one asking. */
  async listSessions(viewer: Viewer): Promise<SessionRecord[]> {
    const { rows } = await this.pool.query(
      `select id, created_at, last_seen_at, expires_at, ip, user_agent from sessions
        where user_id = $1 and revoked_at is null and expires_at > $2 and last_seen_at > $2 - make_interval(hours => $3)
        order by created_at desc limit 100`,
      [viewer.userId, this.clock.now(), this.sessionLimits.idleHours],
    );
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      // Whichever comes first: the absolute end, or the idle end if no request comes.
      expiresAt: new Date(Math.min(row.expires_at.getTime(), row.last_seen_at.getTime() + this.sessionLimits.idleHours * 3_600_000)),
      ip: row.ip,
      userAgent: row.user_agent,
      current: row.id === viewer.sessionId,
    }));
  }

  /** Ends one of the viewer's own sessions; another user's id is not found. */
  async revokeSession(viewer: Viewer, sessionId: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw notFound('Session');
    const { rowCount } = await this.pool.query(
      'update sessions set revoked_at = $3 where id = $1 and user_id = $2 and revoked_at is null',
      [sessionId, viewer.userId, this.clock.now()],
    );
    if (rowCount === 0) throw notFound('Session');
    await this.audit.record(this.pool, viewer, 'SESSIONS_REVOKED', { targetId: sessionId, changes: { sessions: 1 } });
  }

  /** Ends every session of the viewer, this one included; returns how many were live. */
  async signOutEverywhere(viewer: Viewer): Promise<number> {
    const { rowCount } = await this.pool.query('update sessions set revoked_at = $2 where user_id = $1 and revoked_at is null', [viewer.userId, this.clock.now()]);
    await this.audit.record(this.pool, viewer, 'SESSIONS_REVOKED', { targetId: viewer.userId ?? null, changes: { sessions: rowCount ?? 0, everywhere: true } });
    return rowCount ?? 0;
  }

  /**
   * Throttles per account and per address. `scope` keeps separate counts for separate doors
   * (password reset requests must not lock an account's sign-in).
   */
  async assertNotThrottled(email: string | null, ip: string, scope: ThrottleScope = 'sign-in'): Promise<void> {
    const { rows } = await this.pool.query(
      'select 1 from login_throttle where key = any($1) and locked_until > $2 limit 1',
      [throttleKeys(email, ip, scope), this.clock.now()],
    );
    if (rows.length > 0) {
      throw new DomainError(ErrorCode.RATE_LIMITED, scope === 'sign-in' ? 'Too many failed sign-ins; try again later' : 'Too many requests; try again later');
    }
  }

  /** Counts a failure for the account and the address; the database does the arithmetic (races count). */
  async recordFailure(email: string | null, ip: string, scope: ThrottleScope = 'sign-in'): Promise<void> {
    const { windowMinutes, lockoutMinutes } = LOGIN_LIMITS;
    const [first, second] = throttleKeys(email, ip, scope);
    const limited = second === undefined ? [[first!, LOGIN_LIMITS.perAddress] as const] : [[first!, LOGIN_LIMITS.perAccount] as const, [second, LOGIN_LIMITS.perAddress] as const];
    for (const [key, limit] of limited) {
      await this.pool.query(
        `insert into login_throttle as t (key, failures, window_started_at) values ($1, 1, $2)
         on conflict (key) do update set
           failures = case when t.window_started_at < $2 - make_interval(mins => $3) then 1 else t.failures + 1 end,
           window_started_at = case when t.window_started_at < $2 - make_interval(mins => $3) then $2 else t.window_started_at end,
           locked_until = case
             when t.window_started_at >= $2 - make_interval(mins => $3) and t.failures + 1 >= $4
             then $2 + make_interval(mins => $5) else t.locked_until end`,
        [key, this.clock.now(), windowMinutes, limit, lockoutMinutes],
      );
    }
  }

  /** Creates or updates the admin account from configuration at start. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    // Computed now, not on the first unknown email: that first miss would otherwise be slower.
    await decoyPasswordHash();
    const normalized = email.trim().toLowerCase();
    const { rows } = await this.pool.query("select id, password_hash from users where email = $1 and role = 'ADMIN'", [normalized]);
    if (rows[0] && (await verifyPassword(rows[0].password_hash, password))) return;
    const passwordHash = await hashPassword(password);
    await this.pool.query(
      `insert into users (email, password_hash, role, team_role) values ($1, $2, 'ADMIN', 'OWNER')
       on conflict (email) do update set password_hash = excluded.password_hash where users.role = 'ADMIN'`,
      [normalized, passwordHash],
    );
  }

  async createCustomerUser(actor: Viewer, tenantId: string, emailInput: string, password: string): Promise<Viewer> {
    const email = emailInput.trim().toLowerCase();
    const problems: { field: string; message: string }[] = [];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) problems.push({ field: 'email', message: 'is not a valid email address' });
    const weak = passwordProblem(password, email);
    if (weak) problems.push({ field: 'password', message: weak });
    if (problems.length > 0) throw new UserInputError(problems[0]!, problems.slice(1));
    const passwordHash = await hashPassword(password);
    const { rows } = await this.pool.query(
      `insert into users (email, password_hash, role, tenant_id, team_role) values ($1, $2, 'CUSTOMER', $3, 'OWNER')
       on conflict (email) do nothing returning id`,
      [email, passwordHash, tenantId],
    );
    if (!rows[0]) throw new UserInputError({ field: 'email', message: 'is already in use' });
    await this.audit.record(this.pool, actor, 'USER_CREATED', { tenantId, targetId: rows[0].id, changes: { email } });
    return { kind: 'CUSTOMER', userId: rows[0].id, email, tenantId, teamRole: 'OWNER', lastLoginAt: null };
  }

  async listCustomerUsers(tenantId: string): Promise<Viewer[]> {
    const { rows } = await this.pool.query(
      "select id, email, role, tenant_id, team_role, last_login_at from users where tenant_id = $1 and role = 'CUSTOMER' order by created_at",
      [tenantId],
    );
    return rows.map((row) => viewerOfUser(row));
  }
}
