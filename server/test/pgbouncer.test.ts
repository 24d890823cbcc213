import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/core/db/database.js';
import { entities } from '../src/entities.js';
import { Maintenance } from '../src/maintenance.js';
import { RECORD_USAGE, createTenantWithAccess, createTestDatabase, startTestServer, type TestDatabase, type TestServer } from './harness.js';
import { subscribe } from './live.js';
import { startPgBouncer, type PgBouncer } from './pgbouncer-harness.js';

/**
 * The core flows with DATABASE_URL on a real PgBouncer in transaction mode (Debian's package) and
 * DATABASE_DIRECT_URL on the PostgreSQL behind it, two server instances at once: recording
 * (single, batched, idempotent, racing), quotas and exactly-once alerts live over graphql-ws
 * across instances (LISTEN on the direct connection), sign-in, ORM writes, end-user rankings,
 * corrections and the hourly maintenance (a session lock on the direct connection).
 */
let bouncer: PgBouncer;
let database: TestDatabase;
let first: TestServer;
let second: TestServer;
let admin: string;

beforeAll(async () => {
  database = await createTestDatabase();
  bouncer = await startPgBouncer(inject('postgresUrl'));
  const env = { DATABASE_DIRECT_URL: database.url };
  const throughBouncer: TestDatabase = { ...database, url: bouncer.urlOf(database.name) };
  first = await startTestServer({ database: throughBouncer, env });
  second = await startTestServer({ database: throughBouncer, env });
  admin = await first.adminToken();
}, 60_000);
afterAll(async () => {
  await second?.close();
  await first?.close();
  await bouncer?.stop();
  await database?.drop();
});

const RECORD_USAGES = `mutation($inputs: [RecordUsageInput!]!) { recordUsages(inputs: $inputs) { duplicate log { costUsd } } }`;
const SET_QUOTA = `mutation($t: ID!, $i: QuotaInput!) { setQuota(tenantId: $t, input: $i) { enforcement } }`;

/** Transactions PgBouncer has carried for our database so far. */
async function bouncedTransactions(): Promise<number> {
  const stats = await bouncer.admin('SHOW STATS');
  return Number(stats.find((row) => row.database === database.name)?.total_xact_count ?? 0);
}

