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
  private readonly reconnectHandlers: (() => void)[] = [];

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  on(channel: string, handler: (payload: string) => void): void {
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
  }

  /**
   * Runs after a lost connection is restored: notifications sent meanwhile were missed, so
   * caches they would have invalidated (prices, API keys) should be refreshed.
   */
  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  /** Connects and listens; throws when the first connection fails (the server cannot start). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** True while a LISTEN connection is up (tests and health). */
  get connected(): boolean {
    return this.client !== undefined;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    let lost = false;
    // Each connection reports its own loss once; a late 'end' from a dead connection must not
    // tear down its successor (two live LISTEN connections would deliver every alert twice).
    const onLost = () => {
      if (lost) return;
      lost = true;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.client !== client) return;
      this.client = undefined;
      this.logger.warn('lost the LISTEN connection; reconnecting');
      this.scheduleReconnect();
    };
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) {
        try {
          handler(message.payload ?? '');
        } catch (error) {
          this.logger.error({ err: (error as Error).message, channel: message.channel }, 'notification handler failed');
        }
      }
    });
    client.on('error', onLost);
    client.on('end', onLost);
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      lost = true;
      void client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      lost = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect().then(
        () => {
          this.logger.info('LISTEN connection restored');
          for (const handler of this.reconnectHandlers) handler();
        },
        () => this.scheduleReconnect(),
      );
    }, 500);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
