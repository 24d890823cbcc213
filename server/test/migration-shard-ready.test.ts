import { describe, expect, it } from 'vitest';
import { databaseAt } from './migration-harness.js';

/**
 * The shard-ready keys on a database holding alerts, deliveries and attempts of the previous
 * version: every row stays, attempts get their delivery's tenant, and the new keys hold.
 */
const PREVIOUS = 'Migration20261215000000_accounts';
const db = databaseAt(PREVIOUS);

describe('Migration20261217000000_shard_ready', () => {
  it('keeps every alert, delivery and attempt, gives attempts their tenant, and keys them by tenant', async () => {
    const { rows: tenant } = await db.client.query(`insert into tenants (name) values ('Before Shards') returning id`);
    const tenantId = tenant[0].id;
    const { rows: alert } = await db.client.query(`insert into alerts (tenant_id, type, message, dedup_key) values ($1, 'COST_SPIKE', 'old spike', 'COST_SPIKE:old') returning id`, [tenantId]);
    const { rows: delivery } = await db.client.query(`insert into notification_deliveries (tenant_id, alert_id, channel, target) values ($1, $2, 'EMAIL', 'ops@x.test') returning id`, [tenantId, alert[0].id]);
    await db.client.query(`insert into notification_attempts (delivery_id, succeeded, detail) values ($1, false, 'smtp down'), ($1, true, null)`, [delivery[0].id]);
    const snapshot = async () => ({
      alerts: (await db.client.query(`select id, tenant_id, type, message from alerts order by id`)).rows,
      deliveries: (await db.client.query(`select id, tenant_id, alert_id, channel, target from notification_deliveries order by id`)).rows,
      attempts: (await db.client.query(`select id, delivery_id, succeeded, detail from notification_attempts order by id`)).rows,
    });
    const before = await snapshot();

    await db.orm.getMigrator().up();

    expect(await snapshot()).toEqual(before);
    expect((await db.client.query(`select distinct tenant_id from notification_attempts`)).rows).toEqual([{ tenant_id: tenantId }]);
    // The keys now carry the tenant: a delivery cannot point at another tenant's alert.
    const { rows: other } = await db.client.query(`insert into tenants (name) values ('Other Shard') returning id`);
    await expect(db.client.query(`insert into notification_deliveries (tenant_id, alert_id, channel, target) values ($1, $2, 'EMAIL', 'x@x.test')`, [other[0].id, alert[0].id])).rejects.toThrow(/notification_deliveries_alert_fkey/);
    // Deleting the alert still removes its deliveries and their attempts.
    await db.client.query(`delete from alerts where id = $1`, [alert[0].id]);
    expect((await db.client.query(`select count(*)::int as n from notification_attempts`)).rows[0].n).toBe(0);
  });
});
