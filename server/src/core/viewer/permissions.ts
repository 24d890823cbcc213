import type { Viewer } from './viewer.js';

/**
 * Every role rule of the product, in one place (api-contract-next.md "Accounts and roles").
 * The auth checker applies the ones a field's declaration decides; services call the ones that
 * depend on the data (whom a user is invited as, whom a removal touches).
 *
 * - Admin OWNER: everything, including other admins. MANAGER: everything except admins.
 *   VIEWER: reads every tenant, changes nothing.
 * - Customer OWNER: reads its tenant, manages its tenant's users and API keys. MEMBER: reads only.
 * - API keys: what their fields allow (recording, quota checks); they have no role.
 * - Everyone signed in may change their own account (password, sessions).
 */

/** May this viewer run mutations beyond its own account? */
export function mayChange(viewer: Viewer): boolean {
  if (viewer.kind === 'API_KEY') return true;
  if (viewer.kind === 'ADMIN') return viewer.teamRole === 'OWNER' || viewer.teamRole === 'MANAGER';
  return viewer.teamRole === 'OWNER';
}

/** May this viewer see, invite, change and remove admins? */
export function mayManageAdmins(viewer: Viewer): boolean {
  return viewer.kind === 'ADMIN' && viewer.teamRole === 'OWNER';
}

/** May this viewer invite, change and remove users of this tenant (and mint its API keys)? */
export function mayManageTenantAccess(viewer: Viewer, tenantId: string): boolean {
  if (viewer.kind === 'ADMIN') return viewer.teamRole === 'OWNER' || viewer.teamRole === 'MANAGER';
  return viewer.kind === 'CUSTOMER' && viewer.tenantId === tenantId && viewer.teamRole === 'OWNER';
}

/** May this viewer list the users of this tenant? Every admin, and the tenant's own users. */
export function mayReadTenantUsers(viewer: Viewer, tenantId: string): boolean {
  return viewer.kind === 'ADMIN' || (viewer.kind === 'CUSTOMER' && viewer.tenantId === tenantId);
}
