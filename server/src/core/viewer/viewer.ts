/**
 * The viewer sits below every domain module (CONVENTIONS 18): services take it to check roles and
 * to stamp audit entries, so it cannot live beside the GraphQL context, which names the services.
 */
export type ViewerKind = 'ADMIN' | 'CUSTOMER' | 'API_KEY';

/** An admin's place in the platform's team (api-contract-next.md "Accounts and roles"). */
export type AdminRole = 'OWNER' | 'MANAGER' | 'VIEWER';
/** A customer user's place in its tenant's team. */
export type CustomerRole = 'OWNER' | 'MEMBER';
/** Both, as stored in `users.team_role`. */
export type TeamRole = AdminRole | CustomerRole;

/** Who is calling, resolved once per request (or per WebSocket connection). */
export interface Viewer {
  kind: ViewerKind;
  /** Users only. */
  userId?: string;
  email?: string;
  sessionId?: string;
  /** Users only: OWNER, MANAGER or VIEWER for admins; OWNER or MEMBER for customers. */
  teamRole?: TeamRole;
  lastLoginAt?: Date | null;
  /** Customers and API keys: the one tenant they are bound to. */
  tenantId?: string;
  apiKeyId?: string;
}
