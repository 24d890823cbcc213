import { TenantEntity } from '../../modules/tenants/tenant.entity.js';
import { ApiKeyEntity } from '../../modules/auth/api-key.entity.js';
import { UserEntity } from '../../modules/auth/user.entity.js';
import { QuotaEntity } from '../../modules/quotas/quota.entity.js';

/** Entities managed through MikroORM (configuration objects edited by admins). */
export const entities = [TenantEntity, UserEntity, ApiKeyEntity, QuotaEntity];
