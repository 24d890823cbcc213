import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AlertsResolver } from './modules/alerts/alerts.resolver.js';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import { AuthResolver } from './modules/auth/auth.resolver.js';
import { TeamResolver } from './modules/auth/team.resolver.js';
import { EndUsersResolver } from './modules/end-users/end-users.resolver.js';
import { PricingResolver } from './modules/pricing/pricing.resolver.js';
import { TenantPricingResolver } from './modules/pricing/tenant-pricing.resolver.js';
import { QuotasResolver } from './modules/quotas/quotas.resolver.js';
import { TenantsResolver } from './modules/tenants/tenants.resolver.js';
import { WebhookTokensResolver } from './modules/tenants/webhook-tokens.resolver.js';
import { GatewayResolver } from './modules/gateway/gateway.resolver.js';
import { StatementsResolver } from './modules/statements/statements.resolver.js';
import { usageResolvers } from './modules/usage/usage.resolver.js';
import { authChecker } from './core/graphql/auth-checker.js';
import './core/graphql/enums.js';
import { ErrorCode } from './core/graphql/errors.js';
import { DateTimeScalar } from './core/graphql/scalars.js';

void ErrorCode;

/**
 * The executable schema, sorted (CONVENTIONS 12: schema.graphql is printed from this). It gathers
 * every module's resolvers, so it sits beside the other composition roots, not in core.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [AuthResolver, TeamResolver, TenantsResolver, WebhookTokensResolver, GatewayResolver, ...usageResolvers, EndUsersResolver, QuotasResolver, AlertsResolver, PricingResolver, TenantPricingResolver, StatementsResolver, AuditResolver],
    authChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Inputs are validated in the domain services (one place, with field names and batch indexes).
    validate: false,
    // Subscriptions use their own `subscribe` (per-viewer filtering over services.pubsub); type-graphql
    // still insists on a pubSub, which our resolvers never use through topics.
    pubSub: createPubSub() as never,
  });
  return lexicographicSortSchema(schema);
}
