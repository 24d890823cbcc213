import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../../services.js';

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

export interface GraphQLContext {
  viewer: Viewer | null;
  services: Services;
  /** Forked per request with the tenant filter set for this viewer (request-context.ts). */
  em: EntityManager;
  ip: string;
}
