import { Migration } from '@mikro-orm/migrations';

/**
 * End users: who inside a tenant caused a call (api-contract-next.md "End users").
 *
 * Existing logs keep every value; they had no end user and came through the API, so `end_user`
 * is null and `source` is 'API' for all of them (a constant default: no table rewrite). The
 * end-user rollups start empty, as they would from a rebuild of those logs.
 *
 * Reads never scan logs, at any number of end users (the contract allows 1,000,000 per tenant):
 * - end_user_daily_rollups: per tenant, end user, UTC day, service and model; a user's series,
 *   per-service split and first appearance in a range read one user's rows.
 * - end_user_monthly_totals: per tenant, month and end user; the per-end-user cap reads the row
 *   its own event just incremented, and a month's active end users are counted when a row is
 *   inserted (monthly_summaries.active_end_users), never at query time.
 * - end_user_windows: each end user's totals over the 7, 30, 90 and 365 UTC days ending at
 *   end_user_window_state.as_of, one row per window, so a ranking page in any order is an index
 *   range read (keyset on the order's index) and the distinct count is a counter
 *   (end_user_window_counts). The daily roll-forward subtracts the day that leaves each window.
 * - end_user_directory: each end user once, with a trigram index for substring search.
 */
export class Migration20261212000000_end_users extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create extension if not exists pg_trgm;
-- Lets the trigram index lead with tenant_id, as every tenant-owned index does (a search is one tenant's).
create extension if not exists btree_gin;

alter table usage_logs add column end_user text;
alter table usage_logs add column source text not null default 'API'
  check (source in ('API', 'GATEWAY', 'GATEWAY_ESTIMATED', 'WEBHOOK'));
create index usage_logs_tenant_end_user_recent on usage_logs (tenant_id, end_user, occurred_at desc, id desc) where end_user is not null;

alter table monthly_summaries add column active_end_users bigint not null default 0;

alter table quotas add column end_user_monthly_cost_limit_usd numeric(30,12) check (end_user_monthly_cost_limit_usd > 0);

alter table alerts add column end_user text;
alter table alerts drop constraint alerts_type_check;
alter table alerts add constraint alerts_type_check
  check (type in ('QUOTA_APPROACHING', 'QUOTA_EXCEEDED', 'RATE_LIMIT_EXCEEDED', 'COST_SPIKE', 'END_USER_LIMIT_EXCEEDED'));

create table end_user_daily_rollups (
  tenant_id uuid not null references tenants (id) on delete cascade,
  day date not null,
  end_user text not null,
  service text not null,
  model text not null default '',
  api_calls bigint not null default 0,
  error_calls bigint not null default 0,
  units numeric not null default 0,
  cost_usd numeric(30,12) not null default 0,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  primary key (tenant_id, day, end_user, service, model)
);
-- One user's days (series, split, first seen in a range); the key serves one day's users (roll-forward).
create index end_user_daily_rollups_user on end_user_daily_rollups (tenant_id, end_user, day);

create table end_user_monthly_totals (
  tenant_id uuid not null references tenants (id) on delete cascade,
  period date not null,
  end_user text not null,
  api_calls bigint not null default 0,
  error_calls bigint not null default 0,
  cost_usd numeric(30,12) not null default 0,
  primary key (tenant_id, period, end_user)
);

create table end_user_directory (
  tenant_id uuid not null references tenants (id) on delete cascade,
  end_user text not null,
  first_seen_at timestamptz not null,
  primary key (tenant_id, end_user)
);
create index end_user_directory_search on end_user_directory using gin (tenant_id, lower(end_user) gin_trgm_ops);

-- The day every tenant's windows end on; the roll-forward moves it, recorders read it.
create table end_user_window_state (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  as_of date not null
);

create table end_user_windows (
  tenant_id uuid not null references tenants (id) on delete cascade,
  window_days smallint not null check (window_days in (7, 30, 90, 365)),
  end_user text not null,
  api_calls bigint not null default 0,
  error_calls bigint not null default 0,
  cost_usd numeric(30,12) not null default 0,
  last_seen_at timestamptz not null,
  primary key (tenant_id, window_days, end_user)
);
create index end_user_windows_cost on end_user_windows (tenant_id, window_days, cost_usd desc, end_user);
create index end_user_windows_calls on end_user_windows (tenant_id, window_days, api_calls desc, end_user);
create index end_user_windows_last_seen on end_user_windows (tenant_id, window_days, last_seen_at desc, end_user);

create table end_user_window_counts (
  tenant_id uuid not null references tenants (id) on delete cascade,
  window_days smallint not null,
  end_users bigint not null default 0,
  primary key (tenant_id, window_days)
);`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table end_user_window_counts;
drop table end_user_windows;
drop table end_user_window_state;
drop table end_user_directory;
drop table end_user_monthly_totals;
drop table end_user_daily_rollups;
delete from alerts where type = 'END_USER_LIMIT_EXCEEDED';
alter table alerts drop constraint alerts_type_check;
alter table alerts add constraint alerts_type_check check (type in ('QUOTA_APPROACHING', 'QUOTA_EXCEEDED', 'RATE_LIMIT_EXCEEDED', 'COST_SPIKE'));
alter table alerts drop column end_user;
alter table quotas drop column end_user_monthly_cost_limit_usd;
alter table monthly_summaries drop column active_end_users;
drop index usage_logs_tenant_end_user_recent;
alter table usage_logs drop column source;
alter table usage_logs drop column end_user;`);
  }
}
