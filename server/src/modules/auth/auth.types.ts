import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../core/graphql/scalars.js';
import { Role } from '../../core/graphql/enums.js';
import { Tenant } from '../tenants/tenant.types.js';

@ObjectType()
export class Viewer {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => Role) role!: Role;
  @Field(() => Tenant, { nullable: true, description: "The customer's own tenant; null for admins." }) tenant!: Tenant | null;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Session token, sent back as `Authorization: Bearer <token>`.' }) token!: string;
  @Field(() => Viewer) viewer!: Viewer;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ID) id!: string;
  @Field({ description: 'The whole secret. Shown once, never again.' }) key!: string;
  @Field({ description: 'Non-secret start of the key, for display.' }) prefix!: string;
}

@ObjectType()
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field(() => Tenant) tenant!: Tenant;
  @Field() name!: string;
  @Field() prefix!: string;
  @Field() lastFour!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: Date | null;
}
