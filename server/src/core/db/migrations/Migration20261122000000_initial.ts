import { Migration } from '@mikro-orm/migrations';

/**
 * The whole initial model. Written as SQL rather than generated from entities because the hot path
 * relies on things the entity layer cannot express: a partitioned usage log, numeric money
 * columns with fixed scale, partial indexes and unique keys that make the database the judge of
 * idempotency and alert dedup (CONVENTIONS 8).
 *
 * Money: numeric(30,12). Costs are rounded to 12 decimals once, when an event is priced, and
 * every total is an exact SQL sum of those values, so a summary equals the sum of its logs.
 * Counters that can pass 2^31 are bigint.
 */
export class Migration20261122000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table tenants (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  status text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
  contact_email text,
  webhook_url text,
  webhook_secret_ciphertext bytea,
  created_at timestamptz not null default now()
);
create unique index tenants_name_unique on tenants (lower(name));

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email)),
  password_hash text not null,
  role text not null check (role in ('ADMIN', 'CUSTOMER')),
  tenant_id uuid references tenants (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint users_customer_has_tenant check ((role = 'ADMIN') = (tenant_id is null))
);
create unique index users_email_unique on users (email);
create index users_tenant on users (tenant_id, created_at);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create unique index sessions_token_hash_unique on sessions (token_hash);
create index sessions_user on sessions (user_id);

create table api_keys (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null,
  key_hash bytea not null,
  prefix text not null,
  last_four text not null,
  created_at timestamptz not null default now(),
  created_by uuid references users (id) on delete set null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create unique index api_keys_key_hash_unique on api_keys (key_hash);
create index api_keys_tenant on api_keys (tenant_id, created_at desc);

create table provider_credentials (
  tenant_id uuid not null references tenants (id) on delete cascade,
  provider text not null check (provider in ('OPENAI', 'ELEVENLABS', 'SMARTFLO')),
  ciphertext bytea not null,
  last_four text not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  primary key (tenant_id, provider)
);

create table prices (
  id uuid primary key default gen_random_uuid(),
  service text not null check (service in ('OPENAI', 'ELEVENLABS', 'SMARTFLO')),
  model_prefix text not null default '',
  input_per_1k_tokens numeric(30,12),
  cached_input_per_1k_tokens numeric(30,12),
  output_per_1k_tokens numeric(30,12),
  per_1k_characters numeric(30,12),
  per_minute numeric(30,12),
  effective_from timestamptz not null,
  created_at timestamptz not null default now(),
  created_by uuid references users (id) on delete set null
);
create unique index prices_service_model_effective_unique on prices (service, model_prefix, effective_from);

-- Idempotency lives in its own table because a unique key on the partitioned log would have to
-- include the partition column (occurred_at), and a retried event may carry another occurredAt.
create table usage_request_keys (
  tenant_id uuid not null references tenants (id) on delete cascade,
  request_id text not null,
  body_hash bytea not null,
  log_id uuid not null,
  occurred_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, request_id)
);

create table usage_logs (
  id uuid not null,
  tenant_id uuid not null,
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  service text not null,
  model text,
  input_tokens integer,
  cached_input_tokens integer,
  output_tokens integer,
  characters integer,
  duration_seconds numeric,
  cost_usd numeric(30,12) not null,
  pricing_status text not null,
  price_id uuid,
  status text not null,
  request_id text not null,
  metadata jsonb,
  primary key (tenant_id, occurred_at, id)
) partition by range (occurred_at);
create index usage_logs_tenant_recent on usage_logs (tenant_id, occurred_at desc, id desc);
create index usage_logs_tenant_service_recent on usage_logs (tenant_id, service, occurred_at desc, id desc);
-- Platform-wide admin views (every tenant, newest first) cannot lead with tenant_id; these two
-- are the documented exceptions to "tenant_id leads every index".
create index usage_logs_recent on usage_logs (occurred_at desc, id desc);
create index usage_logs_service_recent on usage_logs (service, occurred_at desc, id desc);
create index usage_logs_errors_recent on usage_logs (occurred_at desc, id desc) where status = 'ERROR';
create table usage_logs_default partition of usage_logs default;

-- Month partitions are created ahead of time by the server (and by this function on demand).
create function ensure_usage_log_partition(month_start date) returns void language plpgsql as $$
declare
  partition_name text := format('usage_logs_%s', to_char(month_start, 'YYYY_MM'));
begin
  if to_regclass(partition_name) is null then
    execute format(
      'create table %I partition of usage_logs for values from (%L) to (%L)',
      partition_name,
      month_start::timestamp at time zone 'UTC',
      (month_start + interval '1 month')::timestamp at time zone 'UTC'
    );
  end if;
end $$;

