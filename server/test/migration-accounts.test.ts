import { describe, expect, it } from 'vitest';
import { databaseAt } from './migration-harness.js';

/**
 * The accounts migration on a database holding the previous version's users and sessions: every
 * user keeps its row and becomes an OWNER (admins and customers alike), sessions keep working with
 * their start as their last activity, and the new rules hold for new rows.
 */
const PREVIOUS = 'Migration20261214000000_password_resets';
const db = databaseAt(PREVIOUS);

describe('Migration20261215000000_accounts', () => {
  it('makes every existing user an OWNER, keeps sessions alive, and enforces roles on new rows', async () => {
    const { rows: tenant } = await db.client.query(`insert into tenants (name) values ('Before Accounts') returning id`);
    const tenantId = tenant[0].id;
    await db.client.query(`insert into users (email, password_hash, role) values ('old-admin@x.test', 'hash-a', 'ADMIN')`);
    await db.client.query(`insert into users (email, password_hash, role, tenant_id) values ('old-customer@x.test', 'hash-c', 'CUSTOMER', $1)`, [tenantId]);
    await db.client.query(
      `insert into sessions (token_hash, user_id, created_at, expires_at) select '\\x01'::bytea, id, now() - interval '1 hour', now() + interval '11 hours' from users where email = 'old-customer@x.test'`,
    );
    const before = (await db.client.query(`select id, email, password_hash, role, tenant_id, created_at from users order by email`)).rows;

    await db.orm.getMigrator().up();

    const after = (await db.client.query(`select id, email, password_hash, role, tenant_id, created_at, team_role, last_login_at from users order by email`)).rows;
    expect(after.map(({ team_role: _r, last_login_at: _l, ...rest }) => rest)).toEqual(before);
    expect(after.map((u) => [u.email, u.team_role, u.last_login_at])).toEqual([
      ['old-admin@x.test', 'OWNER', null],
      ['old-customer@x.test', 'OWNER', null],
    ]);
    const session = (await db.client.query(`select created_at, last_seen_at, revoked_at from sessions`)).rows[0];
    expect(session.last_seen_at).toEqual(session.created_at);
    expect(session.revoked_at).toBeNull();

    // New rows must carry a role that fits their kind.
    await expect(db.client.query(`insert into users (email, password_hash, role, team_role) values ('new-admin@x.test', 'h', 'ADMIN', 'MEMBER')`)).rejects.toThrow(/users_team_role_fits_role/);
    await expect(db.client.query(`insert into users (email, password_hash, role, tenant_id) values ('no-role@x.test', 'h', 'CUSTOMER', $1)`, [tenantId])).rejects.toThrow(/team_role/);
    await db.client.query(`insert into users (email, password_hash, role, tenant_id, team_role) values ('member@x.test', 'h', 'CUSTOMER', $1, 'MEMBER')`, [tenantId]);
  });
});
