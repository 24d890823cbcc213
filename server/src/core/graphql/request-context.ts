import type { EntityManager } from '@mikro-orm/postgresql';
import type { Database } from '../db/database.js';
import { isDatabaseUnavailable } from '../db/db-errors.js';
import { TENANT_FILTER } from '../db/tenant-filter.js';
import type { Viewer } from '../viewer/viewer.js';
import { serviceUnavailable } from './errors.js';
import { credentialFrom, type RequestCredentials } from '../http/session-cookies.js';
import type { GraphQLContext, SessionCookies } from './context.js';

/**
 * The part of the services a request context needs, named by shape: the composition root
 * (services.ts) builds the services from the domain modules, and core stands below both.
 */
export interface ContextServices {
  auth: { authenticate(authorization: string | undefined): Promise<Viewer | null> };
  db: Pick<Database, 'orm'>;
}

/**
 * The one place a request gets its viewer and its EntityManager (CONVENTIONS 5): a fresh fork per
 * request, with the tenant filter bound to the viewer's tenant, or explicitly lifted for admins.
 */
export async function createRequestContext<TServices extends ContextServices>(
  services: TServices,
  credentials: RequestCredentials,
  client: { ip: () => string; userAgent?: string | undefined; sessionCookies?: SessionCookies | undefined },
): Promise<GraphQLContext<TServices>> {
  let viewer: Viewer | null = null;
  // A session cookie without its CSRF token counts as no credential (the request is signed out).
  const { authorization } = credentialFrom(credentials);
  try {
    viewer = await services.auth.authenticate(authorization);
  } catch (error) {
    // A database outage is not a bad credential: answering UNAUTHENTICATED would tell a valid
    // integrator to stop retrying (or an app to sign its user out).
    if (isDatabaseUnavailable(error)) throw serviceUnavailable();
    // A bad credential is treated as none: public operations (login) still work, and everything
    // else answers UNAUTHENTICATED from the auth checker.
    viewer = null;
  }
  return new RequestContext(viewer, services, client.ip, client.userAgent ?? '', client.sessionCookies);
}

/**
 * The context itself. Its EntityManager is forked on first use: most requests (every
 * recordUsage) never touch the ORM, and a fork per request was a measurable share of the
 * ingestion path's CPU. The client's address is worked out on first read too (behind a trusted
 * proxy Express parses X-Forwarded-For for it): only sign-in reads it. The getters live on the
 * prototype because Apollo copies the context's own properties for each operation, which would
 * call an own getter (and fork) every time.
 */
class RequestContext<TServices extends ContextServices> implements GraphQLContext<TServices> {
  private forked: EntityManager | undefined = undefined;
  private address: string | undefined = undefined;

  constructor(
    readonly viewer: Viewer | null,
    readonly services: TServices,
    private readonly clientIp: () => string,
    readonly userAgent: string,
    readonly sessionCookies: SessionCookies | undefined,
  ) {}

  get ip(): string {
    return (this.address ??= this.clientIp());
  }

  get em(): EntityManager {
    if (this.forked) return this.forked;
    const em = this.services.db.orm.em.fork() as EntityManager;
    if (this.viewer?.kind === 'ADMIN') unscoped(em);
    else if (this.viewer?.tenantId) em.setFilterParams(TENANT_FILTER, { tenantId: this.viewer.tenantId });
    return (this.forked = em);
  }
}

/** The named, greppable tenant bypass: admin requests and background jobs only. */
export function unscoped(em: EntityManager): EntityManager {
  // Enabled, with no condition: an EM filter of the same name shadows the entity-level one (a
  // disabled one would not, and MikroORM would then demand the missing tenantId).
  em.addFilter(TENANT_FILTER, () => ({}), undefined, true);
  return em;
}