describe('through PgBouncer in transaction mode', () => {
  it('is really a transaction pooler: a statement named on one transaction is gone on the next', async () => {
    // Why database.ts sends statements unnamed there: this is what pg's named statements meet.
    const clients = await Promise.all([0, 1].map(async () => {
      const client = new pg.Client({ connectionString: bouncer.urlOf(database.name) });
      await client.connect();
      return client;
    }));
    try {
      const named = { name: 'probe', text: 'select $1::int + 1 as n', values: [1] };
      // Two clients keep two server connections busy, so the second client's next transaction
      // meets a server connection the name was never prepared on, or one where it already exists.
      const failures: string[] = [];
      for (let round = 0; round < 6; round++) {
        await clients[0]!.query('begin');
        await clients[1]!.query(named).catch((error: Error) => failures.push(error.message));
        await clients[0]!.query('commit');
        await clients[1]!.query(named).catch((error: Error) => failures.push(error.message));
      }
      expect(failures.join('\n')).toMatch(/prepared statement "probe" (does not exist|already exists)/);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it('records racing single events and batches on two instances exactly, each requestId once', async () => {
    const before = await bouncedTransactions();
    const tenant = await createTenantWithAccess(first, 'Pooled Tenant');
    const servers = [first, second];
    let expectedTokens = 0;
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      const server = servers[i % 2]!;
      const input = { service: 'OPENAI', model: 'gpt-4', inputTokens: 100 + i, outputTokens: 50, requestId: `pooled-${i}`, endUser: `user-${i % 7}` };
      expectedTokens += 150 + i;
      calls.push(server.gql(RECORD_USAGE, { input }, tenant.apiKey));
      // Every tenth event is sent again on the other instance: it must count once.
      if (i % 10 === 0) calls.push(servers[(i + 1) % 2]!.gql(RECORD_USAGE, { input }, tenant.apiKey));
    }
    const batch = Array.from({ length: 20 }, (_, i) => ({ service: 'ELEVENLABS', characters: 1000, requestId: `pooled-batch-${i}`, endUser: 'user-batch' }));
    calls.push(second.gql(RECORD_USAGES, { inputs: batch }, tenant.apiKey));
    const answers = (await Promise.all(calls)) as { errors?: unknown[] }[];
    expect(answers.filter((answer) => answer.errors)).toEqual([]);

    const summary = await first.gql(
      `query { monthlySummaries { totalApiCalls openaiTotalTokens elevenlabsCharacters totalCostUsd } }`,
      {},
      tenant.customerToken,
    );
    expect(summary.errors).toBeUndefined();
    expect(summary.data!.monthlySummaries).toEqual([expect.objectContaining({ totalApiCalls: 220, openaiTotalTokens: expectedTokens, elevenlabsCharacters: 20_000 })]);
    const { rows } = await first.services.db.direct.pool.query('select sum(cost_usd) = $2::numeric as equal from usage_logs where tenant_id = $1', [tenant.tenantId, summary.data!.monthlySummaries[0].totalCostUsd]);
    expect(rows[0].equal).toBe(true);

    const ranking = await second.gql(
      `query($t: ID!) { endUsers(input: { tenantId: $t, days: 30, first: 10, orderBy: CALLS_DESC }) { nodes { endUser apiCalls } } }`,
      { t: tenant.tenantId },
      admin,
    );
    expect(ranking.errors).toBeUndefined();
    const calls30 = Object.fromEntries(ranking.data!.endUsers.nodes.map((node: { endUser: string; apiCalls: number }) => [node.endUser, node.apiCalls]));
    expect(calls30).toMatchObject({ 'user-0': 29, 'user-6': 28, 'user-batch': 20 });
    // The flows above went through the pooler, not around it (group commit: several events a transaction).
    expect((await bouncedTransactions()) - before).toBeGreaterThan(20);
  });

  it('raises a HARD limit’s alerts once under racing events and delivers them live to the other instance', async () => {
    const tenant = await createTenantWithAccess(first, 'Pooled Alerts');
    expect((await first.gql(SET_QUOTA, { t: tenant.tenantId, i: { elevenlabsCharacterLimit: 1000, enforcement: 'HARD' } }, admin)).errors).toBeUndefined();
    const live = subscribe(second.wsUrl, admin, `subscription($t: ID) { alertRaised(tenantId: $t) { type } }`, { t: tenant.tenantId });
    await live.ready;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => [first, second][i % 2]!.gql(RECORD_USAGE, { input: { service: 'ELEVENLABS', characters: 100, requestId: `alert-${i}` } }, tenant.apiKey)),
    );
    const raised = answers.flatMap((answer) => (answer.data?.recordUsage?.alerts ?? []).map((alert: { type: string }) => alert.type)).sort();
    expect(raised).toEqual(['QUOTA_APPROACHING', 'QUOTA_EXCEEDED']);
    expect(await live.waitFor(2, 3_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(live.received.map((r) => r.data.alertRaised.type).sort()).toEqual(['QUOTA_APPROACHING', 'QUOTA_EXCEEDED']);
    await live.close();
  });

  it('signs in, voids a log and runs the hourly maintenance under its session lock', async () => {
    const tenant = await createTenantWithAccess(first, 'Pooled Upkeep');
    const recorded = await first.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 120, requestId: 'upkeep-1', endUser: 'agent' } }, tenant.apiKey);
    const voided = await second.gql(`mutation($id: ID!) { voidUsage(id: $id, reason: "test call") { voidedAt } }`, { id: recorded.data!.recordUsage.log.id }, admin);
    expect(voided.errors).toBeUndefined();
    const summary = await first.gql(`query { monthlySummaries { totalApiCalls smartfloMinutes } }`, {}, tenant.customerToken);
    expect(summary.data!.monthlySummaries).toEqual([expect.objectContaining({ totalApiCalls: 0, smartfloMinutes: 0 })]);

    const { pool, direct } = first.services.db;
    const logger = pino({ level: 'silent' });
    const maintenance = new Maintenance(pool, { now: () => new Date() }, logger, 90, { sessionPool: direct.pool });
    const result = await maintenance.run();
    expect(result).toBeDefined();
    // The lock went back on the connection that took it: the next run (another instance) gets it.
    const again = await new Maintenance(second.services.db.pool, { now: () => new Date() }, logger, 90, { sessionPool: second.services.db.direct.pool }).run();
    expect(again).toBeDefined();
  });

  it('starts on an empty database: migrations on the direct URL, the statement bound on every pooled connection', async () => {
    const name = `${database.name}_fresh`;
    const setup = new pg.Client({ connectionString: inject('postgresUrl') });
    await setup.connect();
    await setup.query(`create database ${name}`);
    try {
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: bouncer.urlOf(name), DATABASE_DIRECT_URL: database.url.replace(database.name, name), MASTER_KEY: 'a'.repeat(64) });
      const db = await openDatabase(config, pino({ level: 'silent' }), entities);
      try {
        const { rows } = await db.pool.query(`select count(*)::int as n from mikro_orm_migrations`);
        expect(rows[0].n).toBeGreaterThan(10);
        const timeouts = await Promise.all(Array.from({ length: 4 }, () => db.pool.query('show statement_timeout')));
        expect(timeouts.map((result) => result.rows[0].statement_timeout)).toEqual(['10s', '10s', '10s', '10s']);
      } finally {
        await db.close();
      }
    } finally {
      await setup.query(`drop database if exists ${name} with (force)`);
      await setup.end();
    }
  });
});
