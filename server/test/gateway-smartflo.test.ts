import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMARTFLO_SAMPLES } from '../src/modules/gateway/smartflo/call-record.js';
import { RECORD_USAGE, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

/**
 * Smartflo call records through the gateway's webhook: the per-tenant token (created, rotated,
 * revoked by admins, stored hashed), each record one SMARTFLO event keyed by the call's id, and
 * the tenant's gateway status. The samples the mapping was written from are posted verbatim; the
 * clock stands on their day so they are "recent".
 */
let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  server.clock.set('2026-12-16T12:00:00Z');
  admin = await server.adminToken();
});
afterAll(() => server?.close());

const ROTATE = 'mutation($t: ID!) { rotateGatewayWebhookToken(tenantId: $t) { secret maskedSecret createdAt } }';
const REVOKE = 'mutation($t: ID!) { revokeGatewayWebhookToken(tenantId: $t) }';
const STATUS = 'query($t: ID!) { tenant(id: $t) { gateway { openaiCredentialSet elevenlabsCredentialSet webhookTokenSet callsThisMonth } } }';
const SMARTFLO_PER_MINUTE = 0.02;

async function tokenFor(tenantId: string): Promise<string> {
  const rotated = await server.gql(ROTATE, { t: tenantId }, admin);
  expect(rotated.errors).toBeUndefined();
  return rotated.data!.rotateGatewayWebhookToken.secret as string;
}

