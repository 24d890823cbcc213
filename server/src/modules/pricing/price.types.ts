import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../../core/graphql/scalars.js';
import { Service } from '../../core/graphql/enums.js';

@ObjectType()
export class Price {
  @Field(() => ID) id!: string;
  @Field(() => Service) service!: Service;
  @Field({ description: 'Model prefix this price applies to; "" means every model of the service.' }) model!: string;
  @Field(() => DecimalScalar, { nullable: true }) inputPer1kTokens!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) cachedInputPer1kTokens!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) outputPer1kTokens!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) per1kCharacters!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) perMinute!: string | null;
  @Field(() => DateTimeScalar) effectiveFrom!: Date;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@InputType()
export class AddPriceInput {
  @Field(() => Service) service!: Service;
  @Field() model!: string;
  @Field(() => DecimalScalar, { nullable: true }) inputPer1kTokens?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) cachedInputPer1kTokens?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) outputPer1kTokens?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) per1kCharacters?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) perMinute?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Defaults to now; may not be in the past (past costs are never rewritten).' })
  effectiveFrom?: Date | null;
}

@ObjectType({ description: 'A model where the bundled price catalog and our price in force now differ (USD per million tokens; null: we do not price it).' })
export class PriceCatalogChange {
  @Field() model!: string;
  @Field(() => DecimalScalar, { nullable: true }) currentInputPerMillionUsd!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) currentOutputPerMillionUsd!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) catalogInputPerMillionUsd!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) catalogOutputPerMillionUsd!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) currentCachedInputPerMillionUsd!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) catalogCachedInputPerMillionUsd!: string | null;
}
