// B4 data and probes. History goes straight into PostgreSQL (INSERT … SELECT generate_series,
// i.e. generated inside the database, in chunks), never through the API; summaries and rollups
// are then built by the server's own command (node server/dist/scripts/rebuild-aggregates.js).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './servers.mjs';

const require = createRequire(join(ROOT, 'server', 'package.json'));
const pg = require('pg');

const CHUNK = 250_000;
const DAY_SECONDS = 86_400;

export async function connect(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  // A server stopping under us must fail the scenario, not crash the whole run.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** `count` tenants straight in SQL (B4 needs 1,000; the API is not what is measured here). */
export async function createTenantsSql(client, prefix, count) {
  const { rows } = await client.query(`insert into tenants (name) select $1 || '-' || g from generate_series(1, $2::int) g returning id`, [prefix, count]);
  return rows.map((r) => r.id);
}

/**
 * `count` logs spread evenly over the last `days` days (oldest first, so each chunk lands in one
 * or two month partitions), round-robin over tenants and the three services, 2% errors, priced
 * with the default price table's rates.
 */
export async function loadLogs(client, tenantIds, count, days, onProgress = () => undefined) {
  const spacing = (days * DAY_SECONDS) / count;
  for (let start = 1; start <= count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK - 1);
    await client.query(
      `insert into usage_logs (id, tenant_id, occurred_at, recorded_at, service, model, input_tokens, output_tokens, characters,
                               duration_seconds, cost_usd, provider_cost_usd, pricing_status, status, request_id)
       select gen_random_uuid(), ($1::uuid[])[1 + (g % array_length($1::uuid[], 1))], at, at, x.service, x.model, x.input, x.output, x.chars,
              x.seconds, x.cost, x.cost, 'PRICED', case when g % 50 = 0 then 'ERROR' else 'SUCCESS' end, 'bulk-' || g
         from generate_series($2::bigint, $3::bigint) g
        cross join lateral (select now() - make_interval(secs => $5::float8 * ($4::bigint - g)) as at) t
        cross join lateral (
          select * from (values
            (0, 'OPENAI', 'gpt-4o-mini', 100 + (g % 900)::int, 20 + (g % 300)::int, null::int, null::numeric,
                round(((100 + g % 900) * 0.00015 + (20 + g % 300) * 0.0006) / 1000, 12)),
            (1, 'ELEVENLABS', null, null, null, 50 + (g % 2000)::int, null, round((50 + g % 2000) * 0.03 / 1000, 12)),
            (2, 'SMARTFLO', null, null, null, null, (10 + g % 600)::numeric, round((10 + g % 600) * 0.02 / 60, 12))
          ) v(k, service, model, input, output, chars, seconds, cost) where k = g % 3) x`,
      [tenantIds, start, end, count, spacing],
    );
    onProgress(end);
  }
  // As a running database would be: statistics fresh and the visibility map set (index-only
  // scans), so autovacuum catching up after the bulk load does not run during the probes.
  await client.query('vacuum analyze usage_logs');
}

/**
 * After the rebuild: vacuum the rebuilt aggregate tables too, then checkpoint. A bulk load leaves
 * gigabytes of dirty buffers, and the checkpoint that writes them out is spread over minutes: it
 * would run during the probes and slow every query of the large size alike, `{ me { id } }`
 * included (1.4–1.7 × at 10M in runs 6 and 7, before this step).
 */
export async function vacuumAggregates(client) {
  await client.query('vacuum analyze monthly_summaries, daily_rollups, platform_daily_rollups, tenants');
  await client.query('checkpoint');
}

export function rebuildAggregates(server) {
  const started = Date.now();
  execFileSync(process.execPath, [join(ROOT, 'server', 'dist', 'scripts', 'rebuild-aggregates.js')], {
    env: { ...process.env, DATABASE_URL: server.databaseUrl, DATA_DIR: server.dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return (Date.now() - started) / 1000;
}

const SUMMARY_FIELDS = 'period totalCostUsd totalApiCalls openaiTotalTokens';
const SERIES = 'totalCostUsd dates lines { key totalCostUsd costUsd apiCalls }';
const LOG_PAGE = 'totalCount pageInfo { hasNextPage endCursor } nodes { id occurredAt service costUsd status }';

/** Every dashboard read of issue 7, as the admin app sends it (page size 50). */
export function dashboardQueries(tenantId) {
  const today = new Date();
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 30)).toISOString();
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1)).toISOString();
  const logs = () => `query($f: UsageLogFilter) { usageLogs(first: 50, filter: $f) { ${LOG_PAGE} } }`;
  return [
    { name: 'me (reference)', query: '{ me { id } }' },
    { name: 'overview', query: '{ overview { customerCount totalCostUsd totalApiCalls activeAlertCount } }' },
    // The admin's Monthly Summaries tab: its first page (MonthlySummariesTab, SUMMARY_PAGE_SIZE).
    { name: 'monthlySummaryPage (first 24)', query: `{ monthlySummaryPage(first: 24, orderBy: TOTAL_COST_DESC) { totalCount pageInfo { hasNextPage endCursor } nodes { tenant { id name } ${SUMMARY_FIELDS} } } }` },
    { name: 'topTenants', query: '{ topTenants(limit: 10) { tenant { id name } totalCostUsd totalApiCalls } }' },
    { name: 'serviceBreakdown', query: '{ serviceBreakdown { service units costUsd apiCalls } }' },
    { name: 'usageDashboard', query: 'query($t: ID) { usageDashboard(tenantId: $t) { totalCostUsd totalApiCalls errorCalls projectedMonthEndCostUsd services { service units costUsd apiCalls } } }', variables: { t: tenantId } },
    { name: 'usageHistory (12 months)', query: `query($t: ID) { usageHistory(months: 12, tenantId: $t) { ${SUMMARY_FIELDS} } }`, variables: { t: tenantId } },
    { name: 'usageLogs: no filter', query: logs(), variables: {} },
    { name: 'usageLogs: tenant', query: logs(), variables: { f: { tenantId } } },
    { name: 'usageLogs: service', query: logs(), variables: { f: { service: 'SMARTFLO' } } },
    { name: 'usageLogs: status ERROR', query: logs(), variables: { f: { status: 'ERROR' } } },
    { name: 'usageLogs: status SUCCESS', query: logs(), variables: { f: { status: 'SUCCESS' } } },
    { name: 'usageLogs: from/to (31 days)', query: logs(), variables: { f: { from, to } } },
    { name: 'usageLogs: tenant+service+ERROR', query: logs(), variables: { f: { tenantId, service: 'OPENAI', status: 'ERROR' } } },
    // The admin's charts read the series as lines (one per key, aligned with dates), not points.
    { name: 'usageTimeSeries 365 d (all)', query: `{ usageTimeSeries(input: { days: 365, groupBy: SERVICE }) { ${SERIES} } }` },
    { name: 'usageTimeSeries 365 d (tenant)', query: `query($t: ID) { usageTimeSeries(input: { days: 365, groupBy: MODEL, tenantId: $t }) { ${SERIES} } }`, variables: { t: tenantId } },
  ];
}
