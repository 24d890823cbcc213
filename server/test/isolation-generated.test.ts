import { randomBytes } from 'node:crypto';
import { buildClientSchema, getIntrospectionQuery, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { subscribe } from './live.js';
import { buildOperation, idKindsFor, type BuiltOperation, type VictimIds } from './operation-builder.js';

/**
 * Generated cross-tenant suite: every Query, Mutation and Subscription field in the live schema,
 * called as customer A and as A's API key with tenant B's ids, cursors and name, and the whole
 * response (data, errors, extensions) scanned for B's canary values. New fields are probed
 * without anyone writing a case. A control run as admin proves the probes do reach B's data.
 */
let server: TestServer;
let admin: string;
let a: Awaited<ReturnType<typeof createTenantWithAccess>>;
let b: Awaited<ReturnType<typeof createTenantWithAccess>>;
const hex = randomBytes(6).toString('hex');
const canaries: string[] = [hex];
let victim: VictimIds;
let schemaFields: { root: 'query' | 'mutation' | 'subscription'; field: GraphQLField<unknown, unknown> }[] =
  [];

const ok = async (query: string, variables: Record<string, unknown>, token = admin) => {
  const response = await server.gql(query, variables, token);
  if (response.errors) throw new Error(`${query}: ${JSON.stringify(response.errors)}`);
  return response.data!;
};

/** B's rows in every tenant-owned table (and the shared price table), as text. */
async function snapshotOfB(): Promise<string> {
  const tables: [string, string][] = [
    ['tenants', 'id = $1'],
    ['users', 'tenant_id = $1'],
    ['sessions', 'user_id in (select id from users where tenant_id = $1)'],
    ['api_keys', 'tenant_id = $1'],
    ['provider_credentials', 'tenant_id = $1'],
    ['gateway_webhook_tokens', 'tenant_id = $1'],
    ['end_user_window_deltas', 'tenant_id = $1'],
    ['quotas', 'tenant_id = $1'],
    ['tenant_pricing', 'tenant_id = $1'],
    ['alerts', 'tenant_id = $1'],
    ['monthly_summaries', 'tenant_id = $1'],
    ['daily_rollups', 'tenant_id = $1'],
    ['usage_logs', 'tenant_id = $1'],
    ['usage_request_keys', 'tenant_id = $1'],
    ['end_user_daily_rollups', 'tenant_id = $1'],
    ['end_user_monthly_totals', 'tenant_id = $1'],
    ['end_user_directory', 'tenant_id = $1'],
    ['end_user_windows', 'tenant_id = $1'],
    ['end_user_window_counts', 'tenant_id = $1'],
    ['end_user_window_state', 'tenant_id = $1'],
    ['statements', 'tenant_id = $1'],
    ['statement_lines', 'tenant_id = $1'],
    ['prices', 'true'],
  ];
  const parts: string[] = [];
  for (const [table, where] of tables) {
    const { rows } = await server.services.db.pool.query(
      // last_used_at moves when B's own key is used, which is B's doing, not A's.
      `select coalesce(json_agg((to_jsonb(t) - 'last_used_at') order by to_jsonb(t)::text), '[]')::text as rows from ${table} t where ${where.includes('$1') ? where : `${where} and $1::uuid is not null`}`,
      [victim.tenant],
    );
    parts.push(`${table}: ${rows[0].rows}`);
  }
  return parts.join('\n');
}

/** Mutations on the caller's own account, which take no tenant, id or cursor of anyone's. */
const OWN_ACCOUNT_FIELDS = new Set(['changePassword', 'resetPassword', 'acceptInvitation']);

/**
 * Provider cost, margins and markups are the platform's, not the tenant's: a value of any of them
 * in a customer's or key's answer is a leak even for its own tenant (the fields answer FORBIDDEN).
 */
const ADMIN_ONLY_VALUE = /"(providerCostUsd|marginUsd|marginPercent|markupPercent)":(?!null)/;

function leaksIn(text: string): string[] {
  const leaks = canaries.filter((canary) => text.includes(canary));
  const adminOnly = ADMIN_ONLY_VALUE.exec(text);
  return adminOnly ? [...leaks, `admin-only ${adminOnly[1]}`] : leaks;
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.adminToken();
  a = await createTenantWithAccess(server, `Tenant A ${randomBytes(3).toString('hex')}`);
  b = await createTenantWithAccess(server, `Canary B ${hex}`);
  canaries.push(b.apiKey);
  await ok(`mutation($id: ID!, $i: UpdateTenantInput!) { updateTenant(id: $id, input: $i) { id } }`, {
    id: b.tenantId,
    i: { contactEmail: `contact-${hex}@b.test`, webhookUrl: `https://hook-${hex}.example/usage` },
  });
  const key = (
    await ok(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "key-${hex}") { id key } }`, {
      t: b.tenantId,
    })
  ).createApiKey;
  canaries.push(key.key);
  const user = (
    await ok(
      `mutation($t: ID!) { createCustomerUser(tenantId: $t, email: "user-${hex}@b.test", password: "customer-password-123") { id } }`,
      { t: b.tenantId },
    )
  ).createCustomerUser;
  await ok(
    `mutation($t: ID!) { setProviderCredential(tenantId: $t, provider: OPENAI, secret: "sk-${hex}-provider-secret") { maskedKey } }`,
    { t: b.tenantId },
  );
  canaries.push(
    (await ok(`mutation($t: ID!) { rotateWebhookSecret(tenantId: $t) { secret } }`, { t: b.tenantId }))
      .rotateWebhookSecret.secret,
  );
  await ok(
    `mutation($t: ID!) { setQuota(tenantId: $t, input: { elevenlabsCharacterLimit: 1000, monthlyCostLimitUsd: "500" }) { alertAtPercentage } }`,
    { t: b.tenantId },
  );
  // B and A resell at a markup, so provider cost and margin differ from what they are charged.
  for (const tenant of [b, a]) {
    await ok(`mutation($i: TenantPricingInput!) { setTenantPricing(input: $i) { markupPercent } }`, {
      i: { tenantId: tenant.tenantId, markupPercent: '37.5', effectiveFrom: new Date(Date.now() - 86_400_000).toISOString() },
    });
  }
  await ok(`mutation { recordUsage(input: { service: SMARTFLO, durationSeconds: 61, requestId: "own-a" }) { duplicate } }`, {}, a.apiKey);
  const recorded = await ok(
    `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { log { id } } }`,
    {
      i: [900, 200].map((characters, n) => ({
        service: 'ELEVENLABS',
        model: `voice-${hex}`,
        characters,
        requestId: `req-${hex}-${n}`,
        metadata: { note: `meta-${hex}` },
        endUser: `end-user-${hex}-${n}`,
      })),
    },
    b.apiKey,
  );
  const alerts = (await ok(`query($t: ID) { alerts(tenantId: $t) { id } }`, { t: b.tenantId })).alerts;
  const page = (
    await ok(`query($t: ID) { usageLogs(first: 1, filter: { tenantId: $t }) { pageInfo { endCursor } } }`, {
      t: b.tenantId,
    })
  ).usageLogs;
  const summaries = (
    await ok(`query($n: String) { monthlySummaryPage(first: 1, search: $n) { pageInfo { endCursor } } }`, { n: b.name })
  ).monthlySummaryPage;
  const endUsers = (await ok(`query($t: ID) { endUsers(input: { tenantId: $t, first: 1 }) { pageInfo { endCursor } } }`, { t: b.tenantId })).endUsers;
  expect(alerts.length).toBeGreaterThan(0);
  // B's statements: last month FINAL (its usage planted as recorded), this month OPEN with B's canary model in its lines.
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  await server.services.db.pool.query(`insert into monthly_summaries (tenant_id, period, elevenlabs_characters, elevenlabs_cost_usd, total_cost_usd, total_api_calls) values ($1, $2, 10, 0.003, 0.003, 1)`, [b.tenantId, lastMonth]);
  await server.services.db.pool.query(`insert into daily_rollups (tenant_id, day, service, model, api_calls, units, cost_usd) values ($1, $2, 'ELEVENLABS', $3, 1, 10, 0.003)`, [b.tenantId, lastMonth, `voice-${hex}`]);
  await ok(`mutation($t: ID!, $p: String!) { finalizeStatement(tenantId: $t, period: $p) { id } }`, { t: b.tenantId, p: lastMonth.slice(0, 7) });
  const statements = (await ok(`query($t: ID) { statements(tenantId: $t) { id status lines { model } } }`, { t: b.tenantId })).statements;
  expect(statements.map((s: { status: string }) => s.status)).toEqual(['OPEN', 'FINAL']);
  expect(JSON.stringify(statements)).toContain(hex);
  victim = {
    tenant: b.tenantId,
    alert: alerts[0].id,
    apiKey: key.id,
    user: user.id,
    log: recorded.recordUsages[0].log.id,
    cursor: page.pageInfo.endCursor,
    cursors: { monthlySummaryPage: summaries.pageInfo.endCursor, endUsers: endUsers.pageInfo.endCursor },
    ids: { statement: statements[0].id },
    name: b.name,
  };

  const introspection = await ok(getIntrospectionQuery(), {});
  const schema = buildClientSchema(introspection as never);
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  schemaFields = roots.flatMap(([root, type]) =>
    Object.values((type as GraphQLObjectType).getFields()).map((field) => ({ root, field })),
  );
});

afterAll(async () => {
  await server?.close();
});

/** A's callers; the customer signs in again when an operation (logout) ended its session. */
function callers() {
  let token = a.customerToken;
  return [
    {
      name: 'customer A',
      async call(op: BuiltOperation) {
        let response = await server.gql(op.document, op.variables, token);
        if (response.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
          token = (
            await ok(
              `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
              { e: a.email, p: a.password },
              '',
            )
          ).login.token;
          response = await server.gql(op.document, op.variables, token);
        }
        return response;
      },
      get token() {
        return token;
      },
    },
    {
      name: "A's API key",
      call: (op: BuiltOperation) => server.gql(op.document, op.variables, a.apiKey),
      token: a.apiKey,
    },
  ];
}

