import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { EmbeddedPostgres } from '../src/core/db/embedded-postgres.js';
import { startEmbeddedStandby } from '../src/core/db/embedded-standby.js';
import { freePort } from './global-setup.js';

/**
 * A real primary and a real streaming standby, both from the PostgreSQL binaries the project
 * ships (the standby made by core/db/embedded-standby.ts).
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

export async function startReplicatedPostgres(): Promise<ReplicatedPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'um-replica-'));
  // The test's own directory: the postgres user (as root) must reach both data directories in it.
  chmodSync(dir, 0o755);
  const passwordFile = join(dir, 'password');
  const logger = pino({ level: 'silent' });
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const primary = new EmbeddedPostgres({ dataDir: join(dir, 'primary'), port: primaryPort, passwordFile, logger });
  await primary.start();
  const standbyOptions = { dataDir: join(dir, 'standby'), port: standbyPort, passwordFile, logger };
  let standby = await startEmbeddedStandby({ primaryUrl: primary.url, primaryDataDir: primary.dataDirectory, standbyDir: standbyOptions.dataDir, port: standbyPort, passwordFile, logger });
  const standbyUrl = standby.url;

  return {
    primaryUrl: primary.url,
    standbyUrl,
    async stopStandby() {
      await standby.stop();
    },
    async startStandby() {
      standby = new EmbeddedPostgres(standbyOptions);
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
