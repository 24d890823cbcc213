import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { EmbeddedPostgres } from '../src/core/db/embedded-postgres.js';
import { migrate, ormOptions } from '../src/core/db/database.js';
import { entities } from '../src/entities.js';

export const TEMPLATE_DATABASE = 'um_template';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * One real PostgreSQL for the whole run (embedded, in a temp dir), with a migrated template
 * database; each test file clones the template into a fresh database (CREATE DATABASE … TEMPLATE
 * takes milliseconds), so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'um-test-pg-'));
  const port = await freePort();
  const logger = pino({ level: 'warn' });
  const postgres = new EmbeddedPostgres({ dataDir: join(dir, 'data'), port, passwordFile: join(dir, 'password'), logger });
  await postgres.start();
  const adminUrl = postgres.url;
  const orm = await MikroORM.init(ormOptions(adminUrl.replace(/\/postgres$/, '/postgres'), entities, 2));
  await orm.em.getConnection().execute(`create database ${TEMPLATE_DATABASE}`);
  await orm.close(true);
  const templateOrm = await MikroORM.init(ormOptions(adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`), entities, 2));
  await migrate(templateOrm);
  await templateOrm.close(true);
  project.provide('postgresUrl', adminUrl);
  project.provide('postgresSocketDir', postgres.socketDir ?? '');
  return async () => {
    await postgres.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** The embedded PostgreSQL's Unix-socket directory ('' when its path was too long). */
    postgresSocketDir: string;
  }
}
