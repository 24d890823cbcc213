import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_USAGE, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { subscribe } from './live.js';

let server: TestServer;
let second: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  second = await startTestServer({ database: server.database });
});
afterAll(async () => {
  await second?.close();
  await server?.close();
});

const SET_QUOTA = `mutation($t: ID!, $i: QuotaInput!) { setQuota(tenantId: $t, input: $i) {
  openaiTokenLimit monthlyCostLimitUsd requestsPerMinuteLimit alertAtPercentage enforcement smartfloMinuteLimit } }`;
const tokens = (n: number, requestId: string) => ({ service: 'OPENAI', model: 'gpt-4o-mini', inputTokens: n, outputTokens: 0, requestId });
const countAlerts = async (tenantId: string) =>
  (await server.services.db.pool.query('select type, count(*)::int as n from alerts where tenant_id = $1 group by type order by type', [tenantId])).rows;

describe('quotas', () => {
  it('sets, keeps left-out fields, removes with explicit null, and validates every field', async () => {
    const admin = await server.adminToken();
    const t = await createTenantWithAccess(server, 'Quota Editing');
    const first = await server.gql(SET_QUOTA, { t: t.tenantId, i: { openaiTokenLimit: 1000, monthlyCostLimitUsd: '50.5' } }, admin);
    expect(first.data!.setQuota).toMatchObject({ openaiTokenLimit: 1000, monthlyCostLimitUsd: '50.5', alertAtPercentage: 80, enforcement: 'SOFT' });
    const second = await server.gql(SET_QUOTA, { t: t.tenantId, i: { openaiTokenLimit: null, alertAtPercentage: 90 } }, admin);
    expect(second.data!.setQuota).toMatchObject({ openaiTokenLimit: null, monthlyCostLimitUsd: '50.5', alertAtPercentage: 90 });
    for (const [input, field] of [
      [{ openaiTokenLimit: 0 }, 'openaiTokenLimit'],
      [{ monthlyCostLimitUsd: '-1' }, 'monthlyCostLimitUsd'],
      [{ alertAtPercentage: 100 }, 'alertAtPercentage'],
      [{ alertAtPercentage: 0 }, 'alertAtPercentage'],
      [{ smartfloMinuteLimit: -3 }, 'smartfloMinuteLimit'],
    ] as const) {
      const bad = await server.gql(SET_QUOTA, { t: t.tenantId, i: input }, admin);
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unchanged = await server.gql(`query($t: ID) { quota(tenantId: $t) { monthlyCostLimitUsd alertAtPercentage } }`, { t: t.tenantId }, admin);
    expect(unchanged.data!.quota).toEqual({ monthlyCostLimitUsd: '50.5', alertAtPercentage: 90 });
    expect((await server.gql(`mutation($t: ID!) { removeQuota(tenantId: $t) }`, { t: t.tenantId }, admin)).data!.removeQuota).toBe(true);
    expect((await server.gql(`query($t: ID) { quota(tenantId: $t) { alertAtPercentage } }`, { t: t.tenantId }, admin)).data!.quota).toBeNull();
  });

  it('in one batch, the event that crosses a threshold is the one that reports it, with its own standing', async () => {
    const admin = await server.adminToken();
    const t = await createTenantWithAccess(server, 'Batch Crossing');
    await server.gql(SET_QUOTA, { t: t.tenantId, i: { openaiTokenLimit: 1_000 } }, admin);
    // 300 + 300 + 300 = 900 tokens (90 %: approaching, at the third), + 300 = 1,200 (exceeded, at the fourth), then one more.
    const batch = [300, 300, 300, 300, 300].map((n, i) => tokens(n, `batch-crossing-${i}`));
    const result = await server.gql(
      `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { alerts { type } quotas { metric percentUsed } } }`,
      { i: batch },
      t.apiKey,
    );
    const payloads = result.data!.recordUsages as { alerts: { type: string }[]; quotas: { metric: string; percentUsed: number }[] }[];
    expect(payloads.map((p) => p.alerts.map((a) => a.type))).toEqual([[], [], ['QUOTA_APPROACHING'], ['QUOTA_EXCEEDED'], []]);
    expect(payloads.map((p) => p.quotas.find((q) => q.metric === 'OPENAI_TOKENS')!.percentUsed)).toEqual([30, 60, 90, 120, 150]);
    // A batch that stays under every threshold raises nothing and still reports each event's standing.
    const quiet = await createTenantWithAccess(server, 'Batch Quiet');
    await server.gql(SET_QUOTA, { t: quiet.tenantId, i: { openaiTokenLimit: 1_000_000 } }, admin);
    const calm = await server.gql(
      `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { alerts { type } quotas { metric percentUsed } } }`,
      { i: [1_000, 2_000].map((n, i) => tokens(n, `batch-quiet-${i}`)) },
      quiet.apiKey,
    );
    expect(calm.data!.recordUsages.map((p: { alerts: unknown[] }) => p.alerts.length)).toEqual([0, 0]);
    expect(calm.data!.recordUsages.map((p: { quotas: { percentUsed: number }[] }) => p.quotas[0]!.percentUsed)).toEqual([0.1, 0.3]);
  });

  it('the seeds’ Acme example: 24 %, 62 %, 104 %, exactly one 80 % and one exceeded alert while the third week races', async () => {
    const admin = await server.adminToken();
    const acme = await createTenantWithAccess(server, 'Acme Quota Example');
    await server.gql(SET_QUOTA, { t: acme.tenantId, i: { openaiTokenLimit: 500_000, monthlyCostLimitUsd: '200' } }, admin);
    const week1 = await server.gql(RECORD_USAGE, { input: tokens(120_000, 'week-1') }, acme.apiKey);
    expect(week1.data!.recordUsage.quotas.find((q: { metric: string }) => q.metric === 'OPENAI_TOKENS')).toMatchObject({ percentUsed: 24, level: 'OK' });
    const week2 = await server.gql(RECORD_USAGE, { input: tokens(190_000, 'week-2') }, acme.apiKey);
    expect(week2.data!.recordUsage.quotas.find((q: { metric: string }) => q.metric === 'OPENAI_TOKENS')).toMatchObject({ percentUsed: 62, level: 'NOTICE' });
    // week 3: 210,000 tokens in 21 racing calls over both instances
    const racing = await Promise.all(
      Array.from({ length: 21 }, (_, i) => (i % 2 ? second : server).gql(RECORD_USAGE, { input: tokens(10_000, `week-3-${i}`) }, acme.apiKey)),
    );
    expect(racing.every((r) => !r.errors)).toBe(true);
    const raised = racing.flatMap((r) => r.data!.recordUsage.alerts.map((a: { type: string }) => a.type)).sort();
    expect(raised).toEqual(['QUOTA_APPROACHING', 'QUOTA_EXCEEDED']);
    expect(await countAlerts(acme.tenantId)).toEqual([{ type: 'QUOTA_APPROACHING', n: 1 }, { type: 'QUOTA_EXCEEDED', n: 1 }]);
    const dashboard = await server.gql(`{ usageDashboard { services { service quota { percentUsed level } } costQuota { metric } } }`, {}, acme.customerToken);
    expect(dashboard.data!.usageDashboard.services[0]).toEqual({ service: 'OPENAI', quota: { percentUsed: 104, level: 'CRITICAL' } });
  });

  it('raises exactly one approaching and one exceeded alert under 200 concurrent events, and re-arms when the limit changes', async () => {
    const admin = await server.adminToken();
    const t = await createTenantWithAccess(server, 'Two Hundred Racers');
    await server.gql(SET_QUOTA, { t: t.tenantId, i: { elevenlabsCharacterLimit: 10_000 } }, admin);
    const inputs = Array.from({ length: 200 }, (_, i) => ({ service: 'ELEVENLABS', characters: 100, requestId: `race-${i}` }));
    const responses = await Promise.all(inputs.map((input, i) => (i % 2 ? second : server).gql(RECORD_USAGE, { input }, t.apiKey)));
    expect(responses.filter((r) => r.errors)).toEqual([]);
    expect(await countAlerts(t.tenantId)).toEqual([{ type: 'QUOTA_APPROACHING', n: 1 }, { type: 'QUOTA_EXCEEDED', n: 1 }]);
    console.log('figure: alerts under 200 racing events = 1 approaching + 1 exceeded');
    await server.gql(SET_QUOTA, { t: t.tenantId, i: { elevenlabsCharacterLimit: 15_000 } }, admin);
    await server.gql(RECORD_USAGE, { input: { service: 'ELEVENLABS', characters: 100, requestId: 'after-raise' } }, t.apiKey);
    // 20,100 of 15,000: both fire again for the new limit value
    expect(await countAlerts(t.tenantId)).toEqual([{ type: 'QUOTA_APPROACHING', n: 2 }, { type: 'QUOTA_EXCEEDED', n: 2 }]);
  });

  it('answers checkQuota for HARD limits before the call, and never refuses recording', async () => {
    const admin = await server.adminToken();
    const t = await createTenantWithAccess(server, 'Hard Limits');
    await server.gql(SET_QUOTA, { t: t.tenantId, i: { smartfloMinuteLimit: 10, enforcement: 'HARD' } }, admin);
    const check = `query($u: Float!) { checkQuota(service: SMARTFLO, estimatedUnits: $u) { allowed reason remaining } }`;
    expect((await server.gql(check, { u: 5 }, t.apiKey)).data!.checkQuota).toEqual({ allowed: true, reason: null, remaining: 10 });
    await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 480, requestId: 'eight-minutes' } }, t.apiKey);
    const denied = (await server.gql(check, { u: 5 }, t.apiKey)).data!.checkQuota;
    expect(denied).toMatchObject({ allowed: false, remaining: 2 });
    const over = await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 600, requestId: 'ten-more' } }, t.apiKey);
    expect(over.errors).toBeUndefined();
    await server.gql(`mutation($t: ID!) { updateTenant(id: $t, input: { status: SUSPENDED }) { status } }`, { t: t.tenantId }, admin);
    server.services.tenantDirectory.forget();
    expect((await server.gql(check, { u: 0 }, t.apiKey)).data!.checkQuota).toMatchObject({ allowed: false, reason: 'The tenant is suspended' });
  });
});

