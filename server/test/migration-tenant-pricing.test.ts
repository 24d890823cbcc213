import { describe, expect, it } from 'vitest';
import { databaseAt } from './migration-harness.js';

/**
 * The reseller-pricing migration on a database holding the previous version's usage: every log,
 * summary and daily rollup keeps its charged cost and gets provider cost = cost (no markup ever
 * existed), month partitions included; tenant_pricing starts empty; down drops exactly that.
 */
const PREVIOUS = 'Migration20261220000000_end_user_deltas_search';
const MIGRATION = 'Migration20261221000000_tenant_pricing';
const db = databaseAt(PREVIOUS);

describe(MIGRATION, () => {
  it('fills provider cost with the charged cost everywhere, changes no other value, and down restores the old shape', async () => {
    const { rows: tenant } = await db.client.query(`insert into tenants (name) values ('Before Markups') returning id`);
    const tenantId = tenant[0].id;
    // One log in this month's partition, one in last month's, one in the default partition (far past).
    for (const month of [`date_trunc('month', now() at time zone 'UTC')::date`, `(date_trunc('month', now() at time zone 'UTC') - interval '1 month')::date`]) {
      await db.client.query(`select ensure_usage_log_partition(${month})`);
    }
    await db.client.query(
      `insert into usage_logs (id, tenant_id, occurred_at, service, model, input_tokens, output_tokens, cost_usd, pricing_status, status, request_id)
       values (gen_random_uuid(), $1, now(), 'OPENAI', 'gpt-4', 150, 450, 0.0315, 'PRICED', 'SUCCESS', 'old-1'),
              (gen_random_uuid(), $1, now() - interval '1 month', 'SMARTFLO', null, null, null, 0.061666666667, 'PRICED', 'SUCCESS', 'old-2'),
              (gen_random_uuid(), $1, '2001-01-01T00:00:00Z', 'ELEVENLABS', null, null, null, 0.036, 'PRICED', 'SUCCESS', 'old-3')`,
      [tenantId],
    );
    await db.client.query(
      `insert into monthly_summaries (tenant_id, period, openai_cost_usd, total_cost_usd, total_api_calls)
       values ($1, date_trunc('month', now() at time zone 'UTC')::date, 0.0315, 0.0315, 1)`,
      [tenantId],
    );
    await db.client.query(
      `insert into daily_rollups (tenant_id, day, service, model, api_calls, units, cost_usd) values ($1, (now() at time zone 'UTC')::date, 'OPENAI', 'gpt-4', 1, 600, 0.0315)`,
      [tenantId],
    );
    const snapshot = async () => ({
      logs: (await db.client.query(`select id, occurred_at, service, cost_usd::text, request_id, tableoid::regclass::text as part from usage_logs order by request_id`)).rows,
      summaries: (await db.client.query(`select tenant_id, period, total_cost_usd::text, total_api_calls from monthly_summaries order by 1, 2`)).rows,
      rollups: (await db.client.query(`select tenant_id, day, service, model, api_calls, units::text, cost_usd::text from daily_rollups order by 1, 2`)).rows,
    });
    const before = await snapshot();
    expect(new Set(before.logs.map((l) => l.part)).size).toBe(3);

    const applied = await db.orm.getMigrator().up();
    expect(applied.map((m) => m.name)).toContain(MIGRATION);
    expect(await snapshot()).toEqual(before);
    const provider = async (table: string, cost: string) =>
      (await db.client.query(`select count(*)::int as n, count(*) filter (where provider_cost_usd = ${cost})::int as same from ${table}`)).rows[0];
    expect(await provider('usage_logs', 'cost_usd')).toEqual({ n: 3, same: 3 });
    expect(await provider('monthly_summaries', 'total_cost_usd')).toEqual({ n: 1, same: 1 });
    expect(await provider('daily_rollups', 'cost_usd')).toEqual({ n: 1, same: 1 });
    // A partition created after the migration has the column too, and a log without it is refused.
    await db.client.query(`select ensure_usage_log_partition((date_trunc('month', now() at time zone 'UTC') + interval '1 month')::date)`);
    await expect(
      db.client.query(
        `insert into usage_logs (id, tenant_id, occurred_at, service, cost_usd, pricing_status, status, request_id) values (gen_random_uuid(), $1, now() + interval '1 month', 'SMARTFLO', 1, 'PRICED', 'SUCCESS', 'new-1')`,
        [tenantId],
      ),
    ).rejects.toThrow(/provider_cost_usd/);
    expect((await db.client.query(`select count(*)::int as n from tenant_pricing`)).rows[0].n).toBe(0);
    await expect(db.client.query(`insert into tenant_pricing (tenant_id, effective_from, markup_percent) values ($1, now(), -100.5)`, [tenantId])).rejects.toThrow(/check/);

    await db.orm.getMigrator().down({ to: PREVIOUS });
    expect(await snapshot()).toEqual(before);
    expect((await db.client.query(`select to_regclass('tenant_pricing') as t`)).rows[0].t).toBeNull();
    expect((await db.client.query(`select count(*)::int as n from information_schema.columns where column_name = 'provider_cost_usd'`)).rows[0].n).toBe(0);
    await db.orm.getMigrator().up();
  });
});
