import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../core/graphql/scalars.js';
import { AdminRole, CustomerRole, Role } from '../../core/graphql/enums.js';
import { Tenant } from '../tenants/tenant.types.js';

@ObjectType()
export class Viewer {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => Role) role!: Role;
  @Field(() => Tenant, { nullable: true, description: "The customer's own tenant; null for admins." }) tenant!: Tenant | null;
  @Field(() => AdminRole, { nullable: true, description: 'Admins only; null for customers.' }) adminRole!: AdminRole | null;
  @Field(() => CustomerRole, { nullable: true, description: 'Customers only; null for admins.' }) customerRole!: CustomerRole | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When this user last signed in (this session included); null if never.' }) lastLoginAt!: Date | null;
}

@InputType()
export class InviteUserInput {
  @Field() email!: string;
  @Field(() => ID, { nullable: true, description: 'Null invites an admin; otherwise a user of that tenant.' }) tenantId?: string | null;
  @Field(() => AdminRole, { nullable: true, description: 'For an admin; VIEWER when omitted.' }) adminRole?: AdminRole | null;
  @Field(() => CustomerRole, { nullable: true, description: 'For a user of a tenant; MEMBER when omitted.' }) customerRole?: CustomerRole | null;
}

@ObjectType()
export class Invitation {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => Tenant, { nullable: true }) tenant!: Tenant | null;
  @Field(() => AdminRole, { nullable: true }) adminRole!: AdminRole | null;
  @Field(() => CustomerRole, { nullable: true }) customerRole!: CustomerRole | null;
  @Field(() => DateTimeScalar) expiresAt!: Date;
}

@ObjectType({ description: 'A signed-in session of the viewer (the Sessions list).' })
export class Session {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) lastSeenAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it ends without further use: the earlier of its idle and absolute expiry.' }) expiresAt!: Date;
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field({ description: 'True for the session making this request.' }) current!: boolean;
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
