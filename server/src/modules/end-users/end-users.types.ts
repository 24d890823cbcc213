import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar, SafeIntScalar } from '../../core/graphql/scalars.js';
import { Tenant } from '../tenants/tenant.types.js';
import { PageInfo, ServiceTotal } from '../usage/usage.types.js';

export enum EndUserOrder {
  COST_DESC = 'COST_DESC',
  CALLS_DESC = 'CALLS_DESC',
  LAST_SEEN_DESC = 'LAST_SEEN_DESC',
  END_USER_ASC = 'END_USER_ASC',
}
registerEnumType(EndUserOrder, {
  name: 'EndUserOrder',
  description: 'Order of endUsers. Ties are broken by tenant, then end user id.',
  valuesConfig: {
    COST_DESC: { description: 'Highest cost in the range first.' },
    CALLS_DESC: { description: 'Most calls in the range first.' },
    LAST_SEEN_DESC: { description: 'Most recent call first.' },
    END_USER_ASC: { description: 'End user id, in code point order.' },
  },
});

@InputType()
export class EndUsersInput {
  @Field(() => ID, { nullable: true, description: 'Customers omit it (their own tenant); admins name one, or omit it for every tenant.' })
  tenantId?: string | null;
  @Field(() => Int, { defaultValue: 30, description: '7, 30, 90 or 365 days ending today (UTC).' }) days!: number;
  @Field(() => String, { nullable: true, description: "Case-insensitive substring of the end user's id." }) search?: string | null;
  @Field(() => EndUserOrder, { defaultValue: EndUserOrder.COST_DESC }) orderBy!: EndUserOrder;
  @Field(() => Int, { defaultValue: 50, description: '1-100' }) first!: number;
  @Field(() => String, { nullable: true }) after?: string | null;
}

@ObjectType()
export class EndUserUsage {
  @Field(() => Tenant) tenant!: Tenant;
  @Field() endUser!: string;
  @Field(() => DecimalScalar) totalCostUsd!: string;
  @Field(() => SafeIntScalar) apiCalls!: number;
  @Field(() => SafeIntScalar) errorCalls!: number;
  @Field(() => DecimalScalar, { description: 'totalCostUsd / apiCalls' }) costPerCallUsd!: string;
  @Field(() => DecimalScalar, { description: "totalCostUsd / the range's days" }) dailyAverageCostUsd!: string;
  @Field(() => [ServiceTotal]) services!: ServiceTotal[];
  @Field(() => DateTimeScalar) firstSeenAt!: Date;
  @Field(() => DateTimeScalar) lastSeenAt!: Date;
}

@ObjectType()
export class EndUserConnection {
  @Field(() => [EndUserUsage]) nodes!: EndUserUsage[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => SafeIntScalar, { description: 'Distinct end users in the range (matching the search, when there is one).' }) totalCount!: number;
}
