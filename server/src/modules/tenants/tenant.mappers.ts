import type { TenantStatus } from '../../core/graphql/enums.js';
import type { TenantDirectory } from './tenant-directory.js';
import { Tenant } from './tenant.types.js';

/**
 * What the mappers need of the services: the cached tenant directory alone, so a domain's mappers
 * depend on it and not on the whole composition root.
 */
export interface TenantLookup {
  tenantDirectory: TenantDirectory;
}

/**
 * Entities and SQL records are not the API (CONVENTIONS 10): a tenant as the API shows it,
 * resolved through the cached directory.
 */
export async function tenantOutput(services: TenantLookup, id: string): Promise<Tenant> {
  const ref = await services.tenantDirectory.find(id);
  return Object.assign(new Tenant(), {
    id,
    name: ref?.name ?? '(deleted tenant)',
    createdAt: ref?.createdAt ?? new Date(0),
    status: (ref?.status ?? 'SUSPENDED') as TenantStatus,
  });
}
