import { join } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config/config.js';
import { ReadRouter, type Queryable } from './read-router.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { Migration20261122000000_initial } from './migrations/Migration20261122000000_initial.js';
import { Migration20261122000100_seed_prices } from './migrations/Migration20261122000100_seed_prices.js';
import { Migration20261201000000_tenant_error_index } from './migrations/Migration20261201000000_tenant_error_index.js';
import { Migration20261201000100_platform_rollup_shards } from './migrations/Migration20261201000100_platform_rollup_shards.js';
import { Migration20261210000000_monthly_summary_calls_index } from './migrations/Migration20261210000000_monthly_summary_calls_index.js';
import { Migration20261211000000_drop_tenant_recent_index } from './migrations/Migration20261211000000_drop_tenant_recent_index.js';
import { Migration20261212000000_end_users } from './migrations/Migration20261212000000_end_users.js';
import { Migration20261213000000_usage_voids } from './migrations/Migration20261213000000_usage_voids.js';
import { Migration20261214000000_password_resets } from './migrations/Migration20261214000000_password_resets.js';
import { Migration20261215000000_accounts } from './migrations/Migration20261215000000_accounts.js';
import { Migration20261216000000_gateway_webhook_tokens } from './migrations/Migration20261216000000_gateway_webhook_tokens.js';
import { Migration20261217000000_shard_ready } from './migrations/Migration20261217000000_shard_ready.js';
import { Migration20261220000000_end_user_deltas_search } from './migrations/Migration20261220000000_end_user_deltas_search.js';
import { Migration20261221000000_tenant_pricing } from './migrations/Migration20261221000000_tenant_pricing.js';
import { Migration20261222000000_statements } from './migrations/Migration20261222000000_statements.js';
import { Migration20261223000000_end_user_tables_without_fk } from './migrations/Migration20261223000000_end_user_tables_without_fk.js';

// bigint counters arrive as JS numbers (they are SafeInt in the schema: < 2^53); numeric (money)
// stays a string so it is never squeezed through a float.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export const migrationsList = [
  { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
  { name: 'Migration20261122000100_seed_prices', class: Migration20261122000100_seed_prices },
  { name: 'Migration20261201000000_tenant_error_index', class: Migration20261201000000_tenant_error_index },
  { name: 'Migration20261201000100_platform_rollup_shards', class: Migration20261201000100_platform_rollup_shards },
  { name: 'Migration20261210000000_monthly_summary_calls_index', class: Migration20261210000000_monthly_summary_calls_index },
  { name: 'Migration20261211000000_drop_tenant_recent_index', class: Migration20261211000000_drop_tenant_recent_index },
  { name: 'Migration20261212000000_end_users', class: Migration20261212000000_end_users },
  { name: 'Migration20261213000000_usage_voids', class: Migration20261213000000_usage_voids },
  { name: 'Migration20261214000000_password_resets', class: Migration20261214000000_password_resets },
  { name: 'Migration20261215000000_accounts', class: Migration20261215000000_accounts },
  { name: 'Migration20261216000000_gateway_webhook_tokens', class: Migration20261216000000_gateway_webhook_tokens },
  { name: 'Migration20261217000000_shard_ready', class: Migration20261217000000_shard_ready },
  { name: 'Migration20261220000000_end_user_deltas_search', class: Migration20261220000000_end_user_deltas_search },
  { name: 'Migration20261221000000_tenant_pricing', class: Migration20261221000000_tenant_pricing },
  { name: 'Migration20261222000000_statements', class: Migration20261222000000_statements },
  { name: 'Migration20261223000000_end_user_tables_without_fk', class: Migration20261223000000_end_user_tables_without_fk },
];

/** The ORM-managed entities: the composition root passes the list, because they belong to domain modules. */
export type EntityList = NonNullable<Options['entities']>;

export function ormOptions(clientUrl: string, entities: EntityList, poolSize = 6): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
    pool: { min: 0, max: poolSize },
    allowGlobalContext: false,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    debug: false,
  };
}

export interface Database {
  url: string;
  orm: MikroORM;
  /** Raw SQL pool: the hot path and aggregate reads (no unit-of-work overhead). */
  pool: pg.Pool;
  /**
   * Where session state must hold across statements: LISTEN and session advisory locks. It is
   * DATABASE_DIRECT_URL when set (DATABASE_URL is then a transaction pooler), else the same
   * PostgreSQL as `pool` (`pool` itself for locks, `url` for LISTEN).
   */
  direct: { url: string; pool: pg.Pool };
  /** Where heavy reads go: the replicas of DATABASE_READ_URL when set (read-router.ts), else `pool`. */
  reads: Queryable;
  embedded?: EmbeddedPostgres;
  close(): Promise<void>;
}

