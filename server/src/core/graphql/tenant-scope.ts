import { UserInputError, forbidden, unauthenticated } from './errors.js';
import type { Viewer } from '../viewer/viewer.js';

/**
 * Tenant scoping, in one place (CONVENTIONS 5). Every resolver that touches tenant data passes
 * the tenant id argument through one of these two functions; services receive the result and
 * never read a tenant id from arguments themselves.
 *
 * The refusal message is the same whether or not the other tenant exists, so it reveals nothing.
 */
const OTHER_TENANT = 'You can only access your own tenant';

/** A single tenant the operation is about: customers and keys get their own, admins must name one. */
export function scopedTenantId(viewer: Viewer | null, requested: string | null | undefined): string {
  if (!viewer) throw unauthenticated();
  if (viewer.kind === 'ADMIN') {
    if (!requested) throw new UserInputError({ field: 'tenantId', message: 'is required for admins' });
    return requested;
  }
  if (requested && requested !== viewer.tenantId) throw forbidden(OTHER_TENANT);
  return viewer.tenantId!;
}

/** A list filter: admins may name a tenant or see all (undefined); others always their own. */
export function scopedTenantFilter(viewer: Viewer | null, requested: string | null | undefined): string | undefined {
  if (!viewer) throw unauthenticated();
  if (viewer.kind === 'ADMIN') return requested ?? undefined;
  if (requested && requested !== viewer.tenantId) throw forbidden(OTHER_TENANT);
  return viewer.tenantId!;
}
