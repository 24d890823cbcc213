import { hasErrorCode } from '../apollo/graphql-errors';
import {
  ADMIN_ROLES,
  CUSTOMER_ROLES,
  type AdminRoleName,
  type CustomerRoleName,
  type RoleOption,
} from './roles';

/** The platform's admins, or the users of one tenant. */
export type TeamKind = 'ADMINS' | 'CUSTOMERS';
export type TeamRole = AdminRoleName | CustomerRoleName;

/** A user as TeamMemberFields selects it. */
export interface TeamMember {
  id: string;
  email: string;
  adminRole: AdminRoleName | null;
  customerRole: CustomerRoleName | null;
  lastLoginAt: string | null;
}

/** A pending invitation as InvitationFields selects it. */
export interface TeamInvitation {
  id: string;
  email: string;
  adminRole: AdminRoleName | null;
  customerRole: CustomerRoleName | null;
  expiresAt: string;
}

export function rolesOf(kind: TeamKind): readonly RoleOption<TeamRole>[] {
  return kind === 'ADMINS' ? ADMIN_ROLES : CUSTOMER_ROLES;
}

export function roleOf(
  kind: TeamKind,
  person: { adminRole: AdminRoleName | null; customerRole: CustomerRoleName | null },
): TeamRole | null {
  return kind === 'ADMINS' ? person.adminRole : person.customerRole;
}

/**
 * A failed team change in the team's words. LAST_OWNER is the one a person can act on, so it
 * says what to do; the rest read as the API's sentence.
 */
export function lastOwnerText(error: unknown, email: string, teamName: string): string | null {
  if (!hasErrorCode(error, 'LAST_OWNER')) return null;
  return `${email} is the only owner of ${teamName}. Make someone else an owner first: a team always keeps one.`;
}
