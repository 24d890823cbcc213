import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

/**
 * Access rules of every root field, checked against the live schema: a field added without an
 * entry here fails the suite. `allowed` lists who may call it; `scoped` fields also take a tenant
 * id that must be refused for another tenant's customer or key.
 */
type Kind = 'ADMIN' | 'CUSTOMER' | 'API_KEY';
interface Rule {
  op: string;
  allowed: Kind[];
  /** The operation again, naming tenant `$other` (must be refused for customers and keys). */
  otherTenant?: string;
  public?: boolean;
  /** A mutation of the caller's own account (password, sessions): read-only roles may run it. */
  ownAccount?: boolean;
}

const TENANT_VAR = '00000000-0000-0000-0000-000000000000';
const RULES: Record<string, Rule> = {
  me: { op: '{ me { id } }', allowed: ['ADMIN', 'CUSTOMER', 'API_KEY'], public: true },
  login: { op: 'mutation { login(email: "nobody@x.test", password: "wrong-password-123") { token } }', allowed: [], public: true },
  changePassword: { op: 'mutation { changePassword(currentPassword: "wrong-password-123", newPassword: "another-long-secret") }', allowed: ['ADMIN', 'CUSTOMER'], ownAccount: true },
  requestPasswordReset: { op: 'mutation { requestPasswordReset(email: "nobody@x.test") }', allowed: [], public: true },
  resetPassword: { op: 'mutation { resetPassword(token: "um_reset_nothing", newPassword: "another-long-secret") { token } }', allowed: [], public: true },
  logout: { op: 'mutation { logout }', allowed: ['ADMIN', 'CUSTOMER'], ownAccount: true },
  sessions: { op: '{ sessions { id } }', allowed: ['ADMIN', 'CUSTOMER'] },
  revokeSession: { op: `mutation { revokeSession(id: "${TENANT_VAR}") }`, allowed: ['ADMIN', 'CUSTOMER'], ownAccount: true },
  signOutEverywhere: { op: 'mutation { signOutEverywhere }', allowed: ['ADMIN', 'CUSTOMER'], ownAccount: true },
  users: { op: '{ users { id } }', allowed: ['ADMIN', 'CUSTOMER'], otherTenant: 'query($other: ID) { users(tenantId: $other) { id } }' },
  invitations: { op: '{ invitations { id } }', allowed: ['ADMIN', 'CUSTOMER'], otherTenant: 'query($other: ID) { invitations(tenantId: $other) { id } }' },
  inviteUser: { op: `mutation { inviteUser(input: { email: "probe-invite@x.test", tenantId: "${TENANT_VAR}" }) { id } }`, allowed: ['ADMIN', 'CUSTOMER'], otherTenant: 'mutation($other: ID) { inviteUser(input: { email: "probe-other@x.test", tenantId: $other }) { id } }' },
  revokeInvitation: { op: `mutation { revokeInvitation(id: "${TENANT_VAR}") }`, allowed: ['ADMIN', 'CUSTOMER'] },
  acceptInvitation: { op: 'mutation { acceptInvitation(token: "um_invite_nothing", password: "another-long-secret") { token } }', allowed: [], public: true },
  setUserRole: { op: `mutation { setUserRole(id: "${TENANT_VAR}", customerRole: MEMBER) { id } }`, allowed: ['ADMIN', 'CUSTOMER'] },
  removeUser: { op: `mutation { removeUser(id: "${TENANT_VAR}") }`, allowed: ['ADMIN', 'CUSTOMER'] },
  tenantPricing: { op: `{ tenantPricing(tenantId: "${TENANT_VAR}") { markupPercent } }`, allowed: ['ADMIN'] },
  setTenantPricing: { op: `mutation { setTenantPricing(input: { tenantId: "${TENANT_VAR}", markupPercent: "20", effectiveFrom: "2099-01-01T00:00:00Z" }) { markupPercent } }`, allowed: ['ADMIN'] },
  overview: { op: '{ overview { customerCount } }', allowed: ['ADMIN'] },
  tenants: { op: '{ tenants { id } }', allowed: ['ADMIN'] },
  tenant: { op: `{ tenant(id: "${TENANT_VAR}") { id } }`, allowed: ['ADMIN'] },
  monthlySummaries: { op: '{ monthlySummaries { period } }', allowed: ['ADMIN', 'CUSTOMER'] },
  monthlySummaryPage: { op: '{ monthlySummaryPage { totalCount } }', allowed: ['ADMIN', 'CUSTOMER'] },
  usageLogs: { op: '{ usageLogs { totalCount } }', allowed: ['ADMIN', 'CUSTOMER'], otherTenant: 'query($other: ID) { usageLogs(filter: { tenantId: $other }) { totalCount } }' },
  serviceBreakdown: { op: '{ serviceBreakdown { service } }', allowed: ['ADMIN'] },
  topTenants: { op: '{ topTenants { totalCostUsd } }', allowed: ['ADMIN'] },
  alerts: { op: '{ alerts { id } }', allowed: ['ADMIN', 'CUSTOMER'], otherTenant: 'query($other: ID) { alerts(tenantId: $other) { id } }' },
  quota: { op: '{ quota { alertAtPercentage } }', allowed: ['CUSTOMER', 'API_KEY'], otherTenant: 'query($other: ID) { quota(tenantId: $other) { alertAtPercentage } }' },
  usageDashboard: { op: '{ usageDashboard { period } }', allowed: ['CUSTOMER', 'API_KEY'], otherTenant: 'query($other: ID) { usageDashboard(tenantId: $other) { period } }' },
  usageHistory: { op: '{ usageHistory { period } }', allowed: ['CUSTOMER'], otherTenant: 'query($other: ID) { usageHistory(tenantId: $other) { period } }' },
  usageByModel: { op: '{ usageByModel { service } }', allowed: ['CUSTOMER'], otherTenant: 'query($other: ID) { usageByModel(tenantId: $other) { service } }' },
  voidUsage: { op: 'mutation { voidUsage(id: "00000000-0000-4000-8000-000000000000", reason: "access probe") { id } }', allowed: ['ADMIN'] },
  endUsers: { op: '{ endUsers(input: { days: 7 }) { totalCount } }', allowed: ['ADMIN', 'CUSTOMER'], otherTenant: 'query($other: ID) { endUsers(input: { days: 7, tenantId: $other }) { totalCount } }' },
  statements: { op: '{ statements { id } }', allowed: ['ADMIN', 'CUSTOMER'], otherTenant: 'query($other: ID) { statements(tenantId: $other) { id } }' },
  // Another tenant's statement by id: statements.test.ts and isolation-generated.test.ts (the id names tenant and month).
  statement: { op: '{ statement(id: "00000000-0000-4000-8000-000000000000:2026-01") { id } }', allowed: ['ADMIN', 'CUSTOMER'] },
  finalizeStatement: { op: 'mutation { finalizeStatement(tenantId: "00000000-0000-4000-8000-000000000000", period: "2026-01") { id } }', allowed: ['ADMIN'] },
  usageTimeSeries: { op: '{ usageTimeSeries(input: { days: 7 }) { days } }', allowed: ['ADMIN', 'CUSTOMER'], otherTenant: 'query($other: ID) { usageTimeSeries(input: { days: 7, tenantId: $other }) { days } }' },
  unpricedUsage: { op: '{ unpricedUsage { apiCalls } }', allowed: ['ADMIN'] },
  prices: { op: '{ prices { id } }', allowed: ['ADMIN'] },
  priceCatalogDiff: { op: '{ priceCatalogDiff { model } }', allowed: ['ADMIN'] },
  applyPriceCatalog: { op: 'mutation { applyPriceCatalog(effectiveFrom: "2020-01-01T00:00:00Z") { id } }', allowed: ['ADMIN'] },
  quotaStandings: { op: '{ quotaStandings { usages { metric } } }', allowed: ['ADMIN'] },
  checkQuota: { op: '{ checkQuota(service: OPENAI, estimatedUnits: 1) { allowed } }', allowed: ['CUSTOMER', 'API_KEY'], otherTenant: 'query($other: ID) { checkQuota(service: OPENAI, estimatedUnits: 1, tenantId: $other) { allowed } }' },
  apiKeys: { op: `{ apiKeys(tenantId: "${TENANT_VAR}") { id } }`, allowed: ['ADMIN', 'CUSTOMER'], otherTenant: 'query($other: ID!) { apiKeys(tenantId: $other) { id } }' },
  customerUsers: { op: `{ customerUsers(tenantId: "${TENANT_VAR}") { id } }`, allowed: ['ADMIN'] },
  notificationDeliveries: { op: '{ notificationDeliveries { id } }', allowed: ['ADMIN'] },
  auditLog: { op: '{ auditLog { id } }', allowed: ['ADMIN'] },
  createTenant: { op: 'mutation { createTenant(input: { name: "Access Probe" }) { id } }', allowed: ['ADMIN'] },
  updateTenant: { op: `mutation { updateTenant(id: "${TENANT_VAR}", input: { name: "x" }) { id } }`, allowed: ['ADMIN'] },
  createCustomerUser: { op: `mutation { createCustomerUser(tenantId: "${TENANT_VAR}", email: "probe@x.test", password: "probe-password-123") { id } }`, allowed: ['ADMIN'] },
  createApiKey: { op: `mutation { createApiKey(tenantId: "${TENANT_VAR}", name: "probe") { id } }`, allowed: ['ADMIN', 'CUSTOMER'], otherTenant: 'mutation($other: ID!) { createApiKey(tenantId: $other, name: "probe") { id } }' },
  revokeApiKey: { op: `mutation { revokeApiKey(id: "${TENANT_VAR}") { id } }`, allowed: ['ADMIN', 'CUSTOMER'] },
  setProviderCredential: { op: `mutation { setProviderCredential(tenantId: "${TENANT_VAR}", provider: OPENAI, secret: "sk-probe-12345678") { maskedKey } }`, allowed: ['ADMIN'] },
  rotateWebhookSecret: { op: `mutation { rotateWebhookSecret(tenantId: "${TENANT_VAR}") { secret } }`, allowed: ['ADMIN'] },
  rotateGatewayWebhookToken: { op: `mutation { rotateGatewayWebhookToken(tenantId: "${TENANT_VAR}") { secret } }`, allowed: ['ADMIN'] },
  revokeGatewayWebhookToken: { op: `mutation { revokeGatewayWebhookToken(tenantId: "${TENANT_VAR}") }`, allowed: ['ADMIN'] },
  addPrice: { op: 'mutation { addPrice(input: { service: SMARTFLO, model: "probe", perMinute: "0.01" }) { id } }', allowed: ['ADMIN'] },
  recordUsage: { op: 'mutation { recordUsage(input: { service: SMARTFLO, durationSeconds: 1, requestId: "probe" }) { duplicate } }', allowed: ['API_KEY'], otherTenant: 'mutation($other: ID) { recordUsage(input: { tenantId: $other, service: SMARTFLO, durationSeconds: 1, requestId: "probe-other" }) { duplicate } }' },
  recordUsages: { op: 'mutation { recordUsages(inputs: [{ service: SMARTFLO, durationSeconds: 1, requestId: "probe-b" }]) { duplicate } }', allowed: ['API_KEY'], otherTenant: 'mutation($other: ID) { recordUsages(inputs: [{ tenantId: $other, service: SMARTFLO, durationSeconds: 1, requestId: "probe-b2" }]) { duplicate } }' },
  setQuota: { op: `mutation { setQuota(tenantId: "${TENANT_VAR}", input: { alertAtPercentage: 70 }) { alertAtPercentage } }`, allowed: ['ADMIN'] },
  removeQuota: { op: `mutation { removeQuota(tenantId: "${TENANT_VAR}") }`, allowed: ['ADMIN'] },
  acknowledgeAlert: { op: `mutation { acknowledgeAlert(id: "${TENANT_VAR}") { id } }`, allowed: ['ADMIN'] },
  resolveAlert: { op: `mutation { resolveAlert(id: "${TENANT_VAR}") { id } }`, allowed: ['ADMIN'] },
};
// Subscriptions are checked over graphql-ws in quotas-alerts.test.ts (auth in connection_init,
// 4403 without a viewer, FORBIDDEN for another tenant).
const SUBSCRIPTIONS = ['alertRaised', 'usageUpdated'];

