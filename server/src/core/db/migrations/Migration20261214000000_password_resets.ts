import { Migration } from '@mikro-orm/migrations';

/**
 * One-time password reset links (api-contract-next.md "Accounts and roles"): only the token's
 * hash is stored, each is used once, and it expires (30 minutes). No existing row changes.
 */
export class Migration20261214000000_password_resets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table password_reset_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  token_hash bytea not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create unique index password_reset_tokens_hash_unique on password_reset_tokens (token_hash);
create index password_reset_tokens_user on password_reset_tokens (user_id);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table password_reset_tokens;');
  }
}
