import { describe, expect, it } from 'vitest';
import { databaseAt } from './migration-harness.js';

/**
 * The end-user migration on a database that holds the previous version's data: every row keeps
 * its values, logs read as API calls with no end user, and new usage with end users records on top.
 */
const PREVIOUS = 'Migration20261211000000_drop_tenant_recent_index';
const db = databaseAt(PREVIOUS);

describe('Migration20261212000000_end_users', () => {
  it('keeps every existing row, reads old logs as API calls without an end user, and takes end-user usage after', async () => {
    const { rows: tenant } = await db.client.query(`insert into tenants (name) values ('Before End Users') returning id`);
    const tenantId = tenant[0].id;
    await db.client.query(`select ensure_usage_log_partition(date_trunc('month', now() at time zone 'UTC')::date)`);
    await db.client.query(
      `insert into usage_logs (id, tenant_id, occurred_at, service, model, input_tokens, output_tokens, cost_usd, pricing_status, status, request_id)
       values (gen_random_uuid(), $1, now(), 'OPENAI', 'gpt-4', 150, 450, 0.0315, 'PRICED', 'SUCCESS', 'old-1')`,
      [tenantId],
    );
    await db.client.query(
      `insert into monthly_summaries (tenant_id, period, openai_input_tokens, openai_output_tokens, openai_cost_usd, total_cost_usd, total_api_calls)
       values ($1, date_trunc('month', now() at time zone 'UTC')::date, 150, 450, 0.0315, 0.0315, 1)`,
      [tenantId],
    );
    await db.client.query(`insert into quotas (tenant_id, monthly_cost_limit_usd) values ($1, 100)`, [tenantId]);
    await db.client.query(`insert into alerts (tenant_id, type, message, dedup_key) values ($1, 'COST_SPIKE', 'old spike', 'COST_SPIKE:old')`, [tenantId]);
    const snapshot = async () => ({
      logs: (await db.client.query(`select id, tenant_id, occurred_at, service, model, input_tokens, output_tokens, cost_usd::text, status, request_id from usage_logs order by id`)).rows,
      summaries: (await db.client.query(`select tenant_id, period, total_cost_usd::text, total_api_calls from monthly_summaries order by 1, 2`)).rows,
      quotas: (await db.client.query(`select tenant_id, monthly_cost_limit_usd::text from quotas order by 1`)).rows,
      alerts: (await db.client.query(`select id, type, message, dedup_key from alerts order by id`)).rows,
    });
    const before = await snapshot();

    const applied = await db.orm.getMigrator().up();
    expect(applied.map((m) => m.name)).toContain('Migration20261212000000_end_users');

    expect(await snapshot()).toEqual(before);
    const { rows: logs } = await db.client.query(`select end_user, source from usage_logs`);
    expect(logs).toEqual([{ end_user: null, source: 'API' }]);
    const { rows: added } = await db.client.query(
      `select (select active_end_users from monthly_summaries where tenant_id = $1)::int as active,
              (select end_user_monthly_cost_limit_usd from quotas where tenant_id = $1) as cap,
              (select end_user from alerts where tenant_id = $1) as alert_end_user`,
      [tenantId],
    );
    expect(added).toEqual([{ active: 0, cap: null, alert_end_user: null }]);
    // The new alert type is accepted; an unknown one still is not.
    await db.client.query(`insert into alerts (tenant_id, type, message, dedup_key, end_user) values ($1, 'END_USER_LIMIT_EXCEEDED', 'cap', 'cap:1', 'u')`, [tenantId]);
    await expect(db.client.query(`insert into alerts (tenant_id, type, message, dedup_key) values ($1, 'NOPE', 'x', 'x')`, [tenantId])).rejects.toThrow(/alerts_type_check/);

    // And down again restores the previous schema with the old rows intact.
    await db.orm.getMigrator().down({ to: PREVIOUS });
    expect(await snapshot()).toEqual(before);
    await db.orm.getMigrator().up();
  });
});
