import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ormOptions } from '../src/core/db/database.js';
import { entities } from '../src/entities.js';

/**
 * The end-user migration on a database that holds the previous version's data: every row keeps
 * its values, logs read as API calls with no end user, and new usage with end users records on top.
 */
const PREVIOUS = 'Migration20261211000000_drop_tenant_recent_index';
const adminUrl = () => inject('postgresUrl');
const name = `um_migration_${randomBytes(6).toString('hex')}`;
let url: string;
let orm: MikroORM;
let client: pg.Client;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  url = adminUrl().replace(/\/postgres$/, `/${name}`);
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

describe('Migration20261212000000_end_users', () => {
  it('keeps every existing row, reads old logs as API calls without an end user, and takes end-user usage after', async () => {
    const { rows: tenant } = await client.query(`insert into tenants (name) values ('Before End Users') returning id`);
    const tenantId = tenant[0].id;
    await client.query(`select ensure_usage_log_partition(date_trunc('month', now() at time zone 'UTC')::date)`);
    await client.query(
      `insert into usage_logs (id, tenant_id, occurred_at, service, model, input_tokens, output_tokens, cost_usd, pricing_status, status, request_id)
       values (gen_random_uuid(), $1, now(), 'OPENAI', 'gpt-4', 150, 450, 0.0315, 'PRICED', 'SUCCESS', 'old-1')`,
      [tenantId],
    );
    await client.query(
      `insert into monthly_summaries (tenant_id, period, openai_input_tokens, openai_output_tokens, openai_cost_usd, total_cost_usd, total_api_calls)
       values ($1, date_trunc('month', now() at time zone 'UTC')::date, 150, 450, 0.0315, 0.0315, 1)`,
      [tenantId],
    );
    await client.query(`insert into quotas (tenant_id, monthly_cost_limit_usd) values ($1, 100)`, [tenantId]);
    await client.query(`insert into alerts (tenant_id, type, message, dedup_key) values ($1, 'COST_SPIKE', 'old spike', 'COST_SPIKE:old')`, [tenantId]);
    const snapshot = async () => ({
      logs: (await client.query(`select id, tenant_id, occurred_at, service, model, input_tokens, output_tokens, cost_usd::text, status, request_id from usage_logs order by id`)).rows,
      summaries: (await client.query(`select tenant_id, period, total_cost_usd::text, total_api_calls from monthly_summaries order by 1, 2`)).rows,
      quotas: (await client.query(`select tenant_id, monthly_cost_limit_usd::text from quotas order by 1`)).rows,
      alerts: (await client.query(`select id, type, message, dedup_key from alerts order by id`)).rows,
    });
    const before = await snapshot();

    const applied = await orm.getMigrator().up();
    expect(applied.map((m) => m.name)).toContain('Migration20261212000000_end_users');

    expect(await snapshot()).toEqual(before);
    const { rows: logs } = await client.query(`select end_user, source from usage_logs`);
    expect(logs).toEqual([{ end_user: null, source: 'API' }]);
    const { rows: added } = await client.query(
      `select (select active_end_users from monthly_summaries where tenant_id = $1)::int as active,
              (select end_user_monthly_cost_limit_usd from quotas where tenant_id = $1) as cap,
              (select end_user from alerts where tenant_id = $1) as alert_end_user`,
      [tenantId],
    );
    expect(added).toEqual([{ active: 0, cap: null, alert_end_user: null }]);
    // The new alert type is accepted; an unknown one still is not.
    await client.query(`insert into alerts (tenant_id, type, message, dedup_key, end_user) values ($1, 'END_USER_LIMIT_EXCEEDED', 'cap', 'cap:1', 'u')`, [tenantId]);
    await expect(client.query(`insert into alerts (tenant_id, type, message, dedup_key) values ($1, 'NOPE', 'x', 'x')`, [tenantId])).rejects.toThrow(/alerts_type_check/);

    // And down again restores the previous schema with the old rows intact.
    await orm.getMigrator().down({ to: PREVIOUS });
    expect(await snapshot()).toEqual(before);
    await orm.getMigrator().up();
  });
});
