import { Filter } from '@mikro-orm/core';

/**
 * The tenant filter: on by default for every tenant-owned entity, so a query that forgot to scope
 * fails (MikroORM refuses a filter with no parameters) instead of leaking. The request context
 * sets the parameter for customers and API keys; admin paths opt out through `unscoped()` in
 * request-context.ts, the one greppable bypass. Filters do not cover inserts or raw SQL: services
 * set tenant on inserts from the context, and raw SQL takes the scoped tenant id explicitly.
 */
export const TENANT_FILTER = 'tenant';

export const TenantOwned = () =>
  Filter({ name: TENANT_FILTER, cond: (args: { tenantId: string }) => ({ tenant: args.tenantId }), default: true });
