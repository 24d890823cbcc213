import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../../core/graphql/scalars.js';
import { Tenant } from '../tenants/tenant.types.js';

@InputType()
export class TenantPricingInput {
  @Field(() => ID) tenantId!: string;
  @Field(() => DecimalScalar, { description: 'e.g. "20" charges provider cost x 1.20; "-10" is a 10 % discount.' }) markupPercent!: string;
  @Field(() => DateTimeScalar) effectiveFrom!: Date;
}

@ObjectType({ description: "Admin only. A tenant's markup on provider cost from a moment on (costUsd = providerCostUsd x (1 + markupPercent/100))." })
export class TenantPricing {
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => DecimalScalar) markupPercent!: string;
  @Field(() => DateTimeScalar) effectiveFrom!: Date;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field({ description: 'True for the row that prices calls happening now.' }) inForce!: boolean;
}
