import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageRebuildService } from '../src/modules/usage/rebuild/usage-rebuild.service.js';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.adminToken();
});
afterAll(() => server?.close());

let counter = 0;
const BATCH = `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { log { id occurredAt costUsd } } }`;
const VOID = `mutation($id: ID!, $reason: String!, $at: DateTime) { voidUsage(id: $id, reason: $reason, occurredAt: $at) { id voidedAt voidReason voidedBy costUsd } }`;
const event = (endUser: string | null, extra: Record<string, unknown> = {}) => ({ service: 'SMARTFLO', durationSeconds: 185, requestId: `c-${counter++}`, endUser, ...extra });

async function totals(tenantId: string, token: string) {
  const pool = server.services.db.pool;
  const dashboard = (await server.gql(`{ usageDashboard { totalCostUsd totalApiCalls activeEndUsers } }`, {}, token)).data!.usageDashboard;
  const series = (await server.gql(`{ usageTimeSeries(input: { days: 7 }) { totalCostUsd totalApiCalls } }`, {}, token)).data!.usageTimeSeries;
  const logs = (await server.gql(`{ usageLogs { totalCount } }`, {}, token)).data!.usageLogs;
  const users = (await server.gql(`{ endUsers(input: { days: 30, orderBy: END_USER_ASC }) { totalCount nodes { endUser apiCalls totalCostUsd lastSeenAt } } }`, {}, token)).data!.endUsers;
  const { rows } = await pool.query(
    `select coalesce(sum(cost_usd), 0)::text as platform from platform_daily_rollups where day >= current_date - 1`,
  );
  return { dashboard, series, logs: logs.totalCount, users, platform: rows[0].platform, tenantId };
}

