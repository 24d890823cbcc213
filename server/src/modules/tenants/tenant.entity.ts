import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export type TenantStatus = 'ACTIVE' | 'SUSPENDED';

@Entity({ tableName: 'tenants' })
export class TenantEntity {
  [OptionalProps]?: 'status' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  status: TenantStatus = 'ACTIVE';

  @Property({ type: 'text', nullable: true })
  contactEmail?: string | null;

  @Property({ type: 'text', nullable: true })
  webhookUrl?: string | null;

  @Property({ type: 'blob', nullable: true, hidden: true, lazy: true })
  webhookSecretCiphertext?: Buffer | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
