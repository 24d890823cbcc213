import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { EmbeddedPostgres } from './embedded-postgres.js';

const EXCLUDED = new Set(['postmaster.pid', 'postmaster.opts']);

/**
 * A real streaming standby of a PostgreSQL whose data directory is on this machine (the embedded
 * one), started on `port`: for the replica tests and benchmarks. The embedded binaries have no
 * pg_basebackup, so the base backup is taken with the server's own low-level API
 * (pg_backup_start / pg_backup_stop), then `standby.signal` and `primary_conninfo`: exactly what
 * `pg_basebackup -R` writes. Operators with their own PostgreSQL use pg_basebackup
 * (docs/scaling.md).
 */
export async function startEmbeddedStandby(options: {
  primaryUrl: string;
  primaryDataDir: string;
  standbyDir: string;
  port: number;
  /** The primary's superuser password file (the standby connects as postgres with it). */
  passwordFile: string;
  logger: Logger;
}): Promise<EmbeddedPostgres> {
  const { primaryUrl, primaryDataDir, standbyDir } = options;
  const primary = new URL(primaryUrl);
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  try {
    // Keep the WAL the standby needs to catch up from the backup's start.
    await admin.query(`alter system set wal_keep_size = '256MB'`);
    await admin.query('select pg_reload_conf()');
    await admin.query(`select pg_backup_start('usage-monitor-standby', true)`);
    cpSync(primaryDataDir, standbyDir, {
      recursive: true,
      filter: (source) => {
        const relative = source.slice(primaryDataDir.length + 1);
        // The Unix socket and its lock file live in the data directory (embedded-postgres.ts).
        if (EXCLUDED.has(relative) || relative.startsWith('.s.PGSQL.')) return false;
        // pg_wal's segments stream from the primary; the directory itself must exist.
        return !/^(pg_wal|pg_replslot)\/./.test(relative);
      },
    });
    const { rows } = await admin.query('select labelfile from pg_backup_stop(true)');
    writeFileSync(join(standbyDir, 'backup_label'), rows[0].labelfile);
    mkdirSync(join(standbyDir, 'pg_wal'), { recursive: true });
    writeFileSync(join(standbyDir, 'standby.signal'), '');
    const password = decodeURIComponent(primary.password).replace(/'/g, "\\'");
    appendFileSync(
      join(standbyDir, 'postgresql.auto.conf'),
      `\nprimary_conninfo = 'host=${primary.hostname} port=${primary.port || 5432} user=${decodeURIComponent(primary.username)} password=${password}'\nhot_standby = on\n`,
    );
    // As root the servers run as the postgres user (embedded-postgres.ts): the copy must be its own.
    if (userInfo().uid === 0) execFileSync('chown', ['-R', 'postgres:postgres', standbyDir]);
  } finally {
    await admin.end();
  }
  const standby = new EmbeddedPostgres({ dataDir: standbyDir, port: options.port, passwordFile: options.passwordFile, logger: options.logger });
  await standby.start();
  return standby;
}
