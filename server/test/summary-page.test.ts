import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../src/core/lib/money.js';
import { createTenantWithAccess, startTestServer, type GraphQLResponse, type TestServer } from './harness.js';

/**
 * monthlySummaryPage: every order pages through the month without gaps or repeats, matching
 * an order computed here; search, tenant scoping and bad input. Summaries are written straight
 * into the table so costs and call counts can tie on purpose (ties are where keysets break).
 */
let server: TestServer;
let admin: string;
let customer: Awaited<ReturnType<typeof createTenantWithAccess>>;
const PERIOD = '2026-03';
interface Row {
  id: string;
  name: string;
  cost: string;
  calls: number;
}
const rows: Row[] = [];

const PAGE = `query($period: String, $search: String, $orderBy: MonthlySummaryOrder, $first: Int, $after: String) {
  monthlySummaryPage(period: $period, search: $search, orderBy: $orderBy, first: $first, after: $after) {
    nodes { tenant { id name } period totalCostUsd totalApiCalls }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.adminToken();
  customer = await createTenantWithAccess(server, 'Customer Own');
  const client = new pg.Client({ connectionString: server.database.url });
  await client.connect();
  try {
    // 23 tenants: costs tie in threes and include zero, calls tie in pairs, names mix case.
    const names = Array.from({ length: 22 }, (_, i) => `${i % 2 ? 'acme' : 'Acme'} ${String.fromCharCode(97 + ((i * 7) % 22))}${i}`);
    const costs = ['12.5', '12.5', '12.5', '0', '0', '0.000000000001', '3', '3', '1000000', '7.25'];
    for (const [i, name] of names.entries()) {
      const { rows: created } = await client.query('insert into tenants (name) values ($1) returning id', [name]);
      rows.push({ id: created[0].id, name, cost: costs[i % costs.length]!, calls: 10 * Math.floor(i / 2) });
    }
    rows.push({ id: customer.tenantId, name: customer.name, cost: '12.5', calls: 30 });
    for (const row of rows) {
      await client.query(
        'insert into monthly_summaries (tenant_id, period, total_cost_usd, total_api_calls) values ($1, $2::date, $3::numeric, $4)',
        [row.id, `${PERIOD}-01`, row.cost, row.calls],
      );
    }
    // Another month's row never shows in this one.
    await client.query(`insert into tenants (name) values ('Only February')`);
    await client.query(`insert into monthly_summaries (tenant_id, period, total_cost_usd) select id, '2026-02-01', 99 from tenants where name = 'Only February'`);
  } finally {
    await client.end();
  }
});
afterAll(() => server?.close());

const byName = (a: Row, b: Row) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0);
const EXPECTED: Record<string, (a: Row, b: Row) => number> = {
  TOTAL_COST_DESC: (a, b) => money(b.cost).comparedTo(money(a.cost)) || byName(a, b),
  API_CALLS_DESC: (a, b) => b.calls - a.calls || byName(a, b),
  TENANT_NAME_ASC: byName,
};

async function pageThrough(token: string, variables: Record<string, unknown>, first: number) {
  const seen: { id: string; name: string }[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const response: GraphQLResponse = await server.gql(PAGE, { period: PERIOD, ...variables, first, after }, token);
    expect(response.errors).toBeUndefined();
    const page = response.data!.monthlySummaryPage as { nodes: { tenant: { id: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };
    expect(page.nodes.length).toBeLessThanOrEqual(first);
    seen.push(...page.nodes.map((n) => n.tenant));
    totals.add(page.totalCount);
    if (!page.pageInfo.hasNextPage) return { seen, totals };
    expect(page.nodes).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
  throw new Error('did not reach the last page');
}

describe('monthlySummaryPage', () => {
  it.each(Object.keys(EXPECTED))('pages %s without gaps or repeats, in order, ties by name', async (orderBy) => {
    const expected = [...rows].sort(EXPECTED[orderBy]).map((r) => r.name);
    for (const first of [1, 4, 23, 100]) {
      const { seen, totals } = await pageThrough(admin, { orderBy }, first);
      expect(seen.map((t) => t.name), `first ${first}`).toEqual(expected);
      expect(new Set(seen.map((t) => t.id)).size).toBe(rows.length);
      expect([...totals]).toEqual([rows.length]);
    }
  });

  it('defaults to highest cost first, 24 a page, the same rows and order as monthlySummaries', async () => {
    const page = (await server.gql(`query($p: String) { monthlySummaryPage(period: $p) { nodes { tenant { name } totalCostUsd } pageInfo { hasNextPage } totalCount } }`, { p: PERIOD }, admin)).data!.monthlySummaryPage;
    expect(page).toMatchObject({ totalCount: 23, pageInfo: { hasNextPage: false } });
    expect(page.nodes[0]).toEqual({ tenant: { name: rows[8]!.name }, totalCostUsd: '1000000' });
    const all = (await server.gql(`query($p: String) { monthlySummaries(period: $p) { tenant { name } totalCostUsd } }`, { p: PERIOD }, admin)).data!.monthlySummaries;
    expect(page.nodes.map((n: { totalCostUsd: string }) => n.totalCostUsd)).toEqual(all.map((n: { totalCostUsd: string }) => n.totalCostUsd));
    expect(new Set(page.nodes.map((n: { tenant: { name: string } }) => n.tenant.name))).toEqual(new Set(all.map((n: { tenant: { name: string } }) => n.tenant.name)));
  });

  it('searches names case-insensitively across pages, with % and _ matching themselves', async () => {
    const matching = rows.filter((r) => r.name.toLowerCase().includes('acme a')).sort(EXPECTED.API_CALLS_DESC!);
    expect(matching.length).toBeGreaterThan(0);
    const { seen, totals } = await pageThrough(admin, { orderBy: 'API_CALLS_DESC', search: '  ACME A ' }, 1);
    expect(seen.map((t) => t.name)).toEqual(matching.map((r) => r.name));
    expect([...totals]).toEqual([matching.length]);
    const none = (await server.gql(PAGE, { period: PERIOD, search: '%' }, admin)).data!.monthlySummaryPage;
    expect(none).toMatchObject({ nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('shows a customer only their own tenant, whatever the search', async () => {
    const own = await pageThrough(customer.customerToken, { orderBy: 'TENANT_NAME_ASC' }, 5);
    expect(own.seen).toEqual([{ id: customer.tenantId, name: customer.name }]);
    expect([...own.totals]).toEqual([1]);
    const other = (await server.gql(PAGE, { period: PERIOD, search: 'acme' }, customer.customerToken)).data!.monthlySummaryPage;
    expect(other).toMatchObject({ nodes: [], totalCount: 0 });
  });

  it('refuses bad input with BAD_USER_INPUT naming the argument', async () => {
    const first = (await server.gql(PAGE, { period: PERIOD, first: 1 }, admin)).data!.monthlySummaryPage;
    const cursor: string = first.pageInfo.endCursor;
    const cases: [Record<string, unknown>, string][] = [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: Buffer.from('["TOTAL_COST_DESC","1 or 1=1","x","00000000-0000-0000-0000-000000000000"]').toString('base64url') }, 'after'],
      [{ after: cursor, orderBy: 'TENANT_NAME_ASC' }, 'after'],
      [{ period: '2026-13' }, 'period'],
    ];
    for (const [variables, field] of cases) {
      const response = await server.gql(PAGE, { period: PERIOD, ...variables }, admin);
      expect(response.data?.monthlySummaryPage ?? null, JSON.stringify(variables)).toBeNull();
      expect(response.errors![0]!.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