let server: TestServer;
let a: Awaited<ReturnType<typeof createTenantWithAccess>>;
let b: Awaited<ReturnType<typeof createTenantWithAccess>>;

beforeAll(async () => {
  server = await startTestServer();
  a = await createTenantWithAccess(server, 'Access A');
  b = await createTenantWithAccess(server, 'Access B Canary');
});
afterAll(() => server?.close());

const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

describe('access rules cover every root field', () => {
  it('has a rule for each query, mutation and subscription in the schema', async () => {
    const schema = (await server.gql(getIntrospectionQuery())).data!.__schema;
    const fields = schema.types
      .filter((t: { name: string }) => ['Query', 'Mutation', 'Subscription'].includes(t.name))
      .flatMap((t: { fields: { name: string }[] }) => t.fields.map((f) => f.name));
    expect(fields.filter((name: string) => !RULES[name] && !SUBSCRIPTIONS.includes(name))).toEqual([]);
  });
});

describe.each(Object.entries(RULES))('%s', (_name, rule) => {
  it('requires a credential', async () => {
    if (rule.public) return;
    expect(codeOf(await server.gql(rule.op))).toBe('UNAUTHENTICATED');
    expect(codeOf(await server.gql(rule.op, {}, 'um_sess_forged-token'))).toBe('UNAUTHENTICATED');
  });

  it('refuses the wrong kind of caller with FORBIDDEN', async () => {
    const tokens: Record<Kind, string> = { ADMIN: await server.adminToken(), CUSTOMER: a.customerToken, API_KEY: a.apiKey };
    for (const kind of ['CUSTOMER', 'API_KEY'] as const) {
      if (rule.allowed.includes(kind) || rule.public) continue;
      const response = await server.gql(rule.op, {}, tokens[kind]);
      expect(codeOf(response), `${kind}`).toBe('FORBIDDEN');
      // Nothing comes back: no data, or only nulls for nullable fields.
      expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
    }
  });

  it('refuses another tenant’s id for customers and keys, naming nothing of it', async () => {
    if (!rule.otherTenant) return;
    for (const token of [a.customerToken, a.apiKey]) {
      const response = await server.gql(rule.otherTenant, { other: b.tenantId }, token);
      const text = JSON.stringify(response);
      if (rule.allowed.includes(token === a.apiKey ? 'API_KEY' : 'CUSTOMER')) expect(codeOf(response)).toBe('FORBIDDEN');
      else expect(['FORBIDDEN']).toContain(codeOf(response));
      expect(text).not.toContain('Canary');
      expect(text).not.toContain(b.tenantId);
    }
  });
});

