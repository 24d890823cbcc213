import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Service } from '../../core/graphql/enums.js';
import { DateTimeScalar, DecimalScalar, SafeIntScalar } from '../../core/graphql/scalars.js';
import { Tenant } from '../tenants/tenant.types.js';

export enum StatementStatus {
  OPEN = 'OPEN',
  FINAL = 'FINAL',
}
registerEnumType(StatementStatus, { name: 'StatementStatus' });

@ObjectType()
export class StatementLine {
  @Field(() => Service) service!: Service;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => Float) units!: number;
  @Field(() => String, { description: 'e.g. "tokens", "characters", "minutes".' }) unit!: string;
  @Field(() => SafeIntScalar) apiCalls!: number;
  @Field(() => DecimalScalar) amountUsd!: string;
  @Field(() => String, { nullable: true, description: 'Lines that correct an earlier, finalized month (late or voided events).' }) adjustmentOf!: string | null;
}

@ObjectType()
export class Statement {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'Unique and gap-free per platform, e.g. "UM-2026-11-0001"; null while OPEN.' }) number!: string | null;
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => String) period!: string;
  @Field(() => StatementStatus) status!: StatementStatus;
  @Field(() => [StatementLine]) lines!: StatementLine[];
  @Field(() => DecimalScalar) totalUsd!: string;
  @Field(() => DateTimeScalar, { nullable: true }) finalizedAt!: Date | null;
  @Field(() => String, { description: 'Same auth as the API: GET it with the session or bearer token.' }) pdfUrl!: string;
  @Field(() => String) csvUrl!: string;
}
