import { Migration } from '@mikro-orm/migrations';

/**
 * usage_logs_tenant_recent (tenant_id, occurred_at desc, id desc) repeated the primary key
 * (tenant_id, occurred_at, id): a B-tree is read backwards as readily as forwards, so a tenant's
 * newest-first page (`order by occurred_at desc, id desc`, keyset cursor included) walks the
 * primary key backwards. The copy cost every recorded event one more index insertion, and the
 * disk a second index of the key's size, and it served no query the key does not.
 */
export class Migration20261211000000_drop_tenant_recent_index extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists usage_logs_tenant_recent;');
  }

  override async down(): Promise<void> {
    this.addSql('create index if not exists usage_logs_tenant_recent on usage_logs (tenant_id, occurred_at desc, id desc);');
  }
}
