import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, findBreakingChanges, printSchema } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config/config.js';
import { createSchema } from '../src/schema.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

describe('schema.graphql is an artifact of the code', () => {
  it('equals what the code prints (run `pnpm build` and commit schema.graphql when this fails)', async () => {
    const committed = readFileSync(join(projectRoot, 'schema.graphql'), 'utf8');
    const printed = printSchema(await createSchema());
    expect(committed.startsWith(printed)).toBe(true);
  });

  it('keeps every name of the public contract', () => {
    // The project's own copy (contract/), so a clone with nothing beside it checks itself.
    const contract = buildSchema(readFileSync(join(projectRoot, 'contract', 'api-contract.graphql'), 'utf8'));
    const ours = buildSchema(readFileSync(join(projectRoot, 'schema.graphql'), 'utf8'));
    expect(findBreakingChanges(contract, ours).map((c) => c.description)).toEqual([]);
  });
});

describe('tenant_id leads the indexes of tenant-owned tables', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  // Platform-wide admin views need a time-ordered index across tenants; each is documented in
  // the initial migration. Anything else without tenant_id first is a mistake.
  // Also: primary keys on a global uuid `id` (lookups by id, scoped after loading), the login
  // lookup by email (global by nature), the lookups of an alert or a delivery by its id alone
  // (acknowledge, resolve), the lookup of a secret by its hash (API keys, invitation
  // links, the gateway's webhook tokens: the secret is all the caller has), and the platform-wide cost and call rankings of a month.
  const EXCEPTIONS = new Set(['users_pkey', 'api_keys_pkey', 'alerts_pkey', 'notification_deliveries_pkey', 'audit_entries_pkey', 'users_email_unique', 'monthly_summaries_period_cost', 'monthly_summaries_period_calls', 'usage_logs_recent', 'usage_logs_service_recent', 'usage_logs_errors_recent', 'alerts_recent', 'alerts_active', 'audit_entries_recent', 'notification_deliveries_due', 'api_keys_key_hash_unique', 'invitations_pkey', 'invitations_token_hash_unique', 'alerts_id', 'notification_deliveries_id', 'gateway_webhook_tokens_token_hash_unique']);

  it('holds for every index on a table with a tenant_id column', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`
      select i.indexname, i.tablename, i.indexdef from pg_indexes i
       where i.schemaname = 'public'
         and exists (select 1 from information_schema.columns c where c.table_name = i.tablename and c.column_name = 'tenant_id')
         and i.tablename not like 'usage_logs_%'`);
    await client.end();
    const offenders = rows
      .filter((row) => !EXCEPTIONS.has(row.indexname))
      .filter((row) => !/\(tenant_id[,)]/.test(row.indexdef))
      .map((row) => `${row.indexname}: ${row.indexdef}`);
    expect(rows.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
