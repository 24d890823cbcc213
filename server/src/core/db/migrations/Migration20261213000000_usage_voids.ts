import { Migration } from '@mikro-orm/migrations';

/**
 * Corrections (api-contract-next.md): a voided log keeps its row, with when, why and by whom, and
 * stops counting everywhere. Existing logs are not voided (null); nothing else changes.
 */
export class Migration20261213000000_usage_voids extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table usage_logs add column voided_at timestamptz;
alter table usage_logs add column void_reason text;
alter table usage_logs add column voided_by text;`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table usage_logs drop column voided_by;
alter table usage_logs drop column void_reason;
alter table usage_logs drop column voided_at;`);
  }
}
