import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Maintenance } from '../src/maintenance.js';
import { DAY_MS, dayStart } from '../src/core/lib/period.js';
import { compactPlatformRollups } from '../src/modules/usage/rebuild/platform-rollup-compaction.js';
import { createTenantWithAccess, RECORD_USAGE, startTestServer, type TestServer } from './harness.js';

/**
 * Folding closed days' platform rollup shards into one row changes no number anywhere: every
 * chart and breakdown reads the same, and each (day, service, model) still equals the SQL sum
 * of its logs. Events are recorded one group at a time, so the recorder spreads them over shards.
 */
let server: TestServer;
let pool: pg.Pool;
let admin: string;
let keys: string[];
const today = dayStart(new Date());
const DAYS = [new Date(today.getTime() - 2 * DAY_MS + 3_600_000), new Date(today.getTime() - DAY_MS + 7_200_000), new Date()];

const READS = `{
  byService: usageTimeSeries(input: { days: 7, groupBy: SERVICE }) { totalCostUsd totalApiCalls previousTotalCostUsd points { date key costUsd apiCalls units } }
  byModel: usageTimeSeries(input: { days: 7, groupBy: MODEL }) { totalCostUsd totalApiCalls points { date key costUsd apiCalls units } }
  serviceBreakdown { service units costUsd apiCalls }
  unpricedUsage { apiCalls models { service model apiCalls } }
}`;

async function record(key: string, i: number, at: Date) {
  const events = [
    { service: 'OPENAI', model: 'gpt-4o-mini', inputTokens: 1234 + i, outputTokens: 321 },
    { service: 'ELEVENLABS', characters: 777 + i },
    { service: 'SMARTFLO', durationSeconds: 61 + i / 7 },
    { service: 'OPENAI', model: `unpriced-model-${i % 2}`, inputTokens: 10, outputTokens: 10 },
  ];
  const response = await server.gql(RECORD_USAGE, { input: { ...events[i % events.length], requestId: `c-${i}-${at.getTime()}`, occurredAt: at.toISOString() } }, key);
  expect(response.errors).toBeUndefined();
}

/** (day, service, model) where the rollup differs from the sum of its logs: must be none. */
async function mismatches(): Promise<unknown[]> {
  const { rows } = await pool.query(`
    with logs as (select (occurred_at at time zone 'UTC')::date as day, service, coalesce(model, '') as model, count(*) as calls, sum(cost_usd) as cost
                    from usage_logs group by 1, 2, 3),
         rollups as (select day, service, model, sum(api_calls) as calls, sum(cost_usd) as cost from platform_daily_rollups group by 1, 2, 3)
    select * from logs full join rollups using (day, service, model)
     where logs.calls is distinct from rollups.calls or logs.cost is distinct from rollups.cost`);
  return rows;
}

const shardsOf = async (day: Date) =>
  (await pool.query(`select service, model, shard from platform_daily_rollups where day = $1::date order by 1, 2, 3`, [day.toISOString().slice(0, 10)])).rows;

beforeAll(async () => {
  server = await startTestServer();
  pool = new pg.Pool({ connectionString: server.database.url, max: 2 });
  admin = await server.adminToken();
  keys = [(await createTenantWithAccess(server, 'Fold One')).apiKey, (await createTenantWithAccess(server, 'Fold Two')).apiKey];
  for (let i = 0; i < 48; i++) await record(keys[i % 2]!, i, DAYS[i % 3]!);
});
afterAll(async () => {
  await pool?.end();
  await server?.close();
});

describe('platform rollup compaction', () => {
  it('folds closed days into shard 0 and leaves every read and every sum as it was', async () => {
    const closedBefore = await shardsOf(DAYS[0]!);
    expect(new Set(closedBefore.map((r) => r.shard)).size).toBeGreaterThan(1);
    const todayBefore = await shardsOf(DAYS[2]!);
    const before = (await server.gql(READS, {}, admin)).data;
    expect(await mismatches()).toEqual([]);

    const { foldedRows } = await compactPlatformRollups(pool, today);
    expect(foldedRows).toBeGreaterThan(0);

    for (const day of DAYS.slice(0, 2)) {
      const rows = await shardsOf(day);
      expect(rows.every((r) => r.shard === 0)).toBe(true);
      expect(new Set(rows.map((r) => `${r.service}/${r.model}`)).size).toBe(rows.length);
    }
    // Today still takes traffic: its split counters stay split.
    expect(await shardsOf(DAYS[2]!)).toEqual(todayBefore);
    expect((await server.gql(READS, {}, admin)).data).toEqual(before);
    expect(await mismatches()).toEqual([]);
    expect(await compactPlatformRollups(pool, today)).toEqual({ foldedRows: 0 });
  });

  it('folds a late event for a closed day on the next maintenance run, still exact', async () => {
    await compactPlatformRollups(pool, today);
    for (let i = 100; i < 104; i++) await record(keys[0]!, i, DAYS[1]!);
    expect(new Set((await shardsOf(DAYS[1]!)).map((r) => r.shard)).size).toBeGreaterThan(1);
    const before = (await server.gql(READS, {}, admin)).data;
    const result = await new Maintenance(pool, { now: () => new Date() }, pino({ level: 'silent' }), 400).run();
    expect(result?.foldedRollupRows).toBeGreaterThan(0);
    expect((await shardsOf(DAYS[1]!)).every((r) => r.shard === 0)).toBe(true);
    expect((await server.gql(READS, {}, admin)).data).toEqual(before);
    expect(await mismatches()).toEqual([]);
  });
});
