import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type RunningApp } from '../src/app.js';
import { metrics } from '../src/core/metrics/metrics.js';
import { createSchema } from '../src/schema.js';
import { RECORD_USAGE, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

/**
 * The recordUsage(s) hot path (core/http/hot-operations.ts) must answer exactly as Express and
 * Apollo do. Each case goes to the test server (hot path on) and to a second app on the same
 * services with it off; status, headers and body must match, apart from what differs by nature
 * (ids, times, the request ids each side was sent).
 */
describe('recordUsage hot path', () => {
  let server: TestServer;
  let apolloOnly: RunningApp;
  let apolloUrl: string;
  let apiKey: string;
  let suspendedKey: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ logLines: (line) => logLines.push(line) });
    apolloOnly = await createApp(server.services, await createSchema(), { hotOperations: false });
    await new Promise<void>((resolve) => apolloOnly.httpServer.listen(0, '127.0.0.1', resolve));
    apolloUrl = `http://127.0.0.1:${(apolloOnly.httpServer.address() as AddressInfo).port}/graphql`;
    apiKey = (await createTenantWithAccess(server, 'Hot Path')).apiKey;
    const suspended = await createTenantWithAccess(server, 'Hot Path Suspended');
    suspendedKey = suspended.apiKey;
    await server.gql(`mutation($t: ID!) { updateTenant(id: $t, input: { status: SUSPENDED }) { id } }`, { t: suspended.tenantId }, await server.adminToken());
  });
  afterAll(async () => {
    await apolloOnly?.close();
    await server?.close();
  });

  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;
  const HEADERS_COMPARED = ['content-type', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'cross-origin-opener-policy', 'permissions-policy', 'cache-control', 'vary', 'set-cookie'];

  interface Case {
    name: string;
    /** The body for one side; `side` makes request ids differ, so neither answers the other's as a duplicate. */
    body: (side: string) => string;
    headers?: Record<string, string>;
    /** Whether the hot path answers it itself (false: Apollo does). */
    served: boolean;
    /** Decided on its headers alone: Express reads the body, neither counter moves. */
    headersDecide?: boolean;
  }

  const record = (input: Record<string, unknown>, extra: Record<string, unknown> = {}) => (side: string) =>
    JSON.stringify({ query: RECORD_USAGE, variables: { input: { service: 'OPENAI', model: 'gpt-4o-mini', inputTokens: 1200, outputTokens: 300, ...input, requestId: `${input.requestId ?? 'hot'}-${side}` } }, ...extra });
  const fixedId = randomUUID();

  const CASES: Case[] = [
    { name: 'a new event', body: record({ requestId: `new-${fixedId}` }), served: true },
    { name: 'the same event again (duplicate)', body: record({ requestId: `new-${fixedId}` }), served: true },
    { name: 'preferring application/graphql-response+json', body: record({}, {}), headers: { accept: 'application/graphql-response+json, application/json;q=0.9' }, served: true },
    { name: 'with its operation named', body: (side) => JSON.stringify({ query: 'mutation Meter($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate log { costUsd } } }', operationName: 'Meter', variables: { i: { service: 'ELEVENLABS', characters: 900, requestId: `named-${fixedId}-${side}` } } }), served: true },
    { name: 'a batch', body: (side) => JSON.stringify({ query: 'mutation($e: [RecordUsageInput!]!) { recordUsages(inputs: $e) { duplicate log { costUsd requestId } } }', variables: { e: [1, 2, 3].map((n) => ({ service: 'SMARTFLO', durationSeconds: 60 * n, requestId: `batch-${n}-${fixedId}-${side}` })) } }), served: true },
    { name: 'an input the resolver refuses', body: record({ requestId: `neg-${fixedId}`, inputTokens: -5 }), served: true },
    { name: 'a batch with one refused event', body: (side) => JSON.stringify({ query: 'mutation($e: [RecordUsageInput!]!) { recordUsages(inputs: $e) { duplicate } }', variables: { e: [{ service: 'SMARTFLO', durationSeconds: 60, requestId: `bad-batch-1-${side}` }, { service: 'SMARTFLO', durationSeconds: -1, requestId: `bad-batch-2-${side}` }] } }), served: true },
    { name: 'an unknown API key', body: record({}), headers: { authorization: 'Bearer um_live_not_a_key' }, served: true },
    { name: 'a suspended tenant', body: record({ requestId: `suspended-${fixedId}` }), headers: { authorization: `Bearer ${'SUSPENDED'}` }, served: true },
    { name: 'a variable that does not coerce', body: record({ service: 'NOPE' }), served: false },
    { name: 'a variable that does not coerce, graphql-response+json', body: record({ service: 'NOPE' }), headers: { accept: 'application/graphql-response+json' }, served: false },
    { name: 'text PostgreSQL cannot store', body: record({ model: 'gpt\u0000' }), served: false },
    { name: 'a mismatched operationName', body: record({}, { operationName: 'Other' }), served: false },
    { name: 'extensions', body: record({}, { extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }), served: false },
    { name: 'a document with an unknown field', body: () => JSON.stringify({ query: 'mutation { recordUsage(input: { service: OPENAI, requestId: "x" }) { nope } }' }), served: false },
    { name: 'a document that also reads', body: () => JSON.stringify({ query: 'mutation { recordUsage(input: { service: OPENAI, requestId: "y" }) { duplicate } } query Q { me { id } }' }), served: false },
    { name: 'an Accept it does not answer', body: record({}), headers: { accept: 'text/html' }, served: false, headersDecide: true },
    { name: 'a batched HTTP request', body: (side) => `[${record({ requestId: `http-batch-${fixedId}` })(side)}]`, served: false },
    { name: 'a body that is not JSON', body: () => '{"query": "mutation {', served: true },
    { name: 'a body that is JSON but not an object', body: () => '"mutation { recordUsage }"', served: true },
    { name: 'a body with a byte-order mark', body: (side) => `\uFEFF${record({ requestId: `bom-${fixedId}` })(side)}`, served: true },
  ];

  async function send(url: string, testCase: Case, side: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, ...testCase.headers };
    if (headers.authorization === 'Bearer SUSPENDED') headers.authorization = `Bearer ${suspendedKey}`;
    const response = await fetch(url, { method: 'POST', headers, body: testCase.body(side) });
    const text = await response.text();
    return {
      status: response.status,
      headers: Object.fromEntries(HEADERS_COMPARED.map((name) => [name, response.headers.get(name)])),
      body: text.replaceAll(`-${side}`, '-SIDE').replace(UUID, '<uuid>').replace(TIME, '<time>'),
    };
  }

  const hotPathCount = async (outcome: string) => (await metrics.graphqlHotPath.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;

  for (const testCase of CASES) {
    it(`answers ${testCase.name} as Apollo does${testCase.served ? ', by itself' : ', through Apollo'}`, async () => {
      const servedBefore = await hotPathCount('served');
      const handedBefore = await hotPathCount('handed_over');
      const hot = await send(server.url, testCase, 'hot');
      const servedByHot = (await hotPathCount('served')) - servedBefore;
      const handedOver = (await hotPathCount('handed_over')) - handedBefore;
      const apollo = await send(apolloUrl, testCase, 'apollo');
      expect(hot).toEqual(apollo);
      // A body that is not a JSON object is answered before any operation: neither counter moves.
      const unreadable = testCase.name.startsWith('a body that is');
      const expectCounted = unreadable || testCase.headersDecide ? [0, 0] : testCase.served ? [1, 0] : [0, 1];
      expect([servedByHot, handedOver]).toEqual(expectCounted);
    });
  }

  it('logs the same request line as the Apollo path (the operation by its name in the document)', async () => {
    const named = 'mutation Meter($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate } }';
    const anonymous = 'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate } }';
    const requestLines = async (url: string, side: string) => {
      const from = logLines.length;
      for (const [query, operationName] of [[anonymous, undefined], [named, undefined], [named, 'Meter']] as const) {
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
          body: JSON.stringify({ query, operationName, variables: { i: { service: 'OPENAI', inputTokens: 5, requestId: `log-${query.length}-${operationName}-${fixedId}-${side}` } } }),
        });
      }
      return logLines
        .slice(from)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.msg === 'request')
        .map(({ method, path, status, op }) => ({ method, path, status, op }));
    };
    const hot = await requestLines(server.url, 'hot');
    expect(hot).toEqual([
      { method: 'POST', path: '/graphql', status: 200, op: 'mutation' },
      { method: 'POST', path: '/graphql', status: 200, op: 'Meter' },
      { method: 'POST', path: '/graphql', status: 200, op: 'Meter' },
    ]);
    expect(await requestLines(apolloUrl, 'apollo')).toEqual(hot);
  });

  it('records what it answers: the log holds each side of the new event once', async () => {
    const { rows } = await server.services.db.pool.query<{ request_id: string; cost_usd: string }>(
      `select request_id, cost_usd::text from usage_logs where request_id in ($1, $2) order by request_id`,
      [`new-${fixedId}-apollo`, `new-${fixedId}-hot`],
    );
    expect(rows.map((r) => r.request_id)).toEqual([`new-${fixedId}-apollo`, `new-${fixedId}-hot`]);
    expect(rows[0]!.cost_usd).toBe(rows[1]!.cost_usd);
  });

  it('leaves every other request to Express: a query, a session-cookie caller, chunked bodies', async () => {
    const handedBefore = await hotPathCount('handed_over');
    const servedBefore = await hotPathCount('served');
    const me = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await me.json()).toEqual({ data: { __typename: 'Query' } });
    const portal = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-usage-monitor-app': 'portal', authorization: `Bearer ${apiKey}` }, body: record({ requestId: `portal-${fixedId}` })('x') });
    expect(((await portal.json()) as { data: { recordUsage: { duplicate: boolean } } }).data.recordUsage.duplicate).toBe(false);
    const body = record({ requestId: `chunked-${fixedId}` })('x');
    const chunked = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(body)), c.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(((await chunked.json()) as { data: { recordUsage: { duplicate: boolean } } }).data.recordUsage.duplicate).toBe(false);
    expect((await hotPathCount('served')) - servedBefore).toBe(0);
    expect((await hotPathCount('handed_over')) - handedBefore).toBe(1);
  });
});