describe('voidUsage', () => {
  it('takes exactly the log out of every total, rollup, end-user total and quota standing, keeps the row with who, when and why, and voiding again is harmless', async () => {
    const t = await createTenantWithAccess(server, 'Corrections');
    await server.gql(`mutation($t: ID!) { setQuota(tenantId: $t, input: { monthlyCostLimitUsd: "100" }) { tenant { id } } }`, { t: t.tenantId }, admin);
    const recorded = (await server.gql(BATCH, { i: [event('alice'), event('alice', { durationSeconds: 60 }), event('bob'), event(null)] }, t.apiKey)).data!.recordUsages;
    const before = await totals(t.tenantId, t.customerToken);
    expect(before.users.nodes.map((n: any) => n.endUser)).toEqual(['alice', 'bob']);
    const bob = recorded[2].log;

    const voided = (await server.gql(VOID, { id: bob.id, reason: '  duplicate of a call already billed  ', at: bob.occurredAt }, admin)).data!.voidUsage;
    expect(voided).toMatchObject({ id: bob.id, voidReason: 'duplicate of a call already billed', voidedBy: 'admin@test.example', costUsd: bob.costUsd });
    expect(voided.voidedAt).toBeTruthy();
    const after = await totals(t.tenantId, t.customerToken);
    const minus = (a: string, b: string) => (BigInt(Math.round(Number(a) * 1e12)) - BigInt(Math.round(Number(b) * 1e12))).toString();
    expect(BigInt(Math.round(Number(after.dashboard.totalCostUsd) * 1e12)).toString()).toBe(minus(before.dashboard.totalCostUsd, bob.costUsd));
    expect(after.dashboard.totalApiCalls).toBe(before.dashboard.totalApiCalls - 1);
    expect(after.series.totalCostUsd).toBe(after.dashboard.totalCostUsd);
    expect(after.logs).toBe(before.logs - 1);
    expect(after.dashboard.activeEndUsers).toBe(1);
    expect(after.users).toMatchObject({ totalCount: 1, nodes: [{ endUser: 'alice', apiCalls: 2 }] });
    expect(BigInt(Math.round(Number(after.platform) * 1e12)).toString()).toBe(minus(before.platform, bob.costUsd));
    const standing = (await server.gql(`{ quota { tenant { id } } usageDashboard { costQuota { used } } }`, {}, t.customerToken)).data!.usageDashboard.costQuota;
    expect(String(standing.used)).toBe(String(Number(after.dashboard.totalCostUsd)));
    // The row stays in the list, marked.
    const list = (await server.gql(`{ usageLogs(first: 10) { nodes { id voidedAt voidReason } } }`, {}, t.customerToken)).data!.usageLogs.nodes;
    expect(list.find((l: any) => l.id === bob.id)).toMatchObject({ voidReason: 'duplicate of a call already billed' });

    // Again, and without occurredAt (found by id alone): the same answer, nothing subtracted twice.
    const again = (await server.gql(VOID, { id: bob.id, reason: 'again' }, admin)).data!.voidUsage;
    expect(again).toEqual(voided);
    expect(await totals(t.tenantId, t.customerToken)).toEqual(after);
    const audit = await server.services.db.pool.query(`select actor_email, changes from audit_entries where action = 'USAGE_VOIDED' and target_id = $1`, [bob.id]);
    expect(audit.rows).toEqual([{ actor_email: 'admin@test.example', changes: { voided: true, reason: 'duplicate of a call already billed', costUsd: bob.costUsd } }]);

    // Voiding one of alice's two calls leaves her with one, and her last call is the one that remains.
    const [aliceFirst, aliceSecond] = recorded;
    await server.gql(VOID, { id: aliceSecond.log.id, reason: 'test call', at: aliceSecond.log.occurredAt }, admin);
    const alice = (await totals(t.tenantId, t.customerToken)).users.nodes[0];
    expect(alice).toMatchObject({ endUser: 'alice', apiCalls: 1, totalCostUsd: aliceFirst.log.costUsd, lastSeenAt: aliceFirst.log.occurredAt });
  });

  it('refuses customers, keys and bad input with a stable code, and changes nothing', async () => {
    const t = await createTenantWithAccess(server, 'Void Refusals');
    const [log] = (await server.gql(BATCH, { i: [event('x')] }, t.apiKey)).data!.recordUsages.map((r: any) => r.log);
    const before = await totals(t.tenantId, t.customerToken);
    const code = async (variables: Record<string, unknown>, token: string) => (await server.gql(VOID, variables, token)).errors?.[0]?.extensions;
    expect(await code({ id: log.id, reason: 'mine' }, t.customerToken)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await code({ id: log.id, reason: 'mine' }, t.apiKey)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await code({ id: log.id, reason: '   ' }, admin)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await code({ id: log.id, reason: 'x'.repeat(501) }, admin)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await code({ id: 'not-a-uuid', reason: 'r' }, admin)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await code({ id: '00000000-0000-4000-8000-000000000000', reason: 'r' }, admin)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await totals(t.tenantId, t.customerToken)).toEqual(before);
  });

  it('leaves the aggregates a rebuild from the log makes, after random events and voids', async () => {
    const t = await createTenantWithAccess(server, 'Void Property');
    const inputs = Array.from({ length: 120 }, (_, i) =>
      i % 3 === 0
        ? { service: 'OPENAI', model: i % 2 ? 'gpt-4' : 'gpt-4o-mini', inputTokens: 100 + i, outputTokens: 7 * i, requestId: `p-${i}`, endUser: `u${i % 7}`, status: i % 11 === 0 ? 'ERROR' : 'SUCCESS' }
        : event(i % 5 === 0 ? null : `u${i % 7}`, { durationSeconds: 1 + ((i * 37) % 400), occurredAt: new Date(Date.now() - (i % 4) * 86_400_000).toISOString() }),
    );
    const logs = (await server.gql(BATCH, { i: inputs }, t.apiKey)).data!.recordUsages.map((r: any) => r.log);
    // A fixed pseudo-random third of them.
    for (const [i, log] of logs.entries()) if ((i * 7919) % 3 === 0) await server.gql(VOID, { id: log.id, reason: 'property', at: log.occurredAt }, admin);
    const pool = server.services.db.pool;
    const snapshot = async () =>
      Promise.all(
        [
          `select period, total_cost_usd::text, total_api_calls, error_calls, unpriced_calls, openai_input_tokens, openai_output_tokens, smartflo_seconds::text, active_end_users from monthly_summaries where tenant_id = $1 and total_api_calls > 0 order by 1`,
          `select day, service, model, api_calls, error_calls, cost_usd::text, trim_scale(round(units, 9))::text from daily_rollups where tenant_id = $1 and api_calls > 0 order by 1, 2, 3`,
          `select day, end_user, service, model, api_calls, error_calls, cost_usd::text, first_seen_at, last_seen_at from end_user_daily_rollups where tenant_id = $1 order by 1, 2, 3, 4`,
          `select period, end_user, api_calls, cost_usd::text from end_user_monthly_totals where tenant_id = $1 order by 1, 2`,
          `select window_days, end_user, api_calls, error_calls, cost_usd::text, last_seen_at from end_user_windows where tenant_id = $1 order by 1, 2`,
          `select window_days, end_users from end_user_window_counts where tenant_id = $1 and end_users > 0 order by 1`,
        ].map(async (sql) => (await pool.query(sql, [t.tenantId])).rows),
      );
    await server.services.endUserWindows.foldPending({ tenantId: t.tenantId, wait: true });
    const incremental = await snapshot();
    expect(incremental[2]!.length).toBeGreaterThan(0);
    await new UsageRebuildService(pool).rebuild(server.clock.now());
    expect(await snapshot()).toEqual(incremental);
  });
});
