import { BigIntType, Entity, OneToOne, OptionalProps, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../core/db/tenant-filter.js';
import { TenantEntity } from '../tenants/tenant.entity.js';

export type QuotaEnforcement = 'SOFT' | 'HARD';

/** One row per tenant; each limit optional. Money and minutes are numeric strings (exact). */
@Entity({ tableName: 'quotas' })
@TenantOwned()
export class QuotaEntity {
  [OptionalProps]?: 'alertAtPercentage' | 'enforcement' | 'updatedAt';

  @OneToOne(() => TenantEntity, { primary: true, fieldName: 'tenant_id', owner: true })
  tenant!: TenantEntity;

  @Property({ type: new BigIntType('number'), nullable: true })
  openaiTokenLimit?: number | null;

  @Property({ type: new BigIntType('number'), nullable: true })
  elevenlabsCharacterLimit?: number | null;

  @Property({ type: 'decimal', nullable: true })
  smartfloMinuteLimit?: string | null;

  @Property({ type: 'decimal', nullable: true, fieldName: 'monthly_cost_limit_usd' })
  monthlyCostLimitUsd?: string | null;

  @Property({ type: 'integer', nullable: true })
  requestsPerMinuteLimit?: number | null;

  @Property({ type: 'decimal', nullable: true, fieldName: 'end_user_monthly_cost_limit_usd' })
  endUserMonthlyCostLimitUsd?: string | null;

  @Property({ type: 'integer' })
  alertAtPercentage: number = 80;

  @Property({ type: 'text' })
  enforcement: QuotaEnforcement = 'SOFT';

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  @Property({ type: 'uuid', nullable: true })
  updatedBy?: string | null;
}
