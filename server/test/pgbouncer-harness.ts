import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './global-setup.js';

/** Debian's package (`apt-get install -y pgbouncer`); scripts/test.mjs installs it when run as root. */
export const PGBOUNCER_BINARY = process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer';

/**
 * A real PgBouncer in transaction mode in front of a PostgreSQL, configured as docs/scaling.md
 * tells operators to. Every database of that server is reachable through it under its own name.
 */
export interface PgBouncer {
  /** The URL of `database` through PgBouncer (same user and password as the upstream URL). */
  urlOf(database: string): string;
  /** A query on PgBouncer's admin console (`SHOW STATS`, `SHOW SERVERS`, …). */
  admin(sql: string): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

export async function startPgBouncer(upstreamUrl: string): Promise<PgBouncer> {
  if (!existsSync(PGBOUNCER_BINARY)) throw new Error(`PgBouncer not found at ${PGBOUNCER_BINARY}: run \`sudo apt-get install -y pgbouncer\` (or set PGBOUNCER_PATH)`);
  const upstream = new URL(upstreamUrl);
  const user = decodeURIComponent(upstream.username);
  const password = decodeURIComponent(upstream.password);
  const dir = mkdtempSync(join(tmpdir(), 'um-pgbouncer-'));
  // As root PgBouncer refuses to run unless told a user to become (-u): that user reads the files
  // (it logs to stderr, kept for the error message when it fails to start).
  chmodSync(dir, 0o755);
  const port = await freePort();
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  writeFileSync(join(dir, 'userlist.txt'), `${quote(user)} ${quote(password)}\n`, { mode: 0o644 });
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      // The server's 10 s statement bound (database.ts), set once on each server connection.
      `* = host=${upstream.hostname} port=${upstream.port || 5432} connect_query='set statement_timeout = 10000'`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'pool_mode = transaction',
      'auth_type = scram-sha-256',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      `admin_users = ${user}`,
      'max_client_conn = 1000',
      // Fewer server connections than the servers' pools hold client connections: the pooler's point.
      'default_pool_size = 8',
      'server_reset_query =',
      // pg sends statement_timeout as a startup parameter (database.ts), which PgBouncer 1.18
      // refuses: it is ignored here and set by connect_query above instead.
      'ignore_startup_parameters = extra_float_digits,statement_timeout',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const args = [join(dir, 'pgbouncer.ini')];
  if (userInfo().uid === 0) args.unshift('-u', 'postgres');
  const child: ChildProcess = spawn(PGBOUNCER_BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  await waitForPort(port, child, () => stderr);

  const credentials = `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
  return {
    urlOf: (database) => `postgres://${credentials}@127.0.0.1:${port}/${database}`,
    async admin(sql) {
      // The admin console speaks only the simple protocol.
      const client = new pg.Client({ connectionString: `postgres://${credentials}@127.0.0.1:${port}/pgbouncer` });
      await client.connect();
      try {
        const result = await client.query(sql);
        return result.rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PgBouncer exited (${child.exitCode}): ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`PgBouncer did not listen on ${port}: ${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
