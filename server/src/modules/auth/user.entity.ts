import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantEntity } from '../tenants/tenant.entity.js';

export type Role = 'ADMIN' | 'CUSTOMER';

@Entity({ tableName: 'users' })
export class UserEntity {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: 'text' })
  role!: Role;

  @ManyToOne(() => TenantEntity, { nullable: true, fieldName: 'tenant_id' })
  tenant?: TenantEntity | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
