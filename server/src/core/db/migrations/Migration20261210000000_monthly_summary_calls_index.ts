import { Migration } from '@mikro-orm/migrations';

/**
 * monthlySummaryPage ordered by API calls: a page starts at the cursor in index order instead of
 * sorting every tenant of the month (the cost order has monthly_summaries_period_cost since the
 * initial migration, the name order walks tenants_name_unique). Platform-wide by nature, like
 * the cost ranking: one of the documented exceptions to "tenant_id leads every index".
 */
export class Migration20261210000000_monthly_summary_calls_index extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index if not exists monthly_summaries_period_calls on monthly_summaries (period, total_api_calls desc);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists monthly_summaries_period_calls;');
  }
}
