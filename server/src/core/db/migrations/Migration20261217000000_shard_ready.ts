import { Migration } from '@mikro-orm/migrations';

/**
 * Shard-ready keys (docs/scaling.md, "Distributing by tenant"): every table distributed by tenant
 * has the tenant in its primary key and in every foreign key to another distributed table, so
 * Citus can place a tenant's rows together without a query changing. Three tables did not:
 * - alerts and notification_deliveries had `id` alone as primary key: now (tenant_id, id), with a
 *   plain index on id for the lookups by id (acknowledge, resolve);
 * - notification_attempts had no tenant at all: it gets the tenant of its delivery (every
 *   existing row is filled in from it) and the keys follow.
 * No row changes apart from the new column.
 */
export class Migration20261217000000_shard_ready extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table notification_attempts drop constraint notification_attempts_delivery_id_fkey;
alter table notification_deliveries drop constraint notification_deliveries_alert_id_fkey;

alter table alerts drop constraint alerts_pkey;
alter table alerts add constraint alerts_pkey primary key (tenant_id, id);
create index alerts_id on alerts (id);

alter table notification_deliveries drop constraint notification_deliveries_pkey;
alter table notification_deliveries add constraint notification_deliveries_pkey primary key (tenant_id, id);
create index notification_deliveries_id on notification_deliveries (id);
alter table notification_deliveries add constraint notification_deliveries_alert_fkey
  foreign key (tenant_id, alert_id) references alerts (tenant_id, id) on delete cascade;

alter table notification_attempts add column tenant_id uuid;
update notification_attempts a set tenant_id = d.tenant_id from notification_deliveries d where d.id = a.delivery_id;
alter table notification_attempts alter column tenant_id set not null;
alter table notification_attempts add constraint notification_attempts_tenant_fkey foreign key (tenant_id) references tenants (id) on delete cascade;
alter table notification_attempts drop constraint notification_attempts_pkey;
alter table notification_attempts add constraint notification_attempts_pkey primary key (tenant_id, id);
alter table notification_attempts add constraint notification_attempts_delivery_fkey
  foreign key (tenant_id, delivery_id) references notification_deliveries (tenant_id, id) on delete cascade;
drop index notification_attempts_delivery;
create index notification_attempts_delivery on notification_attempts (tenant_id, delivery_id, attempted_at);`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table notification_attempts drop constraint notification_attempts_delivery_fkey;
alter table notification_deliveries drop constraint notification_deliveries_alert_fkey;
drop index notification_attempts_delivery;
create index notification_attempts_delivery on notification_attempts (delivery_id, attempted_at);
alter table notification_attempts drop constraint notification_attempts_pkey;
alter table notification_attempts add constraint notification_attempts_pkey primary key (id);
alter table notification_attempts drop constraint notification_attempts_tenant_fkey;
alter table notification_attempts drop column tenant_id;
drop index notification_deliveries_id;
alter table notification_deliveries drop constraint notification_deliveries_pkey;
alter table notification_deliveries add constraint notification_deliveries_pkey primary key (id);
drop index alerts_id;
alter table alerts drop constraint alerts_pkey;
alter table alerts add constraint alerts_pkey primary key (id);
alter table notification_deliveries add constraint notification_deliveries_alert_id_fkey foreign key (alert_id) references alerts (id) on delete cascade;
alter table notification_attempts add constraint notification_attempts_delivery_id_fkey foreign key (delivery_id) references notification_deliveries (id) on delete cascade;`);
  }
}