create table monthly_summaries (
  tenant_id uuid not null references tenants (id) on delete cascade,
  period date not null,
  openai_input_tokens bigint not null default 0,
  openai_cached_input_tokens bigint not null default 0,
  openai_output_tokens bigint not null default 0,
  openai_characters bigint not null default 0,
  openai_seconds numeric not null default 0,
  openai_cost_usd numeric(30,12) not null default 0,
  elevenlabs_characters bigint not null default 0,
  elevenlabs_cost_usd numeric(30,12) not null default 0,
  smartflo_seconds numeric not null default 0,
  smartflo_cost_usd numeric(30,12) not null default 0,
  total_cost_usd numeric(30,12) not null default 0,
  total_api_calls bigint not null default 0,
  error_calls bigint not null default 0,
  unpriced_calls bigint not null default 0,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, period)
);
create index monthly_summaries_period_cost on monthly_summaries (period, total_cost_usd desc);

-- Daily rollups per tenant, service and model: every chart reads these, never raw logs.
create table daily_rollups (
  tenant_id uuid not null references tenants (id) on delete cascade,
  day date not null,
  service text not null,
  model text not null default '',
  api_calls bigint not null default 0,
  error_calls bigint not null default 0,
  unpriced_calls bigint not null default 0,
  units numeric not null default 0,
  cost_usd numeric(30,12) not null default 0,
  primary key (tenant_id, day, service, model)
);

-- The same rollup across all tenants, so platform-wide charts read ~hundreds of rows, not
-- tenants x days x models.
create table platform_daily_rollups (
  day date not null,
  service text not null,
  model text not null default '',
  api_calls bigint not null default 0,
  error_calls bigint not null default 0,
  unpriced_calls bigint not null default 0,
  units numeric not null default 0,
  cost_usd numeric(30,12) not null default 0,
  primary key (day, service, model)
);

create table quotas (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  openai_token_limit bigint check (openai_token_limit > 0),
  elevenlabs_character_limit bigint check (elevenlabs_character_limit > 0),
  smartflo_minute_limit numeric check (smartflo_minute_limit > 0),
  monthly_cost_limit_usd numeric(30,12) check (monthly_cost_limit_usd > 0),
  requests_per_minute_limit integer check (requests_per_minute_limit > 0),
  alert_at_percentage integer not null default 80 check (alert_at_percentage between 1 and 99),
  enforcement text not null default 'SOFT' check (enforcement in ('SOFT', 'HARD')),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null
);

create table alerts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  type text not null check (type in ('QUOTA_APPROACHING', 'QUOTA_EXCEEDED', 'RATE_LIMIT_EXCEEDED', 'COST_SPIKE')),
  metric text,
  status text not null default 'ACTIVE' check (status in ('ACTIVE', 'ACKNOWLEDGED', 'RESOLVED')),
  message text not null,
  threshold_percent integer,
  current_value double precision,
  limit_value double precision,
  period text,
  -- What makes two alerts "the same": type, metric, period and limit value for quota alerts,
  -- the UTC day for cost spikes, the window start for rate alerts.
  dedup_key text not null,
  created_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  acknowledged_by text,
  resolved_at timestamptz,
  resolved_by text
);
create unique index alerts_dedup_unique on alerts (tenant_id, dedup_key);
create index alerts_tenant_recent on alerts (tenant_id, created_at desc);
-- Platform-wide alert list for admins (exception to tenant_id-first, as for usage_logs).
create index alerts_recent on alerts (created_at desc);
create index alerts_active on alerts (status) where status = 'ACTIVE';

-- Requests-per-minute window shared by every server instance: one row per tenant and second.
create table rate_counters (
  tenant_id uuid not null references tenants (id) on delete cascade,
  second_start timestamptz not null,
  requests integer not null,
  primary key (tenant_id, second_start)
);

-- "At most one rate alert per tenant per 60 seconds", decided atomically by one UPDATE.
create table rate_alert_state (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  last_alert_at timestamptz not null
);

create table notification_deliveries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  alert_id uuid not null references alerts (id) on delete cascade,
  channel text not null check (channel in ('EMAIL', 'WEBHOOK')),
  target text not null,
  status text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
  attempts integer not null default 0,
  last_error text,
  next_attempt_at timestamptz not null default now(),
  delivered_at timestamptz,
  created_at timestamptz not null default now()
);
create index notification_deliveries_tenant on notification_deliveries (tenant_id, created_at desc);
create index notification_deliveries_due on notification_deliveries (next_attempt_at) where status = 'PENDING';

create table notification_attempts (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references notification_deliveries (id) on delete cascade,
  attempted_at timestamptz not null default now(),
  succeeded boolean not null,
  detail text
);
create index notification_attempts_delivery on notification_attempts (delivery_id, attempted_at);

create table audit_entries (
  id uuid primary key default gen_random_uuid(),
  actor_user_id uuid references users (id) on delete set null,
  actor_email text,
  action text not null,
  tenant_id uuid references tenants (id) on delete set null,
  target_id text,
  changes jsonb,
  created_at timestamptz not null default now()
);
create index audit_entries_tenant on audit_entries (tenant_id, created_at desc);
create index audit_entries_recent on audit_entries (created_at desc);

-- Failed sign-ins per account and per address, for throttling and lockout.
create table login_throttle (
  key text primary key,
  failures integer not null default 0,
  window_started_at timestamptz not null default now(),
  locked_until timestamptz
);
`);
  }
}
