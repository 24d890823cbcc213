import 'reflect-metadata';
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AlertsResolver } from '../../modules/alerts/alerts.resolver.js';
import { AuditResolver } from '../../modules/audit/audit.resolver.js';
import { AuthResolver } from '../../modules/auth/auth.resolver.js';
import { PricingResolver } from '../../modules/pricing/pricing.resolver.js';
import { QuotasResolver } from '../../modules/quotas/quotas.resolver.js';
import { TenantsResolver } from '../../modules/tenants/tenants.resolver.js';
import { usageResolvers } from '../../modules/usage/usage.resolver.js';
import { authChecker } from './auth-checker.js';
import './enums.js';
import { ErrorCode } from './errors.js';
import { DateTimeScalar } from './scalars.js';
import { createLivePubSub } from './live-events.js';

void ErrorCode;

/** The executable schema, sorted (CONVENTIONS 12: schema.graphql is printed from this). */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [AuthResolver, TenantsResolver, ...usageResolvers, QuotasResolver, AlertsResolver, PricingResolver, AuditResolver],
    authChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Inputs are validated in the domain services (one place, with field names and batch indexes).
    validate: false,
    // Subscriptions use their own `subscribe` (per-viewer filtering over LivePubSub); type-graphql
    // still insists on a pubSub, which our resolvers never use through topics.
    pubSub: createLivePubSub() as never,
  });
  return lexicographicSortSchema(schema);
}
