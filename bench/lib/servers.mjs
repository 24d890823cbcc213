// Starting what the benchmark measures: the built server (server/dist/main.js) on a fresh
// embedded PostgreSQL in a temp DATA_DIR, a second instance on the same database, and the bare
// Apollo ceiling (B0). Each runs in its own process, exactly as users run it.
import { fork } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../server/node-flags.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_ENTRY = join(ROOT, 'server', 'dist', 'main.js');
export const ADMIN = { email: 'admin@example.com', password: 'admin-password-123' };

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function waitReady(child, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 180 s`)), 180_000);
    child.on('message', (message) => {
      if (message?.ready) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before it was ready`));
    });
  });
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Peak and current resident memory of a process, from /proc (Linux), in MB. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: 0, peakMb: 0 };
  }
}

/**
 * One server instance. Without `databaseUrl` it starts its own embedded PostgreSQL in a fresh
 * temp DATA_DIR; with it, it joins that database (the second instance).
 */
export async function startServer({ databaseUrl, env = {}, execArgv = [] } = {}) {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`pnpm build\` first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'um-bench-'));
  const [port, pgPort] = [await freePort(), await freePort()];
  const child = fork(SERVER_ENTRY, [], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      DEMO_DATA: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    // The server's own flags first, as every launcher passes them; BENCH_SERVER_ARGS adds more for experiments.
    execArgv: [...SERVER_NODE_FLAGS, ...execArgv, ...(process.env.BENCH_SERVER_ARGS ? process.env.BENCH_SERVER_ARGS.split(' ') : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await waitReady(child, 'server');
  const url = databaseUrl ?? `postgres://postgres:${encodeURIComponent(readFileSync(join(dataDir, 'pg-password'), 'utf8').trim())}@127.0.0.1:${pgPort}/postgres`;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    databaseUrl: url,
    dataDir,
    pid: child.pid,
    child,
    async stop() {
      await stopChild(child);
      removeDataDir(dataDir);
    },
  };
}

/** As root the server may keep PostgreSQL's data outside DATA_DIR, behind the `pg` link there. */
function removeDataDir(dataDir) {
  const pg = join(dataDir, 'pg');
  if (lstatSync(pg, { throwIfNoEntry: false })?.isSymbolicLink()) rmSync(resolvePath(dataDir, readlinkSync(pg)), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}

/** B0: the bare Apollo Server with our HTTP integration (bench/b0-server.mjs). */
export async function startCeiling() {
  const port = await freePort();
  const child = fork(join(ROOT, 'bench', 'b0-server.mjs'), [], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await waitReady(child, 'B0 server');
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
}

/** POSTs one GraphQL operation; throws on transport errors and GraphQL errors. */
export async function gql(baseUrl, query, variables = {}, token) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

export async function adminToken(baseUrl) {
  const data = await gql(baseUrl, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN.email, p: ADMIN.password });
  return data.login.token;
}

/** CPU seconds (user + system) a set of processes has used so far, from /proc (Linux). */
export function cpuSecondsOf(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / 100;
}

/** The embedded PostgreSQL of a server: its postmaster and every backend it forked. */
export function postgresPids(server) {
  const postmaster = Number(readFileSync(join(server.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // Gone already.
    }
  }
  return pids;
}
