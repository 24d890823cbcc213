import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let big: Awaited<ReturnType<typeof createTenantWithAccess>>;
let small: Awaited<ReturnType<typeof createTenantWithAccess>>;
const BATCH = `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }`;

beforeAll(async () => {
  server = await startTestServer();
  big = await createTenantWithAccess(server, 'Zeta Big Spender');
  small = await createTenantWithAccess(server, 'alpha small');
  const now = Date.now();
  // Up to four hours back, but never before today's UTC midnight: the dashboards' expectations
  // (one day's usage, a first-day cost spike) must hold when the suite runs just after midnight.
  const spread = Math.min(3_600_000, Math.floor((now - new Date(now).setUTCHours(0, 0, 0, 0)) / 5));
  await server.gql(BATCH, {
    i: Array.from({ length: 120 }, (_, i) => ({
      service: i % 2 ? 'OPENAI' : 'SMARTFLO',
      model: i % 2 ? 'gpt-4' : null,
      inputTokens: i % 2 ? 1000 : null,
      outputTokens: i % 2 ? 500 : null,
      durationSeconds: i % 2 ? null : 90,
      status: i % 10 === 0 ? 'ERROR' : 'SUCCESS',
      requestId: `big-${i}`,
      occurredAt: new Date(now - (i % 5) * spread).toISOString(),
    })),
  }, big.apiKey);
  await server.gql(BATCH, { i: [{ service: 'ELEVENLABS', characters: 1000, requestId: 's-1' }] }, small.apiKey);
});
afterAll(() => server?.close());

describe('monthly summaries', () => {
  it('lists tenants with usage, highest cost first, searching names case-insensitively', async () => {
    const admin = await server.adminToken();
    const all = (await server.gql(`{ monthlySummaries { tenant { name } totalCostUsd totalApiCalls errorCalls smartfloMinutes openaiTotalTokens } }`, {}, admin)).data!.monthlySummaries;
    expect(all.map((s: { tenant: { name: string } }) => s.tenant.name)).toEqual(['Zeta Big Spender', 'alpha small']);
    // 60 gpt-4 calls at 0.03 + 0.03 = 0.06 each; 60 Smartflo 90 s calls at 0.03 each
    expect(all[0]).toMatchObject({ totalCostUsd: '5.4', totalApiCalls: 120, errorCalls: 12, smartfloMinutes: 90, openaiTotalTokens: 90_000 });
    const found = (await server.gql(`{ monthlySummaries(search: "ALPHA") { tenant { name } } }`, {}, admin)).data!.monthlySummaries;
    expect(found).toEqual([{ tenant: { name: 'alpha small' } }]);
    const bad = await server.gql(`{ monthlySummaries(period: "2026-13") { period } }`, {}, admin);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });

  it('answers exactly six months of history, oldest first, zero-filled', async () => {
    const history = (await server.gql(`{ usageHistory { period totalCostUsd totalApiCalls } }`, {}, big.customerToken)).data!.usageHistory;
    expect(history).toHaveLength(6);
    expect(history.slice(0, 5).every((m: { totalApiCalls: number; totalCostUsd: string }) => m.totalApiCalls === 0 && m.totalCostUsd === '0')).toBe(true);
    expect(history[5].totalApiCalls).toBe(120);
    expect(history.map((m: { period: string }) => m.period)).toEqual([...history.map((m: { period: string }) => m.period)].sort());
  });
});

