import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_USAGE, startTestServer, type GraphQLResponse, type TestServer } from './harness.js';

/**
 * Plants unique secrets (provider credentials, API keys, passwords, session tokens, webhook
 * secrets), exercises every path that handles them, then greps the whole database, the captured
 * log and every response body for them. The only places a secret may appear are the responses
 * that hand it out once (createApiKey, rotateWebhookSecret, login): those are listed and excluded.
 */
describe('secrets never leak', () => {
  let server: TestServer;
  const logLines: string[] = [];
  const consoleLines: string[] = [];
  const responses: { label: string; body: string; handsOut?: string }[] = [];
  const canaries = new Map<string, string>();
  const canary = (label: string, prefix = '') => {
    const value = `${prefix}canary${randomBytes(12).toString('hex')}`;
    canaries.set(label, value);
    return value;
  };
  const originalConsole = { log: console.log, warn: console.warn, error: console.error, info: console.info };

  beforeAll(async () => {
    // Anything the server (or Apollo, or a library) prints to the console counts as log output too.
    for (const level of ['warn', 'error', 'info'] as const) {
      console[level] = (...args: unknown[]) => {
        consoleLines.push(args.map(String).join(' '));
        originalConsole[level](...args);
      };
    }
    // Configuration secrets are canaries too: the master key, the metrics token and an SMTP password
    // (the SMTP server is a closed port, so alert emails fail and their errors get logged and stored).
    const masterKey = randomBytes(32).toString('hex');
    canaries.set('MASTER_KEY', masterKey);
    const env = {
      MASTER_KEY: masterKey,
      METRICS_TOKEN: canary('METRICS_TOKEN', 'mt-'),
      SMTP_URL: `smtp://alerts:${canary('SMTP password', 'smtp-')}@127.0.0.1:9`,
      ALERT_EMAILS: 'ops@secret.test',
    };
    server = await startTestServer({ env, logLines: (line) => logLines.push(line) });
  });
  afterAll(async () => {
    Object.assign(console, originalConsole);
    await server.close();
  });

  /** Every GraphQL call of this test goes through here so its response body is scanned. */
  async function call(
    label: string,
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    handsOut?: string,
  ): Promise<GraphQLResponse> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.text();
    responses.push({ label, body, handsOut });
    return JSON.parse(body);
  }

  it('database rows, logs and responses hold no plaintext secret: hits = 0', async () => {
    const adminLogin = await call(
      'admin login',
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: 'admin@test.example', p: 'admin-password-123' },
      undefined,
      'session',
    );
    const admin = adminLogin.data!.login.token as string;
    canaries.set('admin session token', admin);
    canaries.set('admin password', 'admin-password-123');

    const tenant = (
      await call(
        'create tenant',
        'mutation { createTenant(input: { name: "Secret Keeper" }) { id } }',
        {},
        admin,
      )
    ).data!.createTenant.id as string;
    const email = 'keeper@secret.test';
    const password = canary('customer password', 'pw-');
    await call(
      'create user',
      'mutation($t: ID!, $e: String!, $p: String!) { createCustomerUser(tenantId: $t, email: $e, password: $p) { id } }',
      { t: tenant, e: email, p: password },
      admin,
    );
    const customerLogin = await call(
      'customer login',
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: email, p: password },
      undefined,
      'session',
    );
    const customer = customerLogin.data!.login.token as string;
    canaries.set('customer session token', customer);
    const wrongPassword = canary('wrong password', 'pw-');
    await call(
      'failed login',
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: email, p: wrongPassword },
    );
    await call(
      'failed login, unknown user',
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: 'nobody@secret.test', p: wrongPassword },
    );

    for (const provider of ['OPENAI', 'ELEVENLABS', 'SMARTFLO']) {
      for (const round of ['set', 'rotated']) {
        const secret = canary(`${provider} credential ${round}`, 'sk-');
        const set = await call(
          `credential ${provider} ${round}`,
          'mutation($t: ID!, $p: Service!, $s: String!) { setProviderCredential(tenantId: $t, provider: $p, secret: $s) { maskedKey } }',
          { t: tenant, p: provider, s: secret },
          admin,
        );
        expect(set.errors).toBeUndefined();
      }
    }
    await call(
      'credentials read by admin',
      'query($t: ID!) { tenant(id: $t) { providerCredentials { provider maskedKey updatedAt } } }',
      { t: tenant },
      admin,
    );
    await call(
      'credentials read by customer',
      '{ me { tenant { providerCredentials { provider maskedKey } } } }',
      {},
      customer,
    );

    const created = await call(
      'create api key',
      'mutation($t: ID!) { createApiKey(tenantId: $t, name: "ingest") { id key } }',
      { t: tenant },
      admin,
    );
    const apiKey = created.data!.createApiKey.key as string;
    canaries.set('api key', apiKey);
    responses.at(-1)!.handsOut = 'api key';
    await call(
      'list api keys',
      'query($t: ID!) { apiKeys(tenantId: $t) { id name prefix lastFour } }',
      { t: tenant },
      admin,
    );
    const webhook = await call(
      'rotate webhook secret',
      'mutation($t: ID!) { rotateWebhookSecret(tenantId: $t) { secret } }',
      { t: tenant },
      admin,
      'webhook secret',
    );
    canaries.set('webhook secret', webhook.data!.rotateWebhookSecret.secret);

    for (let i = 0; i < 3; i++) {
      const recorded = await call(
        'record usage',
        RECORD_USAGE,
        {
          input: {
            service: 'OPENAI',
            model: 'gpt-4o',
            inputTokens: 10,
            outputTokens: 2,
            requestId: `secret-${i}`,
          },
        },
        apiKey,
      );
      expect(recorded.errors).toBeUndefined();
    }
    await call(
      'quota',
      'mutation($t: ID!) { setQuota(tenantId: $t, input: { monthlyCostLimitUsd: "0.01" }) { alertAtPercentage } }',
      { t: tenant },
      admin,
    );
    const alerting = await call(
      'record usage raising alerts',
      RECORD_USAGE,
      { input: { service: 'SMARTFLO', durationSeconds: 600, requestId: 'secret-alert' } },
      apiKey,
    );
    expect(alerting.data!.recordUsage.alerts.length).toBeGreaterThan(0);
    expect(await server.services.notifications.deliverDue()).toBeGreaterThan(0);
    await call('deliveries', '{ notificationDeliveries { channel target status lastError } }', {}, admin);
    const metricsScrape = await fetch(`${server.httpUrl}/metrics`, {
      headers: { authorization: `Bearer ${canaries.get('METRICS_TOKEN')}` },
    });
    expect(metricsScrape.status).toBe(200);
    responses.push({ label: 'metrics', body: await metricsScrape.text() });
    await call(
      'record usage, bad input',
      RECORD_USAGE,
      { input: { service: 'OPENAI', model: 'gpt-4o', inputTokens: -1, requestId: 'secret-bad' } },
      apiKey,
    );
    await call('audit log', '{ auditLog(first: 100) { action changes actorEmail } }', {}, admin);
    await call(
      'revoke api key',
      'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }',
      { id: created.data!.createApiKey.id },
      admin,
    );
    await call(
      'revoked key refused',
      RECORD_USAGE,
      { input: { service: 'OPENAI', model: 'gpt-4o', inputTokens: 1, requestId: 'secret-after' } },
      apiKey,
    );
    await call('logout', 'mutation { logout }', {}, customer);
    await call('logged-out token refused', '{ me { id } }', {}, customer);
    // The same secrets in headers of non-GraphQL routes.
    await fetch(`${server.httpUrl}/export/usage.csv`, { headers: { authorization: `Bearer ${admin}` } }).then(
      (r) => r.text(),
    );
    await fetch(`${server.httpUrl}/healthz`, { headers: { authorization: `Bearer ${apiKey}` } }).then((r) =>
      r.text(),
    );

    // --- the scan ---
    const pool = server.services.db.pool;
    const { rows: tables } = await pool.query(
      "select tablename from pg_tables where schemaname = 'public' order by tablename",
    );
    let rowsScanned = 0;
    const dbHits: string[] = [];
    for (const { tablename } of tables) {
      const { rows } = await pool.query(`select t::text as row from "${tablename}" t`);
      rowsScanned += rows.length;
      for (const { row } of rows)
        for (const [label, value] of canaries) if (row.includes(value)) dbHits.push(`${tablename}: ${label}`);
    }
    const logText = [...logLines, ...consoleLines];
    const logHits = logText.flatMap((line) =>
      [...canaries].filter(([, value]) => line.includes(value)).map(([label]) => label),
    );
    const responseHits: string[] = [];
    let handedOut = 0;
    for (const response of responses) {
      for (const [label, value] of canaries) {
        if (!response.body.includes(value)) continue;
        const expected =
          response.handsOut === label ||
          (response.handsOut === 'session' &&
            label.endsWith('session token') &&
            response.label.startsWith(label.split(' ')[0]!));
        if (expected) handedOut++;
        else responseHits.push(`${response.label}: ${label}`);
      }
    }
    console.log(
      `secrets-scan: ${canaries.size} canaries; database hits = ${dbHits.length} (${tables.length} tables, ${rowsScanned} rows); ` +
        `log hits = ${logHits.length} (${logText.length} lines); response hits = ${responseHits.length} (${responses.length} responses, ${handedOut} one-time hand-outs excluded)`,
    );
    expect({ dbHits, logHits, responseHits }).toEqual({ dbHits: [], logHits: [], responseHits: [] });
    // The scan can see: the hand-outs were found, the log did record these requests, and a value
    // that is meant to be stored is found in the rows.
    expect(handedOut).toBe(4);
    const { rows: failedMail } = await pool.query(
      "select count(*)::int as n from notification_deliveries where channel = 'EMAIL' and last_error is not null",
    );
    expect(failedMail[0].n).toBeGreaterThan(0);
    expect(logLines.some((line) => line.includes('notification attempt'))).toBe(true);
    expect(logLines.filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(
      responses.length,
    );
    const { rows: visible } = await pool.query(
      "select count(*)::int as n from tenants t where t::text like '%Secret Keeper%'",
    );
    expect(visible[0].n).toBe(1);
  });
});
