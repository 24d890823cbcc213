import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_USAGE, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { startSmtpCatcher } from './smtp-catcher.js';

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let mails: { to: string; body: string }[];

let receiver: Server;
let receiverUrl: string;
const webhooks: { body: string; signature: string | undefined }[] = [];
let failNext = 0;

beforeAll(async () => {
  // A real SMTP server and a real HTTP receiver on loopback.
  smtp = await startSmtpCatcher();
  mails = smtp.mails;
  receiver = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end('try later');
        return;
      }
      webhooks.push({ body, signature: req.headers['x-usage-monitor-signature'] as string | undefined });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/usage`;
  server = await startTestServer({ env: { SMTP_URL: smtp.url, ALERT_EMAILS: 'ops@platform.test' } });
  server.services.notifications.firstRetryDelayMs = 20;
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
  await new Promise((resolve) => receiver.close(resolve));
});

async function deliverUntil(done: () => boolean, passes = 50) {
  for (let i = 0; i < passes && !done(); i++) {
    await server.services.notifications.deliverDue();
    await new Promise((r) => setTimeout(r, 40));
  }
}

describe('alert notifications', () => {
  it('emails the tenant contact and global recipients, and POSTs a signed webhook, retried after a failure', async () => {
    const admin = await server.adminToken();
    const t = await createTenantWithAccess(server, 'Notified Tenant');
    await server.gql(`mutation($t: ID!) { updateTenant(id: $t, input: { contactEmail: "billing@notified.test", webhookUrl: "${receiverUrl}" }) { id } }`, { t: t.tenantId }, admin);
    const secret = (await server.gql(`mutation($t: ID!) { rotateWebhookSecret(tenantId: $t) { secret } }`, { t: t.tenantId }, admin)).data!.rotateWebhookSecret.secret;
    await server.gql(`mutation($t: ID!) { setQuota(tenantId: $t, input: { monthlyCostLimitUsd: "0.5" }) { alertAtPercentage } }`, { t: t.tenantId }, admin);
    failNext = 1;
    const started = Date.now();
    const response = await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 1800, requestId: 'costly' } }, t.apiKey);
    // Recording did not wait for any delivery.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.data!.recordUsage.alerts.map((a: { type: string }) => a.type).sort()).toEqual(['QUOTA_APPROACHING', 'QUOTA_EXCEEDED']);

    await deliverUntil(() => mails.length >= 4 && webhooks.length >= 2);
    expect(mails.map((m) => m.to).sort()).toEqual(['billing@notified.test', 'billing@notified.test', 'ops@platform.test', 'ops@platform.test']);
    expect(mails[0]!.body).toContain('Notified Tenant');
    expect(webhooks).toHaveLength(2);
    for (const hook of webhooks) {
      expect(hook.signature).toBe(createHmac('sha256', secret).update(hook.body).digest('hex'));
      expect(JSON.parse(hook.body)).toMatchObject({ type: 'alert.raised', alert: { tenantId: t.tenantId } });
    }
    const deliveries = (await server.gql(`query($t: ID) { notificationDeliveries(tenantId: $t) { channel status attempts lastError } }`, { t: t.tenantId }, admin)).data!.notificationDeliveries;
    expect(deliveries.every((d: { status: string }) => d.status === 'DELIVERED')).toBe(true);
    const retried = deliveries.filter((d: { attempts: number }) => d.attempts === 2);
    expect(retried).toHaveLength(1);
    expect(retried[0].channel).toBe('WEBHOOK');
    const attempts = await server.services.db.pool.query('select succeeded, detail from notification_attempts a join notification_deliveries d on d.id = a.delivery_id where d.tenant_id = $1 order by attempted_at', [t.tenantId]);
    expect(attempts.rows.filter((r) => !r.succeeded).map((r) => r.detail)).toEqual(['webhook answered HTTP 500']);
  });
});
