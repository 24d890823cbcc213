import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The pool figures a gauge reads on each scrape (pg.Pool has exactly these). */
export interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * Every metric the server exports, on one registry of its own (not prom-client's global one, so
 * tests and tools that import the server twice never hit "already registered"). One registry per
 * process: services record into it directly, `GET /metrics` renders it.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const pools = new Set<PoolLike>();
  const gatewayQueues = new Set<() => number>();
  const poolGauge = (name: string, help: string, read: (pool: PoolLike) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set([...pools].reduce((sum, pool) => sum + read(pool), 0));
      },
    });
  return {
    registry,
    eventsRecorded: new Counter({
      name: 'usage_events_recorded_total',
      help: 'Usage events recorded (first time; duplicates excluded), by service.',
      labelNames: ['service'] as const,
      registers: [registry],
    }),
    eventsDuplicate: new Counter({
      name: 'usage_events_duplicate_total',
      help: 'Usage events answered as duplicates of an earlier requestId.',
      registers: [registry],
    }),
    eventsRejected: new Counter({
      name: 'usage_events_rejected_total',
      help: 'Usage events refused, by error code (a refused batch counts each of its events).',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    alertsRaised: new Counter({
      name: 'alerts_raised_total',
      help: 'Alerts raised (committed), by type.',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
    notificationDeliveries: new Counter({
      name: 'notification_delivery_attempts_total',
      help: 'Notification delivery attempts, by channel and outcome (DELIVERED, RETRY, FAILED).',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL request latency over HTTP, by operation name and type.',
      labelNames: ['operation', 'type'] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    graphqlHotPath: new Counter({
      name: 'graphql_hot_path_requests_total',
      help: 'recordUsage(s) requests the hot path answered itself (served) or handed to Apollo (handed_over: refused before execution, or not answerable there).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    graphqlErrors: new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL responses, by extensions.code.',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    poolTotal: poolGauge(
      'db_pool_connections_total',
      'Connections open in the database pool.',
      (p) => p.totalCount,
    ),
    poolIdle: poolGauge(
      'db_pool_connections_idle',
      'Idle connections in the database pool.',
      (p) => p.idleCount,
    ),
    poolWaiting: poolGauge(
      'db_pool_clients_waiting',
      'Queries waiting for a pool connection.',
      (p) => p.waitingCount,
    ),
    poolMax: poolGauge(
      'db_pool_connections_max',
      'Configured size of the database pool.',
      (p) => p.options?.max ?? 0,
    ),
    replicaLag: new Gauge({
      name: 'db_replica_lag_seconds',
      help: 'Replay lag of each read replica (DATABASE_READ_URL, by position), measured every second; -1 while unreachable.',
      labelNames: ['replica'] as const,
      registers: [registry],
    }),
    replicaHealthy: new Gauge({
      name: 'db_replica_in_use',
      help: '1 while a read replica takes heavy reads, 0 while it is down or lags past DATABASE_READ_MAX_LAG_MS.',
      labelNames: ['replica'] as const,
      registers: [registry],
    }),
    readsRouted: new Counter({
      name: 'db_heavy_reads_total',
      help: 'Heavy reads (series, logs, export, audit), by where they ran: replica or primary.',
      labelNames: ['target'] as const,
      registers: [registry],
    }),
    gatewayQueueDepth: new Gauge({
      name: 'gateway_journal_depth',
      help: 'Gateway calls answered by the provider and not yet in the database (kept in the local journal until it is back).',
      registers: [registry],
      collect() {
        this.set([...gatewayQueues].reduce((sum, read) => sum + read(), 0));
      },
    }),
    observeGatewayQueue(read: () => number): () => void {
      gatewayQueues.add(read);
      return () => void gatewayQueues.delete(read);
    },
    /** Adds a pool to the gauges until the returned function is called. */
    observePool(pool: PoolLike): () => void {
      pools.add(pool);
      return () => void pools.delete(pool);
    },
  };
}

export const metrics = createMetrics();
export type Metrics = typeof metrics;

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_LABELS = 200;
const seenOperations = new Set<string>();

/**
 * Operation names come from clients: a label per name would let anyone grow the registry without
 * bound. Well-formed names are kept up to a fixed number of distinct ones, then "other".
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other';
  seenOperations.add(name);
  return name;
}