/** Starts (or connects to) PostgreSQL, runs migrations, and prepares usage log partitions. */
export async function openDatabase(config: AppConfig, logger: Logger, entities: EntityList): Promise<Database> {
  let url = config.DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  if (!url) {
    embedded = new EmbeddedPostgres({
      dataDir: join(config.DATA_DIR, 'pg'),
      port: config.EMBEDDED_PG_PORT,
      passwordFile: join(config.DATA_DIR, 'pg-password'),
      logger,
    });
    await embedded.start();
    url = embedded.url;
    logger.info({ port: config.EMBEDDED_PG_PORT, dataDir: join(config.DATA_DIR, 'pg') }, 'embedded PostgreSQL started');
  }
  const directUrl = config.DATABASE_DIRECT_URL ?? url;
  const orm = await MikroORM.init(ormOptions(url, entities));
  try {
    // DDL and the migrator's own bookkeeping go straight to PostgreSQL, not through a pooler.
    await migrateAt(directUrl, orm, entities, logger);
  } catch (error) {
    await orm.close(true);
    await embedded?.stop();
    throw error;
  }
  const behindPooler = config.DATABASE_DIRECT_URL !== undefined;
  const pool = createPool(url, config.DATABASE_POOL_SIZE, embedded?.socketDir, { behindPooler });
  // Two connections: the hourly maintenance's lock and a window roll-forward's lock at most.
  const directPool = behindPooler ? createPool(directUrl, 2) : pool;
  pool.on('error', (error) => logger.warn({ err: error.message }, 'idle database connection failed'));
  await ensureUsageLogPartitions(pool, new Date(), config.USAGE_LOG_RETENTION_DAYS);
  const router = config.DATABASE_READ_URL.length > 0
    ? new ReadRouter(pool, config.DATABASE_READ_URL.map((replica) => createPool(replica, config.DATABASE_POOL_SIZE)), config.DATABASE_READ_MAX_LAG_MS, logger)
    : undefined;
  await router?.start();
  return {
    url,
    orm,
    pool,
    direct: { url: directUrl, pool: directPool },
    reads: router ?? pool,
    embedded,
    async close() {
      await router?.stop();
      if (directPool !== pool) await directPool.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
      await orm.close(true).catch(() => undefined);
      await embedded?.stop();
    },
  };
}

/**
 * The pool behind the hot path and aggregate reads. With `socketDir` (the embedded PostgreSQL's
 * own socket) it connects over the Unix-domain socket instead of the URL's TCP address. Measured
 * side by side under B1 load (two servers at once, 7 rounds): server CPU per request 0–6 % lower
 * and PostgreSQL's 2–7 % lower in 5 of 7 rounds.
 */
export function createPool(url: string, max: number, socketDir?: string, options: { behindPooler?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({
    ...(socketDir ? overSocket(url, socketDir) : { connectionString: url }),
    max,
    // Fail fast while PostgreSQL is away instead of queueing requests without bound.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A statement never holds a request hostage: bounded by the server, not the client's patience.
    // Request-path statements take milliseconds; 10 s is already a failure. query_timeout is the
    // client-side bound for a database that does not answer at all (hung, partitioned): an idle
    // pooled connection to it would otherwise wait without limit (measured in faults.test.ts).
    statement_timeout: 10_000,
    query_timeout: 12_000,
    // Queries on one connection go out without waiting for the previous answer, so a
    // transaction's BEGIN travels with its first statement (the recorder's group: one round trip
    // fewer per group).
    pipeline: true,
  });
  // pg-pool listens for errors only on idle clients. A checked-out client whose server goes away
  // between two queries (PostgreSQL killed mid-transaction) would emit an unhandled 'error' and
  // crash the process; its holder sees the failure on its next query anyway, and pg-pool
  // discards the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  if (options.behindPooler) pool.on('connect', sendStatementsUnnamed);
  return pool;
}

/**
 * Behind PgBouncer in transaction mode every transaction may run on another server connection,
 * where a statement that pg prepared under a name on an earlier one does not exist (pg skips the
 * Parse for a name it has seen on this client). Unnamed, each statement is parsed where it runs:
 * the hot path loses the saved parse, nothing else changes. Done here, once, for every caller.
 */
function sendStatementsUnnamed(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) =>
    config !== null && typeof config === 'object' && 'name' in config ? query({ ...(config as object), name: undefined }, ...rest) : query(config, ...rest);
}

/** Migrates through `url` (its own short-lived ORM when that is not the ORM's URL). */
async function migrateAt(url: string, orm: MikroORM, entities: EntityList, logger: Logger): Promise<void> {
  if (url === orm.config.get('clientUrl')) return migrate(orm, logger);
  const direct = await MikroORM.init(ormOptions(url, entities, 1));
  try {
    await migrate(direct, logger);
  } finally {
    await direct.close(true);
  }
}

export async function migrate(orm: MikroORM, logger?: Logger): Promise<void> {
  const applied = await orm.getMigrator().up();
  if (applied.length > 0) logger?.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
}

/** True when every committed migration has been applied. */
export async function isMigrated(orm: MikroORM): Promise<boolean> {
  const pending = await orm.getMigrator().getPendingMigrations();
  return pending.length === 0;
}

/**
 * Monthly partitions from the retention horizon (the month holding now - retention, or the month
 * 35 days back, the oldest an event may be, whichever is older) to 2 months ahead. A month that
 * ends before the horizon is not created: retention would only drop it again. Anything older,
 * e.g. bulk-loaded history, lands in the default partition.
 */
export async function ensureUsageLogPartitions(pool: pg.Pool, now: Date, retentionDays = 90): Promise<void> {
  const oldest = new Date(now.getTime() - Math.max(retentionDays, 35) * 86_400_000);
  const first = Date.UTC(oldest.getUTCFullYear(), oldest.getUTCMonth(), 1);
  for (let offset = 0; ; offset++) {
    const month = new Date(Date.UTC(new Date(first).getUTCFullYear(), new Date(first).getUTCMonth() + offset, 1));
    if (month.getTime() > Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1)) break;
    // A month whose rows already sit in the default partition (bulk-loaded history) keeps them
    // there: creating its partition would fail, and the default partition still serves it.
    await pool
      .query('select ensure_usage_log_partition($1::date)', [month.toISOString().slice(0, 10)])
      .catch(() => undefined);
  }
}

/** The URL's credentials and database, reached through the socket in `socketDir` (pg takes a
 * directory as host and appends `.s.PGSQL.<port>`); pg would let a connection string win over
 * an explicit host, so the URL is taken apart here. */
function overSocket(url: string, socketDir: string): pg.PoolConfig {
  const parsed = new URL(url);
  return {
    host: socketDir,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}
