import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '../src/core/lib/money.js';
import { UsageRebuildService } from '../src/modules/usage/rebuild/usage-rebuild.service.js';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

/**
 * Reseller pricing (api-contract-next.md, "Reseller pricing and statements"): the price table
 * gives providerCostUsd, the tenant's markup in force at occurredAt gives costUsd, exactly; both
 * are kept through summaries, rollups, voids and a rebuild; markups reach every instance at once.
 */
let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.adminToken();
});
afterAll(() => server?.close());

const SET = `mutation($i: TenantPricingInput!) { setTenantPricing(input: $i) { tenant { id } markupPercent effectiveFrom inForce } }`;
const LIST = `query($t: ID!, $h: Boolean) { tenantPricing(tenantId: $t, history: $h) { markupPercent effectiveFrom inForce } }`;
const BATCH = `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { log { id occurredAt costUsd } } }`;
const VOID = `mutation($id: ID!, $at: DateTime) { voidUsage(id: $id, reason: "test", occurredAt: $at) { id } }`;
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
let counter = 0;
const gpt4 = (occurredAt: string, extra: Record<string, unknown> = {}) => ({ service: 'OPENAI', model: 'gpt-4', inputTokens: 150, outputTokens: 450, occurredAt, requestId: `tp-${counter++}`, ...extra });

async function setPricing(tenantId: string, markupPercent: string, effectiveFrom: string, token = admin) {
  return server.gql(SET, { i: { tenantId, markupPercent, effectiveFrom } }, token);
}

