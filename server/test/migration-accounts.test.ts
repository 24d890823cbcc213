import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ormOptions } from '../src/core/db/database.js';
import { entities } from '../src/entities.js';

/**
 * The accounts migration on a database holding the previous version's users and sessions: every
 * user keeps its row and becomes an OWNER (admins and customers alike), sessions keep working with
 * their start as their last activity, and the new rules hold for new rows.
 */
const PREVIOUS = 'Migration20261214000000_password_resets';
const adminUrl = () => inject('postgresUrl');
const name = `um_migration_${randomBytes(6).toString('hex')}`;
let orm: MikroORM;
let client: pg.Client;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = adminUrl().replace(/\/postgres$/, `/${name}`);
  orm = await MikroORM.init(ormOptions(url, entities, 2));
  await orm.getMigrator().up({ to: PREVIOUS });
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await orm?.close(true);
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('Migration20261215000000_accounts', () => {
  it('makes every existing user an OWNER, keeps sessions alive, and enforces roles on new rows', async () => {
    const { rows: tenant } = await client.query(`insert into tenants (name) values ('Before Accounts') returning id`);
    const tenantId = tenant[0].id;
    await client.query(`insert into users (email, password_hash, role) values ('old-admin@x.test', 'hash-a', 'ADMIN')`);
    await client.query(`insert into users (email, password_hash, role, tenant_id) values ('old-customer@x.test', 'hash-c', 'CUSTOMER', $1)`, [tenantId]);
    await client.query(
      `insert into sessions (token_hash, user_id, created_at, expires_at) select '\\x01'::bytea, id, now() - interval '1 hour', now() + interval '11 hours' from users where email = 'old-customer@x.test'`,
    );
    const before = (await client.query(`select id, email, password_hash, role, tenant_id, created_at from users order by email`)).rows;

    await orm.getMigrator().up();

    const after = (await client.query(`select id, email, password_hash, role, tenant_id, created_at, team_role, last_login_at from users order by email`)).rows;
    expect(after.map(({ team_role: _r, last_login_at: _l, ...rest }) => rest)).toEqual(before);
    expect(after.map((u) => [u.email, u.team_role, u.last_login_at])).toEqual([
      ['old-admin@x.test', 'OWNER', null],
      ['old-customer@x.test', 'OWNER', null],
    ]);
    const session = (await client.query(`select created_at, last_seen_at, revoked_at from sessions`)).rows[0];
    expect(session.last_seen_at).toEqual(session.created_at);
    expect(session.revoked_at).toBeNull();

    // New rows must carry a role that fits their kind.
    await expect(client.query(`insert into users (email, password_hash, role, team_role) values ('new-admin@x.test', 'h', 'ADMIN', 'MEMBER')`)).rejects.toThrow(/users_team_role_fits_role/);
    await expect(client.query(`insert into users (email, password_hash, role, tenant_id) values ('no-role@x.test', 'h', 'CUSTOMER', $1)`, [tenantId])).rejects.toThrow(/team_role/);
    await client.query(`insert into users (email, password_hash, role, tenant_id, team_role) values ('member@x.test', 'h', 'CUSTOMER', $1, 'MEMBER')`, [tenantId]);
  });
});
