import { createPubSub } from '@graphql-yoga/subscription';
import pg from 'pg';
import type { Logger } from 'pino';

/**
 * Cross-instance fan-out through PostgreSQL LISTEN/NOTIFY: no extra infrastructure. One dedicated
 * connection per instance listens; it reconnects by itself when the database comes back.
 */
export class DatabaseListener {
  private client?: pg.Client;
  private readonly handlers = new Map<string, ((payload: string) => void)[]>();
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  on(channel: string, handler: (payload: string) => void): void {
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) {
        try {
          handler(message.payload ?? '');
        } catch (error) {
          this.logger.error({ err: (error as Error).message, channel: message.channel }, 'notification handler failed');
        }
      }
    });
    client.on('error', () => this.reconnect());
    client.on('end', () => this.reconnect());
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    this.client = client;
  }

  private reconnect(): void {
    if (this.stopped || this.retryTimer) return;
    this.client?.removeAllListeners('end');
    this.client = undefined;
    this.logger.warn('lost the LISTEN connection; reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.start().catch(() => this.reconnect());
    }, 500);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
  }
}

export type LivePubSub = ReturnType<typeof createLivePubSub>;

export interface UsageUpdateRecord {
  tenantId: string;
  period: string;
  totalCostUsd: string;
  totalApiCalls: number;
  errorCalls: number;
}

export function createLivePubSub() {
  return createPubSub<{
    ALERT_RAISED: [import('../../modules/alerts/alert.record.js').AlertRecord];
    USAGE_UPDATED: [UsageUpdateRecord];
  }>();
}
