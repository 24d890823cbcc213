import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../services.js';
import { Service } from '../../core/graphql/enums.js';
import { AddPriceInput, Price } from './price.types.js';

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
}
