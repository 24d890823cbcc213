import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config/config.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

/**
 * The schema stays distributable by tenant with Citus without changing a query (issue 21,
 * docs/scaling.md). Read from PostgreSQL's catalog of a fully migrated database:
 *
 * - every table is either a reference table (named below, copied to every node) or distributed by
 *   `tenant_id`, which is NOT NULL;
 * - a distributed table has the tenant in its primary key and in every unique key (Citus enforces
 *   uniqueness per shard only);
 * - a foreign key between distributed tables includes the tenant on both sides; reference tables
 *   never point at distributed ones (Citus refuses that);
 * - docs/scaling.md gives exactly the distribution statements this catalog implies.
 *
 * Citus itself is not installable on these machines: this checks the properties Citus requires,
 * not Citus.
 */
const REFERENCE_TABLES: Record<string, string> = {
  tenants: 'the tenant directory itself: small, read by every node',
  users: 'admins (no tenant) and customer users; sign-in looks them up by email',
  sessions: 'looked up by token hash before the tenant is known',
  api_keys: 'looked up by key hash before the tenant is known',
  gateway_webhook_tokens: 'looked up by token hash before the tenant is known (Smartflo call records)',
  invitations: 'admin invitations have no tenant; looked up by token hash',
  password_reset_tokens: 'looked up by token hash',
  login_throttle: 'per account and address, before any tenant',
  prices: 'the platform price table',
  platform_daily_rollups: 'platform-wide totals, sharded by its own small shard column',
  audit_entries: 'admin actions, many without a tenant',
  statement_number_counters: "the platform's statement numbering per month: one row every finalization of that month updates",
  mikro_orm_migrations: 'the migration ledger',
};

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

async function catalog() {
  const tables = (
    await client.query(`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`)
  ).rows.map((r) => r.name as string);
  const tenantColumn = new Map(
    (await client.query(`select table_name, is_nullable from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'`)).rows.map((r) => [r.table_name as string, r.is_nullable === 'NO']),
  );
  const keys = (
    await client.query(`
      select c.relname as table, i.relname as index, x.indisprimary as primary,
             array(select a.attname::text from unnest(x.indkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.oid and a.attnum = k.n order by k.o) as columns
        from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and x.indisunique and not c.relispartition`)
  ).rows as { table: string; index: string; primary: boolean; columns: string[] }[];
  const foreignKeys = (
    await client.query(`
      select c.conname as name, t.relname as table, r.relname as references,
             array(select a.attname::text from unnest(c.conkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o) as columns,
             array(select a.attname::text from unnest(c.confkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o) as referenced
        from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid join pg_namespace n on n.oid = t.relnamespace
       where c.contype = 'f' and n.nspname = 'public' and not t.relispartition and c.conparentid = 0`)
  ).rows as { name: string; table: string; references: string; columns: string[]; referenced: string[] }[];
  return { tables, tenantColumn, keys, foreignKeys };
}

const isReference = (table: string) => table in REFERENCE_TABLES;

describe('shard-ready schema', () => {
  it('every table is a named reference table or distributed by a NOT NULL tenant_id', async () => {
    const { tables, tenantColumn } = await catalog();
    expect(tables.length).toBeGreaterThan(20);
    const offenders = tables.filter((table) => !isReference(table) && tenantColumn.get(table) !== true);
    expect(offenders, 'add tenant_id NOT NULL, or list the table in REFERENCE_TABLES with why').toEqual([]);
    expect(Object.keys(REFERENCE_TABLES).filter((name) => !tables.includes(name)), 'reference tables that no longer exist').toEqual([]);
  });

  it('distributed tables have the tenant in their primary key and every unique key', async () => {
    const { keys, tables } = await catalog();
    const distributed = tables.filter((table) => !isReference(table));
    expect(distributed.filter((table) => !keys.some((k) => k.table === table && k.primary)), 'tables without a primary key').toEqual([]);
    const offenders = keys.filter((k) => distributed.includes(k.table) && !k.columns.includes('tenant_id')).map((k) => `${k.table}.${k.index} (${k.columns.join(', ')})`);
    expect(offenders).toEqual([]);
  });

  it('foreign keys between distributed tables include the tenant; reference tables point only at reference tables', async () => {
    const { foreignKeys } = await catalog();
    const offenders: string[] = [];
    for (const fk of foreignKeys) {
      const from = isReference(fk.table) ? 'reference' : 'distributed';
      const to = isReference(fk.references) ? 'reference' : 'distributed';
      if (from === 'reference' && to === 'distributed') offenders.push(`${fk.name}: reference ${fk.table} → distributed ${fk.references}`);
      if (from === 'distributed' && to === 'distributed') {
        const at = fk.columns.indexOf('tenant_id');
        if (at < 0 || fk.referenced[at] !== 'tenant_id') offenders.push(`${fk.name}: ${fk.table}(${fk.columns.join(', ')}) → ${fk.references}(${fk.referenced.join(', ')})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('docs/scaling.md gives exactly the distribution statements of this schema', async () => {
    const { tables, foreignKeys } = await catalog();
    // Citus distributes a table only after the tables its foreign keys point at: referenced first.
    const ordered = (group: string[]) => {
      const done: string[] = [];
      const visit = (table: string, path: string[]) => {
        if (done.includes(table) || path.includes(table)) return;
        for (const fk of foreignKeys) if (fk.table === table && fk.references !== table && group.includes(fk.references)) visit(fk.references, [...path, table]);
        done.push(table);
      };
      for (const table of [...group].sort()) visit(table, []);
      return done;
    };
    const references = ordered(Object.keys(REFERENCE_TABLES).filter((table) => table !== 'mikro_orm_migrations'));
    const [first, ...rest] = ordered(tables.filter((table) => !isReference(table)));
    const statements = [
      ...references.map((table) => `SELECT create_reference_table('${table}');`),
      `SELECT create_distributed_table('${first}', 'tenant_id');`,
      ...rest.map((table) => `SELECT create_distributed_table('${table}', 'tenant_id', colocate_with => '${first}');`),
    ].join('\n');
    const page = readFileSync(join(projectRoot, 'docs', 'scaling.md'), 'utf8');
    const block = /<!-- distribution statements -->\n\n?```sql\n([\s\S]*?)\n```/.exec(page)?.[1];
    expect(block, `docs/scaling.md needs, after "<!-- distribution statements -->":\n\`\`\`sql\n${statements}\n\`\`\``).toBe(statements);
  });
});
