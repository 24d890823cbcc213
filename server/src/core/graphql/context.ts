import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../viewer/viewer.js';

/**
 * What every resolver receives. Generic over the services because core stands below the
 * composition root that builds them (CONVENTIONS 18): `services.ts` names the concrete context
 * (`AppContext`), and core only reads the viewer and the EntityManager.
 */
export interface GraphQLContext<TServices = unknown> {
  viewer: Viewer | null;
  services: TServices;
  /** Forked per request with the tenant filter set for this viewer (request-context.ts). */
  em: EntityManager;
  ip: string;
  /** The client's User-Agent, for the Sessions list. */
  userAgent: string;
  /**
   * Present for SPA requests over HTTP (they name their app): resolvers that start or end a
   * session tell it here, and it sets or clears the session cookies on the response.
   */
  sessionCookies?: SessionCookies;
}

export interface SessionCookies {
  started(token: string): void;
  ended(): void;
}