function deliver(token: string | undefined, body: unknown, contentType = 'application/json') {
  return fetch(`${server.httpUrl}/gateway/smartflo/call-records`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { 'x-usage-webhook-token': token } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function logsOf(tenantId: string) {
  const { rows } = await server.services.db.pool.query(
    `select request_id, service, model, duration_seconds::float8 as seconds, cost_usd::text, status, source, occurred_at, metadata
       from usage_logs where tenant_id = $1 order by occurred_at, request_id`,
    [tenantId],
  );
  return rows;
}

describe('the webhook token', () => {
  it('is shown once, stored only as a hash, replaced at once by a rotation, and gone once revoked', async () => {
    const t = await createTenantWithAccess(server, 'Smartflo Tokens');
    const first = (await server.gql(ROTATE, { t: t.tenantId }, admin)).data!.rotateGatewayWebhookToken;
    expect(first.secret).toMatch(/^um_whk_[A-Za-z0-9_-]{43}$/);
    expect(first.maskedSecret).toBe(`••••••••${first.secret.slice(-4)}`);
    const { rows } = await server.services.db.pool.query('select token_hash, last_four from gateway_webhook_tokens where tenant_id = $1', [t.tenantId]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(first.secret);
    expect(rows[0].last_four).toBe(first.secret.slice(-4));
    expect((await deliver(first.secret, SMARTFLO_SAMPLES.answeredHangup)).status).toBe(200);

    const second = await tokenFor(t.tenantId);
    expect(second).not.toBe(first.secret);
    const old = await deliver(first.secret, SMARTFLO_SAMPLES.missedHangup);
    expect(old.status).toBe(401);
    expect(await old.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await deliver(second, SMARTFLO_SAMPLES.missedHangup)).status).toBe(200);

    expect((await server.gql(REVOKE, { t: t.tenantId }, admin)).data!.revokeGatewayWebhookToken).toBe(true);
    expect((await deliver(second, SMARTFLO_SAMPLES.cdrRow)).status).toBe(401);
    expect((await server.gql(REVOKE, { t: t.tenantId }, admin)).data!.revokeGatewayWebhookToken).toBe(false);
    expect((await logsOf(t.tenantId)).map((l) => l.request_id).sort()).toEqual(['a7f1c2e94b3d8', 'c03b99d1e7a42']);
  });

  it('is refused without a token, with a made-up one, and for an unknown tenant; customers cannot manage it', async () => {
    const t = await createTenantWithAccess(server, 'Smartflo Strangers');
    expect((await deliver(undefined, SMARTFLO_SAMPLES.answeredHangup)).status).toBe(401);
    expect((await deliver('um_whk_made-up-token-that-was-never-issued-000000', SMARTFLO_SAMPLES.answeredHangup)).status).toBe(401);
    expect((await deliver(t.apiKey, SMARTFLO_SAMPLES.answeredHangup)).status).toBe(401);
    const asCustomer = await server.gql(ROTATE, { t: t.tenantId }, t.customerToken);
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await server.gql(ROTATE, { t: '00000000-0000-4000-8000-000000000000' }, admin);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await logsOf(t.tenantId)).toHaveLength(0);
  });
});

describe('call records', () => {
  it('records each record of a delivery as one SMARTFLO event from its billed seconds; a missed call is kept at zero as ERROR', async () => {
    const t = await createTenantWithAccess(server, 'Smartflo Calls');
    const token = await tokenFor(t.tenantId);
    const delivery = [SMARTFLO_SAMPLES.answeredHangup, SMARTFLO_SAMPLES.missedHangup, SMARTFLO_SAMPLES.cdrRow];
    const response = await deliver(token, delivery);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      received: 3,
      recorded: 3,
      duplicates: 0,
      conflicts: 0,
      records: [
        { callId: 'a7f1c2e94b3d8', outcome: 'recorded' },
        { callId: 'c03b99d1e7a42', outcome: 'recorded' },
        { callId: '48e0d4fbe3ad9', outcome: 'recorded' },
      ],
    });
    const logs = await logsOf(t.tenantId);
    // Records sent = logs stored.
    expect(logs).toHaveLength(delivery.length);
    const byCall = new Map(logs.map((l) => [l.request_id, l]));
    expect(byCall.get('a7f1c2e94b3d8')).toMatchObject({ service: 'SMARTFLO', seconds: 145, status: 'SUCCESS', source: 'WEBHOOK', occurred_at: new Date('2026-12-16T04:45:04Z') });
    expect(Number(byCall.get('a7f1c2e94b3d8')!.cost_usd)).toBeCloseTo((145 / 60) * SMARTFLO_PER_MINUTE, 12);
    expect(byCall.get('c03b99d1e7a42')).toMatchObject({ seconds: 0, status: 'ERROR', source: 'WEBHOOK', metadata: { callStatus: 'missed', reason: 'no billed seconds (0)' } });
    expect(Number(byCall.get('c03b99d1e7a42')!.cost_usd)).toBe(0);
    expect(byCall.get('48e0d4fbe3ad9')).toMatchObject({ seconds: 41, status: 'SUCCESS', metadata: { callId: '1715235734.129662' } });
    // Nothing personal is copied into the log.
    expect(JSON.stringify(logs)).not.toContain('+91900000000');
    expect(JSON.stringify(logs)).not.toContain('recordings.example');
  });

  it('counts a redelivery once; a changed record for a call already recorded is reported as a conflict and the first stands', async () => {
    const t = await createTenantWithAccess(server, 'Smartflo Redelivery');
    const token = await tokenFor(t.tenantId);
    const delivery = [SMARTFLO_SAMPLES.answeredHangup, SMARTFLO_SAMPLES.cdrRow];
    await deliver(token, delivery);
    const again = await deliver(token, delivery);
    expect(await again.json()).toMatchObject({ received: 2, recorded: 0, duplicates: 2, conflicts: 0 });
    const changed = await deliver(token, { ...SMARTFLO_SAMPLES.answeredHangup, billsec: '150' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ received: 1, recorded: 0, conflicts: 1, records: [{ callId: 'a7f1c2e94b3d8', outcome: 'conflict' }] });
    // Ten concurrent deliveries of one new call: one log.
    const racing = await Promise.all(Array.from({ length: 10 }, () => deliver(token, SMARTFLO_SAMPLES.missedHangup)));
    expect(racing.every((r) => r.status === 200)).toBe(true);
    const logs = await logsOf(t.tenantId);
    expect(logs.map((l) => [l.request_id, l.seconds]).sort()).toEqual([
      ['48e0d4fbe3ad9', 41],
      ['a7f1c2e94b3d8', 145],
      ['c03b99d1e7a42', 0],
    ]);
  });

  it('takes a record form-encoded, as a webhook with a form body sends it', async () => {
    const t = await createTenantWithAccess(server, 'Smartflo Form');
    const token = await tokenFor(t.tenantId);
    const form = new URLSearchParams({ uuid: 'form-call-1', call_status: 'answered', billsec: '00:01:05', start_stamp: '2026-12-16 09:00:00' });
    const response = await deliver(token, form.toString(), 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
    expect(await logsOf(t.tenantId)).toMatchObject([{ request_id: 'form-call-1', seconds: 65, status: 'SUCCESS' }]);
  });

  it('refuses an unknown shape, malformed JSON and a record too old to record with 400, storing nothing of the delivery', async () => {
    const t = await createTenantWithAccess(server, 'Smartflo Bad Input');
    const token = await tokenFor(t.tenantId);
    const mixed = await deliver(token, [SMARTFLO_SAMPLES.answeredHangup, { caller: '+919000000009', talk: 'long' }]);
    expect(mixed.status).toBe(400);
    const body = (await mixed.json()) as { error: { code: string; message: string; problems: string[] } };
    expect(body.error.code).toBe('BAD_USER_INPUT');
    expect(body.error.problems).toEqual(['record 1 has no call id (uuid, call_id or id)']);
    expect((await deliver(token, { uuid: 'x', billsec: 'plenty' })).status).toBe(400);
    expect((await deliver(token, '{"uuid": ')).status).toBe(400);
    expect((await deliver(token, 'uuid=x', 'text/plain')).status).toBe(400);
    expect((await deliver(token, [])).status).toBe(400);
    const old = await deliver(token, [SMARTFLO_SAMPLES.cdrRow, { ...SMARTFLO_SAMPLES.answeredHangup, start_stamp: '2026-10-01 10:00:00' }]);
    expect(old.status).toBe(400);
    expect(((await old.json()) as { error: { message: string } }).error.message).toContain('occurredAt');
    expect(await logsOf(t.tenantId)).toHaveLength(0);
  });
});

