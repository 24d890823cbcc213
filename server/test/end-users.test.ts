import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageRebuildService } from '../src/modules/usage/rebuild/usage-rebuild.service.js';
import { RECORD_USAGE, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { subscribe } from './live.js';

let server: TestServer;
type Access = Awaited<ReturnType<typeof createTenantWithAccess>>;
let acme: Access;
let globex: Access;

beforeAll(async () => {
  server = await startTestServer();
  acme = await createTenantWithAccess(server, 'Acme End Users');
  globex = await createTenantWithAccess(server, 'Globex End Users');
});
afterAll(() => server?.close());

const DAY = 86_400_000;
let counter = 0;
const rid = () => `eu-${Date.now()}-${counter++}`;
const BATCH = `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate log { id endUser source costUsd } alerts { type endUser } } }`;
const END_USERS = `query($input: EndUsersInput!) { endUsers(input: $input) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { tenant { id } endUser totalCostUsd apiCalls errorCalls costPerCallUsd dailyAverageCostUsd firstSeenAt lastSeenAt services { service units costUsd apiCalls } }
} }`;
const smartflo = (endUser: string | null, seconds: number, extra: Record<string, unknown> = {}) => ({ service: 'SMARTFLO', durationSeconds: seconds, requestId: rid(), endUser, ...extra });

async function endUsers(input: Record<string, unknown>, token: string) {
  return server.gql(END_USERS, { input }, token);
}

/** The independent model: every end user's totals over the range, summed from the log itself. */
async function fromLogs(tenantId: string, days: number) {
  const now = server.clock.now();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY);
  const { rows } = await server.services.db.pool.query(
    `select end_user, count(*)::int as calls, count(*) filter (where status = 'ERROR')::int as errors, sum(cost_usd)::text as cost
       from usage_logs where tenant_id = $1 and end_user is not null and occurred_at >= $2 group by end_user order by end_user`,
    [tenantId, from],
  );
  return rows.map((r) => ({ endUser: r.end_user, apiCalls: r.calls, errorCalls: r.errors, totalCostUsd: r.cost.replace(/\.?0+$/, '') || '0' }));
}

async function allPages(input: Record<string, unknown>, token: string, first: number) {
  const nodes: any[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const response: any = await endUsers({ ...input, first, after }, token);
    expect(response.errors).toBeUndefined();
    nodes.push(...response.data.endUsers.nodes);
    if (!response.data.endUsers.pageInfo.hasNextPage) return nodes;
    after = response.data.endUsers.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

describe('recording an end user', () => {
  it('stores it on the log with the source, filters logs and the CSV by it, and makes it part of the idempotency body', async () => {
    const requestId = rid();
    const first = await server.gql(RECORD_USAGE.replace('requestId occurredAt', 'requestId occurredAt endUser source'), { input: { ...smartflo('alice', 60), requestId } }, acme.apiKey);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordUsage.log).toMatchObject({ endUser: 'alice', source: 'API' });
    const again = await server.gql(RECORD_USAGE, { input: { ...smartflo('alice', 60), requestId } }, acme.apiKey);
    expect(again.data!.recordUsage.duplicate).toBe(true);
    const other = await server.gql(RECORD_USAGE, { input: { ...smartflo('bob', 60), requestId } }, acme.apiKey);
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', field: 'requestId' });
    const none = await server.gql(RECORD_USAGE, { input: { ...smartflo(null, 60), requestId } }, acme.apiKey);
    expect(none.errors![0]!.extensions!.code).toBe('IDEMPOTENCY_CONFLICT');

    const logs = await server.gql(`{ usageLogs(filter: { endUser: "alice" }) { totalCount nodes { endUser requestId } } }`, {}, acme.customerToken);
    expect(logs.data!.usageLogs).toEqual({ totalCount: 1, nodes: [{ endUser: 'alice', requestId }] });
    const csv = await fetch(`${server.httpUrl}/export/usage.csv?endUser=alice`, { headers: { authorization: `Bearer ${acme.customerToken}` } });
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toContain('end_user,source');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/,alice,API,,$/);
  });

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(256)],
    ['a NUL', 'a\u0000b'],
    ['an unpaired surrogate', 'a\ud800b'],
  ])('refuses %s endUser with BAD_USER_INPUT on endUser and records nothing', async (_name, endUser) => {
    const before = await server.services.db.pool.query('select count(*)::int as n from usage_logs where tenant_id = $1', [acme.tenantId]);
    const single = await server.gql(RECORD_USAGE, { input: smartflo(endUser, 1) }, acme.apiKey);
    expect(single.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endUser' });
    const batch = await server.gql(BATCH, { i: [smartflo('fine', 1), smartflo(endUser, 1)] }, acme.apiKey);
    expect(batch.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endUser', index: 1 });
    const after = await server.services.db.pool.query('select count(*)::int as n from usage_logs where tenant_id = $1', [acme.tenantId]);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses an endUser filter without a tenant, and bad filters, with BAD_USER_INPUT and the field', async () => {
    const admin = await server.adminToken();
    const logs = await server.gql(`{ usageLogs(filter: { endUser: "alice" }) { totalCount } }`, {}, admin);
    expect(logs.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endUser' });
    const series = await server.gql(`{ usageTimeSeries(input: { days: 7, endUser: "" }) { totalCostUsd } }`, {}, acme.customerToken);
    expect(series.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endUser' });
    const csv = await fetch(`${server.httpUrl}/export/usage.csv?endUser=alice`, { headers: { authorization: `Bearer ${admin}` } });
    expect(csv.status).toBe(400);
    expect(await csv.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'endUser' } });
  });
});

