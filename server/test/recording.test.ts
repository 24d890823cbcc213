import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_USAGE, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let acme: Awaited<ReturnType<typeof createTenantWithAccess>>;

beforeAll(async () => {
  server = await startTestServer();
  acme = await createTenantWithAccess(server, 'Acme Recording');
});
afterAll(() => server?.close());

const record = (input: Record<string, unknown>, token = acme.apiKey) => server.gql(RECORD_USAGE, { input }, token);
let counter = 0;
const rid = () => `req-${Date.now()}-${counter++}`;

describe('recordUsage prices every example of api-contract.md exactly', () => {
  it.each([
    [{ service: 'OPENAI', model: 'gpt-4', inputTokens: 150, outputTokens: 450 }, '0.0315'],
    [{ service: 'ELEVENLABS', characters: 1200 }, '0.036'],
    [{ service: 'SMARTFLO', durationSeconds: 185 }, '0.061666666667'],
    [{ service: 'OPENAI', model: 'gpt-4o-mini-2024-07-18', inputTokens: 1000, outputTokens: 1000 }, '0.00075'],
    [{ service: 'OPENAI', model: 'whisper-1', durationSeconds: 60 }, '0.006'],
    [{ service: 'OPENAI', model: 'tts-1-hd', characters: 1000 }, '0.03'],
  ])('%j costs %s', async (input, cost) => {
    const response = await record({ ...input, requestId: rid() });
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordUsage.log.costUsd).toBe(cost);
    expect(response.data!.recordUsage.log.pricingStatus).toBe('PRICED');
  });

  it('records an unknown model as UNPRICED with cost 0, and admins can count them', async () => {
    const response = await record({ service: 'OPENAI', model: 'mystery-model-9', inputTokens: 10, outputTokens: 10, requestId: rid() });
    expect(response.data!.recordUsage.log).toMatchObject({ costUsd: '0', pricingStatus: 'UNPRICED' });
    const unpriced = await server.gql(`{ unpricedUsage { apiCalls models { service model apiCalls } } }`, {}, await server.adminToken());
    expect(unpriced.data!.unpricedUsage.models).toContainEqual({ service: 'OPENAI', model: 'mystery-model-9', apiCalls: 1 });
  });
});

describe('idempotency', () => {
  it('returns the first log for the same body, counting nothing again', async () => {
    const input = { service: 'OPENAI', model: 'gpt-4', inputTokens: 10, outputTokens: 10, requestId: rid() };
    const first = await record(input);
    const second = await record(input);
    expect(second.data!.recordUsage.duplicate).toBe(true);
    expect(second.data!.recordUsage.log.id).toBe(first.data!.recordUsage.log.id);
    const logs = await server.gql(`{ usageLogs(first: 200) { nodes { requestId } } }`, {}, acme.customerToken);
    expect(logs.data!.usageLogs.nodes.filter((n: { requestId: string }) => n.requestId === input.requestId)).toHaveLength(1);
  });

  it('refuses the same requestId with another body: IDEMPOTENCY_CONFLICT, nothing changes', async () => {
    const requestId = rid();
    await record({ service: 'OPENAI', model: 'gpt-4', inputTokens: 10, outputTokens: 10, requestId });
    const before = (await server.gql(`{ monthlySummaries { totalApiCalls totalCostUsd } }`, {}, acme.customerToken)).data!.monthlySummaries[0];
    const conflict = await record({ service: 'OPENAI', model: 'gpt-4', inputTokens: 11, outputTokens: 10, requestId });
    expect(conflict.errors![0]!.extensions!.code).toBe('IDEMPOTENCY_CONFLICT');
    const after = (await server.gql(`{ monthlySummaries { totalApiCalls totalCostUsd } }`, {}, acme.customerToken)).data!.monthlySummaries[0];
    expect(after).toEqual(before);
  });

  it('counts 20 concurrent duplicates once', async () => {
    const tenant = await createTenantWithAccess(server, 'Concurrent Duplicates');
    const input = { service: 'SMARTFLO', durationSeconds: 30, requestId: 'same-id' };
    const responses = await Promise.all(Array.from({ length: 20 }, () => server.gql(RECORD_USAGE, { input }, tenant.apiKey)));
    expect(responses.every((r) => !r.errors)).toBe(true);
    expect(responses.filter((r) => !r.data!.recordUsage.duplicate)).toHaveLength(1);
    expect(new Set(responses.map((r) => r.data!.recordUsage.log.id)).size).toBe(1);
    const summary = (await server.gql(`{ monthlySummaries { totalApiCalls smartfloCostUsd } }`, {}, tenant.customerToken)).data!.monthlySummaries[0];
    expect(summary).toEqual({ totalApiCalls: 1, smartfloCostUsd: '0.01' });
  });
});

