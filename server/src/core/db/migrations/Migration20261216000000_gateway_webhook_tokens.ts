import { Migration } from '@mikro-orm/migrations';

/**
 * The metering gateway's Smartflo webhook (api-contract-next.md "The metering gateway"):
 * - `gateway_webhook_tokens`: one token a tenant, sent by Smartflo in X-Usage-Webhook-Token.
 *   Only its SHA-256 and last four characters are stored (the token itself is shown once);
 *   rotating replaces the row, revoking deletes it. Looked up by its hash, the one thing the
 *   caller has (the documented exception to tenant_id-first, as for API keys).
 * - `usage_logs_tenant_gateway_recent`: the calls that came through the gateway or a webhook,
 *   counted for a tenant's month (GatewayStatus.callsThisMonth) by an index range, not a scan of
 *   the tenant's logs. Partial on what every count needs (not API, not voided), so it holds only
 *   those rows; a void moves a row out of it.
 */
export class Migration20261216000000_gateway_webhook_tokens extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table gateway_webhook_tokens (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  token_hash bytea not null,
  last_four text not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create unique index gateway_webhook_tokens_token_hash_unique on gateway_webhook_tokens (token_hash);
create index usage_logs_tenant_gateway_recent on usage_logs (tenant_id, occurred_at) where source <> 'API' and voided_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop index usage_logs_tenant_gateway_recent;
drop table gateway_webhook_tokens;`);
  }
}
