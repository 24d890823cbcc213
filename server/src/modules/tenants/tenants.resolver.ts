import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../services.js';
import { Service, TenantStatus } from '../../core/graphql/enums.js';
import { notFound } from '../../core/graphql/errors.js';
import { scopedTenantId } from '../../core/graphql/tenant-scope.js';
import type { TenantEntity } from './tenant.entity.js';
import { CreateTenantInput, ProviderCredential, Tenant, UpdateTenantInput, WebhookSecret } from './tenant.types.js';

const output = (entity: TenantEntity) =>
  Object.assign(new Tenant(), { id: entity.id, name: entity.name, createdAt: entity.createdAt, status: entity.status as TenantStatus });

@Resolver(() => Tenant)
export class TenantsResolver {
  @Authorized('ADMIN')
  @Query(() => [Tenant], { description: 'Admin only.' })
  async tenants(@Arg('search', () => String, { nullable: true }) search: string | null, @Ctx() ctx: AppContext): Promise<Tenant[]> {
    return (await ctx.services.tenants.list(ctx.em, search)).map(output);
  }

  @Authorized('ADMIN')
  @Query(() => Tenant, { nullable: true, description: 'Admin only.' })
  async tenant(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Tenant | null> {
    const entity = await ctx.services.tenants.get(ctx.em, id);
    return entity ? output(entity) : null;
  }

  @Authorized('ADMIN')
  @Mutation(() => Tenant, { description: 'Admin only.' })
  async createTenant(@Arg('input', () => CreateTenantInput) input: CreateTenantInput, @Ctx() ctx: AppContext): Promise<Tenant> {
    return output(await ctx.services.tenants.create(ctx.em, ctx.viewer!, input.name));
  }

  @Authorized('ADMIN')
  @Mutation(() => Tenant, { description: 'Admin only.' })
  async updateTenant(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateTenantInput) input: UpdateTenantInput, @Ctx() ctx: AppContext): Promise<Tenant> {
    return output(await ctx.services.tenants.update(ctx.em, ctx.viewer!, id, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => ProviderCredential, { description: 'Admin only. Sets or rotates a provider credential (stored encrypted, shown masked).' })
  async setProviderCredential(
    @Arg('tenantId', () => ID) tenantId: string,
    @Arg('provider', () => Service) provider: Service,
    @Arg('secret') secret: string,
    @Ctx() ctx: AppContext,
  ): Promise<ProviderCredential> {
    const tenant = await ctx.services.tenants.get(ctx.em, scopedTenantId(ctx.viewer, tenantId));
    if (!tenant) throw notFound('Tenant');
    return Object.assign(new ProviderCredential(), await ctx.services.tenants.setCredential(ctx.viewer!, tenant.id, provider, secret));
  }

  @Authorized('ADMIN')
  @Mutation(() => WebhookSecret, { description: 'Admin only. A new webhook signing secret, shown once.' })
  async rotateWebhookSecret(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: AppContext): Promise<WebhookSecret> {
    const secret = await ctx.services.tenants.rotateWebhookSecret(ctx.viewer!, scopedTenantId(ctx.viewer, tenantId));
    return Object.assign(new WebhookSecret(), { secret });
  }

  // Contact details and credentials are for admins; anyone else sees null / nothing.
  @FieldResolver(() => String, { nullable: true, description: 'Admin only (null for others).' })
  async contactEmail(@Root() tenant: Tenant, @Ctx() ctx: AppContext): Promise<string | null> {
    if (ctx.viewer?.kind !== 'ADMIN') return null;
    return (await ctx.services.tenants.get(ctx.em, tenant.id))?.contactEmail ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Admin only (null for others).' })
  async webhookUrl(@Root() tenant: Tenant, @Ctx() ctx: AppContext): Promise<string | null> {
    if (ctx.viewer?.kind !== 'ADMIN') return null;
    return (await ctx.services.tenants.get(ctx.em, tenant.id))?.webhookUrl ?? null;
  }

  @FieldResolver(() => [ProviderCredential], { description: "Admin only: the tenant's provider credentials, masked." })
  async providerCredentials(@Root() tenant: Tenant, @Ctx() ctx: AppContext): Promise<ProviderCredential[]> {
    if (ctx.viewer?.kind !== 'ADMIN') return [];
    return (await ctx.services.tenants.credentials(tenant.id)).map((c) => Object.assign(new ProviderCredential(), c));
  }
}