describe('end-user totals', () => {
  it('equal the sum of their logs exactly under 64 concurrent writers, a few end users and one hot one, singles and mixed batches', async () => {
    const t = await createTenantWithAccess(server, 'Concurrent End Users');
    const users = ['hot', 'u-1', 'u-2', 'u-3'];
    const writes = Array.from({ length: 64 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 5; i++) {
          const endUser = (w + i) % 2 === 0 ? 'hot' : users[(w + i) % users.length]!;
          const input = i % 3 === 0
            ? { service: 'OPENAI', model: 'gpt-4', inputTokens: 150 + w, outputTokens: 450, requestId: rid(), endUser, status: w % 7 === 0 ? 'ERROR' : 'SUCCESS' }
            : smartflo(endUser, 37 + w + i);
          const response = i === 4
            ? await server.gql(BATCH, { i: [input, smartflo(users[w % users.length]!, 11), smartflo(null, 13)] }, t.apiKey)
            : await server.gql(RECORD_USAGE, { input }, t.apiKey);
          expect(response.errors).toBeUndefined();
        }
      })(),
    );
    await Promise.all(writes);
    const expected = await fromLogs(t.tenantId, 30);
    const ranked = (await endUsers({ days: 30, orderBy: 'END_USER_ASC', first: 100 }, t.customerToken)).data!.endUsers;
    expect(ranked.totalCount).toBe(users.length);
    expect(ranked.nodes.map((n: any) => ({ endUser: n.endUser, apiCalls: n.apiCalls, errorCalls: n.errorCalls, totalCostUsd: n.totalCostUsd }))).toEqual(expected);
    // The per-service split adds up to the user's total, to the last digit.
    for (const node of ranked.nodes) {
      const calls = node.services.reduce((sum: number, s: any) => sum + s.apiCalls, 0);
      expect(calls).toBe(node.apiCalls);
    }
    const { rows } = await server.services.db.pool.query(
      `select (select sum(cost_usd) from end_user_monthly_totals where tenant_id = $1)::text as monthly,
              (select sum(cost_usd) from end_user_daily_rollups where tenant_id = $1)::text as daily,
              (select sum(cost_usd) from usage_logs where tenant_id = $1 and end_user is not null)::text as logs,
              (select active_end_users from monthly_summaries where tenant_id = $1) as active`,
      [t.tenantId],
    );
    expect(rows[0].monthly).toBe(rows[0].logs);
    expect(rows[0].daily).toBe(rows[0].logs);
    expect(Number(rows[0].active)).toBe(users.length);
    const dashboard = await server.gql(`{ usageDashboard { activeEndUsers } }`, {}, t.customerToken);
    expect(dashboard.data!.usageDashboard.activeEndUsers).toBe(users.length);
  });

  it('derives cost per call and daily average exactly, rounded once to 12 decimals', async () => {
    const t = await createTenantWithAccess(server, 'Ratios');
    // 3 calls of 100 s: 3 × $0.033333333333 = $0.099999999999
    await server.gql(BATCH, { i: [smartflo('r', 100), smartflo('r', 100), smartflo('r', 100)] }, t.apiKey);
    const node = (await endUsers({ days: 7 }, t.customerToken)).data!.endUsers.nodes[0];
    expect(node).toMatchObject({ totalCostUsd: '0.099999999999', apiCalls: 3, costPerCallUsd: '0.033333333333', dailyAverageCostUsd: '0.014285714286' });
    expect(node.services).toContainEqual({ service: 'SMARTFLO', units: 5, costUsd: '0.099999999999', apiCalls: 3 });
  });
});