describe('read-only roles change nothing', () => {
  // An admin VIEWER and a customer MEMBER may call no mutation beyond their own account: the one
  // auth checker refuses each with FORBIDDEN before any resolver runs, whatever its arguments.
  it('refuses every mutation but own-account ones to an admin VIEWER and a customer MEMBER', async () => {
    const viewerEmail = `viewer-${Date.now()}@x.test`;
    const memberEmail = `member-${Date.now()}@x.test`;
    const viewerToken = await server.userWithRole(viewerEmail, 'VIEWER', null);
    const memberToken = await server.userWithRole(memberEmail, 'MEMBER', a.tenantId);
    const mutations = Object.entries(RULES).filter(([, rule]) => rule.op.startsWith('mutation') && !rule.public);
    expect(mutations.length).toBeGreaterThan(20);
    for (const [name, rule] of mutations) {
      for (const [who, token, kind] of [['VIEWER', viewerToken, 'ADMIN'], ['MEMBER', memberToken, 'CUSTOMER']] as const) {
        // Own-account mutations are allowed (accounts.test.ts runs them as read-only roles).
        if (!rule.allowed.includes(kind) || rule.ownAccount) continue;
        const response = await server.gql(rule.op, {}, token);
        expect(codeOf(response), `${who} ${name}`).toBe('FORBIDDEN');
      }
    }
    // They still read.
    expect((await server.gql('{ tenants { id } }', {}, viewerToken)).data?.tenants.length).toBeGreaterThan(0);
    expect((await server.gql('{ usageLogs { totalCount } }', {}, memberToken)).errors).toBeUndefined();
  });
});