describe('summaries are exact under concurrency', () => {
  it('1,000 events from 50 concurrent writers sum to the last digit', async () => {
    const tenant = await createTenantWithAccess(server, 'Fifty Writers');
    const inputs = Array.from({ length: 1000 }, (_, i) => {
      const kind = i % 3;
      return kind === 0
        ? { service: 'OPENAI', model: i % 2 ? 'gpt-4o' : 'gpt-4o-mini', inputTokens: 100 + i, outputTokens: 7 * i, requestId: `w-${i}`, status: i % 17 === 0 ? 'ERROR' : 'SUCCESS' }
        : kind === 1
          ? { service: 'ELEVENLABS', characters: 13 * i + 1, requestId: `w-${i}` }
          : { service: 'SMARTFLO', durationSeconds: (i % 400) + 0.5, requestId: `w-${i}` };
    });
    const queue = [...inputs];
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let input = queue.shift(); input; input = queue.shift()) {
          const response = await server.gql(RECORD_USAGE, { input }, tenant.apiKey);
          expect(response.errors).toBeUndefined();
        }
      }),
    );
    const { rows } = await server.services.db.pool.query(
      `select count(*)::int as calls, sum(cost_usd)::text as cost, count(*) filter (where status = 'ERROR')::int as errors,
              sum(input_tokens) filter (where service = 'OPENAI')::int as input, sum(characters) filter (where service = 'ELEVENLABS')::int as chars
         from usage_logs where tenant_id = $1`,
      [tenant.tenantId],
    );
    const summary = (await server.gql(`{ monthlySummaries { totalApiCalls totalCostUsd errorCalls openaiInputTokens elevenlabsCharacters } }`, {}, tenant.customerToken)).data!.monthlySummaries[0];
    expect(rows[0].calls).toBe(1000);
    expect(summary.totalApiCalls).toBe(1000);
    expect(summary.totalCostUsd).toBe(rows[0].cost.replace(/0+$/, '').replace(/\.$/, ''));
    expect(summary.errorCalls).toBe(rows[0].errors);
    expect(summary.openaiInputTokens).toBe(rows[0].input);
    expect(summary.elevenlabsCharacters).toBe(rows[0].chars);
    const rollup = await server.services.db.pool.query(`select sum(cost_usd)::text as cost, sum(api_calls)::int as calls from daily_rollups where tenant_id = $1`, [tenant.tenantId]);
    expect(rollup.rows[0].calls).toBe(1000);
    expect(rollup.rows[0].cost).toBe(rows[0].cost);
  });
});

describe('recordUsages', () => {
  it('records a batch, and one bad input rejects the whole batch naming its index', async () => {
    const tenant = await createTenantWithAccess(server, 'Batch Tenant');
    const batch = `mutation($inputs: [RecordUsageInput!]!) { recordUsages(inputs: $inputs) { duplicate log { costUsd } } }`;
    const bad = await server.gql(batch, { inputs: [{ service: 'ELEVENLABS', characters: 10, requestId: 'b1' }, { service: 'ELEVENLABS', characters: -1, requestId: 'b2' }] }, tenant.apiKey);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'characters', index: 1 });
    const none = (await server.gql(`{ usageLogs { totalCount } }`, {}, tenant.customerToken)).data!.usageLogs.totalCount;
    expect(none).toBe(0);
    const good = await server.gql(batch, { inputs: [{ service: 'ELEVENLABS', characters: 10000, requestId: 'b1' }, { service: 'SMARTFLO', durationSeconds: 60, requestId: 'b2' }] }, tenant.apiKey);
    expect(good.data!.recordUsages.map((p: { log: { costUsd: string } }) => p.log.costUsd)).toEqual(['0.3', '0.02']);
    const tooMany = await server.gql(batch, { inputs: Array.from({ length: 1001 }, (_, i) => ({ service: 'SMARTFLO', durationSeconds: 1, requestId: `x${i}` })) }, tenant.apiKey);
    expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('validation answers BAD_USER_INPUT with the field and changes nothing', () => {
  it.each([
    ['negative tokens', { service: 'OPENAI', model: 'gpt-4', inputTokens: -5, outputTokens: 1 }, 'inputTokens'],
    ['negative duration', { service: 'SMARTFLO', durationSeconds: -1 }, 'durationSeconds'],
    ['no unit', { service: 'ELEVENLABS' }, 'characters'],
    ['too old', { service: 'SMARTFLO', durationSeconds: 1, occurredAt: '2020-01-01T00:00:00Z' }, 'occurredAt'],
    ['empty requestId', { service: 'SMARTFLO', durationSeconds: 1, requestId: '' }, 'requestId'],
    ['metadata over 16 KiB', { service: 'SMARTFLO', durationSeconds: 1, metadata: { big: 'x'.repeat(17000) } }, 'metadata'],
  ])('%s → %s', async (_label, input, field) => {
    const response = await record({ requestId: rid(), ...input });
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('masks unexpected errors and never shows SQL', async () => {
    const response = await server.gql(`{ usageLogs(after: "bm90LWEtY3Vyc29y") { totalCount } }`, {}, acme.customerToken);
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response)).not.toMatch(/select|insert|postgres/i);
  });
});
