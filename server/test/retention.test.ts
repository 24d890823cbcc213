import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../src/core/db/database.js';
import { MAINTENANCE_LOCK, Maintenance } from '../src/maintenance.js';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { sleep } from './process-harness.js';

/**
 * Retention: whole monthly partitions past USAGE_LOG_RETENTION_DAYS are dropped (and logged),
 * summaries and rollups stay, recent logs stay, and two instances never both do the work.
 */
const RETENTION_DAYS = 90;
const OLD_MONTH = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 6, 15, 12));
const OLD_PARTITION = `usage_logs_${OLD_MONTH.toISOString().slice(0, 7).replace('-', '_')}`;

let server: TestServer;
let tenant: Awaited<ReturnType<typeof createTenantWithAccess>>;
const pools: pg.Pool[] = [];

function instance() {
  const lines: Record<string, any>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const pool = createPool(server.database.url, 3);
  pools.push(pool);
  return { maintenance: new Maintenance(pool, { now: () => new Date() }, logger, RETENTION_DAYS), lines };
}

async function sql<T = any>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await server.services.db.pool.query(text, values)).rows as T[];
}

async function partitions(): Promise<string[]> {
  const rows = await sql<{ relname: string }>(
    `select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'usage_logs' order by 1`,
  );
  return rows.map((r) => r.relname);
}

const RECORD_MANY = `mutation($inputs: [RecordUsageInput!]!) { recordUsages(inputs: $inputs) { log { id } } }`;

/** Usage six months ago (recorded while the server's clock says so) and today. */
async function recordOldAndNew(tag: string) {
  await sql('select ensure_usage_log_partition($1::date)', [OLD_MONTH.toISOString().slice(0, 7) + '-01']);
  server.clock.set(OLD_MONTH);
  const old = await server.gql(
    RECORD_MANY,
    {
      inputs: [1, 2, 3].map((n) => ({
        service: 'ELEVENLABS',
        characters: 1000 * n,
        requestId: `${tag}-old-${n}`,
      })),
    },
    tenant.apiKey,
  );
  server.clock.set(undefined);
  const fresh = await server.gql(
    RECORD_MANY,
    {
      inputs: [1, 2].map((n) => ({
        service: 'SMARTFLO',
        durationSeconds: 60 * n,
        requestId: `${tag}-new-${n}`,
      })),
    },
    tenant.apiKey,
  );
  expect(old.errors).toBeUndefined();
  expect(fresh.errors).toBeUndefined();
}

async function snapshot() {
  const [summaries, rollups, logs, keys] = await Promise.all([
    sql(
      `select period::text, total_api_calls, total_cost_usd::text from monthly_summaries where tenant_id = $1 order by period`,
      [tenant.tenantId],
    ),
    sql(
      `select day::text, service, api_calls, cost_usd::text from daily_rollups where tenant_id = $1 order by day, service`,
      [tenant.tenantId],
    ),
    sql(`select request_id from usage_logs where tenant_id = $1 order by request_id`, [tenant.tenantId]),
    sql(`select request_id from usage_request_keys where tenant_id = $1 order by request_id`, [
      tenant.tenantId,
    ]),
  ]);
  return { summaries, rollups, logs: logs.map((r) => r.request_id), keys: keys.map((r) => r.request_id) };
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantWithAccess(server, 'Retention tenant');
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await server?.close();
});

describe('retention', () => {
  it('drops partitions past retention, logs them, keeps summaries, rollups and recent logs', async () => {
    await recordOldAndNew('a');
    const before = await snapshot();
    expect(await partitions()).toContain(OLD_PARTITION);
    expect(before.logs).toHaveLength(5);

    const { maintenance, lines } = instance();
    const result = await maintenance.run();
    const after = await snapshot();
    const horizon = Date.now() - RETENTION_DAYS * 86_400_000;
    console.log(
      `retention: dropped ${JSON.stringify(result?.droppedPartitions)}; logs ${before.logs.length} -> ${after.logs.length}; summaries ${before.summaries.length} -> ${after.summaries.length}`,
    );

    expect(result?.droppedPartitions).toContain(OLD_PARTITION);
    expect(await partitions()).not.toContain(OLD_PARTITION);
    // Every partition left ends after the horizon; the default partition stays.
    for (const name of await partitions()) {
      const match = /^usage_logs_(\d{4})_(\d{2})$/.exec(name);
      if (match) expect(Date.UTC(Number(match[1]), Number(match[2]), 1)).toBeGreaterThan(horizon);
    }
    expect(after.logs).toEqual(['a-new-1', 'a-new-2']);
    expect(after.keys).toEqual(['a-new-1', 'a-new-2']);
    expect(after.summaries).toEqual(before.summaries);
    expect(after.rollups).toEqual(before.rollups);
    expect(
      after.summaries.find((s) => s.period.startsWith(OLD_MONTH.toISOString().slice(0, 7))),
    ).toMatchObject({ total_api_calls: 3, total_cost_usd: '0.180000000000' });
    const logged = lines.find((l) => l.msg === 'retention dropped usage log partitions');
    expect(logged).toMatchObject({ retentionDays: RETENTION_DAYS });
    expect(logged!.droppedPartitions).toEqual(result!.droppedPartitions);
  });

  it('an instance does nothing while another holds the maintenance lock; two concurrent runs never both act', async () => {
    await recordOldAndNew('b');
    const holder = new pg.Client({ connectionString: server.database.url });
    await holder.connect();
    await holder.query('select pg_advisory_lock($1)', [MAINTENANCE_LOCK]);
    const blocked = await instance().maintenance.run();
    expect(blocked).toBeUndefined();
    expect(await partitions()).toContain(OLD_PARTITION);
    await holder.query('select pg_advisory_unlock($1)', [MAINTENANCE_LOCK]);
    await holder.end();

    const [first, second] = [instance(), instance()];
    const results = await Promise.all([first.maintenance.run(), second.maintenance.run()]);
    const dropped = results.flatMap((r) => r?.droppedPartitions ?? []);
    const acted = results.filter((r) => (r?.droppedPartitions.length ?? 0) > 0).length;
    console.log(
      `retention: concurrent runs ${JSON.stringify(results.map((r) => r?.droppedPartitions ?? 'skipped (lock held)'))}`,
    );
    expect(acted).toBe(1);
    expect(dropped.filter((name) => name === OLD_PARTITION)).toHaveLength(1);
    expect(new Set(dropped).size).toBe(dropped.length);
    expect((await snapshot()).logs).toEqual(['a-new-1', 'a-new-2', 'b-new-1', 'b-new-2']);
  });

  it('runs on its schedule by itself', async () => {
    await recordOldAndNew('c');
    const { maintenance, lines } = instance();
    maintenance.start(100);
    try {
      const deadline = Date.now() + 10_000;
      while ((await partitions()).includes(OLD_PARTITION) && Date.now() < deadline) await sleep(50);
    } finally {
      maintenance.stop();
    }
    expect(await partitions()).not.toContain(OLD_PARTITION);
    expect(lines.some((l) => l.msg === 'retention dropped usage log partitions')).toBe(true);
  });
});
