import { Migration } from '@mikro-orm/migrations';

/**
 * A tenant's error log, newest first (the customer portal's and the admin's "errors" filter on
 * one tenant): without it that page walks the tenant's whole recent log to find its few errors.
 * Created on the partitioned parent, so every month partition gets its own.
 */
export class Migration20261201000000_tenant_error_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index if not exists usage_logs_tenant_errors_recent on usage_logs (tenant_id, occurred_at desc, id desc) where status = 'ERROR';`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists usage_logs_tenant_errors_recent;');
  }
}
