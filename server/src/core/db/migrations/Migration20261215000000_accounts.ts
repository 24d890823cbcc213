import { Migration } from '@mikro-orm/migrations';

/**
 * Accounts and roles (api-contract-next.md "Accounts and roles"):
 * - `users.team_role`: an admin is OWNER, MANAGER or VIEWER; a customer user OWNER or MEMBER.
 *   Every existing user becomes an OWNER, so nobody loses a right they had.
 * - `users.last_login_at`: unknown for existing users (null) until they next sign in.
 * - `sessions.last_seen_at` (idle expiry; existing sessions count as seen at their start),
 *   `user_agent` and `ip` for the Sessions list.
 * - `invitations`: one-time emailed links, stored hashed, valid 7 days.
 */
export class Migration20261215000000_accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table users add column team_role text not null default 'OWNER';
alter table users add column last_login_at timestamptz;
alter table users add constraint users_team_role_fits_role check (
  (role = 'ADMIN' and team_role in ('OWNER', 'MANAGER', 'VIEWER')) or (role = 'CUSTOMER' and team_role in ('OWNER', 'MEMBER')));
alter table users alter column team_role drop default;

alter table sessions add column last_seen_at timestamptz;
update sessions set last_seen_at = created_at;
alter table sessions alter column last_seen_at set not null;
alter table sessions alter column last_seen_at set default now();
alter table sessions add column user_agent text;
alter table sessions add column ip text;
create index sessions_user_active on sessions (user_id, created_at desc) where revoked_at is null;

create table invitations (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email)),
  tenant_id uuid references tenants (id) on delete cascade,
  team_role text not null,
  token_hash bytea not null,
  invited_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz,
  constraint invitations_team_role_fits check (
    (tenant_id is null and team_role in ('OWNER', 'MANAGER', 'VIEWER')) or (tenant_id is not null and team_role in ('OWNER', 'MEMBER')))
);
create unique index invitations_token_hash_unique on invitations (token_hash);
create index invitations_tenant on invitations (tenant_id, created_at desc);
create index invitations_tenant_email on invitations (tenant_id, email);`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table invitations;
drop index sessions_user_active;
alter table sessions drop column ip, drop column user_agent, drop column last_seen_at;
alter table users drop constraint users_team_role_fits_role;
alter table users drop column last_login_at, drop column team_role;`);
  }
}
