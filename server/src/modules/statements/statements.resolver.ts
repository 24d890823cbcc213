import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { scopedTenantFilter } from '../../core/graphql/tenant-scope.js';
import type { AppContext } from '../../services.js';
import { statementOutput } from './statement.mappers.js';
import { Statement, StatementStatus } from './statement.types.js';

@Resolver()
export class StatementsResolver {
  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => [Statement], { description: 'Admin: one tenant or all; customers: their own. Newest period first.' })
  async statements(
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Arg('first', () => Int, { defaultValue: 24 }) first: number,
    @Arg('period', () => String, { nullable: true, description: 'Only this month ("YYYY-MM").' }) period: string | null,
    @Arg('status', () => StatementStatus, { nullable: true, description: 'Only OPEN or only FINAL statements.' }) status: StatementStatus | null,
    @Ctx() ctx: AppContext,
  ): Promise<Statement[]> {
    const records = await ctx.services.statements.list(scopedTenantFilter(ctx.viewer, tenantId), first, { period, status });
    return Promise.all(records.map((record) => statementOutput(ctx.services, record)));
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => Statement, { nullable: true })
  async statement(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Statement | null> {
    const record = await ctx.services.statements.get(ctx.viewer, id);
    return record ? statementOutput(ctx.services, record) : null;
  }

  @Authorized('ADMIN')
  @Mutation(() => Statement, { description: "Admin only. Freezes a closed month's statement for a tenant; idempotent." })
  async finalizeStatement(@Arg('tenantId', () => ID) tenantId: string, @Arg('period', () => String) period: string, @Ctx() ctx: AppContext): Promise<Statement> {
    return statementOutput(ctx.services, await ctx.services.statements.finalize(ctx.viewer!, tenantId, period));
  }
}
