import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar, SafeIntScalar } from '../../core/graphql/scalars.js';
import { QuotaEnforcement, QuotaMetric, UsageLevel } from '../../core/graphql/enums.js';
import { Tenant } from '../tenants/tenant.types.js';

@ObjectType()
export class QuotaUsage {
  @Field(() => QuotaMetric) metric!: QuotaMetric;
  @Field(() => Float) used!: number;
  @Field(() => Float) limit!: number;
  @Field(() => Float) percentUsed!: number;
  @Field(() => UsageLevel) level!: UsageLevel;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "At the current month's pace, when the limit will be reached; null when it will not be this month or is already passed.",
  })
  projectedLimitAt!: Date | null;
}

@ObjectType()
export class Quota {
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => SafeIntScalar, { nullable: true }) openaiTokenLimit!: number | null;
  @Field(() => SafeIntScalar, { nullable: true }) elevenlabsCharacterLimit!: number | null;
  @Field(() => Float, { nullable: true }) smartfloMinuteLimit!: number | null;
  @Field(() => DecimalScalar, { nullable: true }) monthlyCostLimitUsd!: string | null;
  @Field(() => Int, { nullable: true }) requestsPerMinuteLimit!: number | null;
  @Field(() => Int) alertAtPercentage!: number;
  @Field(() => QuotaEnforcement) enforcement!: QuotaEnforcement;
  @Field(() => DecimalScalar, { nullable: true, description: 'Monthly cost cap for each single end user of the tenant.' }) endUserMonthlyCostLimitUsd!: string | null;
}

@InputType({ description: 'Each field left out keeps its value; an explicit null removes that limit.' })
export class QuotaInput {
  @Field(() => SafeIntScalar, { nullable: true }) openaiTokenLimit?: number | null;
  @Field(() => SafeIntScalar, { nullable: true }) elevenlabsCharacterLimit?: number | null;
  @Field(() => Float, { nullable: true }) smartfloMinuteLimit?: number | null;
  @Field(() => DecimalScalar, { nullable: true }) monthlyCostLimitUsd?: string | null;
  @Field(() => Int, { nullable: true }) requestsPerMinuteLimit?: number | null;
  @Field(() => Int, { nullable: true }) alertAtPercentage?: number | null;
  @Field(() => QuotaEnforcement, { nullable: true }) enforcement?: QuotaEnforcement | null;
  @Field(() => DecimalScalar, { nullable: true }) endUserMonthlyCostLimitUsd?: string | null;
}

@ObjectType()
export class QuotaDecision {
  @Field() allowed!: boolean;
  @Field(() => String, { nullable: true, description: 'Why not, when not allowed.' }) reason!: string | null;
  @Field(() => Float, { nullable: true, description: "Units left under the service's limit (null when it has no limit)." }) remaining!: number | null;
}

@ObjectType()
export class TenantQuotaStanding {
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => Quota, { nullable: true }) quota!: Quota | null;
  @Field(() => [QuotaUsage]) usages!: QuotaUsage[];
}
