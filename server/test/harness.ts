import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { createApp, type RunningApp } from '../src/app.js';
import { loadConfig, type AppConfig } from '../src/config/config.js';
import { createPool, ensureUsageLogPartitions, ormOptions, type Database } from '../src/core/db/database.js';
import { ReadRouter } from '../src/core/db/read-router.js';
import { entities } from '../src/entities.js';
import { DatabaseListener } from '../src/core/graphql/live-events.js';
import { createSchema } from '../src/schema.js';
import { createLogger } from '../src/core/http/logging.js';
import type { Clock } from '../src/core/lib/clock.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import { createServices, listenToDatabase, type Services } from '../src/services.js';
import { TEMPLATE_DATABASE } from './global-setup.js';

export const ADMIN = { email: 'admin@test.example', password: 'admin-password-123' };

/** A clock tests can move; defaults to real time. */
export class TestClock implements Clock {
  private fixed?: Date;
  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }
  set(at: Date | string | undefined): void {
    this.fixed = at === undefined ? undefined : new Date(at);
  }
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const masterKeys = new WeakMap<TestDatabase, string>();
function masterKeyOf(database: TestDatabase): string {
  if (!masterKeys.has(database)) masterKeys.set(database, randomBytes(32).toString('hex'));
  return masterKeys.get(database)!;
}

/** A fresh database cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('postgresUrl');
  const name = `um_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
  await admin.end();
  return {
    url: adminUrl.replace(/\/postgres$/, `/${name}`),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export interface TestServer {
  url: string;
  httpUrl: string;
  wsUrl: string;
  services: Services;
  clock: TestClock;
  database: TestDatabase;
  /** POSTs a GraphQL operation; `token` becomes `Authorization: Bearer`. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  adminToken(): Promise<string>;
  /**
   * A user with this role, created straight in the database (as if invited and accepted), signed
   * in; returns its session token. `tenantId` null makes an admin.
   */
  userWithRole(email: string, role: 'OWNER' | 'MANAGER' | 'VIEWER' | 'MEMBER', tenantId: string | null, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real server (Express + Apollo + graphql-ws + MikroORM + PostgreSQL) on a random port over a
 * fresh database. Pass `database` to run a second instance against the same one.
 */
export async function startTestServer(
  options: { database?: TestDatabase; env?: Record<string, string>; /** Receives every log line (JSON) at `debug` and above. */ logLines?: (line: string) => void } = {},
): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const config: AppConfig = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // One per database, as the instances of one deployment share theirs (they decrypt each other's secrets).
    MASTER_KEY: masterKeyOf(database),
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '10',
    // Its own directory (mail outbox, gateway journal): servers of one test process share nothing.
    DATA_DIR: mkdtempSync(join(tmpdir(), 'um-test-data-')),
    ...options.env,
  });
  // With logLines: the production logger (same redaction) at `debug`, every line handed to the test.
  const logger = options.logLines ? createLogger('debug', { write: (line: string) => options.logLines!(line) }) : pino({ level: 'silent' });
  const orm = await MikroORM.init(ormOptions(database.url, entities, 3));
  // DATABASE_DIRECT_URL: DATABASE_URL is a transaction pooler (database.ts `direct`).
  const behindPooler = config.DATABASE_DIRECT_URL !== undefined;
  const pool = createPool(database.url, config.DATABASE_POOL_SIZE, undefined, { behindPooler });
  const direct = { url: config.DATABASE_DIRECT_URL ?? database.url, pool: behindPooler ? createPool(config.DATABASE_DIRECT_URL!, 2) : pool };
  await ensureUsageLogPartitions(pool, new Date());
  const router = config.DATABASE_READ_URL.length > 0 ? new ReadRouter(pool, config.DATABASE_READ_URL.map((url) => createPool(url, 4)), config.DATABASE_READ_MAX_LAG_MS, logger) : undefined;
  await router?.start();
  const db: Database = {
    url: database.url,
    orm,
    pool,
    direct,
    reads: router ?? pool,
    async close() {
      await router?.stop();
      if (direct.pool !== pool) await direct.pool.end();
      await pool.end();
      await orm.close(true);
    },
  };
  const clock = new TestClock();
  const services = createServices(config, db, clock, logger);
  await services.priceBook.load();
  await services.auth.ensureAdmin(ADMIN.email, ADMIN.password);
  const listener = new DatabaseListener(db.direct.url, logger);
  listenToDatabase(listener, services);
  await listener.start();
  await services.gateway.start();
  services.activity.start();
  const app: RunningApp = await createApp(services, await createSchema());
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const port = (app.httpServer.address() as AddressInfo).port;
  const httpUrl = `http://127.0.0.1:${port}`;
  let cachedAdminToken: string | undefined;
  const server: TestServer = {
    url: `${httpUrl}/graphql`,
    httpUrl,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    services,
    clock,
    database,
    async gql(query, variables, token) {
      const response = await fetch(`${httpUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async adminToken() {
      cachedAdminToken ??= (await server.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: ADMIN.email, p: ADMIN.password })).data!.login.token;
      return cachedAdminToken!;
    },
    async userWithRole(email, role, tenantId, password = 'role-password-123') {
      await services.db.pool.query(
        'insert into users (email, password_hash, role, tenant_id, team_role) values ($1, $2, $3, $4, $5)',
        [email, await hashPassword(password), tenantId === null ? 'ADMIN' : 'CUSTOMER', tenantId, role],
      );
      const login = await server.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password });
      return login.data!.login.token as string;
    },
    async close() {
      services.activity.stop();
      services.notifications.stop();
      await app.close();
      await services.gateway.stop();
      await listener.stop();
      await db.close();
      if (!options.database) await database.drop();
    },
  };
  return server;
}

/** Creates a tenant with a customer login and an API key; returns their credentials. */
export async function createTenantWithAccess(server: TestServer, name: string) {
  const admin = await server.adminToken();
  const tenant = (await server.gql(`mutation($n: String!) { createTenant(input: { name: $n }) { id name } }`, { n: name }, admin)).data!.createTenant;
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(3).toString('hex')}@customer.test`;
  const password = 'customer-password-123';
  await server.gql(`mutation($t: ID!, $e: String!, $p: String!) { createCustomerUser(tenantId: $t, email: $e, password: $p) { id } }`, { t: tenant.id, e: email, p: password }, admin);
  const customerToken = (await server.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password })).data!.login.token;
  const apiKey = (await server.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "test") { key } }`, { t: tenant.id }, admin)).data!.createApiKey.key;
  return { tenantId: tenant.id as string, name: tenant.name as string, email, password, customerToken: customerToken as string, apiKey: apiKey as string };
}

export const RECORD_USAGE = `mutation($input: RecordUsageInput!) {
  recordUsage(input: $input) {
    duplicate
    log { id costUsd pricingStatus requestId occurredAt status tenant { id } totalTokens }
    quotas { metric used limit percentUsed level projectedLimitAt }
    alerts { id type metric thresholdPercent status message }
  }
}`;
