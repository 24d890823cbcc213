import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createPool } from '../src/core/db/database.js';
import { EmbeddedPostgres } from '../src/core/db/embedded-postgres.js';

/**
 * The embedded PostgreSQL also listens on a Unix-domain socket beside its data, and the server's
 * own pool uses it (cheaper than loopback TCP on both sides). Same credentials, same checks.
 */
const url = inject('postgresUrl');
const socketDir = inject('postgresSocketDir');
const pools: ReturnType<typeof createPool>[] = [];
const poolOf = (...args: Parameters<typeof createPool>) => {
  const pool = createPool(...args);
  pools.push(pool);
  return pool;
};
const clientAddress = async (pool: ReturnType<typeof createPool>) =>
  (await pool.query<{ client_addr: string | null }>('select client_addr::text from pg_stat_activity where pid = pg_backend_pid()')).rows[0]!.client_addr;

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

describe('the embedded PostgreSQL over its Unix-domain socket', () => {
  it('is where the pool connects when given the socket directory; TCP without it', async () => {
    expect(socketDir).not.toBe('');
    expect(await clientAddress(poolOf(url, 2, socketDir))).toBeNull();
    expect(await clientAddress(poolOf(url, 2))).toBe('127.0.0.1/32');
  });

  it('still asks for the password: a wrong one is refused over the socket too', async () => {
    const wrong = url.replace(/^(postgres:\/\/postgres:)[^@]+@/, '$1not-the-password@');
    await expect(poolOf(wrong, 1, socketDir).query('select 1')).rejects.toMatchObject({ code: '28P01' });
  });

  it('is not used when its path would pass the kernel limit of 107 bytes (TCP only then)', () => {
    const logger = pino({ level: 'silent' });
    const short = new EmbeddedPostgres({ dataDir: '/tmp/um/pg', port: 5433, passwordFile: '/tmp/um/pw', logger });
    const long = new EmbeddedPostgres({ dataDir: join('/tmp', 'd'.repeat(100), 'pg'), port: 5433, passwordFile: '/tmp/um/pw', logger });
    expect(short.socketDir).toBe('/tmp/um/pg');
    expect(long.socketDir).toBeUndefined();
  });
});
