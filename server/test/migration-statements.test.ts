import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { StatementsService } from '../src/modules/statements/statements.service.js';
import { TenantDirectory } from '../src/modules/tenants/tenant-directory.js';
import { databaseAt } from './migration-harness.js';

/**
 * The statements migration on a database holding the previous version's usage: summaries and
 * rollups keep every value, no statement exists until one is finalized, the month already past its
 * 35-day window is finalized by the first maintenance pass from those rollups, the recent one stays
 * OPEN with the same lines, and down removes the three tables.
 */
const PREVIOUS = 'Migration20261221000000_tenant_pricing';
const MIGRATION = 'Migration20261222000000_statements';
const db = databaseAt(PREVIOUS);

describe(MIGRATION, () => {
  it("keeps the previous version's usage, finalizes what is past its window from it, and down drops only the new tables", async () => {
    const { rows } = await db.client.query(`insert into tenants (name) values ('Before Statements') returning id`);
    const tenantId = rows[0].id;
    for (const [period, day, cost, calls] of [['2026-09-01', '2026-09-14', '1.250000000001', 3], ['2026-11-01', '2026-11-02', '0.5', 1]] as const) {
      await db.client.query(`insert into monthly_summaries (tenant_id, period, openai_input_tokens, openai_output_tokens, openai_cost_usd, total_cost_usd, total_api_calls) values ($1, $2, 100, 200, $3, $3, $4)`, [tenantId, period, cost, calls]);
      await db.client.query(`insert into daily_rollups (tenant_id, day, service, model, api_calls, units, cost_usd) values ($1, $2, 'OPENAI', 'gpt-4o', $3, 300, $4)`, [tenantId, day, calls, cost]);
    }
    const snapshot = async () => ({
      summaries: (await db.client.query(`select tenant_id, period, total_cost_usd::text, total_api_calls from monthly_summaries order by 1, 2`)).rows,
      rollups: (await db.client.query(`select tenant_id, day, service, model, api_calls, units::text, cost_usd::text from daily_rollups order by 1, 2, 3, 4`)).rows,
    });
    const before = await snapshot();

    const applied = await db.orm.getMigrator().up();
    expect(applied.map((m) => m.name)).toContain(MIGRATION);
    expect(await snapshot()).toEqual(before);
    expect((await db.client.query(`select (select count(*) from statements)::int + (select count(*) from statement_lines)::int + (select count(*) from statement_number_counters)::int as n`)).rows[0].n).toBe(0);

    const pool = new pg.Pool({ connectionString: db.url, max: 3 });
    try {
      const statements = new StatementsService(pool, pool, new TenantDirectory(pool), new AuditService(pool), { now: () => new Date('2026-11-20T00:00:00Z') }, pino({ level: 'silent' }));
      expect(await statements.finalizeDue()).toBe(1);
      const september = await statements.find(tenantId, '2026-09');
      expect(september).toMatchObject({ status: 'FINAL', number: 'UM-2026-09-0001' });
      expect(september!.totalUsd.toFixed()).toBe('1.250000000001');
      expect(september!.lines.map((l) => [l.service, l.model, l.unit, l.units.toFixed(), l.apiCalls, l.amountUsd.toFixed(), l.adjustmentOf])).toEqual([['OPENAI', 'gpt-4o', 'tokens', '300', 3, '1.250000000001', null]]);
      const november = await statements.find(tenantId, '2026-11');
      expect(november).toMatchObject({ status: 'OPEN', number: null });
      expect(november!.totalUsd.toFixed()).toBe('0.5');
      expect(await snapshot()).toEqual(before);
    } finally {
      await pool.end();
    }

    await db.orm.getMigrator().down({ to: PREVIOUS });
    expect((await db.client.query(`select count(*)::int as n from pg_tables where tablename in ('statements', 'statement_lines', 'statement_number_counters')`)).rows[0].n).toBe(0);
    expect(await snapshot()).toEqual(before);
    await db.orm.getMigrator().up();
  });
});
