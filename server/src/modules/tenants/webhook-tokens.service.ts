import type pg from 'pg';
import { notFound } from '../../core/graphql/errors.js';
import { hashSecret, maskSecret, randomToken } from '../../core/lib/secrets.js';
import type { Viewer } from '../../core/viewer/viewer.js';
import type { AuditService } from '../audit/audit.service.js';

/** Tokens start with this, so a leaked one is easy to scan for (as API keys start with um_live_). */
export const WEBHOOK_TOKEN_PREFIX = 'um_whk_';

export interface CreatedWebhookToken {
  secret: string;
  maskedSecret: string;
  createdAt: Date;
}

/**
 * The per-tenant token Smartflo sends with its call records (X-Usage-Webhook-Token on
 * /gateway/smartflo/call-records). 256 random bits, shown once; only its SHA-256 and last four
 * characters are stored. One a tenant: rotating replaces it at once (the old one stops working),
 * revoking removes it. Every change is audited.
 */
export class WebhookTokensService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly audit: AuditService,
  ) {}

  async rotate(actor: Viewer, tenantId: string): Promise<CreatedWebhookToken> {
    const secret = randomToken(WEBHOOK_TOKEN_PREFIX);
    const lastFour = secret.slice(-4);
    const { rows } = await this.pool.query(
      `insert into gateway_webhook_tokens (tenant_id, token_hash, last_four, created_by)
       select t.id, $2, $3, $4 from tenants t where t.id = $1
       on conflict (tenant_id) do update set token_hash = excluded.token_hash, last_four = excluded.last_four,
         created_by = excluded.created_by, created_at = now()
       returning created_at, (xmax <> 0) as replaced`,
      [tenantId, hashSecret(secret), lastFour, actor.userId ?? null],
    );
    if (!rows[0]) throw notFound('Tenant');
    const maskedSecret = maskSecret(lastFour);
    await this.audit.record(this.pool, actor, 'GATEWAY_WEBHOOK_TOKEN_ROTATED', { tenantId, targetId: tenantId, changes: { webhookToken: maskedSecret, replaced: rows[0].replaced === true } });
    return { secret, maskedSecret, createdAt: rows[0].created_at };
  }

  /** True when a token was removed; false (and nothing audited) when the tenant had none. */
  async revoke(actor: Viewer, tenantId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('delete from gateway_webhook_tokens where tenant_id = $1', [tenantId]);
    if (!rowCount) return false;
    await this.audit.record(this.pool, actor, 'GATEWAY_WEBHOOK_TOKEN_REVOKED', { tenantId, targetId: tenantId });
    return true;
  }

  /** The tenant a presented token belongs to, or null (unknown, revoked, replaced, or not a token at all). */
  async tenantFor(token: string | undefined): Promise<string | null> {
    if (!token || !token.startsWith(WEBHOOK_TOKEN_PREFIX) || token.length > 200) return null;
    // By the hash's unique index: equal hashes of a 256-bit secret leave no timing to learn from.
    const { rows } = await this.pool.query('select tenant_id from gateway_webhook_tokens where token_hash = $1', [hashSecret(token)]);
    return rows[0]?.tenant_id ?? null;
  }
}
