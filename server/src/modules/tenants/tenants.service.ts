import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { Problems, notFound } from '../../core/graphql/errors.js';
import type { Viewer } from '../../core/viewer/viewer.js';
import { decryptSecret, encryptSecret, maskSecret } from '../../core/lib/secrets.js';
import type { AuditService } from '../audit/audit.service.js';
import { fieldChanges } from '../audit/field-changes.js';
import type { TenantLimitsChanges } from './tenant-limits-changes.js';
import type { TenantDirectory } from './tenant-directory.js';
import { TenantEntity, type TenantStatus } from './tenant.entity.js';

export interface TenantChanges {
  name?: string | null;
  status?: TenantStatus | null;
  contactEmail?: string | null;
  webhookUrl?: string | null;
}

const PROVIDERS = ['OPENAI', 'ELEVENLABS', 'SMARTFLO'] as const;

/** NOTIFY channel: a tenant's provider credential changed. */
export const PROVIDER_CREDENTIALS_CHANGED_CHANNEL = 'um_provider_credentials_changed';

/** Tenants and their admin-managed settings (contact, webhook, provider credentials). */
export class TenantsService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly directory: TenantDirectory,
    private readonly limitsChanges: TenantLimitsChanges,
    private readonly audit: AuditService,
    private readonly masterKey: Buffer,
  ) {}

  async list(em: EntityManager, search?: string | null): Promise<TenantEntity[]> {
    const where = search?.trim() ? { name: { $ilike: `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : {};
    return em.find(TenantEntity, where, { orderBy: { name: 'asc' } });
  }

  async get(em: EntityManager, id: string): Promise<TenantEntity | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return em.findOne(TenantEntity, { id });
  }

  /** The id, once it is known to name a tenant (NOT_FOUND otherwise). */
  async requireExisting(id: string): Promise<string> {
    if (!(await this.directory.find(id))) throw notFound('Tenant');
    return id;
  }

  async create(em: EntityManager, actor: Viewer, nameInput: string): Promise<TenantEntity> {
    const name = nameInput.trim();
    const problems = new Problems();
    if (name.length < 1 || name.length > 200) problems.add('name', 'must be 1-200 characters');
    problems.throwIfAny();
    if (await em.findOne(TenantEntity, { name: { $ilike: name.replace(/[\\%_]/g, (c) => `\\${c}`) } })) {
      problems.add('name', 'is already used by another tenant');
      problems.throwIfAny();
    }
    const tenant = em.create(TenantEntity, { name });
    await em.flush();
    await this.audit.record(this.pool, actor, 'TENANT_CREATED', { tenantId: tenant.id, targetId: tenant.id, changes: { name } });
    return tenant;
  }

  async update(em: EntityManager, actor: Viewer, id: string, changes: TenantChanges): Promise<TenantEntity> {
    const tenant = await this.get(em, id);
    if (!tenant) throw notFound('Tenant');
    const problems = new Problems();
    if (changes.name !== undefined && (changes.name === null || changes.name.trim().length < 1 || changes.name.trim().length > 200)) problems.add('name', 'must be 1-200 characters');
    if (changes.status === null) problems.add('status', 'must be ACTIVE or SUSPENDED');
    if (changes.contactEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(changes.contactEmail.trim())) problems.add('contactEmail', 'is not a valid email address');
    if (changes.webhookUrl && !isHttpUrl(changes.webhookUrl.trim())) problems.add('webhookUrl', 'must be an http(s) URL');
    problems.throwIfAny();
    const editable = (t: TenantEntity) => ({ name: t.name, status: t.status, contactEmail: t.contactEmail, webhookUrl: t.webhookUrl });
    const before = editable(tenant);
    if (changes.name !== undefined) tenant.name = changes.name!.trim();
    if (changes.status !== undefined) tenant.status = changes.status!;
    if (changes.contactEmail !== undefined) tenant.contactEmail = changes.contactEmail?.trim() || null;
    if (changes.webhookUrl !== undefined) tenant.webhookUrl = changes.webhookUrl?.trim() || null;
    await em.flush();
    // Every instance drops what it held of this tenant (its directory entry, the gateway's admission limits).
    await this.limitsChanges.announce(id);
    const asked = (Object.keys(before) as (keyof typeof before)[]).filter((key) => changes[key] !== undefined);
    await this.audit.record(this.pool, actor, 'TENANT_UPDATED', { tenantId: id, targetId: id, changes: fieldChanges(before, editable(tenant), asked) });
    return tenant;
  }

  /** A fresh webhook signing secret: stored encrypted, returned once. */
  async rotateWebhookSecret(actor: Viewer, tenantId: string): Promise<string> {
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const { rowCount } = await this.pool.query('update tenants set webhook_secret_ciphertext = $2 where id = $1', [
      tenantId,
      encryptSecret(this.masterKey, secret, `${tenantId}:webhook`),
    ]);
    if (!rowCount) throw notFound('Tenant');
    await this.audit.record(this.pool, actor, 'WEBHOOK_SECRET_ROTATED', { tenantId, targetId: tenantId });
    return secret;
  }

  async webhookSecret(tenantId: string): Promise<string | null> {
    const { rows } = await this.pool.query('select webhook_secret_ciphertext from tenants where id = $1', [tenantId]);
    const sealed = rows[0]?.webhook_secret_ciphertext;
    return sealed ? decryptSecret(this.masterKey, sealed, `${tenantId}:webhook`) : null;
  }

  async setCredential(actor: Viewer, tenantId: string, provider: string, secret: string) {
    const problems = new Problems();
    if (!PROVIDERS.includes(provider as (typeof PROVIDERS)[number])) problems.add('provider', 'is not a provider');
    if (secret.trim().length < 8 || secret.length > 4096) problems.add('secret', 'must be 8-4096 characters');
    problems.throwIfAny();
    const lastFour = secret.trim().slice(-4);
    const { rows } = await this.pool.query(
      `insert into provider_credentials (tenant_id, provider, ciphertext, last_four, updated_by) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id, provider) do update set ciphertext = excluded.ciphertext, last_four = excluded.last_four,
         updated_at = now(), updated_by = excluded.updated_by
       returning provider, last_four, updated_at`,
      [tenantId, provider, encryptSecret(this.masterKey, secret.trim(), `${tenantId}:${provider}`), lastFour, actor.userId ?? null],
    );
    // Every instance's gateway drops the key it held (modules/gateway/provider-keys.ts).
    await this.pool.query('select pg_notify($1, $2)', [PROVIDER_CREDENTIALS_CHANGED_CHANNEL, tenantId]);
    await this.audit.record(this.pool, actor, 'CREDENTIAL_SET', { tenantId, targetId: provider, changes: { provider, maskedKey: maskSecret(lastFour) } });
    return { provider: rows[0].provider, maskedKey: maskSecret(rows[0].last_four), updatedAt: rows[0].updated_at };
  }

  async credentials(tenantId: string) {
    const { rows } = await this.pool.query(
      'select provider, last_four, updated_at from provider_credentials where tenant_id = $1 order by provider',
      [tenantId],
    );
    return rows.map((row) => ({ provider: row.provider, maskedKey: maskSecret(row.last_four), updatedAt: row.updated_at }));
  }

  /** The plaintext credential, for server-side use only (never through the API). */
  async revealCredential(tenantId: string, provider: string): Promise<string | null> {
    const { rows } = await this.pool.query('select ciphertext from provider_credentials where tenant_id = $1 and provider = $2', [tenantId, provider]);
    return rows[0] ? decryptSecret(this.masterKey, rows[0].ciphertext, `${tenantId}:${provider}`) : null;
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
