/**
 * The viewer sits below every domain module (CONVENTIONS 18): services take it to check roles and
 * to stamp audit entries, so it cannot live beside the GraphQL context, which names the services.
 */
export type ViewerKind = 'ADMIN' | 'CUSTOMER' | 'API_KEY';

/** Who is calling, resolved once per request (or per WebSocket connection). */
export interface Viewer {
  kind: ViewerKind;
  /** Users only. */
  userId?: string;
  email?: string;
  sessionId?: string;
  /** Customers and API keys: the one tenant they are bound to. */
  tenantId?: string;
  apiKeyId?: string;
}
