import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { ormOptions } from '../src/core/db/database.js';
import { entities } from '../src/entities.js';

/**
 * A database of its own, migrated up to `previous` only, for a migration test to fill with the
 * previous version's rows before migrating the rest: `orm` (its migrator) and a `client` on it.
 * Created before the file's tests and dropped after them.
 */
export function databaseAt(previous: string): { readonly orm: MikroORM; readonly client: pg.Client; readonly url: string } {
  const adminUrl = () => inject('postgresUrl');
  const name = `um_migration_${randomBytes(6).toString('hex')}`;
  const state: { orm?: MikroORM; client?: pg.Client; url?: string } = {};
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    state.url = adminUrl().replace(/\/postgres$/, `/${name}`);
    state.orm = await MikroORM.init(ormOptions(state.url, entities, 2));
    await state.orm.getMigrator().up({ to: previous });
    state.client = new pg.Client({ connectionString: state.url });
    await state.client.connect();
  });
  afterAll(async () => {
    await state.client?.end();
    await state.orm?.close(true);
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return {
    get orm() {
      return state.orm!;
    },
    get client() {
      return state.client!;
    },
    get url() {
      return state.url!;
    },
  };
}
