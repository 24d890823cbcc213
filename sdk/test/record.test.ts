import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWithAccess, startTestServer, type TestServer } from '../../server/test/harness.js';
import { createUsageClient, UsageMonitorError } from '../src/index.js';
import { startFlakyProxy, type ProxyAction } from './flaky-proxy.js';
import { currentTotals, logRows } from './support.js';

let server: TestServer;
const fast = { baseDelayMs: 5, maxDelayMs: 50 };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function tenantBehind(plan: (n: number) => ProxyAction, name: string) {
  const tenant = await createTenantWithAccess(server, name);
  const proxy = await startFlakyProxy(server.url, plan);
  const client = createUsageClient({ url: proxy.url, apiKey: tenant.apiKey, retry: fast });
  return { tenant, proxy, client };
}

describe('record() against the real server', () => {
  it('retries a response lost after the commit with the same requestId, and the event counts once', async () => {
    const { tenant, proxy, client } = await tenantBehind(
      (n) => (n === 1 ? 'drop-response' : 'forward'),
      'Dropped Response',
    );
    try {
      const result = await client.record({
        service: 'OPENAI',
        model: 'gpt-4',
        inputTokens: 150,
        outputTokens: 450,
      });
      expect(proxy.dropped).toBe(1);
      expect(proxy.requests).toHaveLength(2);
      const [first, second] = proxy.requests.map((r) => r.variables.input.requestId);
      expect(first).toMatch(/^[0-9a-f-]{36}$/);
      expect(second).toBe(first);
      // The first attempt committed; the retry is answered with that log.
      expect(result).toMatchObject({
        requestId: first,
        duplicate: true,
        costUsd: '0.0315',
        pricingStatus: 'PRICED',
      });
      const totals = await currentTotals(server, tenant.customerToken);
      expect(totals).toMatchObject({
        totalApiCalls: 1,
        totalCostUsd: '0.0315',
        openaiInputTokens: 150,
        openaiOutputTokens: 450,
        logCount: 1,
      });
      expect(await logRows(server, tenant.tenantId)).toEqual({ rows: 1, requestIds: 1 });
    } finally {
      await proxy.close();
    }
  });

  it('retries a 5xx from in front of the server and records once', async () => {
    const { tenant, proxy, client } = await tenantBehind(
      (n) => (n <= 2 ? 'status-503' : 'forward'),
      'Behind 503',
    );
    try {
      const result = await client.record({
        service: 'ELEVENLABS',
        characters: 1200,
        requestId: 'tts-call-1',
      });
      expect(proxy.requests.map((r) => r.variables.input.requestId)).toEqual([
        'tts-call-1',
        'tts-call-1',
        'tts-call-1',
      ]);
      expect(result).toMatchObject({ requestId: 'tts-call-1', duplicate: false, costUsd: '0.036' });
      expect((await currentTotals(server, tenant.customerToken)).totalApiCalls).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('times out a slow answer and retries it; the retry is the duplicate of the committed first', async () => {
    const tenant = await createTenantWithAccess(server, 'Slow Answer');
    const proxy = await startFlakyProxy(server.url, (n) => (n === 1 ? 'delay-response' : 'forward'), 1_500);
    try {
      const client = createUsageClient({
        url: proxy.url,
        apiKey: tenant.apiKey,
        retry: fast,
        timeoutMs: 300,
      });
      const result = await client.record({ service: 'OPENAI', model: 'whisper-1', durationSeconds: 90 });
      expect(proxy.requests).toHaveLength(2);
      expect(proxy.requests[1]!.variables.input.requestId).toBe(proxy.requests[0]!.variables.input.requestId);
      expect(result).toMatchObject({ duplicate: true, costUsd: '0.009' });
      expect(await logRows(server, tenant.tenantId)).toEqual({ rows: 1, requestIds: 1 });
    } finally {
      await proxy.close();
    }
  });

  it('gives up after maxAttempts with the last error', async () => {
    const tenant = await createTenantWithAccess(server, 'Never Healthy');
    const proxy = await startFlakyProxy(server.url, () => 'status-503');
    try {
      const client = createUsageClient({
        url: proxy.url,
        apiKey: tenant.apiKey,
        retry: { ...fast, maxAttempts: 3 },
      });
      const error = await client
        .record({ service: 'SMARTFLO', durationSeconds: 60 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageMonitorError);
      expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 503, retryable: true, attempts: 3 });
      // The requestId it was sent under, so the event can be kept and sent again later.
      expect((error as UsageMonitorError).requestId).toBe(proxy.requests[0]!.variables.input.requestId);
      expect(proxy.requests).toHaveLength(3);
      expect((await currentTotals(server, tenant.customerToken)).totalApiCalls).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('never retries BAD_USER_INPUT, and says which field', async () => {
    const { tenant, proxy, client } = await tenantBehind(() => 'forward', 'Bad Input');
    try {
      const error = await client
        .record({ service: 'OPENAI', model: 'gpt-4', inputTokens: -1, outputTokens: 3 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'inputTokens',
        retryable: false,
        attempts: 1,
      });
      expect(proxy.requests).toHaveLength(1);
      expect((await currentTotals(server, tenant.customerToken)).totalApiCalls).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('never retries IDEMPOTENCY_CONFLICT (same requestId, other body)', async () => {
    const { tenant, proxy, client } = await tenantBehind(() => 'forward', 'Conflict');
    try {
      await client.record({
        service: 'OPENAI',
        model: 'gpt-4o',
        inputTokens: 10,
        outputTokens: 10,
        requestId: 'chatcmpl-same',
      });
      const error = await client
        .record({
          service: 'OPENAI',
          model: 'gpt-4o',
          inputTokens: 11,
          outputTokens: 10,
          requestId: 'chatcmpl-same',
        })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'IDEMPOTENCY_CONFLICT',
        field: 'requestId',
        retryable: false,
        attempts: 1,
      });
      expect(proxy.requests).toHaveLength(2);
      expect(await logRows(server, tenant.tenantId)).toEqual({ rows: 1, requestIds: 1 });
    } finally {
      await proxy.close();
    }
  });

  it('reports an unreachable server as a retryable NETWORK_ERROR after its attempts', async () => {
    const client = createUsageClient({
      url: 'http://127.0.0.1:9/graphql',
      apiKey: 'um_live_nothing',
      retry: { ...fast, maxAttempts: 2 },
    });
    await expect(client.record({ service: 'SMARTFLO', durationSeconds: 1 })).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      retryable: true,
      attempts: 2,
    });
  });

  it('does not retry a bad API key', async () => {
    const proxy = await startFlakyProxy(server.url, () => 'forward');
    try {
      const client = createUsageClient({ url: proxy.url, apiKey: 'um_live_not_a_key', retry: fast });
      await expect(client.record({ service: 'SMARTFLO', durationSeconds: 1 })).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        retryable: false,
      });
      expect(proxy.requests).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});

describe('checkQuota()', () => {
  it('answers against a HARD limit, and record() returns the standing', async () => {
    const tenant = await createTenantWithAccess(server, 'Hard Limit');
    const admin = await server.adminToken();
    const set = await server.gql(
      `mutation($t: ID!) { setQuota(tenantId: $t, input: { openaiTokenLimit: 1000, enforcement: HARD }) { enforcement } }`,
      { t: tenant.tenantId },
      admin,
    );
    expect(set.errors).toBeUndefined();
    const client = createUsageClient({ url: server.url, apiKey: tenant.apiKey });
    const recorded = await client.record({
      service: 'OPENAI',
      model: 'gpt-4o-mini',
      inputTokens: 300,
      outputTokens: 100,
    });
    expect(recorded.quotas).toContainEqual(
      expect.objectContaining({
        metric: 'OPENAI_TOKENS',
        used: 400,
        limit: 1000,
        percentUsed: 40,
        level: 'OK',
      }),
    );
    expect(await client.checkQuota('OPENAI', 500)).toEqual({ allowed: true, reason: null, remaining: 600 });
    const refused = await client.checkQuota('OPENAI', 700);
    expect(refused.allowed).toBe(false);
    expect(refused.remaining).toBe(600);
    expect(refused.reason).toBeTruthy();
  });
});