describe('endUsers ranking', () => {
  let tenant: Access;
  beforeAll(async () => {
    tenant = await createTenantWithAccess(server, 'Ranking');
    // 23 users with ties in cost, calls and names that differ only in case.
    const inputs = [];
    for (let u = 0; u < 23; u++) {
      const endUser = u % 5 === 0 ? `User-${u}` : `user-${u}`;
      for (let c = 0; c <= u % 4; c++) inputs.push(smartflo(endUser, 60 * (1 + (u % 3)), { occurredAt: new Date(Date.now() - (u % 6) * DAY - c * 1000).toISOString() }));
    }
    const response = await server.gql(BATCH, { i: inputs }, tenant.apiKey);
    expect(response.errors).toBeUndefined();
  });

  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const orders: [string, (a: any, b: any) => number][] = [
    ['COST_DESC', (a, b) => Number(b.totalCostUsd) - Number(a.totalCostUsd) || cmp(a.endUser, b.endUser)],
    ['CALLS_DESC', (a, b) => b.apiCalls - a.apiCalls || cmp(a.endUser, b.endUser)],
    ['LAST_SEEN_DESC', (a, b) => cmp(b.lastSeenAt, a.lastSeenAt) || cmp(a.endUser, b.endUser)],
    ['END_USER_ASC', (a, b) => cmp(a.endUser, b.endUser)],
  ];

  it.each(orders)('pages in %s without gaps or repeats, in the order of an independent sort', async (orderBy, order) => {
    const paged = await allPages({ days: 30, orderBy }, tenant.customerToken, 4);
    expect(paged).toHaveLength(23);
    expect(paged.map((n) => n.endUser)).toEqual([...paged].sort(order).map((n) => n.endUser));
    expect(new Set(paged.map((n) => n.endUser)).size).toBe(23);
  });

  it('searches by case-insensitive substring, with its own count and pages', async () => {
    const response = await endUsers({ days: 30, search: 'USER-1', first: 3 }, tenant.customerToken);
    const expected = Array.from({ length: 23 }, (_, u) => u).filter((u) => String(u).startsWith('1')).length;
    expect(response.data!.endUsers.totalCount).toBe(expected);
    const all = await allPages({ days: 30, search: 'USER-1' }, tenant.customerToken, 3);
    expect(all.map((n) => n.endUser.toLowerCase()).every((id) => id.includes('user-1'))).toBe(true);
    expect(all).toHaveLength(expected);
    // LIKE's own wildcards match themselves.
    expect((await endUsers({ days: 30, search: '%' }, tenant.customerToken)).data!.endUsers.totalCount).toBe(0);
  });

  it('narrows to the range: 7 days hold only the last 7 days of calls', async () => {
    const week = await allPages({ days: 7, orderBy: 'END_USER_ASC' }, tenant.customerToken, 100);
    expect(week.map(({ endUser, apiCalls, totalCostUsd }) => ({ endUser, apiCalls, totalCostUsd }))).toEqual(
      (await fromLogs(tenant.tenantId, 7)).map(({ endUser, apiCalls, totalCostUsd }) => ({ endUser, apiCalls, totalCostUsd })),
    );
  });

  it('refuses bad ranges, page sizes and cursors from another order or tenant with BAD_USER_INPUT and the field', async () => {
    const admin = await server.adminToken();
    const bad = async (input: Record<string, unknown>, field: string | RegExp, token = tenant.customerToken) => {
      const response = await endUsers(input, token);
      expect(response.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field: typeof field === 'string' ? field : expect.stringMatching(field) });
      expect(response.data ?? null).toBeNull();
    };
    await bad({ days: 8 }, 'days');
    // The operation checks refuse a page size below 1 before the query runs (field input.first).
    await bad({ days: 30, first: 0 }, /first$/);
    await bad({ days: 30, first: 101 }, /first$/);
    const page = (await endUsers({ days: 30, first: 2, orderBy: 'COST_DESC' }, tenant.customerToken)).data!.endUsers;
    await bad({ days: 30, first: 2, orderBy: 'CALLS_DESC', after: page.pageInfo.endCursor }, 'after');
    await bad({ days: 7, first: 2, orderBy: 'COST_DESC', after: page.pageInfo.endCursor }, 'after');
    await bad({ days: 30, first: 2, orderBy: 'COST_DESC', after: 'not-a-cursor' }, 'after');
    const adminPage = (await endUsers({ tenantId: tenant.tenantId, days: 30, first: 2 }, admin)).data!.endUsers;
    await bad({ tenantId: acme.tenantId, days: 30, first: 2, after: adminPage.pageInfo.endCursor }, 'after', admin);
  });

  it("gives a customer only its own tenant: another tenant's id is FORBIDDEN with no data", async () => {
    const response = await endUsers({ tenantId: tenant.tenantId, days: 30 }, globex.customerToken);
    expect(response.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
    const own = await endUsers({ days: 30 }, globex.customerToken);
    expect(own.data!.endUsers.nodes.every((n: any) => n.tenant.id === globex.tenantId)).toBe(true);
  });

  it('ranks every tenant for an admin who names none, merged in one order', async () => {
    const admin = await server.adminToken();
    const all = await allPages({ days: 30, orderBy: 'COST_DESC' }, admin, 7);
    const { rows } = await server.services.db.pool.query(
      `select count(distinct (tenant_id, end_user))::int as n,
              count(distinct (tenant_id, end_user)) filter (where occurred_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC')::int as this_month
         from usage_logs where end_user is not null`,
    );
    expect(all).toHaveLength(rows[0].n);
    const costs = all.map((n) => Number(n.totalCostUsd));
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    const overview = await server.gql(`{ overview { activeEndUsers } }`, {}, admin);
    expect(overview.data!.overview.activeEndUsers).toBe(rows[0].this_month);
  });
});

