import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../core/graphql/scalars.js';
import { AlertStatus, AlertType, DeliveryChannel, DeliveryStatus, QuotaMetric } from '../../core/graphql/enums.js';
import { Tenant } from '../tenants/tenant.types.js';

@ObjectType()
export class Alert {
  @Field(() => ID) id!: string;
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => AlertType) type!: AlertType;
  @Field(() => QuotaMetric, { nullable: true }) metric!: QuotaMetric | null;
  @Field(() => AlertStatus) status!: AlertStatus;
  @Field() message!: string;
  @Field(() => Int, { nullable: true }) thresholdPercent!: number | null;
  @Field(() => Float, { nullable: true }) currentValue!: number | null;
  @Field(() => Float, { nullable: true }) limitValue!: number | null;
  @Field(() => String, { nullable: true }) period!: string | null;
  @Field(() => String, { nullable: true, description: 'END_USER_LIMIT_EXCEEDED: the end user at its cap.' }) endUser!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Email of whoever acknowledged it.' }) acknowledgedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Email of whoever resolved it.' }) resolvedBy!: string | null;
}

@ObjectType()
export class NotificationDelivery {
  @Field(() => ID) id!: string;
  @Field(() => Alert) alert!: Alert;
  @Field(() => DeliveryChannel) channel!: DeliveryChannel;
  @Field() target!: string;
  @Field(() => DeliveryStatus) status!: DeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) nextAttemptAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}