async function adminLogs(tenantId: string) {
  const response = await server.gql(
    `query($t: ID) { usageLogs(first: 100, filter: { tenantId: $t }) { nodes { id requestId occurredAt costUsd providerCostUsd } } }`,
    { t: tenantId },
    admin,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.usageLogs.nodes as { id: string; requestId: string; occurredAt: string; costUsd: string; providerCostUsd: string }[];
}

describe('charged cost = provider cost x (1 + markup/100)', () => {
  it('prices the contract example at 20 %: costUsd 0.0378, providerCostUsd 0.0315, and the month shows the margin', async () => {
    const t = await createTenantWithAccess(server, 'Markup Twenty');
    const set = await setPricing(t.tenantId, '20', ago(48));
    expect(set.errors).toBeUndefined();
    expect(set.data!.setTenantPricing).toMatchObject({ tenant: { id: t.tenantId }, markupPercent: '20', inForce: true });
    const recorded = (await server.gql(BATCH, { i: [gpt4(ago(1))] }, t.apiKey)).data!.recordUsages;
    expect(recorded[0].log.costUsd).toBe('0.0378');
    expect((await adminLogs(t.tenantId))[0]).toMatchObject({ costUsd: '0.0378', providerCostUsd: '0.0315' });
    const month = (
      await server.gql(`query($p: String) { monthlySummaries(period: $p, search: "Markup Twenty") { totalCostUsd providerCostUsd marginUsd marginPercent } }`, { p: recorded[0].log.occurredAt.slice(0, 7) }, admin)
    ).data!.monthlySummaries;
    expect(month).toEqual([{ totalCostUsd: '0.0378', providerCostUsd: '0.0315', marginUsd: '0.0063', marginPercent: '20' }]);
    // The admin-only margins export gives the same figures; customers and keys get 403.
    const period = recorded[0].log.occurredAt.slice(0, 7);
    const csv = async (token: string) => fetch(`${server.httpUrl}/export/margins.csv?period=${period}`, { headers: { authorization: `Bearer ${token}` } });
    const exported = await csv(admin);
    expect(exported.status).toBe(200);
    const lines = (await exported.text()).trim().split('\r\n');
    expect(lines[0]).toBe('period,tenant,tenant_id,charged_usd,provider_cost_usd,margin_usd,margin_percent,api_calls');
    expect(lines).toContain(`${period},Markup Twenty,${t.tenantId},0.0378,0.0315,0.0063,20,1`);
    expect((await csv(t.customerToken)).status).toBe(403);
    expect((await csv(t.apiKey)).status).toBe(403);
    expect((await fetch(`${server.httpUrl}/export/margins.csv?period=2026-13`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(400);
    // The customer sees its charged cost, never the provider's.
    const own = await server.gql(`{ usageLogs { nodes { costUsd } } }`, {}, t.customerToken);
    expect(own.data!.usageLogs.nodes).toEqual([{ costUsd: '0.0378' }]);
  });

  it('changes nothing without a markup: cost and provider cost are the price table cost', async () => {
    const t = await createTenantWithAccess(server, 'No Markup');
    await server.gql(BATCH, { i: [gpt4(ago(1)), { service: 'SMARTFLO', durationSeconds: 185, requestId: `tp-${counter++}` }] }, t.apiKey);
    const logs = await adminLogs(t.tenantId);
    expect(logs.map((l) => [l.costUsd, l.providerCostUsd]).sort()).toEqual([['0.0315', '0.0315'], ['0.061666666667', '0.061666666667']]);
  });

  it('prices events on each side of a markup change at their own rate, a late event before the change included', async () => {
    const t = await createTenantWithAccess(server, 'Markup Change');
    expect((await setPricing(t.tenantId, '10', ago(24 * 20))).errors).toBeUndefined();
    const before = (await server.gql(BATCH, { i: [gpt4(ago(24 * 10)), gpt4(ago(24 * 8))] }, t.apiKey)).data!.recordUsages;
    expect(before.map((r: any) => r.log.costUsd)).toEqual(['0.03465', '0.03465']);
    // From 5 days ago on, after the last counted event: 12.5 %.
    const change = ago(24 * 5);
    expect((await setPricing(t.tenantId, '12.5', change)).errors).toBeUndefined();
    const after = (await server.gql(BATCH, { i: [gpt4(ago(24 * 3)), gpt4(change)] }, t.apiKey)).data!.recordUsages;
    // 0.0315 x 1.125 = 0.0354375; the event exactly at the change takes the new rate (half-open).
    expect(after.map((r: any) => r.log.costUsd)).toEqual(['0.0354375', '0.0354375']);
    // A late event, recorded now, that happened before the change: the old rate.
    const late = (await server.gql(BATCH, { i: [gpt4(ago(24 * 6))] }, t.apiKey)).data!.recordUsages;
    expect(late[0].log.costUsd).toBe('0.03465');
    const history = (await server.gql(LIST, { t: t.tenantId, h: true }, admin)).data!.tenantPricing;
    expect(history.map((row: any) => [row.markupPercent, row.inForce])).toEqual([['12.5', true], ['10', false]]);
    expect((await server.gql(LIST, { t: t.tenantId }, admin)).data!.tenantPricing.map((row: any) => row.markupPercent)).toEqual(['12.5']);
    // A scheduled row: listed as not in force yet, and nothing recorded is priced by it.
    const scheduled = new Date(Date.now() + 24 * HOUR).toISOString();
    expect((await setPricing(t.tenantId, '30', scheduled)).data!.setTenantPricing).toMatchObject({ markupPercent: '30', inForce: false });
    expect((await server.gql(LIST, { t: t.tenantId }, admin)).data!.tenantPricing.map((row: any) => [row.markupPercent, row.inForce])).toEqual([['30', false], ['12.5', true]]);
    const audit = await server.services.db.pool.query(`select changes from audit_entries where action = 'TENANT_PRICING_SET' and tenant_id = $1 order by created_at`, [t.tenantId]);
    expect(audit.rows.map((row) => row.changes.markupPercent)).toEqual(['10', '12.5', '30']);
  });

  it('keeps summary and rollup provider cost equal to the sum of their logs after voids and a rebuild', async () => {
    const t = await createTenantWithAccess(server, 'Markup Sums');
    await setPricing(t.tenantId, '33.333333', ago(24 * 30));
    const events = [];
    for (let i = 0; i < 24; i++) {
      const at = ago(24 * (i % 12) + i);
      events.push(i % 3 === 0 ? gpt4(at, { inputTokens: 17 * i + 1, outputTokens: 5 * i }) : i % 3 === 1 ? { service: 'ELEVENLABS', characters: 101 * i + 7, occurredAt: at, requestId: `tp-${counter++}` } : { service: 'SMARTFLO', durationSeconds: 7 * i + 0.5, occurredAt: at, requestId: `tp-${counter++}` });
    }
    const recorded = (await server.gql(BATCH, { i: events }, t.apiKey)).data!.recordUsages;
    for (const r of recorded.slice(0, 5)) expect((await server.gql(VOID, { id: r.log.id, at: r.log.occurredAt }, admin)).errors).toBeUndefined();
    const pool = server.services.db.pool;
    const compare = async () => {
      const { rows } = await pool.query(
        `with logs as (select date_trunc('month', occurred_at at time zone 'UTC')::date as period, (occurred_at at time zone 'UTC')::date as day, cost_usd, provider_cost_usd
                         from usage_logs where tenant_id = $1 and voided_at is null)
         select (select json_agg(x order by x.period) from (select period::text, sum(cost_usd)::text as cost, sum(provider_cost_usd)::text as provider from logs group by 1) x) as from_logs,
                (select json_agg(x order by x.period) from (select period::text, total_cost_usd::text as cost, provider_cost_usd::text as provider from monthly_summaries where tenant_id = $1) x) as summaries,
                (select json_agg(x order by x.day) from (select day::text, sum(cost_usd)::text as cost, sum(provider_cost_usd)::text as provider from logs group by 1) x) as days_from_logs,
                (select json_agg(x order by x.day) from (select day::text, sum(cost_usd)::text as cost, sum(provider_cost_usd)::text as provider from daily_rollups where tenant_id = $1 group by 1 having sum(api_calls) > 0) x) as rollups`,
        [t.tenantId],
      );
      const norm = (list: any[]) => list.map((x) => ({ ...x, cost: new Money(x.cost).toFixed(), provider: new Money(x.provider).toFixed() }));
      expect(norm(rows[0].summaries)).toEqual(norm(rows[0].from_logs));
      expect(norm(rows[0].rollups)).toEqual(norm(rows[0].days_from_logs));
      return rows[0];
    };
    const incremental = await compare();
    // Every log's charged cost is its provider cost at the markup, rounded once (markup.ts).
    const { rows: logs } = await pool.query(`select cost_usd::text, provider_cost_usd::text from usage_logs where tenant_id = $1`, [t.tenantId]);
    for (const log of logs) expect(new Money(log.cost_usd).eq(new Money(log.provider_cost_usd).times('1.33333333').toDecimalPlaces(12))).toBe(true);
    expect(logs.some((log) => log.cost_usd !== log.provider_cost_usd)).toBe(true);
    await new UsageRebuildService(pool).rebuild(server.clock.now());
    const rebuilt = await compare();
    expect(rebuilt.summaries).toEqual(incremental.summaries);
  });
});

describe('setTenantPricing refuses bad input, changing nothing', () => {
  it('refuses a markup below -100 % or with more than 6 decimals, an effectiveFrom before counted events, and unknown tenants', async () => {
    const t = await createTenantWithAccess(server, 'Markup Refusals');
    await server.gql(BATCH, { i: [gpt4(ago(2))] }, t.apiKey);
    const pool = server.services.db.pool;
    const state = async () => ({
      rows: (await pool.query(`select count(*)::int as n from tenant_pricing`)).rows[0].n,
      audit: (await pool.query(`select count(*)::int as n from audit_entries where action = 'TENANT_PRICING_SET'`)).rows[0].n,
    });
    const before = await state();
    const refusal = async (tenantId: string, markup: string, from: string) => (await setPricing(tenantId, markup, from)).errors?.[0]?.extensions;
    expect(await refusal(t.tenantId, '-100.5', ago(1))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'markupPercent' });
    expect(await refusal(t.tenantId, '1.1234567', ago(1))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'markupPercent' });
    // The event 2 hours ago is counted: a markup from 3 hours ago would reprice it.
    expect(await refusal(t.tenantId, '20', ago(3))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom' });
    expect(await refusal(randomUUID(), '20', ago(1))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tenantId' });
    expect(await refusal('not-a-tenant', '20', ago(1))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tenantId' });
    expect(await state()).toEqual(before);
    // Once the counted event is voided it no longer counts: the same date is accepted.
    const [log] = await adminLogs(t.tenantId);
    await server.gql(VOID, { id: log!.id, at: log!.occurredAt }, admin);
    expect((await setPricing(t.tenantId, '-100', ago(3))).data!.setTenantPricing.markupPercent).toBe('-100');
    expect(await state()).toEqual({ rows: before.rows + 1, audit: before.audit + 1 });
  });

  it('answers FORBIDDEN to customers and keys for tenantPricing, setTenantPricing, provider cost and margins', async () => {
    const t = await createTenantWithAccess(server, 'Markup Forbidden');
    await setPricing(t.tenantId, '20', ago(24));
    await server.gql(BATCH, { i: [gpt4(ago(1))] }, t.apiKey);
    const probes = [
      [LIST, { t: t.tenantId }],
      [SET, { i: { tenantId: t.tenantId, markupPercent: '0', effectiveFrom: new Date(Date.now() + HOUR).toISOString() } }],
      [`{ usageLogs { nodes { id providerCostUsd } } }`, {}],
      [`{ monthlySummaries { period providerCostUsd } }`, {}],
      [`{ monthlySummaries { period marginUsd } }`, {}],
      [`{ monthlySummaries { period marginPercent } }`, {}],
      [`{ monthlySummaryPage { nodes { marginUsd } } }`, {}],
      [`mutation { recordUsage(input: { service: ELEVENLABS, characters: 10, requestId: "forbidden-probe" }) { log { providerCostUsd } } }`, {}],
    ] as const;
    for (const token of [t.customerToken, t.apiKey]) {
      for (const [query, variables] of probes) {
        if (query.startsWith('mutation { recordUsage') && token === t.customerToken) continue;
        const response = await server.gql(query, variables, token);
        expect(response.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
        expect(JSON.stringify(response.data ?? null)).not.toMatch(/"(providerCostUsd|marginUsd|marginPercent|markupPercent)":"/);
      }
    }
    expect((await server.gql(`{ usageLogs { nodes { providerCostUsd } } }`, {}, admin)).errors).toBeUndefined();
  });
});

describe('markups reach every instance', () => {
  it('a markup set on one instance prices the next event on another at once (NOTIFY), not after the minute reload', async () => {
    const other = await startTestServer({ database: server.database });
    try {
      const t = await createTenantWithAccess(server, 'Markup Instances');
      // The other instance has its price book loaded, without this tenant's markup.
      await other.services.priceBook.ready();
      expect(other.services.priceBook.markupAt(t.tenantId, new Date())).toBeUndefined();
      expect((await setPricing(t.tenantId, '50', ago(1))).errors).toBeUndefined();
      const deadline = Date.now() + 5_000;
      while (other.services.priceBook.markupAt(t.tenantId, new Date()) === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(other.services.priceBook.markupAt(t.tenantId, new Date())).toBe('50');
      const recorded = (await other.gql(BATCH, { i: [gpt4(new Date().toISOString())] }, t.apiKey)).data!.recordUsages;
      expect(recorded[0].log.costUsd).toBe('0.04725');
    } finally {
      await other.close();
    }
  });
});
