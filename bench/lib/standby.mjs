// A streaming standby of a benchmark server's embedded PostgreSQL (B10), made by the server's own
// core/db/embedded-standby.js (the replica tests use it too).
import { chmodSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedStandby } from '../../server/dist/core/db/embedded-standby.js';

export async function startStandbyOf(server, port) {
  const dir = mkdtempSync(join(tmpdir(), 'um-bench-standby-'));
  // As root PostgreSQL runs as the postgres user, which must reach the standby's directory.
  chmodSync(dir, 0o755);
  return startEmbeddedStandby({
    primaryUrl: server.databaseUrl,
    primaryDataDir: realpathSync(join(server.dataDir, 'pg')),
    standbyDir: join(dir, 'standby'),
    port,
    passwordFile: join(server.dataDir, 'pg-password'),
    // The standby's own log lines are not the benchmark's business.
    logger: { info() {}, warn() {}, error() {}, debug() {} },
  });
}
