import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiStandIn, type OpenAiStandIn } from './openai-stand-in.js';
import { newMasterKey, postGraphQL, setUpTenants, sleep, startKillablePostgres, startServerProcess, waitUntil, type KillablePostgres, type ServerProcess } from './process-harness.js';

/**
 * "Nothing lost, nothing doubled" for the gateway, with real crashes: the built server and a
 * PostgreSQL of its own, each SIGKILLed in the middle of a load of chat completions through the
 * gateway. Afterwards the log must hold exactly as many calls as the provider's stand-in served.
 */
const CLIENTS = 16;
const masterKey = newMasterKey();
let postgres: KillablePostgres;
let standIn: OpenAiStandIn;
let dataDir: string;

beforeAll(async () => {
  postgres = await startKillablePostgres();
  standIn = await startOpenAiStandIn();
  dataDir = mkdtempSync(join(tmpdir(), 'um-gateway-fault-'));
});
afterAll(async () => {
  await standIn?.close();
  await postgres?.stop();
});

const start = () => startServerProcess(postgres.url, { masterKey, env: { OPENAI_BASE_URL: standIn.baseUrl, DATA_DIR: dataDir } });

async function tenantWithCredential(server: ServerProcess, name: string) {
  const { admin, tenants } = await setUpTenants(server.baseUrl, 1, name);
  const set = await postGraphQL(server.baseUrl, `mutation($t: ID!) { setProviderCredential(tenantId: $t, provider: OPENAI, secret: "sk-fault-tenant-key") { maskedKey } }`, { t: tenants[0]!.id }, admin);
  expect(set.body?.errors).toBeUndefined();
  return { admin, ...tenants[0]! };
}

/** Clients calling chat completions in a loop until `stop()`; counts answers by status. */
function load(baseUrl: () => string, apiKey: string) {
  let running = true;
  const statuses: Record<string, number> = {};
  const workers = Array.from({ length: CLIENTS }, async () => {
    while (running) {
      let status: string;
      try {
        const response = await fetch(`${baseUrl()}/gateway/openai/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'count me once' }] }),
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        status = String(response.status);
      } catch {
        status = 'network';
        await sleep(50);
      }
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  });
  return {
    statuses,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

async function logsOf(tenantId: string): Promise<{ total: number; distinct: number; estimated: number }> {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select count(*)::int as total, count(distinct request_id)::int as distinct, count(*) filter (where source = 'GATEWAY_ESTIMATED')::int as estimated from usage_logs where tenant_id = $1`,
      [tenantId],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

async function queueDepth(baseUrl: string): Promise<number | null> {
  try {
    const body = (await (await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(3_000) })).json()) as { status: string; gatewayQueue?: number };
    return body.status === 'ok' ? (body.gatewayQueue ?? null) : null;
  } catch {
    return null;
  }
}

describe('gateway faults', () => {
  it('PostgreSQL SIGKILLed mid-load: every call the provider served is recorded once, from the journal when the database is back', async () => {
    const server = await start();
    try {
      // HARD limits (far away): every admission reads this month's usage, so calls that start
      // during the outage meet it and are refused (503).
      const hard = await tenantWithCredential(server, 'Gateway PG Fault');
      const quota = await postGraphQL(server.baseUrl, `mutation($t: ID!) { setQuota(tenantId: $t, input: { monthlyCostLimitUsd: "1000000", enforcement: HARD }) { enforcement } }`, { t: hard.id }, hard.admin);
      expect(quota.body?.errors).toBeUndefined();
      // No quota: admitted from the status held in memory, so its calls go on into the outage
      // and their units wait in the journal.
      const soft = await tenantWithCredential(server, 'Gateway PG Fault Soft');
      const served = standIn.served();
      // A slow provider: calls admitted before the crash are answered during the outage.
      standIn.delayMs = 300;
      const running = [load(() => server.baseUrl, hard.apiKey), load(() => server.baseUrl, soft.apiKey)];
      await sleep(1_000);
      await postgres.kill();
      await sleep(1_500);
      await postgres.restart();
      await sleep(1_500);
      await Promise.all(running.map((r) => r.stop()));
      standIn.delayMs = 0;
      await waitUntil(async () => (await queueDepth(server.baseUrl)) === 0, 30_000, 'the gateway journal to drain');
      const servedNow = standIn.served() - served;
      const [hardLogs, softLogs] = [await logsOf(hard.id), await logsOf(soft.id)];
      const recorded = hardLogs.total + softLogs.total;
      const distinct = hardLogs.distinct + softLogs.distinct;
      console.log(
        `gateway PG SIGKILL: answers HARD tenant ${JSON.stringify(running[0]!.statuses)}, tenant without quota ${JSON.stringify(running[1]!.statuses)}; provider served ${servedNow}, recorded ${recorded} (distinct ${distinct}); lost = ${servedNow - recorded}, doubled = ${recorded - distinct}`,
      );
      expect(servedNow).toBeGreaterThan(20);
      // Calls of the HARD tenant that started during the outage were refused (503) at admission.
      expect(running[0]!.statuses['503'] ?? 0).toBeGreaterThan(0);
      expect(softLogs.total).toBeGreaterThan(0);
      expect(recorded).toBe(servedNow);
      expect(distinct).toBe(recorded);
    } finally {
      await server.kill('SIGTERM');
    }
  });

  it('server SIGKILLed with calls in flight, then restarted: the calls the provider served are recorded once (in flight ones as estimates)', async () => {
    let server = await start();
    const tenant = await tenantWithCredential(server, 'Gateway Server Fault');
    const served = standIn.served();
    standIn.delayMs = 400;
    let baseUrl = server.baseUrl;
    const running = load(() => baseUrl, tenant.apiKey);
    await sleep(1_500);
    const port = server.port;
    await server.kill('SIGKILL');
    // The provider goes on with what was sent to it; nobody receives those answers.
    server = await startServerProcess(postgres.url, { masterKey, port, env: { OPENAI_BASE_URL: standIn.baseUrl, DATA_DIR: dataDir } });
    baseUrl = server.baseUrl;
    await sleep(1_000);
    await running.stop();
    standIn.delayMs = 0;
    try {
      await waitUntil(async () => (await queueDepth(server.baseUrl)) === 0, 30_000, 'the gateway journal to drain');
      const servedNow = standIn.served() - served;
      const logs = await logsOf(tenant.id);
      console.log(`gateway server SIGKILL: answers ${JSON.stringify(running.statuses)}; provider served ${servedNow}, recorded ${logs.total} (distinct ${logs.distinct}, estimated after the crash ${logs.estimated}); lost = ${servedNow - logs.total}, doubled = ${logs.total - logs.distinct}`);
      expect(servedNow).toBeGreaterThan(20);
      expect(logs.estimated).toBeGreaterThan(0);
      expect(logs.total).toBe(servedNow);
      expect(logs.distinct).toBe(logs.total);
    } finally {
      await server.kill('SIGTERM');
    }
  });
});
