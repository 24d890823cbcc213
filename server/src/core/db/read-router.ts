import type pg from 'pg';
import type { Logger } from 'pino';
import { metrics } from '../metrics/metrics.js';
import { isDatabaseUnavailable } from './db-errors.js';

/** What a read needs of a pool: its query. The primary pool and the ReadRouter both are one. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string | pg.QueryConfig | pg.QueryArrayConfig, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

interface Replica {
  name: string;
  pool: pg.Pool;
  healthy: boolean;
  lagSeconds: number | null;
}

/** How often each replica's health and lag are measured. */
const CHECK_MS = 1_000;

/**
 * Heavy reads on streaming replicas (`DATABASE_READ_URL`, issue 21): time series, usage logs and
 * their export, the audit log. Each replica's replay lag is measured every second
 * (`db_replica_lag_seconds`); one that is down, not in recovery, or lagging past
 * `DATABASE_READ_MAX_LAG_MS` gets no reads until it is back within bounds, and a read that fails
 * on a replica because it went away runs again on the primary, so no request fails for it.
 * Writes, quota standings, idempotency checks and what the contract calls live never come here.
 */
export class ReadRouter implements Queryable {
  private readonly replicas: Replica[];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly primary: pg.Pool,
    replicaPools: pg.Pool[],
    private readonly maxLagMs: number,
    private readonly logger: Logger,
  ) {
    this.replicas = replicaPools.map((pool, index) => ({ name: String(index + 1), pool, healthy: false, lagSeconds: null }));
    // A stopped replica ends its idle connections: noticed here, and by the next health check.
    for (const replica of this.replicas) replica.pool.on('error', (error) => this.markDown(replica, error));
  }

  get healthyReplicas(): number {
    return this.replicas.filter((replica) => replica.healthy).length;
  }

  async start(): Promise<void> {
    await this.checkAll();
    this.timer = setInterval(() => void this.checkAll(), CHECK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.replicas.map((replica) => replica.pool.end().catch(() => undefined)));
  }

  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string | pg.QueryConfig | pg.QueryArrayConfig, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const replica = this.pick();
    if (replica) {
      try {
        const result = await replica.pool.query<R>(text as string, values);
        metrics.readsRouted.inc({ target: 'replica' });
        return result;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        this.markDown(replica, error as Error);
      }
    }
    metrics.readsRouted.inc({ target: 'primary' });
    return this.primary.query<R>(text as string, values);
  }

  private pick(): Replica | undefined {
    const healthy = this.replicas.filter((replica) => replica.healthy);
    if (healthy.length === 0) return undefined;
    return healthy[this.next++ % healthy.length];
  }

  private markDown(replica: Replica, error: Error): void {
    if (replica.healthy) this.logger.warn({ replica: replica.name, err: error.message }, 'read replica unavailable: reads go to the primary');
    replica.healthy = false;
  }

  private async checkAll(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => this.check(replica)));
  }

  /** Lag as replay time behind: 0 when everything received is replayed (an idle primary is not "lag"). */
  private async check(replica: Replica): Promise<void> {
    try {
      const { rows } = await replica.pool.query(
        `select pg_is_in_recovery() as standby,
                case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                     else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0) end::float8 as lag`,
      );
      const { standby, lag } = rows[0] as { standby: boolean; lag: number };
      replica.lagSeconds = lag;
      metrics.replicaLag.set({ replica: replica.name }, lag);
      const healthy = standby && lag * 1000 <= this.maxLagMs;
      if (healthy !== replica.healthy) {
        this.logger.info({ replica: replica.name, lagSeconds: lag, standby }, healthy ? 'read replica in use' : 'read replica out of bounds: reads go to the primary');
      }
      replica.healthy = healthy;
    } catch (error) {
      metrics.replicaLag.set({ replica: replica.name }, -1);
      this.markDown(replica, error as Error);
    }
    metrics.replicaHealthy.set({ replica: replica.name }, replica.healthy ? 1 : 0);
  }
}
