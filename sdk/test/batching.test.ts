import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWithAccess, startTestServer, type TestServer } from '../../server/test/harness.js';
import { createUsageClient, UsageMonitorError, type RecordResult } from '../src/index.js';
import { startFlakyProxy } from './flaky-proxy.js';
import { currentTotals, logRows } from './support.js';

let server: TestServer;
const fast = { baseDelayMs: 5, maxDelayMs: 50 };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** gpt-4o-mini at $0.00015 in / $0.0006 out per 1K: in units of 1e-8 USD, 15 per input and 60 per output token. */
function miniEvent(i: number) {
  return {
    service: 'OPENAI' as const,
    model: 'gpt-4o-mini',
    inputTokens: (i % 97) + 1,
    outputTokens: i % 53,
  };
}
function expectedMiniCost(count: number): string {
  let units = 0n;
  for (let i = 0; i < count; i++)
    units += BigInt(miniEvent(i).inputTokens * 15 + miniEvent(i).outputTokens * 60);
  const text = units.toString().padStart(9, '0');
  return `${text.slice(0, -8)}.${text.slice(-8)}`.replace(/\.?0+$/, '');
}

describe('background batching against the real server', () => {
  it('delivers 10,000 queued events exactly once each, in batches of 1,000', async () => {
    const tenant = await createTenantWithAccess(server, 'Ten Thousand');
    const proxy = await startFlakyProxy(server.url, () => 'forward');
    try {
      const client = createUsageClient({
        url: proxy.url,
        apiKey: tenant.apiKey,
        batch: { maxBatchSize: 1000, flushIntervalMs: 50, maxQueueSize: 10_000 },
      });
      const started = performance.now();
      const queued = Array.from({ length: 10_000 }, (_, i) => client.enqueue(miniEvent(i)));
      await client.close();
      const elapsedMs = performance.now() - started;
      const results = await Promise.all(queued.map((q) => q.result));
      console.log(
        `sdk: 10,000 events through enqueue()+close() in ${Math.round(elapsedMs)} ms (${proxy.requests.length} requests)`,
      );

      expect(proxy.requests).toHaveLength(10);
      expect(proxy.requests.every((r) => r.variables.inputs.length === 1000)).toBe(true);
      expect(results.map((r) => r.requestId)).toEqual(queued.map((q) => q.requestId));
      expect(new Set(results.map((r) => r.requestId)).size).toBe(10_000);
      expect(results.some((r) => r.duplicate)).toBe(false);
      expect(client.pending).toBe(0);

      const totals = await currentTotals(server, tenant.customerToken);
      const inputTokens = Array.from({ length: 10_000 }, (_, i) => miniEvent(i).inputTokens).reduce(
        (a, b) => a + b,
        0,
      );
      const outputTokens = Array.from({ length: 10_000 }, (_, i) => miniEvent(i).outputTokens).reduce(
        (a, b) => a + b,
        0,
      );
      expect(totals).toMatchObject({
        totalApiCalls: 10_000,
        logCount: 10_000,
        openaiInputTokens: inputTokens,
        openaiOutputTokens: outputTokens,
        totalCostUsd: expectedMiniCost(10_000),
      });
      expect(await logRows(server, tenant.tenantId)).toEqual({ rows: 10_000, requestIds: 10_000 });
    } finally {
      await proxy.close();
    }
  });

  it('counts a batch whose answer was lost once: the retry comes back as duplicates', async () => {
    const tenant = await createTenantWithAccess(server, 'Lost Batch');
    const proxy = await startFlakyProxy(server.url, (n) => (n === 2 ? 'drop-response' : 'forward'));
    try {
      const client = createUsageClient({
        url: proxy.url,
        apiKey: tenant.apiKey,
        retry: fast,
        batch: { maxBatchSize: 500, flushIntervalMs: 60_000 },
      });
      const queued = Array.from({ length: 1500 }, (_, i) => client.enqueue(miniEvent(i)));
      await client.close();
      const results = await Promise.all(queued.map((q) => q.result));
      expect(proxy.dropped).toBe(1);
      expect(proxy.requests).toHaveLength(4);
      expect(proxy.requests[2]!.variables.inputs.map((e: any) => e.requestId)).toEqual(
        proxy.requests[1]!.variables.inputs.map((e: any) => e.requestId),
      );
      expect(results.filter((r) => r.duplicate)).toHaveLength(500);
      expect(await logRows(server, tenant.tenantId)).toEqual({ rows: 1500, requestIds: 1500 });
      expect((await currentTotals(server, tenant.customerToken)).totalCostUsd).toBe(expectedMiniCost(1500));
    } finally {
      await proxy.close();
    }
  });

  it('keeps a background batch trying through an outage longer than record() would', async () => {
    const tenant = await createTenantWithAccess(server, 'Outage');
    // Six failed attempts: past record()'s default of five, within the batches' eight.
    const proxy = await startFlakyProxy(server.url, (n) => (n <= 6 ? 'status-503' : 'forward'));
    try {
      const client = createUsageClient({ url: proxy.url, apiKey: tenant.apiKey, retry: fast });
      const queued = Array.from({ length: 20 }, (_, i) => client.enqueue(miniEvent(i)));
      await client.close();
      expect(proxy.requests).toHaveLength(7);
      expect((await Promise.all(queued.map((q) => q.result))).every((r) => !r.duplicate)).toBe(true);
      expect(await logRows(server, tenant.tenantId)).toEqual({ rows: 20, requestIds: 20 });
    } finally {
      await proxy.close();
    }
  });

  it('close() delivers what is still waiting for its timer and what is in flight, then refuses more', async () => {
    const tenant = await createTenantWithAccess(server, 'Close Loses Nothing');
    // The timer would fire only after a minute: only close() can send the last 345.
    const client = createUsageClient({
      url: server.url,
      apiKey: tenant.apiKey,
      batch: { maxBatchSize: 1000, flushIntervalMs: 60_000 },
    });
    const queued = Array.from({ length: 2345 }, (_, i) => client.enqueue(miniEvent(i)));
    expect(client.pending).toBe(2345);
    await client.close();
    expect(client.pending).toBe(0);
    await Promise.all(queued.map((q) => q.result));
    expect(await logRows(server, tenant.tenantId)).toEqual({ rows: 2345, requestIds: 2345 });
    expect(() => client.enqueue(miniEvent(0))).toThrow(expect.objectContaining({ code: 'CLIENT_CLOSED' }));
    await expect(client.record(miniEvent(0))).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
  });

  it('flushes on the timer without any call to flush()', async () => {
    const tenant = await createTenantWithAccess(server, 'Timer Flush');
    const client = createUsageClient({
      url: server.url,
      apiKey: tenant.apiKey,
      batch: { maxBatchSize: 1000, flushIntervalMs: 20 },
    });
    const queued = [client.enqueue(miniEvent(1)), client.enqueue(miniEvent(2))];
    const results: RecordResult[] = await Promise.all(queued.map((q) => q.result));
    expect(results.map((r) => r.duplicate)).toEqual([false, false]);
    expect((await logRows(server, tenant.tenantId)).rows).toBe(2);
  });

  it('refuses events past maxQueueSize with QUEUE_FULL, and still delivers the ones it took', async () => {
    const tenant = await createTenantWithAccess(server, 'Full Queue');
    const client = createUsageClient({
      url: server.url,
      apiKey: tenant.apiKey,
      batch: { maxBatchSize: 100, maxQueueSize: 300, flushIntervalMs: 60_000 },
    });
    for (let i = 0; i < 300; i++) client.enqueue(miniEvent(i));
    let error: unknown;
    try {
      client.enqueue(miniEvent(300));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(UsageMonitorError);
    expect(error).toMatchObject({ code: 'QUEUE_FULL' });
    expect((error as Error).message).toContain('maxQueueSize 300');
    await client.close();
    expect((await logRows(server, tenant.tenantId)).rows).toBe(300);
  });

  it('fails only the bad events of a batch and delivers the rest; close() names them', async () => {
    const tenant = await createTenantWithAccess(server, 'Bad Apples');
    const reported: string[] = [];
    const client = createUsageClient({
      url: server.url,
      apiKey: tenant.apiKey,
      batch: { maxBatchSize: 10, flushIntervalMs: 60_000 },
      onError: (error, events) => reported.push(...events.map((e) => `${error.code}:${e.requestId}`)),
    });
    const events = Array.from({ length: 10 }, (_, i) => ({ ...miniEvent(i), requestId: `batch-${i}` }));
    // One the server's validation rejects (it names the index), one GraphQL's coercion rejects (no index: found by halving).
    events[3] = { ...events[3]!, inputTokens: -5 };
    events[8] = { ...events[8]!, inputTokens: 1.5 };
    const queued = events.map((e) => client.enqueue(e));
    const error = await client.close().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DELIVERY_FAILED' });
    const failures = (error as UsageMonitorError).failures!;
    expect(failures.map((f) => (f.event as { requestId: string }).requestId).sort()).toEqual([
      'batch-3',
      'batch-8',
    ]);
    expect(failures.every((f) => f.error.code === 'BAD_USER_INPUT')).toBe(true);
    expect(reported.sort()).toEqual(['BAD_USER_INPUT:batch-3', 'BAD_USER_INPUT:batch-8']);
    await expect(queued[3]!.result).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputTokens' });
    expect((await queued[0]!.result).duplicate).toBe(false);
    expect(await logRows(server, tenant.tenantId)).toEqual({ rows: 8, requestIds: 8 });
  });
});
