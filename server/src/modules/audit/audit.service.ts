import type pg from 'pg';
import type { Queryable } from '../../core/db/read-router.js';
import type { Viewer } from '../../core/viewer/viewer.js';
import { UserInputError } from '../../core/graphql/errors.js';

export const AUDIT_PAGE_LIMIT = 500;

export type AuditActionName =
  | 'TENANT_CREATED' | 'TENANT_UPDATED' | 'USER_CREATED' | 'API_KEY_CREATED' | 'API_KEY_REVOKED' | 'CREDENTIAL_SET'
  | 'QUOTA_SET' | 'QUOTA_REMOVED' | 'PRICE_ADDED' | 'ALERT_ACKNOWLEDGED' | 'ALERT_RESOLVED' | 'WEBHOOK_SECRET_ROTATED'
  | 'USAGE_VOIDED' | 'USER_INVITED' | 'INVITATION_REVOKED' | 'USER_ROLE_CHANGED' | 'USER_REMOVED' | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET' | 'SESSIONS_REVOKED' | 'GATEWAY_WEBHOOK_TOKEN_ROTATED' | 'GATEWAY_WEBHOOK_TOKEN_REVOKED'
  | 'STATEMENT_FINALIZED'
  | 'TENANT_PRICING_SET';

export interface AuditRecord {
  id: string;
  actorEmail: string | null;
  action: AuditActionName;
  tenantId: string | null;
  targetId: string | null;
  changes: unknown;
  createdAt: Date;
}

/**
 * What an action changes when its caller has nothing more to say: a revocation, a removal or a
 * status move is fully described by its action and target, but every entry should still answer
 * "what changed" without the reader knowing each action's meaning.
 */
const IMPLIED_CHANGES: Partial<Record<AuditActionName, Record<string, unknown>>> = {
  API_KEY_REVOKED: { revoked: true },
  QUOTA_REMOVED: { quota: null },
  ALERT_ACKNOWLEDGED: { status: 'ACKNOWLEDGED' },
  ALERT_RESOLVED: { status: 'RESOLVED' },
  WEBHOOK_SECRET_ROTATED: { webhookSecret: 'rotated' },
  GATEWAY_WEBHOOK_TOKEN_REVOKED: { webhookToken: 'revoked' },
  PASSWORD_CHANGED: { password: 'changed', otherSessions: 'ended' },
  PASSWORD_RESET: { password: 'reset by emailed link', sessions: 'ended' },
};

/** Who changed what, when. Secrets never enter `changes` (callers pass masked values only). */
export class AuditService {
  constructor(
    private readonly pool: pg.Pool,
    /** The audit log is read from a replica when there is one (core/db/read-router.ts). */
    private readonly reads: Queryable = pool,
  ) {}

  async record(
    db: Pick<pg.Pool, 'query'>,
    actor: Viewer,
    action: AuditActionName,
    target: { tenantId?: string | null; targetId?: string | null; changes?: unknown },
  ): Promise<void> {
    const changes = target.changes ?? IMPLIED_CHANGES[action];
    await db.query(
      `insert into audit_entries (actor_user_id, actor_email, action, tenant_id, target_id, changes) values ($1, $2, $3, $4, $5, $6)`,
      [actor.userId ?? null, actor.email ?? null, action, target.tenantId ?? null, target.targetId ?? null, changes === undefined ? null : JSON.stringify(changes)],
    );
  }

  async list(first: number, tenantId?: string): Promise<AuditRecord[]> {
    if (!Number.isInteger(first) || first < 1 || first > AUDIT_PAGE_LIMIT) {
      throw new UserInputError({ field: 'first', message: `must be 1-${AUDIT_PAGE_LIMIT}` });
    }
    const { rows } = await this.reads.query(
      `select id, actor_email, action, tenant_id, target_id, changes, created_at from audit_entries
        where ($1::uuid is null or tenant_id = $1) order by created_at desc limit $2`,
      [tenantId ?? null, first],
    );
    return rows.map((row) => ({
      id: row.id,
      actorEmail: row.actor_email,
      action: row.action,
      tenantId: row.tenant_id,
      targetId: row.target_id,
      changes: row.changes,
      createdAt: row.created_at,
    }));
  }
}
