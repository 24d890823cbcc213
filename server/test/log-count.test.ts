import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageRebuildService } from '../src/modules/usage/rebuild/usage-rebuild.service.js';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

// usageLogs.totalCount is read from rollups for whole days and from the log only for partial
// days (usage-log-count.ts); the rebuild command recomputes those rollups in SQL. Both must agree
// exactly with the log itself.
let server: TestServer;
let sql: pg.Client;
let tenants: Awaited<ReturnType<typeof createTenantWithAccess>>[];
const BATCH = `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }`;
const COUNT = `query($f: UsageLogFilter) { usageLogs(first: 1, filter: $f) { totalCount } }`;
const HOUR = 3_600_000;
const now = Date.now();

beforeAll(async () => {
  server = await startTestServer();
  tenants = [await createTenantWithAccess(server, 'Count One'), await createTenantWithAccess(server, 'Count Two')];
  for (const [t, tenant] of tenants.entries()) {
    const inputs = Array.from({ length: 150 }, (_, i) => {
      const kind = (i + t) % 3;
      return {
        service: ['OPENAI', 'ELEVENLABS', 'SMARTFLO'][kind],
        ...(kind === 0 ? { model: 'gpt-4o-mini', inputTokens: 100 + i, outputTokens: 7 * i } : {}),
        ...(kind === 1 ? { characters: 40 + i } : {}),
        ...(kind === 2 ? { durationSeconds: 30 + (i % 5) * 6 } : {}),
        status: i % 7 === 0 ? 'ERROR' : 'SUCCESS',
        requestId: `count-${t}-${i}`,
        // Spread over the last ~4 days, so ranges have whole days and partial ones.
        occurredAt: new Date(now - i * 0.63 * HOUR - t * 11 * 60_000).toISOString(),
      };
    });
    const result = await server.gql(BATCH, { i: inputs }, tenant.apiKey);
    expect(result.errors).toBeUndefined();
  }
  sql = new pg.Client({ connectionString: server.database.url });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await server?.close();
});

async function counted(filter: Record<string, unknown>): Promise<number> {
  const { rows } = await sql.query(
    `select count(*)::int as n from usage_logs where ($1::uuid is null or tenant_id = $1) and ($2::text is null or service = $2)
        and ($3::text is null or status = $3) and ($4::timestamptz is null or occurred_at >= $4) and ($5::timestamptz is null or occurred_at < $5)`,
    [filter.tenantId ?? null, filter.service ?? null, filter.status ?? null, filter.from ?? null, filter.to ?? null],
  );
  return rows[0].n;
}

describe('usageLogs.totalCount', () => {
  it('equals count(*) of the log for every filter and range, partial days included', async () => {
    const admin = await server.adminToken();
    const midnight = new Date(new Date(now).setUTCHours(0, 0, 0, 0));
    const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
    const filters: Record<string, unknown>[] = [
      {},
      { tenantId: tenants[0]!.tenantId },
      { service: 'SMARTFLO' },
      { status: 'ERROR' },
      { status: 'SUCCESS', service: 'OPENAI' },
      { from: at(50.5), to: at(3.25) },
      { from: at(70.1) },
      { to: at(20.7) },
      { from: at(5), to: at(2) },
      { from: new Date(midnight.getTime() - 2 * 24 * HOUR).toISOString(), to: midnight.toISOString() },
      { tenantId: tenants[1]!.tenantId, service: 'ELEVENLABS', status: 'SUCCESS', from: at(80.3), to: at(1.1) },
      { from: at(1), to: at(2) },
    ];
    for (const filter of filters) {
      const response = await server.gql(COUNT, { f: filter }, admin);
      expect(response.errors, JSON.stringify(filter)).toBeUndefined();
      expect(response.data!.usageLogs.totalCount, JSON.stringify(filter)).toBe(await counted(filter));
    }
    expect(await counted({})).toBe(300);
  });
});

describe('rebuild-aggregates', () => {
  it('recomputes exactly the summaries and rollups the recorder wrote', async () => {
    await sql.query(`create table snap_daily as select tenant_id, day, service, model, api_calls, error_calls, unpriced_calls, units, cost_usd from daily_rollups`);
    await sql.query(`create table snap_platform as select day, service, model, sum(api_calls) as api_calls, sum(error_calls) as error_calls,
      sum(unpriced_calls) as unpriced_calls, sum(units) as units, sum(cost_usd) as cost_usd from platform_daily_rollups group by 1, 2, 3`);
    const summaryColumns = `tenant_id, period, openai_input_tokens, openai_cached_input_tokens, openai_output_tokens, openai_characters, openai_seconds,
      openai_cost_usd, elevenlabs_characters, elevenlabs_cost_usd, smartflo_seconds, smartflo_cost_usd, total_cost_usd, total_api_calls, error_calls, unpriced_calls`;
    await sql.query(`create table snap_summaries as select ${summaryColumns} from monthly_summaries`);

    const pool = new pg.Pool({ connectionString: server.database.url, max: 1 });
    const result = await new UsageRebuildService(pool).rebuild();
    await pool.end();
    expect(result.dailyRollups).toBeGreaterThan(0);

    const differences = async (snapshot: string, current: string) => {
      const { rows } = await sql.query(`select (select count(*) from (${snapshot} except ${current}) a)::int + (select count(*) from (${current} except ${snapshot}) b)::int as n`);
      return rows[0].n;
    };
    expect(await differences('select * from snap_daily', 'select tenant_id, day, service, model, api_calls, error_calls, unpriced_calls, units, cost_usd from daily_rollups')).toBe(0);
    expect(
      await differences(
        'select * from snap_platform',
        'select day, service, model, sum(api_calls), sum(error_calls), sum(unpriced_calls), sum(units), sum(cost_usd) from platform_daily_rollups group by 1, 2, 3',
      ),
    ).toBe(0);
    expect(await differences('select * from snap_summaries', `select ${summaryColumns} from monthly_summaries`)).toBe(0);
  });
});
