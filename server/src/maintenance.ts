import type pg from 'pg';
import type { Logger } from 'pino';
import { compactPlatformRollups } from './modules/usage/rebuild/platform-rollup-compaction.js';
import type { Clock } from './core/lib/clock.js';
import { dayStart } from './core/lib/period.js';
import { ensureUsageLogPartitions } from './core/db/database.js';
import { EndUserWindows } from './modules/end-users/end-user-windows.js';
import type { StatementsService } from './modules/statements/statements.service.js';

/** Session advisory lock held while one instance does upkeep (exported for tests). */
export const MAINTENANCE_LOCK = 7_310_001;

/**
 * Hourly upkeep, done by one instance at a time (a session advisory lock): create the coming
 * months' log partitions, drop whole partitions past retention (summaries and rollups are kept
 * forever), trim the per-second rate counters, fold closed days' platform rollup shards, roll
 * the end users' 7/30/90/365-day windows forward to the new day, and finalize the statements of
 * months past their 35-day window.
 * It reaches into several domains' tables, so it lives beside the composition root, not in core.
 */
export class Maintenance {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly retentionDays: number,
    private readonly options: {
      /** Where the session lock is held: never a transaction pooler (database.ts `direct`); `pool` by default. */
      sessionPool?: pg.Pool;
      /** Finalizes the months past their 35-day window (modules/statements); absent in tests of other upkeep. */
      statements?: Pick<StatementsService, 'finalizeDue'>;
    } = {},
  ) {}

  private get sessionPool(): pg.Pool {
    return this.options.sessionPool ?? this.pool;
  }

  start(intervalMs = 3_600_000): void {
    this.timer = setInterval(() => void this.run(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async run(): Promise<{ droppedPartitions: string[]; deletedRateCounters: number; foldedRollupRows: number } | undefined> {
    const client = await this.sessionPool.connect().catch(() => undefined);
    if (!client) return undefined;
    try {
      const { rows } = await client.query('select pg_try_advisory_lock($1) as locked', [MAINTENANCE_LOCK]);
      if (!rows[0].locked) return undefined;
      try {
        const now = this.clock.now();
        await ensureUsageLogPartitions(this.pool, now, this.retentionDays);
        const droppedPartitions = await this.dropExpiredPartitions(client, now);
        const { rowCount } = await client.query(`delete from rate_counters where second_start < $1::timestamptz - interval '5 minutes'`, [now]);
        await client.query(`delete from login_throttle where window_started_at < $1::timestamptz - interval '1 day' and (locked_until is null or locked_until < $1)`, [now]);
        if (droppedPartitions.length > 0) this.logger.info({ droppedPartitions, retentionDays: this.retentionDays }, 'retention dropped usage log partitions');
        // Gives way to recording (lock_timeout): a run that meets a busy row folds nothing, the next one does.
        const { foldedRows } = await compactPlatformRollups(this.pool, dayStart(now)).catch((error: Error) => {
          this.logger.info({ err: error.message }, 'platform rollup compaction deferred');
          return { foldedRows: 0 };
        });
        await new EndUserWindows(this.pool, this.clock, this.logger, this.sessionPool).rollForward();
        // After the roll-forward: a failure here (logged per statement) must not hold the other upkeep back.
        await this.options.statements?.finalizeDue().catch((error: Error) => this.logger.warn({ err: error.message }, 'statement finalization failed'));
        return { droppedPartitions, deletedRateCounters: rowCount ?? 0, foldedRollupRows: foldedRows };
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MAINTENANCE_LOCK]);
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'maintenance failed');
      return undefined;
    } finally {
      client.release();
    }
  }

  /** A month's partition goes once its whole month is older than the retention horizon. */
  private async dropExpiredPartitions(client: pg.PoolClient, now: Date): Promise<string[]> {
    const horizon = new Date(now.getTime() - this.retentionDays * 86_400_000);
    const { rows } = await client.query(
      `select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
        where p.relname = 'usage_logs' and c.relname ~ '^usage_logs_\\d{4}_\\d{2}$'`,
    );
    const dropped: string[] = [];
    for (const { relname } of rows) {
      const [, year, month] = /^usage_logs_(\d{4})_(\d{2})$/.exec(relname)!;
      const monthEnd = new Date(Date.UTC(Number(year), Number(month), 1));
      if (monthEnd <= horizon) {
        await client.query(`drop table ${relname}`);
        dropped.push(relname);
      }
    }
    // Idempotency keys live as long as their logs.
    await client.query('delete from usage_request_keys where occurred_at < $1', [horizon]);
    return dropped;
  }
}
