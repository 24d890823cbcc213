import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../core/db/tenant-filter.js';
import { TenantEntity } from '../tenants/tenant.entity.js';

@Entity({ tableName: 'api_keys' })
@TenantOwned()
export class ApiKeyEntity {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => TenantEntity, { fieldName: 'tenant_id' })
  tenant!: TenantEntity;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'blob', hidden: true })
  keyHash!: Buffer;

  @Property({ type: 'text' })
  prefix!: string;

  @Property({ type: 'text' })
  lastFour!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