describe('rate and spike alerts', () => {
  it('raises RATE_LIMIT_EXCEEDED once per 60 s for a tenant, counted across two instances', async () => {
    const admin = await server.adminToken();
    const t = await createTenantWithAccess(server, 'Rate Limited');
    await server.gql(SET_QUOTA, { t: t.tenantId, i: { requestsPerMinuteLimit: 10 } }, admin);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? second : server).gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 1, requestId: `rate-${i}` } }, t.apiKey)),
    );
    expect(responses.filter((r) => r.errors)).toEqual([]);
    expect(await countAlerts(t.tenantId)).toEqual([{ type: 'RATE_LIMIT_EXCEEDED', n: 1 }]);
    const standing = responses.at(-1)!.data!.recordUsage.quotas.find((q: { metric: string }) => q.metric === 'REQUESTS_PER_MINUTE');
    expect(standing.limit).toBe(10);
  });

  it('raises COST_SPIKE once a day when today passes 3× the 7-day average and $1', async () => {
    const t = await createTenantWithAccess(server, 'Spiky');
    const day = 86_400_000;
    // seven quiet days at $0.02 a day, via 60-second Smartflo calls
    const quiet = Array.from({ length: 7 }, (_, d) => ({ service: 'SMARTFLO', durationSeconds: 60, requestId: `quiet-${d}`, occurredAt: new Date(Date.now() - (d + 1) * day).toISOString() }));
    await server.gql(`mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }`, { i: quiet }, t.apiKey);
    const spike = await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 3600, requestId: 'spike' } }, t.apiKey);
    expect(spike.data!.recordUsage.alerts.map((a: { type: string }) => a.type)).toEqual(['COST_SPIKE']);
    await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 3600, requestId: 'spike-2' } }, t.apiKey);
    expect(await countAlerts(t.tenantId)).toEqual([{ type: 'COST_SPIKE', n: 1 }]);
  });

  it('raises no COST_SPIKE without usage on at least 3 of the previous 7 days', async () => {
    // A brand-new tenant's first hour of calls ($1.80) against an average of $0.00 is no spike.
    const fresh = await createTenantWithAccess(server, 'First Day');
    const first = await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 3600, requestId: 'first' } }, fresh.apiKey);
    expect(first.data!.recordUsage.alerts).toEqual([]);
    // Two quiet days are still no baseline; a third makes one, and the same hour then is a spike.
    const t = await createTenantWithAccess(server, 'Two Quiet Days');
    const day = 86_400_000;
    const quietDay = (d: number) => ({ service: 'SMARTFLO', durationSeconds: 60, requestId: `quiet-${d}`, occurredAt: new Date(Date.now() - d * day).toISOString() });
    await server.gql(`mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }`, { i: [quietDay(2), quietDay(5)] }, t.apiKey);
    const early = await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 3600, requestId: 'early' } }, t.apiKey);
    expect(early.data!.recordUsage.alerts).toEqual([]);
    await server.gql(`mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }`, { i: [quietDay(7)] }, t.apiKey);
    const spike = await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 3600, requestId: 'spike' } }, t.apiKey);
    expect(spike.data!.recordUsage.alerts.map((a: { type: string }) => a.type)).toEqual(['COST_SPIKE']);
    expect(await countAlerts(fresh.tenantId)).toEqual([]);
  });

  it('a baseline completed on another instance counts here within 5 minutes', async () => {
    // This instance keeps "no baseline yet" for 5 minutes; a late event recorded on the other
    // instance is not seen here, so the spike waits for that time, then is raised.
    const t = await createTenantWithAccess(server, 'Baseline Elsewhere');
    const day = 86_400_000;
    // Both moments on one UTC day, whenever the test runs.
    const base = Math.min(Date.now(), Math.ceil(Date.now() / day) * day - 10 * 60_000);
    const quietDay = (d: number) => ({ service: 'SMARTFLO', durationSeconds: 60, requestId: `quiet-${d}`, occurredAt: new Date(base - d * day).toISOString() });
    const hour = (requestId: string) => ({ input: { service: 'SMARTFLO', durationSeconds: 3600, requestId } });
    server.clock.set(new Date(base));
    second.clock.set(new Date(base));
    try {
      await server.gql(`mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }`, { i: [quietDay(2), quietDay(5)] }, t.apiKey);
      expect((await server.gql(RECORD_USAGE, hour('early'), t.apiKey)).data!.recordUsage.alerts).toEqual([]);
      await second.gql(`mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }`, { i: [quietDay(7)] }, t.apiKey);
      expect((await server.gql(RECORD_USAGE, hour('stale'), t.apiKey)).data!.recordUsage.alerts).toEqual([]);
      server.clock.set(new Date(base + 5 * 60_000 + 1_000));
      const spike = await server.gql(RECORD_USAGE, hour('spike'), t.apiKey);
      expect(spike.data!.recordUsage.alerts.map((a: { type: string }) => a.type)).toEqual(['COST_SPIKE']);
    } finally {
      server.clock.set(undefined);
      second.clock.set(undefined);
    }
  });
});

