import { auditServer, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../src/core/graphql/query-limits.js';
import { startTestServer, type TestServer } from './harness.js';

/** graphql-http's audit ids of the SHOULDs on status codes, per response media type. */
const STATUS_SHOULDS = {
  'application/json': {
    BCF8: 'SHOULD use 400 status code on JSON parsing failure when accepting application/json',
    '572B': 'SHOULD use 200 status code on document parsing failure when accepting application/json',
    FDE2: 'SHOULD use 200 status code on document validation failure when accepting application/json',
    '7B9B': 'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
  },
  'application/graphql-response+json': {
    B7N8: 'SHOULD use 400 status code on JSON parsing failure when accepting application/graphql-response+json',
    '865D': 'SHOULD use 4xx or 5xx status codes on document parsing failure when accepting application/graphql-response+json',
    '556A': 'SHOULD use 400 status code on document parsing failure when accepting application/graphql-response+json',
    '51FE': 'SHOULD use 4xx or 5xx status codes on document validation failure when accepting application/graphql-response+json',
    '74FF': 'SHOULD use 400 status code on document validation failure when accepting application/graphql-response+json',
    '86EE': 'SHOULD use a status code of 400 on variable coercion failure when accepting application/graphql-response+json',
  },
} as const;

/** What each of our clients sends: plain JSON tools, and the SPAs' Apollo Client and the SDK. */
const ACCEPT = {
  json: 'application/json',
  apolloClient: 'application/graphql-response+json,application/json;q=0.9',
  sdk: 'application/graphql-response+json, application/json;q=0.9',
} as const;

describe('GraphQL over HTTP', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
  });
  afterAll(() => server.close());

  const post = async (accept: string | undefined, body: string, token?: string) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(accept ? { accept } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), body: JSON.parse(text) };
  };
  const operation = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

  it("graphql-http's audit: every MUST passes, and the SHOULDs on status codes for both media types", async () => {
    const results: AuditResult[] = await auditServer({ url: server.url });
    const failed = (result: AuditResult) => (result.status === 'ok' ? [] : [`${result.id} ${result.name}: ${result.reason}`]);
    const must = results.filter((result) => result.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThan(10);
    expect(must.flatMap(failed)).toEqual([]);
    for (const shoulds of Object.values(STATUS_SHOULDS)) {
      const audited = results.filter((result) => result.id in shoulds);
      expect(audited.map((result) => [result.id, result.name])).toEqual(Object.entries(shoulds));
      expect(audited.flatMap(failed)).toEqual([]);
    }
    const notOk = results.filter((result) => result.status !== 'ok');
    console.log(
      `graphql-over-http: ${results.length} audits, MUST failed 0 of ${must.length}; not ok: ${notOk.map((r) => `${r.id} (${r.name.split(' ')[0]})`).join(', ') || 'none'}`,
    );
  });

  it('our request errors: 200 with errors for application/json (or no Accept), 400 for the SPAs and the SDK, same codes', async () => {
    const aliases = `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const cases = [
      { name: 'alias limit', body: operation(aliases), code: 'QUERY_TOO_COMPLEX' },
      { name: 'token limit', body: operation(`{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)}}`), code: 'QUERY_TOO_COMPLEX' },
      {
        name: 'cost limit',
        // 4 × tenants (50 assumed) × (1 + 50 credentials) = 10,200
        body: operation(`{ ${['a', 'b', 'c', 'd'].map((a) => `${a}: tenants { providerCredentials { provider } }`).join(' ')} }`),
        code: 'QUERY_TOO_COMPLEX',
      },
      { name: 'page size', body: operation('query($n: Int) { auditLog(first: $n) { id } }', { n: QUERY_LIMITS.maxListSize + 1 }), code: 'BAD_USER_INPUT' },
      { name: 'coercion', body: operation('query($n: Int) { auditLog(first: $n) { id } }', { n: 'x' }), code: 'BAD_USER_INPUT' },
      { name: 'validation', body: operation('{ nope }'), code: 'GRAPHQL_VALIDATION_FAILED' },
      { name: 'parse', body: operation('{ me { '), code: 'GRAPHQL_PARSE_FAILED' },
    ];
    const seen: string[] = [];
    for (const { name, body, code } of cases) {
      for (const [accept, status, type] of [
        [ACCEPT.json, 200, 'application/json'],
        [undefined, 200, 'application/json'],
        [ACCEPT.apolloClient, 400, 'application/graphql-response+json'],
        [ACCEPT.sdk, 400, 'application/graphql-response+json'],
      ] as const) {
        const response = await post(accept, body, admin);
        const where = `${name}, accept ${accept ?? 'none'}`;
        expect(response.status, where).toBe(status);
        expect(response.type, where).toContain(type);
        expect(response.body.data, where).toBeUndefined();
        expect(response.body.errors?.[0]?.extensions?.code, where).toBe(code);
        seen.push(`${name}/${accept ?? 'none'}=${response.status}`);
      }
    }
    console.log(`graphql-over-http: ${seen.length} request-error answers as expected (application/json 200, graphql-response+json 400)`);
  });

  it('requests that are not well-formed keep their 4xx whatever the Accept; results with data stay 200', async () => {
    for (const [accept, type] of [
      [ACCEPT.json, 'application/json'],
      [ACCEPT.apolloClient, 'application/graphql-response+json'],
    ] as const) {
      const malformed = await post(accept, '{"query": ');
      expect([malformed.status, malformed.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
      // In the media type the client prefers: Apollo Client reads a 4xx as GraphQL errors only then.
      expect(malformed.type).toContain(type);
      const noQuery = await post(accept, JSON.stringify({ variables: {} }));
      expect([noQuery.status, noQuery.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
      // A field error is not a request error: data is present (null), 200 for both media types.
      const unauthenticated = await post(accept, operation('{ tenants { id } }'));
      expect(unauthenticated.status).toBe(200);
      expect(unauthenticated.body).toMatchObject({ data: null, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });
});
