import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { Problems, forbidden, notFound } from '../../core/graphql/errors.js';
import { mayManageTenantAccess } from '../../core/viewer/permissions.js';
import type { Viewer } from '../../core/viewer/viewer.js';
import { hashSecret, randomToken } from '../../core/lib/secrets.js';
import type { AuditService } from '../audit/audit.service.js';
import { TenantEntity } from '../tenants/tenant.entity.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { API_KEY_PREFIX } from './auth.service.js';

export const API_KEYS_CHANGED_CHANNEL = 'um_api_keys_changed';

/**
 * Integrator keys: `um_live_` + 256 random bits, so leaked keys are easy to scan for. Only a
 * SHA-256 hash, a display prefix and the last four characters are stored.
 */
export class ApiKeysService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly audit: AuditService,
  ) {}

  async create(em: EntityManager, actor: Viewer, tenantId: string, nameInput: string): Promise<{ id: string; key: string; prefix: string }> {
    if (!mayManageTenantAccess(actor, tenantId)) throw forbidden('Only an owner manages this tenant’s API keys');
    const name = nameInput.trim();
    const problems = new Problems();
    if (name.length < 1 || name.length > 100) problems.add('name', 'must be 1-100 characters');
    problems.throwIfAny();
    const tenant = await em.findOne(TenantEntity, { id: tenantId });
    if (!tenant) throw notFound('Tenant');
    const key = randomToken(API_KEY_PREFIX);
    const entity = em.create(ApiKeyEntity, {
      tenant,
      name,
      keyHash: hashSecret(key),
      prefix: key.slice(0, API_KEY_PREFIX.length + 4),
      lastFour: key.slice(-4),
      createdBy: actor.userId ?? null,
    });
    await em.flush();
    await this.audit.record(this.pool, actor, 'API_KEY_CREATED', { tenantId, targetId: entity.id, changes: { name, prefix: entity.prefix } });
    return { id: entity.id, key, prefix: entity.prefix };
  }

  async list(em: EntityManager, tenantId: string): Promise<ApiKeyEntity[]> {
    return em.find(ApiKeyEntity, { tenant: tenantId }, { orderBy: { createdAt: 'desc' } });
  }

  async revoke(em: EntityManager, actor: Viewer, id: string): Promise<ApiKeyEntity> {
    const key = /^[0-9a-f-]{36}$/i.test(id) ? await em.findOne(ApiKeyEntity, { id }) : null;
    // The request's EntityManager is scoped to a customer's tenant: another tenant's key is not found.
    if (!key) throw notFound('API key');
    if (!mayManageTenantAccess(actor, key.tenant.id)) throw forbidden('Only an owner manages this tenant’s API keys');
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      await em.flush();
      // Every instance drops its cached key lookups at once.
      await this.pool.query('select pg_notify($1, $2)', [API_KEYS_CHANGED_CHANNEL, id]);
      await this.audit.record(this.pool, actor, 'API_KEY_REVOKED', { tenantId: key.tenant.id, targetId: id });
    }
    return key;
  }
}