describe('alert status', () => {
  it('moves ACTIVE → ACKNOWLEDGED → RESOLVED, keeps who and when, and repeating is harmless', async () => {
    const admin = await server.adminToken();
    const t = await createTenantWithAccess(server, 'Alert Status');
    await server.gql(SET_QUOTA, { t: t.tenantId, i: { elevenlabsCharacterLimit: 100 } }, admin);
    const raised = await server.gql(RECORD_USAGE, { input: { service: 'ELEVENLABS', characters: 500, requestId: 'x' } }, t.apiKey);
    const id = raised.data!.recordUsage.alerts[0].id;
    const ack = `mutation($id: ID!) { acknowledgeAlert(id: $id) { status acknowledgedBy acknowledgedAt } }`;
    const first = (await server.gql(ack, { id }, admin)).data!.acknowledgeAlert;
    expect(first).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: 'admin@test.example' });
    expect((await server.gql(ack, { id }, admin)).data!.acknowledgeAlert).toEqual(first);
    const resolved = (await server.gql(`mutation($id: ID!) { resolveAlert(id: $id) { status resolvedBy } }`, { id }, admin)).data!.resolveAlert;
    expect(resolved).toEqual({ status: 'RESOLVED', resolvedBy: 'admin@test.example' });
    expect((await server.gql(ack, { id }, admin)).data!.acknowledgeAlert.status).toBe('RESOLVED');
    const customerTry = await server.gql(ack, { id }, t.customerToken);
    expect(customerTry.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const missing = await server.gql(ack, { id: '00000000-0000-0000-0000-000000000000' }, admin);
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe('alertRaised over graphql-ws', () => {
  const ALERT_SUB = `subscription($t: ID) { alertRaised(tenantId: $t) { id type tenant { id name } } }`;

  it('reaches a subscriber on instance B within a second of the response on instance A, and never another tenant’s customer', async () => {
    const admin = await server.adminToken();
    const a = await createTenantWithAccess(server, 'Live Tenant A');
    const b = await createTenantWithAccess(server, 'Live Tenant B');
    await server.gql(SET_QUOTA, { t: a.tenantId, i: { elevenlabsCharacterLimit: 100 } }, admin);
    const adminOnB = subscribe(second.wsUrl, admin, ALERT_SUB);
    const customerBOnB = subscribe(second.wsUrl, b.customerToken, ALERT_SUB);
    const customerAOnA = subscribe(server.wsUrl, a.customerToken, ALERT_SUB);
    await Promise.all([adminOnB.ready, customerBOnB.ready, customerAOnA.ready]);
    await new Promise((r) => setTimeout(r, 100));
    const response = await server.gql(RECORD_USAGE, { input: { service: 'ELEVENLABS', characters: 500, requestId: 'live-1' } }, a.apiKey);
    const answeredAt = Date.now();
    expect(response.data!.recordUsage.alerts).toHaveLength(2);
    expect(await adminOnB.waitFor(2, 1_000)).toBe(true);
    expect(adminOnB.errors).toEqual([]);
    const latency = Math.max(...adminOnB.received.map((r) => r.at - answeredAt));
    console.log(`figure: cross-instance alert delivery = ${latency} ms`);
    expect(latency).toBeLessThan(1_000);
    expect(await customerAOnA.waitFor(2, 1_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(customerBOnB.received).toEqual([]);
    expect(adminOnB.received.every((r) => r.data.alertRaised.tenant.id === a.tenantId)).toBe(true);
    await Promise.all([adminOnB.close(), customerBOnB.close(), customerAOnA.close()]);
  });

  it('refuses a customer naming another tenant, and sockets without a valid token (4403)', async () => {
    const a = await createTenantWithAccess(server, 'Socket A');
    const b = await createTenantWithAccess(server, 'Socket B');
    const sneaky = subscribe(server.wsUrl, a.customerToken, ALERT_SUB, { t: b.tenantId });
    await sneaky.ready;
    const deadline = Date.now() + 2_000;
    while (sneaky.errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(JSON.stringify(sneaky.errors)).toContain('FORBIDDEN');
    await sneaky.close();
    for (const token of [undefined, 'um_sess_not-a-real-token', a.apiKey]) {
      const refused = subscribe(server.wsUrl, token, ALERT_SUB);
      await expect(refused.ready).rejects.toThrow(/4403/);
      await refused.close();
    }
  });

  it('usageUpdated sends a tenant’s fresh totals, at most once a second', async () => {
    const t = await createTenantWithAccess(server, 'Usage Live');
    const live = subscribe(second.wsUrl, t.customerToken, `subscription { usageUpdated { totalApiCalls totalCostUsd tenant { id } } }`);
    await live.ready;
    for (let i = 0; i < 10; i++) await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 60, requestId: `u-${i}` } }, t.apiKey);
    expect(await live.waitFor(1, 3_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_500));
    const last = live.received.at(-1)!.data.usageUpdated;
    expect(last).toEqual({ totalApiCalls: 10, totalCostUsd: '0.2', tenant: { id: t.tenantId } });
    const gaps = live.received.slice(1).map((r, i) => r.at - live.received[i]!.at);
    expect(gaps.every((gap) => gap >= 900)).toBe(true);
    await live.close();
  });
});
