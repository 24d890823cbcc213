import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormOptions } from '../src/core/db/database.js';
import { entities } from '../src/entities.js';
import { RECORD_USAGE, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { startReplicatedPostgres, type ReplicatedPostgres } from './replica-harness.js';

/**
 * Heavy reads on a real streaming standby (DATABASE_READ_URL): they land on the standby, a
 * standby stopped mid-load fails no request (reads return to the primary by themselves), and
 * they move back once it is up again.
 */
let cluster: ReplicatedPostgres;
let server: TestServer;
let admin: string;
const name = `um_replica_${randomBytes(4).toString('hex')}`;
const onDatabase = (url: string) => url.replace(/\/postgres$/, `/${name}`);

beforeAll(async () => {
  cluster = await startReplicatedPostgres();
  const setup = new pg.Client({ connectionString: cluster.primaryUrl });
  await setup.connect();
  await setup.query(`create database ${name}`);
  await setup.end();
  const orm = await MikroORM.init(ormOptions(onDatabase(cluster.primaryUrl), entities, 2));
  await orm.getMigrator().up();
  await orm.close(true);
  await cluster.caughtUp();
  server = await startTestServer({
    database: { url: onDatabase(cluster.primaryUrl), name, drop: async () => undefined },
    env: { DATABASE_READ_URL: onDatabase(cluster.standbyUrl), DATABASE_READ_MAX_LAG_MS: '5000' },
  });
  admin = await server.adminToken();
}, 120_000);
afterAll(async () => {
  await server?.close();
  await cluster?.stop();
});

/** What the standby's own connections from the server last ran (pg_stat_activity). */
async function standbyQueries(): Promise<string[]> {
  const client = new pg.Client({ connectionString: cluster.standbyUrl });
  await client.connect();
  try {
    const { rows } = await client.query('select query from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    return rows.map((r) => r.query as string);
  } finally {
    await client.end();
  }
}

async function routed(): Promise<{ replica: number; primary: number; lag: number | null }> {
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
  const read = (target: string) => Number(new RegExp(`db_heavy_reads_total\\{target="${target}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  const lag = /db_replica_lag_seconds\{replica="1"\} (-?[\d.e+-]+)/.exec(text)?.[1];
  return { replica: read('replica'), primary: read('primary'), lag: lag === undefined ? null : Number(lag) };
}

const HEAVY = [
  `{ usageLogs(first: 20) { totalCount nodes { id } } }`,
  `{ usageTimeSeries(input: { days: 30 }) { days } }`,
  `{ auditLog(first: 20) { id } }`,
];

async function readAll(token: string) {
  for (const query of HEAVY) {
    const response = await server.gql(query, {}, token);
    expect(response.errors, query).toBeUndefined();
  }
}

describe('read replicas', () => {
  it('sends the heavy reads to the standby and exports its lag', async () => {
    const t = await createTenantWithAccess(server, 'Replica Reads');
    const recorded = await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 60, requestId: 'replica-1' } }, t.apiKey);
    expect(recorded.errors).toBeUndefined();
    await cluster.caughtUp();
    const before = await routed();
    for (let i = 0; i < 5; i++) await readAll(admin);
    const after = await routed();
    expect(after.replica - before.replica).toBeGreaterThanOrEqual(15);
    expect(after.primary).toBe(before.primary);
    // The standby itself saw them: its connections from the server last ran the log and audit reads.
    const seen = (await standbyQueries()).join('\n');
    expect(seen).toMatch(/from (usage_logs|audit_entries|daily_rollups|platform_daily_rollups)/);
    expect(after.lag).not.toBeNull();
    expect(after.lag!).toBeGreaterThanOrEqual(0);
    // What the standby answered is what the primary holds: the customer's log is there.
    const logs = await server.gql(`{ usageLogs { totalCount nodes { requestId } } }`, {}, t.customerToken);
    expect(logs.data!.usageLogs.nodes.map((n: { requestId: string }) => n.requestId)).toEqual(['replica-1']);
  });

  it('a standby stopped mid-load fails no request: reads go to the primary, and back once it returns', async () => {
    const failures: unknown[] = [];
    let running = true;
    const load = (async () => {
      while (running) {
        for (const query of HEAVY) {
          const response = await server.gql(query, {}, admin);
          if (response.errors) failures.push(response.errors);
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    await cluster.stopStandby();
    const duringOutage = await routed();
    await new Promise((r) => setTimeout(r, 2_000));
    const later = await routed();
    expect(later.primary).toBeGreaterThan(duringOutage.primary);
    expect(later.lag).toBe(-1);
    await cluster.startStandby();
    // Back in use within a few health checks.
    const deadline = Date.now() + 15_000;
    let back = await routed();
    while (Date.now() < deadline) {
      const before = back;
      await new Promise((r) => setTimeout(r, 1_000));
      back = await routed();
      if (back.replica > before.replica) break;
    }
    running = false;
    await load;
    expect(back.replica).toBeGreaterThan(later.replica);
    expect(failures).toEqual([]);
  });

  it('a standby lagging past DATABASE_READ_MAX_LAG_MS gets no reads until it catches up', async () => {
    const standby = new pg.Client({ connectionString: onDatabase(cluster.standbyUrl) });
    await standby.connect();
    const t = await createTenantWithAccess(server, 'Replica Lag');
    try {
      await standby.query('select pg_wal_replay_pause()');
      // Writes the standby does not replay: its lag grows past the 5 s bound.
      const deadline = Date.now() + 20_000;
      let state = await routed();
      for (let i = 0; Date.now() < deadline && !(state.lag !== null && state.lag > 5); i++) {
        await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 1, requestId: `lag-${i}` } }, t.apiKey);
        await new Promise((r) => setTimeout(r, 500));
        state = await routed();
      }
      expect(state.lag!).toBeGreaterThan(5);
      await new Promise((r) => setTimeout(r, 1_200));
      const before = await routed();
      await readAll(admin);
      const during = await routed();
      expect(during.replica).toBe(before.replica);
      expect(during.primary - before.primary).toBeGreaterThanOrEqual(3);
      // Reads while it lags come from the primary: the newest event is there.
      const logs = await server.gql(`{ usageLogs(first: 1) { nodes { requestId } } }`, {}, t.customerToken);
      expect(logs.data!.usageLogs.nodes[0].requestId).toMatch(/^lag-/);
    } finally {
      await standby.query('select pg_wal_replay_resume()');
      await standby.end();
    }
    await cluster.caughtUp();
    await new Promise((r) => setTimeout(r, 1_500));
    const before = await routed();
    await readAll(admin);
    expect((await routed()).replica).toBeGreaterThan(before.replica);
  });
});
