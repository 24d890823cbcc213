/**
 * The roles of a team as both apps name and gate them (api-contract-next.md "Accounts and roles").
 * The server enforces every rule; these only decide which controls a screen offers, so a
 * VIEWER or MEMBER is not shown buttons that would answer FORBIDDEN.
 */

export type AdminRoleName = 'OWNER' | 'MANAGER' | 'VIEWER';
export type CustomerRoleName = 'OWNER' | 'MEMBER';

export interface RoleOption<Role extends string> {
  value: Role;
  label: string;
  /** What the role may do, in a few words (shown beside the role picker). */
  description: string;
}

export const ADMIN_ROLES: readonly RoleOption<AdminRoleName>[] = [
  { value: 'OWNER', label: 'Owner', description: 'Everything, including managing admins' },
  { value: 'MANAGER', label: 'Manager', description: 'Everything except managing admins' },
  { value: 'VIEWER', label: 'Viewer', description: 'Reads every customer, changes nothing' },
];

export const CUSTOMER_ROLES: readonly RoleOption<CustomerRoleName>[] = [
  { value: 'OWNER', label: 'Owner', description: 'Manages the team and API keys' },
  { value: 'MEMBER', label: 'Member', description: 'Reads usage, changes nothing' },
];

/** The role an invitation proposes unless the inviter picks another: the least powerful. */
export const DEFAULT_ADMIN_ROLE: AdminRoleName = 'VIEWER';
export const DEFAULT_CUSTOMER_ROLE: CustomerRoleName = 'MEMBER';

export function roleLabel<Role extends string>(
  roles: readonly RoleOption<Role>[],
  role: Role | null | undefined,
): string {
  return roles.find((r) => r.value === role)?.label ?? 'No role';
}

/** May an admin with this role change anything (quotas, prices, customers, keys, alerts, usage)? */
export function adminMayChange(role: AdminRoleName | null | undefined): boolean {
  return role === 'OWNER' || role === 'MANAGER';
}

/** May an admin with this role see, invite, change and remove other admins? */
export function adminMayManageAdmins(role: AdminRoleName | null | undefined): boolean {
  return role === 'OWNER';
}

/** May a customer with this role manage its tenant's users and API keys? */
export function customerMayManage(role: CustomerRoleName | null | undefined): boolean {
  return role === 'OWNER';
}
