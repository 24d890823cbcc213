import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../core/graphql/scalars.js';
import { Service, TenantStatus } from '../../core/graphql/enums.js';

@ObjectType()
export class ProviderCredential {
  @Field(() => Service) provider!: Service;
  @Field({ description: 'e.g. "••••••••3f9a".' }) maskedKey!: string;
  @Field(() => DateTimeScalar) updatedAt!: Date;
}

@ObjectType()
export class Tenant {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => TenantStatus) status!: TenantStatus;
  // contactEmail, webhookUrl and providerCredentials are admin-only field resolvers (tenants.resolver.ts)
}

@InputType()
export class CreateTenantInput {
  @Field() name!: string;
}

@InputType()
export class UpdateTenantInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => TenantStatus, { nullable: true }) status?: TenantStatus;
  @Field(() => String, { nullable: true }) contactEmail?: string | null;
  @Field(() => String, { nullable: true }) webhookUrl?: string | null;
}

@ObjectType()
export class WebhookSecret {
  @Field({ description: 'Shown once: verify X-Usage-Monitor-Signature (hex HMAC-SHA256 of the raw body) with it.' })
  secret!: string;
}

@ObjectType({ description: 'A secret created for a tenant: the whole of it is in this answer only.' })
export class CreatedSecret {
  @Field({ description: 'The whole secret. Shown once, never again.' }) secret!: string;
  @Field({ description: 'e.g. "••••••••3f9a", as lists show it later.' }) maskedSecret!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
}