describe('generated cross-tenant isolation', () => {
  const found: string[] = [];
  let operations = 0;

  it("every query and mutation, as customer A and as A's key, aimed at tenant B: leaks = 0, B unchanged", async () => {
    const before = await snapshotOfB();
    const codes: Record<string, number> = {};
    const http = schemaFields.filter((f) => f.root !== 'subscription');
    expect(http.length).toBeGreaterThan(30);
    for (const caller of callers()) {
      for (const { root, field } of http) {
        for (const [kind, scope] of idKindsFor(field).flatMap((k) =>
          (['victim', 'own'] as const).map((sc) => [k, sc] as const),
        )) {
          const op = buildOperation(root, field, victim, kind, scope);
          const response = await caller.call(op);
          operations++;
          // A probe the server cannot even parse tests nothing: the builder must produce valid operations.
          expect(
            response.errors?.filter((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') ?? [],
            op.document,
          ).toEqual([]);
          for (const leak of leaksIn(JSON.stringify(response)))
            found.push(`${caller.name} ${op.field}(${kind}, ${scope}): ${leak}`);
          const first = response.errors?.[0];
          // endUsers refuses B's cursor in A's own ranking as another tenant's (api-contract-next.md):
          // that refusal is the tenant check itself, not input the builder got wrong.
          const foreignCursor = first?.extensions?.code === 'BAD_USER_INPUT' && first.extensions.field === 'after' && /another tenant/.test(first.message);
          // The caller's own password fields: they name no tenant, and the probe's text is simply wrong.
          const ownAccount = first?.extensions?.code === 'BAD_USER_INPUT' && OWN_ACCOUNT_FIELDS.has(field.name);
          const code = foreignCursor ? 'FOREIGN_CURSOR_REFUSED' : ownAccount ? 'OWN_ACCOUNT_INPUT_REFUSED' : String(first?.extensions?.code ?? 'data');
          codes[code] = (codes[code] ?? 0) + 1;
        }
      }
    }
    const after = await snapshotOfB();
    console.log(
      `isolation: ${operations} query/mutation operations over ${http.length} root fields, answers ${JSON.stringify(codes)}`,
    );
    expect(found).toEqual([]);
    expect(codes.INTERNAL_SERVER_ERROR ?? 0).toBe(0);
    // A probe refused as bad input never reached the tenant check: teach the builder that input.
    expect(codes.BAD_USER_INPUT ?? 0).toBe(0);
    expect(after).toBe(before);
  });

  it("every subscription, over graphql-ws, as customer A and as A's key while B is busy: leaks = 0", async () => {
    const subscriptions = schemaFields.filter((f) => f.root === 'subscription');
    expect(subscriptions.length).toBeGreaterThan(0);
    const open: { name: string; sub: ReturnType<typeof subscribe> }[] = [];
    // graphql-ws prints each refused socket (API keys get 4403 at connection_init); keep the log readable.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const caller of callers()) {
      for (const { field } of subscriptions) {
        for (const [kind, scope] of idKindsFor(field).flatMap((k) =>
          (['victim', 'own'] as const).map((sc) => [k, sc] as const),
        )) {
          const op = buildOperation('subscription', field, victim, kind, scope);
          const sub = subscribe(server.wsUrl, caller.token, op.document, op.variables);
          await sub.ready.catch(() => undefined); // API keys are refused at connection_init: also no leak
          open.push({ name: `${caller.name} ${op.field}(${kind}, ${scope})`, sub });
          operations++;
        }
      }
    }
    // Control: the admin, subscribed the same way, does see B's activity.
    const control = subscribe(
      server.wsUrl,
      admin,
      `subscription($t: ID) { alertRaised(tenantId: $t) { message tenant { name } } }`,
      { t: b.tenantId },
    );
    await control.ready;
    // B gets busy: a re-armed quota raises new alerts, and totals move.
    await ok(
      `mutation($t: ID!) { setQuota(tenantId: $t, input: { elevenlabsCharacterLimit: 1500 }) { alertAtPercentage } }`,
      { t: b.tenantId },
    );
    await ok(
      `mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate } }`,
      { i: { service: 'ELEVENLABS', characters: 600, requestId: `req-${hex}-live`, model: `voice-${hex}` } },
      b.apiKey,
    );
    expect(await control.waitFor(1, 5_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_500)); // usageUpdated ticks once a second
    for (const { name, sub } of open) {
      for (const leak of leaksIn(JSON.stringify({ received: sub.received, errors: sub.errors })))
        found.push(`${name}: ${leak}`);
      await sub.close();
    }
    quiet.mockRestore();
    expect(open.filter((o) => o.name.startsWith("A's API key")).map((o) => o.sub.closeCode)).toEqual(
      open.filter((o) => o.name.startsWith("A's API key")).map(() => 4403),
    );
    expect(leaksIn(JSON.stringify(control.received)).length).toBeGreaterThan(0);
    await control.close();
    console.log(
      `isolation: ${operations} operations (${schemaFields.length} root fields), leaks = ${found.length}`,
    );
    expect(found).toEqual([]);
  });

  it("control: the same generated queries as admin do reach B's data (the scan can see a leak)", async () => {
    let hits = 0;
    for (const { root, field } of schemaFields.filter((f) => f.root === 'query')) {
      const op = buildOperation(root, field, victim, 'tenant');
      const response = await server.gql(op.document, op.variables, admin);
      if (leaksIn(JSON.stringify(response)).length > 0) hits++;
    }
    console.log(`isolation control: ${hits} admin queries returned B's canaries`);
    expect(hits).toBeGreaterThan(5);
    // And the admin-only scan can see one: the admin's own generated usageLogs probe carries provider cost.
    const usageLogs = schemaFields.find((f) => f.root === 'query' && f.field.name === 'usageLogs')!;
    const op = buildOperation('query', usageLogs.field, victim, 'tenant');
    expect(ADMIN_ONLY_VALUE.test(JSON.stringify(await server.gql(op.document, op.variables, admin)))).toBe(true);
  });
});
