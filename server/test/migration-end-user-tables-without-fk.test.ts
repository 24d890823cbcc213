import { describe, expect, it } from 'vitest';
import { databaseAt } from './migration-harness.js';

/**
 * The derived end-user tables' foreign keys to tenants go (the recorder's hot path and the folds),
 * on a database holding the previous version's end-user rows: every row stays as it was, those keys
 * are gone and no other constraint changed, and down puts them back.
 */
const PREVIOUS = 'Migration20261222000000_statements';
const MIGRATION = 'Migration20261223000000_end_user_tables_without_fk';
const db = databaseAt(PREVIOUS);

describe(MIGRATION, () => {
  it('keeps every end-user row, drops only the foreign keys to tenants, and down restores them', async () => {
    const { rows } = await db.client.query(`insert into tenants (name) values ('Before Without FK') returning id`);
    const tenantId = rows[0].id;
    await db.client.query(
      `insert into end_user_daily_rollups (tenant_id, day, end_user, service, model, api_calls, units, cost_usd, first_seen_at, last_seen_at)
       values ($1, '2026-12-01', 'alice', 'OPENAI', 'gpt-4', 2, 600, 0.063, now(), now())`,
      [tenantId],
    );
    await db.client.query(`insert into end_user_monthly_totals (tenant_id, period, end_user, api_calls, cost_usd) values ($1, '2026-12-01', 'alice', 2, 0.063)`, [tenantId]);
    const snapshot = async () => ({
      daily: (await db.client.query(`select tenant_id, day, end_user, service, model, api_calls, units::text, cost_usd::text from end_user_daily_rollups`)).rows,
      monthly: (await db.client.query(`select tenant_id, period, end_user, api_calls, cost_usd::text from end_user_monthly_totals`)).rows,
    });
    const constraints = async () =>
      (
        await db.client.query(
          `select conrelid::regclass::text as tbl, contype, conname from pg_constraint where conrelid::regclass::text like 'end_user_%' order by 1, 2, 3`,
        )
      ).rows.map((r) => `${r.tbl} ${r.contype} ${r.conname}`);
    const before = await snapshot();
    const keysBefore = await constraints();
    const toTenants = (k: string) => / f [a-z_]+_tenant_id_fkey$/.test(k);
    expect(keysBefore.filter(toTenants)).toHaveLength(6);

    const applied = await db.orm.getMigrator().up();
    expect(applied.map((m) => m.name)).toContain(MIGRATION);
    expect(await snapshot()).toEqual(before);
    expect(await constraints()).toEqual(keysBefore.filter((k) => !toTenants(k)));

    await db.orm.getMigrator().down({ to: PREVIOUS });
    expect((await constraints()).filter((k) => / f /.test(k)).sort()).toEqual(keysBefore.filter((k) => / f /.test(k)).sort());
    expect(await snapshot()).toEqual(before);
    await db.orm.getMigrator().up();
  });
});
