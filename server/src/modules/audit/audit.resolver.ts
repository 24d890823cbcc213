import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../services.js';
import { AuditAction } from '../../core/graphql/enums.js';
import { tenantOutput } from '../tenants/tenant.mappers.js';
import { DateTimeScalar, JSONScalar } from '../../core/graphql/scalars.js';
import { scopedTenantFilter } from '../../core/graphql/tenant-scope.js';
import { Tenant } from '../tenants/tenant.types.js';

@ObjectType()
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) actorEmail!: string | null;
  @Field(() => AuditAction) action!: AuditAction;
  @Field(() => Tenant, { nullable: true }) tenant!: Tenant | null;
  @Field(() => String, { nullable: true }) targetId!: string | null;
  @Field(() => JSONScalar, { nullable: true }) changes!: unknown;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@Resolver()
export class AuditResolver {
  @Authorized('ADMIN')
  @Query(() => [AuditEntry], { description: 'Admin only. Newest first.' })
  async auditLog(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<AuditEntry[]> {
    const entries = await ctx.services.audit.list(first ?? 50, scopedTenantFilter(ctx.viewer, tenantId));
    return Promise.all(
      entries.map(async (entry) =>
        Object.assign(new AuditEntry(), { ...entry, action: entry.action as AuditAction, tenant: entry.tenantId ? await tenantOutput(ctx.services, entry.tenantId) : null }),
      ),
    );
  }
}
