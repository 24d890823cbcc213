import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ormOptions } from '../src/core/db/database.js';
import { entities } from '../src/entities.js';

/**
 * The shard-ready keys on a database holding alerts, deliveries and attempts of the previous
 * version: every row stays, attempts get their delivery's tenant, and the new keys hold.
 */
const PREVIOUS = 'Migration20261215000000_accounts';
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

describe('Migration20261217000000_shard_ready', () => {
  it('keeps every alert, delivery and attempt, gives attempts their tenant, and keys them by tenant', async () => {
    const { rows: tenant } = await client.query(`insert into tenants (name) values ('Before Shards') returning id`);
    const tenantId = tenant[0].id;
    const { rows: alert } = await client.query(`insert into alerts (tenant_id, type, message, dedup_key) values ($1, 'COST_SPIKE', 'old spike', 'COST_SPIKE:old') returning id`, [tenantId]);
    const { rows: delivery } = await client.query(`insert into notification_deliveries (tenant_id, alert_id, channel, target) values ($1, $2, 'EMAIL', 'ops@x.test') returning id`, [tenantId, alert[0].id]);
    await client.query(`insert into notification_attempts (delivery_id, succeeded, detail) values ($1, false, 'smtp down'), ($1, true, null)`, [delivery[0].id]);
    const snapshot = async () => ({
      alerts: (await client.query(`select id, tenant_id, type, message from alerts order by id`)).rows,
      deliveries: (await client.query(`select id, tenant_id, alert_id, channel, target from notification_deliveries order by id`)).rows,
      attempts: (await client.query(`select id, delivery_id, succeeded, detail from notification_attempts order by id`)).rows,
    });
    const before = await snapshot();

    await orm.getMigrator().up();

    expect(await snapshot()).toEqual(before);
    expect((await client.query(`select distinct tenant_id from notification_attempts`)).rows).toEqual([{ tenant_id: tenantId }]);
    // The keys now carry the tenant: a delivery cannot point at another tenant's alert.
    const { rows: other } = await client.query(`insert into tenants (name) values ('Other Shard') returning id`);
    await expect(client.query(`insert into notification_deliveries (tenant_id, alert_id, channel, target) values ($1, $2, 'EMAIL', 'x@x.test')`, [other[0].id, alert[0].id])).rejects.toThrow(/notification_deliveries_alert_fkey/);
    // Deleting the alert still removes its deliveries and their attempts.
    await client.query(`delete from alerts where id = $1`, [alert[0].id]);
    expect((await client.query(`select count(*)::int as n from notification_attempts`)).rows[0].n).toBe(0);
  });
});
