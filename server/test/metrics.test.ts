import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RECORD_USAGE,
  createTenantWithAccess,
  startTestServer,
  type GraphQLResponse,
  type TestServer,
} from './harness.js';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** One sample's value from Prometheus text, 0 when the series does not exist yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return 0;
}

describe('/metrics', () => {
  let server: TestServer;
  let receiver: Server;
  let receiverUrl: string;
  let failNext = 1;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (failNext-- > 0) return void res.writeHead(500).end();
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    server = await startTestServer({ env: { METRICS_TOKEN: TOKEN } });
    server.services.notifications.firstRetryDelayMs = 10;
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const scrape = async (authorization?: string) => {
    const response = await fetch(`${server.httpUrl}/metrics`, {
      headers: authorization ? { authorization } : {},
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  it('answers 401 without the configured token, and with a wrong one', async () => {
    const refused = [
      await scrape(),
      await scrape(`Bearer ${TOKEN}x`),
      await scrape(`Basic ${TOKEN}`),
      await scrape(TOKEN),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(refused.every((r) => !r.text.includes('usage_events'))).toBe(true);
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/plain; version=0\.0\.4/);
    console.log(
      `metrics: scrapes without the right token answered 401 = ${refused.length} of ${refused.length}`,
    );
  });

  it('counts recorded, duplicate and rejected events, alerts, deliveries, latency by operation and the pool', async () => {
    const admin = await server.adminToken();
    const t = await createTenantWithAccess(server, 'Metered Co');
    await server.gql(
      `mutation($t: ID!) { updateTenant(id: $t, input: { webhookUrl: "${receiverUrl}" }) { id } }`,
      { t: t.tenantId },
      admin,
    );
    await server.gql(
      `mutation($t: ID!) { setQuota(tenantId: $t, input: { monthlyCostLimitUsd: "0.5" }) { alertAtPercentage } }`,
      { t: t.tenantId },
      admin,
    );
    const before = (await scrape(`Bearer ${TOKEN}`)).text;

    const record = (input: Record<string, unknown>) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
        body: JSON.stringify({
          query: RECORD_USAGE.replace('mutation(', 'mutation RecordUsage('),
          variables: { input },
        }),
      }).then((r) => r.json() as Promise<GraphQLResponse>);
    for (let i = 0; i < 3; i++)
      expect(
        (
          await record({
            service: 'OPENAI',
            model: 'gpt-4o',
            inputTokens: 10,
            outputTokens: 5,
            requestId: `m-${i}`,
          })
        ).errors,
      ).toBeUndefined();
    // 30 minutes of Smartflo passes the $0.50 quota: QUOTA_APPROACHING and QUOTA_EXCEEDED.
    const costly = await record({ service: 'SMARTFLO', durationSeconds: 1800, requestId: 'm-costly' });
    expect(costly.data!.recordUsage.alerts).toHaveLength(2);
    expect(
      (
        await record({
          service: 'OPENAI',
          model: 'gpt-4o',
          inputTokens: 10,
          outputTokens: 5,
          requestId: 'm-0',
        })
      ).data!.recordUsage.duplicate,
    ).toBe(true);
    expect(
      (
        await record({
          service: 'OPENAI',
          model: 'gpt-4o',
          inputTokens: 99,
          outputTokens: 5,
          requestId: 'm-0',
        })
      ).errors![0]!.extensions!.code,
    ).toBe('IDEMPOTENCY_CONFLICT');
    expect(
      (await record({ service: 'OPENAI', model: 'gpt-4o', inputTokens: -1, requestId: 'm-bad' })).errors![0]!
        .extensions!.code,
    ).toBe('BAD_USER_INPUT');
    const batch = await server.gql(
      'mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }',
      {
        i: [
          { service: 'SMARTFLO', durationSeconds: 1, requestId: 'b-1' },
          { service: 'SMARTFLO', durationSeconds: -1, requestId: 'b-2' },
        ],
      },
      t.apiKey,
    );
    expect(batch.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Two webhook deliveries: the first attempt of one fails (RETRY), every other is DELIVERED.
    for (let i = 0; i < 50 && failNext > -2; i++) {
      await server.services.notifications.deliverDue();
      await new Promise((r) => setTimeout(r, 30));
    }

    const after = (await scrape(`Bearer ${TOKEN}`)).text;
    const delta = (name: string, labels?: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    const figures = {
      recordedOpenai: delta('usage_events_recorded_total', { service: 'OPENAI' }),
      recordedSmartflo: delta('usage_events_recorded_total', { service: 'SMARTFLO' }),
      duplicates: delta('usage_events_duplicate_total'),
      rejectedBadInput: delta('usage_events_rejected_total', { code: 'BAD_USER_INPUT' }),
      rejectedConflict: delta('usage_events_rejected_total', { code: 'IDEMPOTENCY_CONFLICT' }),
      alertsExceeded: delta('alerts_raised_total', { type: 'QUOTA_EXCEEDED' }),
      alertsApproaching: delta('alerts_raised_total', { type: 'QUOTA_APPROACHING' }),
      deliveredWebhooks: delta('notification_delivery_attempts_total', {
        channel: 'WEBHOOK',
        outcome: 'DELIVERED',
      }),
      retriedWebhooks: delta('notification_delivery_attempts_total', {
        channel: 'WEBHOOK',
        outcome: 'RETRY',
      }),
      recordUsageRequests: delta('graphql_request_duration_seconds_count', {
        operation: 'RecordUsage',
        type: 'mutation',
      }),
      errorsBadInput: delta('graphql_errors_total', { code: 'BAD_USER_INPUT' }),
    };
    console.log(`metrics: ${JSON.stringify(figures)}`);
    expect(figures).toEqual({
      recordedOpenai: 3,
      recordedSmartflo: 1,
      duplicates: 1,
      rejectedBadInput: 3, // one single event and a batch of two
      rejectedConflict: 1,
      alertsExceeded: 1,
      alertsApproaching: 1,
      deliveredWebhooks: 2,
      retriedWebhooks: 1,
      recordUsageRequests: 7,
      errorsBadInput: 2,
    });
    expect(
      sample(after, 'graphql_request_duration_seconds_bucket', {
        operation: 'RecordUsage',
        type: 'mutation',
        le: '+Inf',
      }),
    ).toBeGreaterThanOrEqual(7);
    expect(sample(after, 'db_pool_connections_max')).toBe(10);
    expect(sample(after, 'db_pool_connections_total')).toBeGreaterThan(0);
    expect(after).toContain('db_pool_clients_waiting');
    expect(after).toContain('process_cpu_seconds_total');
  });

  it('counts refused operations under the code the client got', async () => {
    const before = (await scrape(`Bearer ${TOKEN}`)).text;
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect((await server.gql(aliases)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await server.gql(`{ ${'__typename '.repeat(6_000)}}`)).errors?.[0]?.extensions?.code).toBe(
      'QUERY_TOO_COMPLEX',
    );
    expect((await server.gql('{ nope }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const after = (await scrape(`Bearer ${TOKEN}`)).text;
    const delta = (code: string) =>
      sample(after, 'graphql_errors_total', { code }) - sample(before, 'graphql_errors_total', { code });
    expect([delta('QUERY_TOO_COMPLEX'), delta('GRAPHQL_VALIDATION_FAILED')]).toEqual([2, 1]);
  });

  it('keeps client-chosen operation names from growing the registry without bound', async () => {
    for (let i = 0; i < 3; i++) await server.gql(`query Weird${'x'.repeat(80)}${i} { __typename }`);
    const text = (await scrape(`Bearer ${TOKEN}`)).text;
    expect(text).not.toContain('Weirdxxx');
    expect(
      sample(text, 'graphql_request_duration_seconds_count', { operation: 'other', type: 'query' }),
    ).toBeGreaterThanOrEqual(3);
  });

  it('is open when no token is configured', async () => {
    const open = await startTestServer();
    try {
      expect((await fetch(`${open.httpUrl}/metrics`)).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
