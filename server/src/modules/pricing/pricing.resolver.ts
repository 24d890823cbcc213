import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../services.js';
import { Service } from '../../core/graphql/enums.js';
import { DateTimeScalar } from '../../core/graphql/scalars.js';
import { AddPriceInput, Price, PriceCatalogChange } from './price.types.js';

@Resolver()
export class PricingResolver {
  @Authorized('ADMIN')
  @Query(() => [Price], { description: 'Admin only. Current and scheduled prices, newest effective date first.' })
  async prices(@Arg('service', () => Service, { nullable: true }) service: Service | null, @Ctx() ctx: AppContext): Promise<Price[]> {
    return (await ctx.services.pricing.list(service)).map((price) => Object.assign(new Price(), price));
  }

  @Authorized('ADMIN')
  @Mutation(() => Price, { description: 'Admin only. A new price, effective from a date (past costs are never rewritten).' })
  async addPrice(@Arg('input', () => AddPriceInput) input: AddPriceInput, @Ctx() ctx: AppContext): Promise<Price> {
    return Object.assign(new Price(), await ctx.services.pricing.add(ctx.viewer!, input));
  }

  @Authorized('ADMIN')
  @Query(() => [PriceCatalogChange], { description: "Admin only. The bundled price catalog's OpenAI prices beside ours: what an update would change." })
  async priceCatalogDiff(@Ctx() ctx: AppContext): Promise<PriceCatalogChange[]> {
    return (await ctx.services.pricing.catalogDiff()).map((change) => Object.assign(new PriceCatalogChange(), change));
  }

  @Authorized('ADMIN')
  @Mutation(() => [Price], { description: "Admin only. Adds the catalog's changed OpenAI prices, effective from the date given (not in the past)." })
  async applyPriceCatalog(@Arg('effectiveFrom', () => DateTimeScalar) effectiveFrom: Date, @Ctx() ctx: AppContext): Promise<Price[]> {
    return (await ctx.services.pricing.applyCatalog(ctx.viewer!, effectiveFrom)).map((price) => Object.assign(new Price(), price));
  }
}
