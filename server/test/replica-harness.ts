import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { EmbeddedPostgres } from '../src/core/db/embedded-postgres.js';
import { freePort } from './global-setup.js';

/**
 * A real primary and a real streaming standby, both from the PostgreSQL binaries the project
 * ships (@embedded-postgres has no pg_basebackup, so the standby is a base backup taken with the
 * server's own low-level API, pg_backup_start / pg_backup_stop, then `standby.signal` and
 * `primary_conninfo`: exactly what pg_basebackup -R writes).
 */
export interface ReplicatedPostgres {
  primaryUrl: string;
  standbyUrl: string;
  stopStandby(): Promise<void>;
  startStandby(): Promise<void>;
  /** Waits until the standby has replayed everything the primary wrote so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const EXCLUDED = new Set(['postmaster.pid', 'postmaster.opts']);

export async function startReplicatedPostgres(): Promise<ReplicatedPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'um-replica-'));
  // The test's own directory: the postgres user (as root) must reach both data directories in it.
  chmodSync(dir, 0o755);
  const passwordFile = join(dir, 'password');
  const logger = pino({ level: 'silent' });
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const primary = new EmbeddedPostgres({ dataDir: join(dir, 'primary'), port: primaryPort, passwordFile, logger });
  await primary.start();
  const admin = new pg.Client({ connectionString: primary.url });
  await admin.connect();
  try {
    // Keep the WAL the standby needs to catch up from the backup's start.
    await admin.query(`alter system set wal_keep_size = '256MB'`);
    await admin.query('select pg_reload_conf()');
    const standbyDir = join(dir, 'standby');
    await admin.query(`select pg_backup_start('usage-monitor-standby', true)`);
    cpSync(primary.dataDirectory, standbyDir, {
      recursive: true,
      filter: (source) => {
        const relative = source.slice(primary.dataDirectory.length + 1);
        // The Unix socket and its lock file live in the data directory here (embedded-postgres.ts).
        if (EXCLUDED.has(relative) || relative.startsWith('.s.PGSQL.')) return false;
        // pg_wal's segments stream from the primary; the directory itself must exist.
        return !/^(pg_wal|pg_replslot)\/./.test(relative);
      },
    });
    const { rows } = await admin.query('select labelfile, spcmapfile from pg_backup_stop(true)');
    writeFileSync(join(standbyDir, 'backup_label'), rows[0].labelfile);
    mkdirSync(join(standbyDir, 'pg_wal'), { recursive: true });
    writeFileSync(join(standbyDir, 'standby.signal'), '');
    const password = primary.password.replace(/'/g, "\\'");
    appendFileSync(join(standbyDir, 'postgresql.auto.conf'), `\nprimary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${password}'\nhot_standby = on\n`);
    // As root the servers run as the postgres user (embedded-postgres.ts): the copy must be its own.
    if (userInfo().uid === 0) execFileSync('chown', ['-R', 'postgres:postgres', standbyDir]);
  } finally {
    await admin.end();
  }
  let standby = new EmbeddedPostgres({ dataDir: join(dir, 'standby'), port: standbyPort, passwordFile, logger });
  await standby.start();
  const standbyUrl = standby.url;

  return {
    primaryUrl: primary.url,
    standbyUrl,
    async stopStandby() {
      await standby.stop();
    },
    async startStandby() {
      standby = new EmbeddedPostgres({ dataDir: join(dir, 'standby'), port: standbyPort, passwordFile, logger });
      await standby.start();
    },
    async caughtUp(timeoutMs = 10_000) {
      const p = new pg.Client({ connectionString: primary.url });
      const s = new pg.Client({ connectionString: standbyUrl });
      await Promise.all([p.connect(), s.connect()]);
      try {
        const { rows } = await p.query('select pg_current_wal_lsn()::text as lsn');
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const { rows: replayed } = await s.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [rows[0].lsn]);
          if (replayed[0].done) return;
          if (Date.now() > deadline) throw new Error('the standby did not catch up');
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        await Promise.all([p.end(), s.end()]);
      }
    },
    async stop() {
      await standby.destroy().catch(() => undefined);
      await primary.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