describe('per-end-user cap', () => {
  it('raises END_USER_LIMIT_EXCEEDED exactly once under 200 racing events, live, and re-arms when the cap changes', async () => {
    const admin = await server.adminToken();
    const t = await createTenantWithAccess(server, 'Capped');
    await server.gql(`mutation($id: ID!) { updateTenant(id: $id, input: { contactEmail: "billing@capped.test" }) { id } }`, { id: t.tenantId }, admin);
    const set = await server.gql(
      `mutation($t: ID!, $i: QuotaInput!) { setQuota(tenantId: $t, input: $i) { endUserMonthlyCostLimitUsd } }`,
      { t: t.tenantId, i: { endUserMonthlyCostLimitUsd: '0.5' } },
      admin,
    );
    expect(set.data!.setQuota.endUserMonthlyCostLimitUsd).toBe('0.5');
    const live = subscribe(server.wsUrl, t.customerToken, `subscription { alertRaised { type endUser } }`);
    await live.ready;
    // 200 calls of 60 s ($0.02 each, $4 in all) for one user; the cap falls on the 25th.
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => server.gql(BATCH, { i: [smartflo(i % 10 === 9 ? 'other' : 'capped', 60)] }, t.apiKey)));
    expect(responses.filter((r) => r.errors)).toEqual([]);
    const raised = responses.flatMap((r) => r.data!.recordUsages.flatMap((o: any) => o.alerts)).filter((a: any) => a.type === 'END_USER_LIMIT_EXCEEDED');
    expect(raised).toEqual([{ type: 'END_USER_LIMIT_EXCEEDED', endUser: 'capped' }]);
    const { rows } = await server.services.db.pool.query(`select end_user, current_value, limit_value from alerts where tenant_id = $1 and type = 'END_USER_LIMIT_EXCEEDED'`, [t.tenantId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ end_user: 'capped', limit_value: 0.5 });
    const alerts = await server.gql(`{ alerts { type endUser message } }`, {}, t.customerToken);
    expect(alerts.data!.alerts).toContainEqual(expect.objectContaining({ type: 'END_USER_LIMIT_EXCEEDED', endUser: 'capped' }));
    expect(await live.waitFor(1)).toBe(true);
    expect(live.received.map((r) => r.data.alertRaised)).toEqual([{ type: 'END_USER_LIMIT_EXCEEDED', endUser: 'capped' }]);
    await live.close();
    // Mailed like every alert: a delivery per notification target of the tenant.
    const { rows: deliveries } = await server.services.db.pool.query(
      `select d.channel from notification_deliveries d join alerts a on a.id = d.alert_id where a.tenant_id = $1 and a.type = 'END_USER_LIMIT_EXCEEDED'`,
      [t.tenantId],
    );
    expect(deliveries).toEqual([{ channel: 'EMAIL' }]);

    await server.gql(`mutation($t: ID!, $i: QuotaInput!) { setQuota(tenantId: $t, input: $i) { tenant { id } } }`, { t: t.tenantId, i: { endUserMonthlyCostLimitUsd: '10' } }, admin);
    const below = await server.gql(BATCH, { i: [smartflo('capped', 60)] }, t.apiKey);
    expect(below.data!.recordUsages[0].alerts).toEqual([]);
    await server.gql(`mutation($t: ID!, $i: QuotaInput!) { setQuota(tenantId: $t, input: $i) { tenant { id } } }`, { t: t.tenantId, i: { endUserMonthlyCostLimitUsd: '1' } }, admin);
    const rearmed = await server.gql(BATCH, { i: [smartflo('capped', 60)] }, t.apiKey);
    expect(rearmed.data!.recordUsages[0].alerts).toEqual([{ type: 'END_USER_LIMIT_EXCEEDED', endUser: 'capped' }]);
  });

  it('refuses a cap that is not an amount above 0 with BAD_USER_INPUT on its field', async () => {
    const admin = await server.adminToken();
    for (const value of ['0', '-1', 'abc']) {
      const response = await server.gql(`mutation($t: ID!, $i: QuotaInput!) { setQuota(tenantId: $t, input: $i) { tenant { id } } }`, { t: acme.tenantId, i: { endUserMonthlyCostLimitUsd: value } }, admin);
      expect(response.errors![0]!.extensions, value).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });
});

