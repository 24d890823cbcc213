import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import type { AppContext } from '../../../services.js';
import { usageLogOutput } from '../usage.mappers.js';
import { UsageLog } from '../usage.types.js';

@Resolver()
export class UsageCorrectionsResolver {
  @Authorized('ADMIN')
  @Mutation(() => UsageLog, { description: 'Admin only. The log stops counting in every total, quota and statement; the row stays, with who, when and why.' })
  async voidUsage(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('occurredAt', () => DateTimeScalar, { nullable: true, description: "The log's occurredAt, when known: finds it at once instead of searching every month." })
    occurredAt: Date | null,
    @Ctx() ctx: AppContext,
  ): Promise<UsageLog> {
    return usageLogOutput(ctx.services, await ctx.services.corrections.voidLog(ctx.viewer!, id, reason, occurredAt));
  }
}