describe('Tenant.gateway', () => {
  it('says what is set up and counts this month’s gateway and webhook calls (not API calls, not voided ones), from an index', async () => {
    const t = await createTenantWithAccess(server, 'Smartflo Status');
    const empty = (await server.gql(STATUS, { t: t.tenantId }, admin)).data!.tenant.gateway;
    expect(empty).toEqual({ openaiCredentialSet: false, elevenlabsCredentialSet: false, webhookTokenSet: false, callsThisMonth: 0 });

    await server.gql(`mutation($t: ID!) { setProviderCredential(tenantId: $t, provider: OPENAI, secret: "sk-status-check-1234") { maskedKey } }`, { t: t.tenantId }, admin);
    const token = await tokenFor(t.tenantId);
    await deliver(token, [SMARTFLO_SAMPLES.answeredHangup, SMARTFLO_SAMPLES.missedHangup, SMARTFLO_SAMPLES.cdrRow]);
    // An API call is not a gateway call; a voided webhook log no longer counts.
    expect((await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 60, requestId: 'api-call-1' } }, t.apiKey)).errors).toBeUndefined();
    const missed = (await logsOf(t.tenantId)).find((l) => l.request_id === 'c03b99d1e7a42')!;
    const { rows } = await server.services.db.pool.query('select id from usage_logs where tenant_id = $1 and request_id = $2', [t.tenantId, missed.request_id]);
    expect((await server.gql('mutation($id: ID!) { voidUsage(id: $id, reason: "test call") { id } }', { id: rows[0].id }, admin)).errors).toBeUndefined();

    const status = (await server.gql(STATUS, { t: t.tenantId }, admin)).data!.tenant.gateway;
    expect(status).toEqual({ openaiCredentialSet: true, elevenlabsCredentialSet: false, webhookTokenSet: true, callsThisMonth: 2 });
    // The tenant's own customer sees its own status.
    const own = await server.gql('{ me { tenant { gateway { webhookTokenSet callsThisMonth } } } }', {}, t.customerToken);
    expect(own.data!.me.tenant.gateway).toEqual({ webhookTokenSet: true, callsThisMonth: 2 });

    // The count is answerable from the partial index alone (the planner is kept off full scans to show it can).
    const client = await server.services.db.pool.connect();
    try {
      await client.query('begin');
      await client.query('set local enable_seqscan = off');
      await client.query('set local enable_bitmapscan = off');
      const plan = await client.query(
        `explain (format json) select count(*) from usage_logs where tenant_id = $1 and source <> 'API' and voided_at is null and occurred_at >= $2 and occurred_at < $3`,
        [t.tenantId, '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z'],
      );
      const names = JSON.stringify(plan.rows[0]['QUERY PLAN']).match(/"Index Name":"([^"]+)"/g)!.map((m) => m.slice('"Index Name":"'.length, -1));
      const parents = await client.query(`select distinct coalesce((select inhparent::regclass::text from pg_inherits where inhrelid = i::regclass), i) as parent from unnest($1::text[]) i`, [names]);
      expect(parents.rows.map((r) => r.parent)).toEqual(['usage_logs_tenant_gateway_recent']);
      await client.query('rollback');
    } finally {
      client.release();
    }
  });
});
