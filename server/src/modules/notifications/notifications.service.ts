import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config/config.js';
import type { Clock } from '../../core/lib/clock.js';
import { metrics } from '../../core/metrics/metrics.js';
import { ALERT_COLUMNS, alertFromRow, type AlertRecord } from '../alerts/alert.record.js';
import type { TenantsService } from '../tenants/tenants.service.js';

/** Retry schedule: 5 s doubling, capped at 10 min, given up one hour after the alert. */
export const DELIVERY_RETRY = { firstDelayMs: 5_000, maxDelayMs: 600_000, giveUpAfterMs: 3_600_000 } as const;

export function nextAttemptDelay(attempts: number, firstDelayMs: number = DELIVERY_RETRY.firstDelayMs): number {
  const exponential = Math.min(firstDelayMs * 2 ** Math.max(attempts - 1, 0), DELIVERY_RETRY.maxDelayMs);
  return exponential / 2 + Math.random() * (exponential / 2);
}

export interface DeliveryRecord {
  id: string;
  alert: AlertRecord;
  channel: 'EMAIL' | 'WEBHOOK';
  target: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/**
 * Alert emails and signed webhooks, delivered outside the request from a job table. Several
 * instances share the work safely: each claims due rows with FOR UPDATE SKIP LOCKED.
 */
export class NotificationsService {
  private timer?: NodeJS.Timeout;
  private running = false;
  private mailer?: Transporter;
  firstRetryDelayMs: number = DELIVERY_RETRY.firstDelayMs;

  constructor(
    private readonly pool: pg.Pool,
    private readonly tenants: TenantsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    if (config.SMTP_URL) this.mailer = nodemailer.createTransport(config.SMTP_URL);
  }

  start(intervalMs = 1_000): void {
    this.timer = setInterval(() => void this.deliverDue(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass over due deliveries; returns how many were attempted. */
  async deliverDue(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const client = await this.pool.connect();
      try {
        await client.query('begin');
        const { rows } = await client.query(
          `select d.id, d.channel, d.target, d.attempts, d.created_at, d.tenant_id, ${ALERT_COLUMNS.split(',').map((c) => `a.${c.trim()} as alert_${c.trim()}`).join(', ')}
             from notification_deliveries d join alerts a on a.tenant_id = d.tenant_id and a.id = d.alert_id
            where d.status = 'PENDING' and d.next_attempt_at <= $1
            order by d.next_attempt_at limit 20 for update of d skip locked`,
          [this.clock.now()],
        );
        for (const row of rows) await this.attempt(client, row);
        await client.query('commit');
        return rows.length;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'notification pass failed');
      return 0;
    } finally {
      this.running = false;
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async attempt(client: pg.PoolClient, row: any): Promise<void> {
    const alert = alertFromRow(Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith('alert_')).map(([k, v]) => [k.slice(6), v])));
    let error: string | null = null;
    try {
      if (row.channel === 'EMAIL') await this.sendEmail(row.target, alert);
      else await this.sendWebhook(row.target, row.tenant_id, alert);
    } catch (failure) {
      error = (failure as Error).message.slice(0, 500);
    }
    const attempts = row.attempts + 1;
    const now = this.clock.now();
    const expired = now.getTime() - new Date(row.created_at).getTime() > DELIVERY_RETRY.giveUpAfterMs;
    const status = error === null ? 'DELIVERED' : expired ? 'FAILED' : 'PENDING';
    await client.query(
      `update notification_deliveries set status = $2, attempts = $3, last_error = $4, delivered_at = $5, next_attempt_at = $6 where tenant_id = $7 and id = $1`,
      [row.id, status, attempts, error, error === null ? now : null, new Date(now.getTime() + nextAttemptDelay(attempts, this.firstRetryDelayMs)), row.tenant_id],
    );
    await client.query('insert into notification_attempts (tenant_id, delivery_id, succeeded, detail) values ($1, $2, $3, $4)', [row.tenant_id, row.id, error === null, error]);
    this.logger.info({ delivery: row.id, channel: row.channel, attempts, status, error }, 'notification attempt');
    metrics.notificationDeliveries.inc({ channel: row.channel, outcome: status === 'PENDING' ? 'RETRY' : status });
  }

  private async sendEmail(to: string, alert: AlertRecord): Promise<void> {
    if (!this.mailer) throw new Error('email is off (SMTP_URL is not set)');
    await this.mailer.sendMail({
      from: this.config.SMTP_FROM,
      to,
      subject: `[Usage Monitor] ${alert.type.replace(/_/g, ' ').toLowerCase()}: ${alert.message}`.slice(0, 200),
      text: `${alert.message}\n\nType: ${alert.type}\nMetric: ${alert.metric ?? '-'}\nPeriod: ${alert.period ?? '-'}\nRaised: ${alert.createdAt.toISOString()}\n`,
    });
  }

  /** POST JSON signed with HMAC-SHA256 of the raw body under the tenant's webhook secret. */
  private async sendWebhook(url: string, tenantId: string, alert: AlertRecord): Promise<void> {
    const body = JSON.stringify({ type: 'alert.raised', alert });
    const secret = await this.tenants.webhookSecret(tenantId);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'usage-monitor-webhooks/1' };
    if (secret) headers['x-usage-monitor-signature'] = createHmac('sha256', secret).update(body).digest('hex');
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000), redirect: 'manual' });
    if (response.status < 200 || response.status >= 300) throw new Error(`webhook answered HTTP ${response.status}`);
  }

  async list(tenantId: string | undefined, first: number): Promise<DeliveryRecord[]> {
    const { rows } = await this.pool.query(
      `select d.id, d.channel, d.target, d.status, d.attempts, d.last_error, d.next_attempt_at, d.delivered_at, d.created_at,
              ${ALERT_COLUMNS.split(',').map((c) => `a.${c.trim()} as alert_${c.trim()}`).join(', ')}
         from notification_deliveries d join alerts a on a.tenant_id = d.tenant_id and a.id = d.alert_id
        where ($1::uuid is null or d.tenant_id = $1) order by d.created_at desc limit $2`,
      [tenantId ?? null, Math.min(Math.max(first, 1), 500)],
    );
    return rows.map((row) => ({
      id: row.id,
      alert: alertFromRow(Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith('alert_')).map(([k, v]) => [k.slice(6), v]))),
      channel: row.channel,
      target: row.target,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
      deliveredAt: row.delivered_at,
      createdAt: row.created_at,
    }));
  }
}