describe('usage logs', () => {
  it('pages newest first with a cursor, filters, and counts exactly', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let last = Infinity;
    for (let page = 0; page < 10; page++) {
      const response: any = await server.gql(`query($a: String) { usageLogs(first: 50, after: $a) { nodes { requestId occurredAt } pageInfo { hasNextPage endCursor } totalCount } }`, { a: after }, big.customerToken);
      const connection = response.data.usageLogs;
      expect(connection.totalCount).toBe(120);
      for (const node of connection.nodes) {
        expect(Date.parse(node.occurredAt)).toBeLessThanOrEqual(last);
        last = Date.parse(node.occurredAt);
        seen.add(node.requestId);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.size).toBe(120);
    const errors = (await server.gql(`{ usageLogs(filter: { status: ERROR, service: SMARTFLO }) { totalCount nodes { status service } } }`, {}, big.customerToken)).data!.usageLogs;
    expect(errors.totalCount).toBe(12);
    expect(errors.nodes.every((n: { status: string; service: string }) => n.status === 'ERROR' && n.service === 'SMARTFLO')).toBe(true);
    const capped = await server.gql(`{ usageLogs(first: 201) { totalCount } }`, {}, big.customerToken);
    expect(capped.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('shows customers only their own logs whatever the filter says', async () => {
    const mine = (await server.gql(`{ usageLogs { totalCount nodes { tenant { name } } } }`, {}, small.customerToken)).data!.usageLogs;
    expect(mine.totalCount).toBe(1);
    expect(mine.nodes[0].tenant.name).toBe('alpha small');
  });
});

describe('dashboards and charts', () => {
  it('overview, breakdown, top tenants and time series agree with the summaries', async () => {
    const admin = await server.adminToken();
    const data = (await server.gql(`{ overview { customerCount totalCostUsd totalApiCalls } serviceBreakdown { service costUsd apiCalls units }
      topTenants(limit: 1) { tenant { name } totalCostUsd } usageTimeSeries(input: { days: 7, groupBy: MODEL }) { totalCostUsd totalApiCalls previousTotalCostUsd points { key costUsd } } }`, {}, admin)).data!;
    expect(data.overview).toMatchObject({ customerCount: 2, totalCostUsd: '5.43', totalApiCalls: 121 });
    expect(data.serviceBreakdown).toEqual([
      { service: 'OPENAI', costUsd: '3.6', apiCalls: 60, units: 90_000 },
      { service: 'ELEVENLABS', costUsd: '0.03', apiCalls: 1, units: 1000 },
      { service: 'SMARTFLO', costUsd: '1.8', apiCalls: 60, units: 90 },
    ]);
    expect(data.topTenants).toEqual([{ tenant: { name: 'Zeta Big Spender' }, totalCostUsd: '5.4' }]);
    expect(data.usageTimeSeries).toMatchObject({ totalCostUsd: '5.43', totalApiCalls: 121, previousTotalCostUsd: '0' });
    expect(new Set(data.usageTimeSeries.points.map((p: { key: string }) => p.key))).toEqual(new Set(['gpt-4', 'SMARTFLO', 'ELEVENLABS']));
    const bad = await server.gql(`{ usageTimeSeries(input: { days: 8 }) { days } }`, {}, admin);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
  });

  it('answers lines with the same numbers as points, one per key, zero-filled on the dates', async () => {
    const admin = await server.adminToken();
    for (const [groupBy, days, token] of [['MODEL', 7, admin], ['SERVICE', 365, admin], ['MODEL', 30, big.customerToken]] as const) {
      const series = (
        await server.gql(
          `query($d: Int!, $g: TimeSeriesGrouping!) { usageTimeSeries(input: { days: $d, groupBy: $g }) { totalCostUsd totalApiCalls dates
            points { date key costUsd apiCalls units } lines { key totalCostUsd totalApiCalls costUsd apiCalls units } } }`,
          { d: days, g: groupBy },
          token,
        )
      ).data!.usageTimeSeries;
      expect(series.dates).toHaveLength(days);
      const fromLines = series.lines.flatMap((line: { key: string; costUsd: string[]; apiCalls: number[]; units: number[] }) =>
        series.dates
          .map((date: string, i: number) => ({ date, key: line.key, costUsd: line.costUsd[i], apiCalls: line.apiCalls[i], units: line.units[i] }))
          .filter((p: { apiCalls: number }) => p.apiCalls > 0),
      );
      const order = (a: { date: string; key: string }, b: { date: string; key: string }) => (a.date + a.key < b.date + b.key ? -1 : 1);
      expect(fromLines.sort(order)).toEqual([...series.points].sort(order));
      expect(series.lines.reduce((sum: number, l: { totalApiCalls: number }) => sum + l.totalApiCalls, 0)).toBe(series.totalApiCalls);
      if (token === admin) expect(series.lines[0]).toMatchObject({ key: groupBy === 'MODEL' ? 'gpt-4' : 'OPENAI', totalCostUsd: '3.6' });
    }
  });

  it("adds up a tenant's model key shared by two services within a day, in points and lines", async () => {
    // A tenant's series by model reads its rollups unsummed; one model name under two services is
    // two rollup rows of the same key and day, and must still be one point.
    const shared = await createTenantWithAccess(server, 'omega shared model');
    await server.gql(BATCH, {
      i: [
        { service: 'OPENAI', model: 'gpt-4', inputTokens: 1000, outputTokens: 500, requestId: 'shared-1' },
        { service: 'ELEVENLABS', model: 'gpt-4', characters: 1000, requestId: 'shared-2' },
      ],
    }, shared.apiKey);
    const series = (
      await server.gql(`{ usageTimeSeries(input: { days: 7, groupBy: MODEL }) { totalCostUsd dates points { date key costUsd apiCalls units } lines { key totalCostUsd costUsd apiCalls } } }`, {}, shared.customerToken)
    ).data!.usageTimeSeries;
    const today = series.dates.at(-1);
    // 0.03 + 0.03 for the OpenAI call, 0.03 for the characters; units are tokens plus characters.
    expect(series.points).toEqual([{ date: today, key: 'gpt-4', costUsd: '0.09', apiCalls: 2, units: 2500 }]);
    expect(series.lines).toEqual([{ key: 'gpt-4', totalCostUsd: '0.09', costUsd: [...Array(6).fill('0'), '0.09'], apiCalls: [...Array(6).fill(0), 2] }]);
    expect(series.totalCostUsd).toBe('0.09');
  });

  it('usageDashboard gives the month per service, previous month and the projection', async () => {
    const dashboard = (await server.gql(`{ usageDashboard { period totalCostUsd previousPeriodTotalCostUsd projectedMonthEndCostUsd totalApiCalls errorCalls
      services { service units costUsd apiCalls quota { metric } } costQuota { metric } alerts { type } tenant { name } } }`, {}, big.customerToken)).data!.usageDashboard;
    // $5.40 on its first day with no history is no cost spike: the previous 7 days hold no baseline.
    expect(dashboard).toMatchObject({ totalCostUsd: '5.4', previousPeriodTotalCostUsd: '0', totalApiCalls: 120, errorCalls: 12, costQuota: null, alerts: [], tenant: { name: 'Zeta Big Spender' } });
    expect(dashboard.services).toEqual([
      { service: 'OPENAI', units: 90_000, costUsd: '3.6', apiCalls: 60, quota: null },
      { service: 'ELEVENLABS', units: 0, costUsd: '0', apiCalls: 0, quota: null },
      { service: 'SMARTFLO', units: 90, costUsd: '1.8', apiCalls: 60, quota: null },
    ]);
    expect(Number(dashboard.projectedMonthEndCostUsd)).toBeGreaterThanOrEqual(5.4);
  });
});

describe('prices', () => {
  it('adds a future price without rewriting recorded costs, and refuses one in the past', async () => {
    const admin = await server.adminToken();
    const past = await server.gql(`mutation { addPrice(input: { service: SMARTFLO, model: "", perMinute: "1", effectiveFrom: "2020-01-01T00:00:00Z" }) { id } }`, {}, admin);
    expect(past.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom' });
    const added = await server.gql(`mutation { addPrice(input: { service: SMARTFLO, model: "", perMinute: "0.05" }) { model perMinute } }`, {}, admin);
    expect(added.data!.addPrice).toEqual({ model: '', perMinute: '0.05' });
    const recorded = await server.gql(`mutation { recordUsage(input: { service: SMARTFLO, durationSeconds: 60, requestId: "after-price" }) { log { costUsd } } }`, {}, small.apiKey);
    expect(recorded.data!.recordUsage.log.costUsd).toBe('0.05');
    const before = (await server.gql(`{ monthlySummaries { tenant { name } smartfloCostUsd } }`, {}, admin)).data!.monthlySummaries;
    expect(before.find((s: { tenant: { name: string } }) => s.tenant.name === 'Zeta Big Spender').smartfloCostUsd).toBe('1.8');
  });
});
