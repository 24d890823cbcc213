import { TenantEntity } from './modules/tenants/tenant.entity.js';
import { ApiKeyEntity } from './modules/auth/api-key.entity.js';
import { UserEntity } from './modules/auth/user.entity.js';
import { QuotaEntity } from './modules/quotas/quota.entity.js';

/**
 * Entities managed through MikroORM (configuration objects edited by admins). Listed here, beside
 * the composition root, because each belongs to its domain module; core's database takes the list.
 */
export const entities = [TenantEntity, UserEntity, ApiKeyEntity, QuotaEntity];