describe('series and rebuild', () => {
  it("gives one end user's series from its rollups", async () => {
    const t = await createTenantWithAccess(server, 'Series');
    await server.gql(BATCH, { i: [smartflo('s1', 60), smartflo('s1', 120), smartflo('s2', 600)] }, t.apiKey);
    const series = await server.gql(`{ usageTimeSeries(input: { days: 30, endUser: "s1" }) { totalCostUsd totalApiCalls points { key apiCalls costUsd } } }`, {}, t.customerToken);
    expect(series.data!.usageTimeSeries).toMatchObject({ totalCostUsd: '0.06', totalApiCalls: 2, points: [{ key: 'SMARTFLO', apiCalls: 2, costUsd: '0.06' }] });
  });

  it('rebuilds every end-user rollup, window and count from the log to the same rows', async () => {
    const pool = server.services.db.pool;
    const snapshot = async () =>
      Promise.all(
        [
          'select tenant_id, day, end_user, service, model, api_calls, error_calls, trim_scale(round(units, 9))::text as units, cost_usd::text, first_seen_at, last_seen_at from end_user_daily_rollups order by 1, 2, 3, 4, 5',
          'select tenant_id, period, end_user, api_calls, error_calls, cost_usd::text from end_user_monthly_totals order by 1, 2, 3',
          'select tenant_id, window_days, end_user, api_calls, error_calls, cost_usd::text, last_seen_at from end_user_windows order by 1, 2, 3',
          'select tenant_id, window_days, end_users from end_user_window_counts where end_users > 0 order by 1, 2',
          'select tenant_id, period, active_end_users from monthly_summaries order by 1, 2',
        ].map(async (sql) => (await pool.query(sql)).rows),
      );
    // What the windows hold once every delta is folded (a read folds its tenant's first).
    await server.services.endUserWindows.foldPending({ wait: true });
    // Units are chart figures (minutes are seconds / 60, no exact decimal either way): compared to 9 places.
    const before = await snapshot();
    expect(before[0]!.length).toBeGreaterThan(0);
    await new UsageRebuildService(pool).rebuild(server.clock.now());
    expect(await snapshot()).toEqual(before);
    expect((await pool.query('select count(*)::int as n from end_user_window_deltas')).rows[0].n).toBe(0);
  });
});
