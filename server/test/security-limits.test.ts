import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_BODY_BYTES } from '../src/app.js';
import { QUERY_LIMITS } from '../src/core/graphql/query-limits.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './harness.js';

/** One operation over a real graphql-ws connection; resolves with what the client received. */
async function overWebSocket(
  server: TestServer,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse> {
  const client = createClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
  try {
    return await new Promise<GraphQLResponse>((resolve, reject) => {
      let result: GraphQLResponse = {};
      client.subscribe(
        { query, variables },
        {
          next: (value) => (result = value as GraphQLResponse),
          // Errors from validation arrive as an `error` message: an array of formatted errors.
          error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
          complete: () => resolve(result),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

const limitOf = (response: GraphQLResponse) =>
  response.errors?.find((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')?.extensions?.limit;
const codes = (response: GraphQLResponse) => (response.errors ?? []).map((e) => e.extensions?.code);

/** Documents exactly at a limit, and one step past it (each also valid GraphQL at L). */
const AT_LIMIT = {
  DEPTH: (extra: number) => {
    // Introspection's ofType chain is the one unbounded path in the schema: __type(1) ofType × n name.
    const levels = QUERY_LIMITS.maxDepth + extra - 2;
    return `{ __type(name: "Tenant") { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } }`;
  },
  ALIASES: (extra: number) =>
    `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + extra }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
  DIRECTIVES: (extra: number) =>
    `{ me { ${Array.from({ length: QUERY_LIMITS.maxDirectives + extra }, (_, i) => `f${i}: id @include(if: true)`).join(' ')} } }`,
  // `{` + n × `... on Query {` + k × `__typename` + n × `}` + `}` is 5n + k + 2 tokens. Nested inline
  // fragments, because thousands of sibling fields trip graphql-js's own overlap budget first.
  TOKENS: (extra: number) => {
    const tokens = QUERY_LIMITS.maxTokens + extra;
    const n = Math.floor((tokens - 3) / 5);
    return `{ ${'... on Query { '.repeat(n)}${'__typename '.repeat(tokens - 2 - 5 * n)}${'} '.repeat(n)}}`;
  },
  /**
   * Cost 10,000 exactly: tenants (50 assumed) × (1 + 50 credentials) = 2,550, three times; two
   * auditLog(first: 500) × (1 + tenant) = 2,000; usageLogs(first: 200) { nodes } = 201;
   * auditLog(first: 74) { tenant } = 148; me = 1. Each extra `me` adds 1.
   */
  COST: (extra: number) =>
    `{ t1: tenants { providerCredentials { provider } } t2: tenants { providerCredentials { provider } } t3: tenants { providerCredentials { provider } }
       a1: auditLog(first: 500) { tenant { id } } a2: auditLog(first: 500) { tenant { id } } a3: auditLog(first: 74) { tenant { id } }
       usageLogs(first: 200) { nodes { id } } me { id } ${Array.from({ length: extra }, (_, i) => `m${i}: me { id }`).join(' ')} }`,
} as const;

describe('GraphQL abuse limits', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
  });
  afterAll(() => server.close());

  for (const [limit, document] of Object.entries(AT_LIMIT)) {
    it(`${limit}: L is accepted and L+1 refused with QUERY_TOO_COMPLEX, on HTTP and over the WebSocket`, async () => {
      const results: Record<string, unknown> = {};
      for (const [transport, send] of [
        ['http', (q: string) => server.gql(q, {}, admin)],
        ['ws', (q: string) => overWebSocket(server, admin, q)],
      ] as const) {
        const atLimit = await send(document(0));
        expect(atLimit.errors, `${transport} at L`).toBeUndefined();
        expect(atLimit.data).toBeTruthy();
        const past = await send(document(1));
        expect(limitOf(past), `${transport} at L+1`).toBe(limit);
        expect(past.data ?? undefined).toBeUndefined();
        results[transport] = past.errors!.find((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')!.extensions;
      }
      // The same answer either way: the client learns which limit and its maximum.
      expect(results.ws).toEqual(results.http);
      console.log(
        `security-limits: ${limit} L=${limit === 'TOKENS' ? QUERY_LIMITS.maxTokens : (results.http as { maximum: number }).maximum} accepted, L+1 refused on http and ws`,
      );
    });
  }

  it('text PostgreSQL cannot store is refused alike on HTTP and over the WebSocket, before anything runs', async () => {
    const create = 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }';
    const variables = { input: { name: 'Half\uD800written' } };
    const [http, ws] = [await server.gql(create, variables, admin), await overWebSocket(server, admin, create, variables)];
    for (const response of [http, ws]) {
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(response.data?.createTenant ?? undefined).toBeUndefined();
    }
    const tenants = await server.gql<{ tenants: { name: string }[] }>('{ tenants { name } }', {}, admin);
    expect(tenants.data!.tenants.filter((t) => t.name.startsWith('Half'))).toEqual([]);
  });

  it('page sizes are capped with BAD_USER_INPUT naming the argument, from variables too', async () => {
    const audit = 'query($n: Int) { auditLog(first: $n) { id } }';
    expect((await server.gql(audit, { n: QUERY_LIMITS.maxListSize }, admin)).errors).toBeUndefined();
    const past = await server.gql(audit, { n: QUERY_LIMITS.maxListSize + 1 }, admin);
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const logs = 'query($n: Int) { usageLogs(first: $n) { totalCount } }';
    expect((await server.gql(logs, { n: 200 }, admin)).errors).toBeUndefined();
    expect((await server.gql(logs, { n: 201 }, admin)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect(
      (await server.gql('{ usageHistory(months: 0) { period } }', {}, admin)).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    const ws = await overWebSocket(server, admin, audit, { n: QUERY_LIMITS.maxListSize + 1 });
    expect(ws.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('a body of exactly the cap is read; one byte more is 413 PAYLOAD_TOO_LARGE', async () => {
    const padded = (size: number) => {
      const json = JSON.stringify({ query: '{ __typename }' });
      return json + ' '.repeat(size - Buffer.byteLength(json));
    };
    const post = (body: string) =>
      fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const atCap = await post(padded(MAX_BODY_BYTES));
    expect(atCap.status).toBe(200);
    expect(await atCap.json()).toEqual({ data: { __typename: 'Query' } });
    const over = await post(padded(MAX_BODY_BYTES + 1));
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    console.log(`security-limits: body ${MAX_BODY_BYTES} bytes accepted, ${MAX_BODY_BYTES + 1} answered 413`);
  });

  it('batched operations are refused', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batching/i);
  });

  it('CSRF prevention: GET and simple content types need a preflight header', async () => {
    const get = (headers: Record<string, string> = {}) =>
      fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers });
    expect((await get()).status).toBe(400);
    expect((await get({ 'apollo-require-preflight': 'true' })).status).toBe(200);
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.status, type).toBe(400);
      expect(await response.text()).not.toContain('"__typename"');
    }
    // A mutation is never run from a GET, even with the header.
    const mutation = await fetch(`${server.url}?query=${encodeURIComponent('mutation { logout }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(mutation.status).toBe(405);
  });

  it('malformed JSON gets a short GraphQL-shaped 400, never an HTML page with a stack', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(text).not.toMatch(/\bat .*\(|node_modules|<html/i);
  });
});

describe('production mode', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'production' } });
    admin = await server.adminToken();
  });
  afterAll(() => server.close());

  it('refuses introspection on HTTP and over the WebSocket', async () => {
    const query = '{ __schema { queryType { name } } }';
    const http = await server.gql(query, {}, admin);
    expect(codes(http)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(http.errors?.[0]?.message).toMatch(/introspection/i);
    const ws = await overWebSocket(server, admin, query);
    expect(codes(ws)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(ws.errors?.[0]?.message).toMatch(/introspection/i);
    // __typename is not introspection of the schema and stays available.
    expect((await server.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('sends no stack trace in any error', async () => {
    const bodies: string[] = [];
    const post = async (body: string, headers: Record<string, string> = {}) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      bodies.push(await response.text());
    };
    await post('{"query": "{ me { "}'); // parse error
    await post(JSON.stringify({ query: '{ nope }' })); // validation error
    await post(JSON.stringify({ query: '{ tenants { id } }' })); // UNAUTHENTICATED
    await post(
      JSON.stringify({ query: 'query($n: Int) { auditLog(first: $n) { id } }', variables: { n: 'x' } }),
      { authorization: `Bearer ${admin}` },
    ); // coercion
    await post(JSON.stringify({ query: AT_LIMIT.ALIASES(1) })); // limit
    await post('{"query": '); // malformed JSON
    await post(JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(MAX_BODY_BYTES) })); // 413
    bodies.push(JSON.stringify(await overWebSocket(server, admin, '{ nope }')));
    const withStack = bodies.filter((body) =>
      /stacktrace|\n\s+at |\bat [\w.<>]+ \(|node_modules|\.ts:\d+/.test(body),
    );
    console.log(
      `security-limits: production error responses with a stack trace = ${withStack.length} of ${bodies.length}`,
    );
    expect(withStack).toEqual([]);
  });
});
