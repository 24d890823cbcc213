import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { SERVER_NODE_FLAGS } from '../node-flags.mjs';
import { EmbeddedPostgres } from '../src/core/db/embedded-postgres.js';
import { freePort } from './global-setup.js';

/**
 * Processes a fault test can kill for real: its own embedded PostgreSQL (not the shared one of
 * global-setup, which other files use) and the built server (server/dist/main.js) as children.
 */

const serverRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN_LOGIN = { email: 'admin@fault.example', password: 'admin-password-123' };

export interface KillablePostgres {
  url: string;
  /** SIGKILL the postmaster (from postmaster.pid) and wait until it and its backends are gone. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT this database's own processes (postmaster and backends): a hung server. */
  pause(): void;
  resume(): void;
  /** Start again on the same data directory and port (crash recovery runs). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startKillablePostgres(): Promise<KillablePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'um-fault-pg-'));
  const port = await freePort();
  const postgres = new EmbeddedPostgres({
    dataDir: join(dir, 'data'),
    port,
    passwordFile: join(dir, 'password'),
    logger: pino({ level: 'silent' }),
  });
  await postgres.start();
  // Backends are found by their working directory: the real one, which as root may lie elsewhere.
  const dataDir = postgres.dataDirectory;
  const pidOf = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: postgres.url,
    async kill() {
      const pid = pidOf();
      process.kill(pid, 'SIGKILL');
      await waitUntil(() => !alive(pid), 10_000, 'postmaster to die');
      // Backends notice the postmaster's death and exit; a new postmaster refuses to start while
      // they still hold the shared memory, so wait for every process on this data directory.
      await waitUntil(() => backendsOf(dataDir).length === 0, 10_000, 'backends to exit');
    },
    pause() {
      for (const pid of [pidOf(), ...backendsOf(dataDir)]) process.kill(pid, 'SIGSTOP');
    },
    resume() {
      for (const pid of [pidOf(), ...backendsOf(dataDir)]) process.kill(pid, 'SIGCONT');
    },
    async restart() {
      for (let attempt = 1; ; attempt++) {
        try {
          await postgres.start();
          return;
        } catch (error) {
          if (attempt >= 20) throw error;
          await sleep(250);
        }
      }
    },
    async stop() {
      await postgres.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ServerProcess {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string | null>;
  kill(signal: NodeJS.Signals): Promise<number | string | null>;
}

/** Forks server/dist/main.js against `databaseUrl`; resolves once it sends `ready` over IPC. */
export async function startServerProcess(
  databaseUrl: string,
  options: { port?: number; env?: Record<string, string>; masterKey: string },
): Promise<ServerProcess> {
  const entry = join(serverRoot, 'dist', 'main.js');
  if (!existsSync(entry))
    throw new Error('server/dist/main.js is missing: run `pnpm --filter server build` first');
  // A stale build against a database migrated from newer sources hangs or fails in confusing
  // ways; say so plainly instead.
  const stale = newestSource(join(serverRoot, 'src'));
  if (stale && stale.mtimeMs > statSync(entry).mtimeMs)
    throw new Error(`server/dist is older than ${stale.path}: run \`pnpm --filter server build\` first`);
  const port = options.port ?? (await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), 'um-fault-data-'));
  const child = fork(entry, [], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      MASTER_KEY: options.masterKey,
      ADMIN_EMAIL: ADMIN_LOGIN.email,
      ADMIN_PASSWORD: ADMIN_LOGIN.password,
      LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'silent',
      DATABASE_POOL_SIZE: '10',
      ...options.env,
    },
    execArgv: SERVER_NODE_FLAGS,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  void exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
    child.on('message', (message: { ready?: boolean }) => {
      if (message?.ready) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before it was ready`)));
  });
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    pid: child.pid!,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export function newMasterKey(): string {
  return randomBytes(32).toString('hex');
}

export interface GqlResult {
  status: number;
  body?: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

/** One POST with a bounded wait; throws on network errors and timeouts (the caller decides). */
export async function postGraphQL(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  timeoutMs = 10_000,
): Promise<GqlResult> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body: GqlResult['body'];
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

/** Admin session plus `count` tenants, each with an API key. */
export async function setUpTenants(baseUrl: string, count: number, prefix: string) {
  const login = await postGraphQL(
    baseUrl,
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    { e: ADMIN_LOGIN.email, p: ADMIN_LOGIN.password },
  );
  const admin = login.body!.data!.login.token as string;
  const tenants: { id: string; apiKey: string }[] = [];
  for (let i = 0; i < count; i++) {
    const created = await postGraphQL(
      baseUrl,
      `mutation($n: String!) { createTenant(input: { name: $n }) { id } }`,
      { n: `${prefix} ${i} ${randomBytes(3).toString('hex')}` },
      admin,
    );
    const id = created.body!.data!.createTenant.id as string;
    const key = await postGraphQL(
      baseUrl,
      `mutation($t: ID!) { createApiKey(tenantId: $t, name: "load") { key } }`,
      { t: id },
      admin,
    );
    tenants.push({ id, apiKey: key.body!.data!.createApiKey.key as string });
  }
  return { admin, tenants };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Pids of postgres processes whose command line names this data directory or whose parent is gone. */
function backendsOf(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (!comm.startsWith('postgres')) continue;
      const environ = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      // Backends rename themselves ("postgres: postgres postgres 127.0.0.1(…) idle"); they inherit
      // the postmaster's working directory, the data directory.
      const cwd = safeReadlink(`/proc/${entry}/cwd`);
      if (cwd === dataDir || environ.includes(dataDir)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
function safeReadlink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/** The most recently modified server source file that the build compiles (tests excluded). */
function newestSource(dir: string): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const candidate = entry.isDirectory()
      ? newestSource(path)
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? { path, mtimeMs: statSync(path).mtimeMs }
        : undefined;
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}
