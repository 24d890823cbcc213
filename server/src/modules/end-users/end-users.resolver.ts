import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Service } from '../../core/graphql/enums.js';
import { scopedTenantFilter } from '../../core/graphql/tenant-scope.js';
import type { AppContext } from '../../services.js';
import { tenantOutput } from '../tenants/tenant.mappers.js';
import { EndUserConnection, EndUserOrder, EndUsersInput, EndUserUsage } from './end-users.types.js';

@Resolver()
export class EndUsersResolver {
  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => EndUserConnection, { description: 'Customers omit tenantId; admins may name one or none.' })
  async endUsers(@Arg('input', () => EndUsersInput) input: EndUsersInput, @Ctx() ctx: AppContext): Promise<EndUserConnection> {
    const page = await ctx.services.endUsers.page({
      tenantId: scopedTenantFilter(ctx.viewer, input.tenantId),
      days: input.days ?? 30,
      search: input.search,
      orderBy: input.orderBy ?? EndUserOrder.COST_DESC,
      first: input.first ?? 50,
      after: input.after,
    });
    return Object.assign(new EndUserConnection(), {
      nodes: await Promise.all(
        page.nodes.map(async (node) =>
          Object.assign(new EndUserUsage(), {
            ...node,
            tenant: await tenantOutput(ctx.services, node.tenantId),
            services: node.services.map((s) => ({ ...s, service: s.service as Service })),
          }),
        ),
      ),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    });
  }
}