describe('admin-only fields', () => {
  // Every field described "Admin only (FORBIDDEN …)" (provider cost, margins), wherever a customer
  // or a key could reach its type: the auth checker refuses it, and no value comes back.
  const REACH: Record<string, { path: string; customer: string; key?: string }[]> = {
    UsageLog: [
      { path: 'usageLogs { nodes { FIELD } }', customer: '{ usageLogs { nodes { FIELD } } }' },
      {
        path: 'recordUsage { log { FIELD } }',
        customer: '',
        key: 'mutation { recordUsage(input: { service: ELEVENLABS, characters: 10, requestId: "admin-only-probe" }) { log { FIELD } } }',
      },
    ],
    MonthlySummary: [
      { path: 'monthlySummaries', customer: '{ monthlySummaries { FIELD } }' },
      { path: 'monthlySummaryPage', customer: '{ monthlySummaryPage { nodes { FIELD } } }' },
      { path: 'usageHistory', customer: '{ usageHistory { FIELD } }' },
    ],
  };

  it('refuses each to customers and keys with FORBIDDEN, and serves it to admins', async () => {
    const schema = (await server.gql(getIntrospectionQuery())).data!.__schema;
    const adminOnly = schema.types.flatMap((type: { name: string; fields: { name: string; description: string | null }[] | null }) =>
      (type.fields ?? []).filter((f) => f.description?.startsWith('Admin only') && f.description.includes('FORBIDDEN')).map((f) => [type.name, f.name] as const),
    );
    expect(adminOnly).toEqual(expect.arrayContaining([['UsageLog', 'providerCostUsd'], ['MonthlySummary', 'providerCostUsd'], ['MonthlySummary', 'marginUsd'], ['MonthlySummary', 'marginPercent']]));
    await server.gql(`mutation { recordUsage(input: { service: ELEVENLABS, characters: 10, requestId: "admin-only-seed" }) { duplicate } }`, {}, a.apiKey);
    const admin = await server.adminToken();
    for (const [type, field] of adminOnly) {
      expect(REACH[type], `${type} needs a way in for this test`).toBeDefined();
      for (const reach of REACH[type]!) {
        const probes = [
          [reach.customer, a.customerToken],
          [reach.key ?? reach.customer, a.apiKey],
        ].filter(([op]) => op);
        for (const [op, token] of probes) {
          // Keys may not call usageHistory at all: FORBIDDEN either way.
          const response = await server.gql(op!.replace('FIELD', field), {}, token);
          expect(codeOf(response), `${type}.${field} via ${reach.path}`).toBe('FORBIDDEN');
          expect(JSON.stringify(response.data ?? null)).not.toMatch(new RegExp(`"${field}":"`));
        }
      }
      const adminOp = type === 'UsageLog' ? `{ usageLogs(first: 1) { nodes { ${field} } } }` : `{ monthlySummaries { ${field} } }`;
      expect((await server.gql(adminOp, {}, admin)).errors, `${type}.${field} as admin`).toBeUndefined();
    }
  });
});
