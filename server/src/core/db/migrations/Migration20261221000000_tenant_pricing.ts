import { Migration } from '@mikro-orm/migrations';

/**
 * Reseller pricing (api-contract-next.md, "Reseller pricing and statements"): the price table is
 * what a provider charges the platform (`provider_cost_usd`); a tenant's effective-dated markup
 * (`tenant_pricing`) sets what the tenant is charged (`cost_usd`).
 *
 * Every existing log, summary and rollup was charged at provider cost (no markup existed), so
 * `provider_cost_usd = cost_usd` for all of them: margins of the past are 0, and no charged
 * amount changes. usage_logs is partitioned by month: a column added to the parent is added to
 * every partition (and to those created later by ensure_usage_log_partition).
 */
export class Migration20261221000000_tenant_pricing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table tenant_pricing (
  tenant_id uuid not null references tenants (id) on delete cascade,
  effective_from timestamptz not null,
  markup_percent numeric(12,6) not null check (markup_percent >= -100),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, effective_from)
);

alter table usage_logs add column provider_cost_usd numeric(30,12);
update usage_logs set provider_cost_usd = cost_usd;
alter table usage_logs alter column provider_cost_usd set not null;

alter table monthly_summaries add column provider_cost_usd numeric(30,12) not null default 0;
update monthly_summaries set provider_cost_usd = total_cost_usd;

alter table daily_rollups add column provider_cost_usd numeric(30,12) not null default 0;
update daily_rollups set provider_cost_usd = cost_usd;`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table daily_rollups drop column provider_cost_usd;
alter table monthly_summaries drop column provider_cost_usd;
alter table usage_logs drop column provider_cost_usd;
drop table tenant_pricing;`);
  }
}
