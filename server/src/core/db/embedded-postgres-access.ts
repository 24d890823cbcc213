import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Logger } from 'pino';

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach both its binaries and its
 * data. A clone under a directory closed to others (root's home, any 0700 parent) blocks both;
 * rather than widen the user's directories, the binaries run from a root-owned copy and the data
 * lives in a root-owned place, linked from where it was configured.
 */

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

export interface PostgresUser {
  uid: number;
  gid: number;
}

/** Root-owned, world-traversable; data kept here survives reboots, unlike /tmp. */
export const RELOCATED_DATA_ROOT = '/var/lib/usage-monitor';
const RELOCATED_NAME = /^pg-[0-9a-f]{16}(-[0-9a-f]{8})?$/;
const COPY_MARKER = '.copy-complete';

export function ensurePostgresUser(): PostgresUser {
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

/**
 * Asked of the kernel as that user (the same uid/gid, without supplementary groups, that the
 * postgres processes get), so modes, ACLs and every parent on the way count.
 */
export function reachableBy(user: PostgresUser, path: string): boolean {
  try {
    execFileSync('test', ['-x', path], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The outermost directory on the way to `path` that `user` cannot pass, for the log. */
export function blockingDirectory(user: PostgresUser, path: string): string {
  const parts = resolve(path).split(sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const dir = sep + parts.slice(0, i).join(sep);
    if (!reachableBy(user, dir)) return dir;
  }
  return path;
}

const copies = new Map<string, PostgresBinaries>();

/**
 * The binaries themselves when `user` can run them; otherwise a copy under /var/tmp (hard links
 * where possible), made once per version and file list and reused by later runs.
 */
export function reachableBinaries(binaries: PostgresBinaries, user: PostgresUser, logger: Logger): PostgresBinaries {
  if (reachableBy(user, binaries.initdb) && reachableBy(user, binaries.postgres)) return binaries;
  const cached = copies.get(binaries.initdb);
  if (cached) return cached;
  const native = dirname(dirname(binaries.initdb));
  const manifest = treeManifest(native);
  const version = packageVersion(native);
  const key = createHash('sha256').update(manifest).digest('hex').slice(0, 12);
  const base = copyBase(user);
  const name = `usage-monitor-pg-${version.replace(/[^\w.-]/g, '_')}-${key}`;
  const copy = trustedCopy(join(base, name), manifest) ?? makeCopy(native, base, name, manifest, logger);
  const result = {
    initdb: join(copy, relative(native, binaries.initdb)),
    postgres: join(copy, relative(native, binaries.postgres)),
  };
  const blocked = blockingDirectory(user, binaries.initdb);
  logger.info({ copy, blocked }, `running PostgreSQL binaries from ${copy} because ${blocked} is not reachable by the postgres user`);
  copies.set(binaries.initdb, result);
  return result;
}

/**
 * Where PostgreSQL keeps the data configured at `configured`: there when `user` can reach its
 * parent; otherwise in RELOCATED_DATA_ROOT behind a symlink at `configured`, which is what later
 * runs follow (so the data stays with the clone across restarts, and deleting DATA_DIR drops it).
 */
export function reachableDataDir(configured: string, user: PostgresUser, logger: Logger, links = 0): string {
  const existing = lstatOrUndefined(configured);
  if (existing?.isSymbolicLink()) {
    const target = resolve(dirname(configured), readlinkSync(configured));
    if (isRelocated(target)) return ensureRelocatedDir(target, user);
    // A link of the user's own: judge the place it leads to.
    if (links >= 8) throw new Error(`${configured}: too many levels of symbolic links`);
    return reachableDataDir(target, user, logger, links + 1);
  }
  mkdirSync(dirname(configured), { recursive: true });
  if (reachableBy(user, dirname(configured))) return configured;
  const blocked = blockingDirectory(user, dirname(configured));
  if (existing?.isDirectory()) {
    if (readdirSync(configured).length > 0)
      throw new Error(
        `${configured} holds data the postgres user cannot reach (${blocked} is closed to it): move it to a directory that user can traverse, or set DATA_DIR or DATABASE_URL`,
      );
    rmSync(configured, { recursive: true });
  } else if (existing) {
    throw new Error(`${configured} is not a directory`);
  }
  const root = relocatedRoot(user);
  const hash = createHash('sha256').update(configured).digest('hex').slice(0, 16);
  // A directory already under this name belongs to a DATA_DIR that was deleted or moved: data is
  // never removed behind the user's back, so this one gets a name of its own.
  let target = join(root, `pg-${hash}`);
  if (lstatOrUndefined(target)) target = join(root, `pg-${hash}-${randomBytes(4).toString('hex')}`);
  ensureRelocatedDir(target, user);
  symlinkSync(target, configured);
  logger.info(
    { dataDir: target, link: configured, blocked },
    `keeping PostgreSQL data in ${target} (linked from ${configured}) because ${blocked} is not reachable by the postgres user`,
  );
  return target;
}

export function isRelocated(path: string): boolean {
  return dirname(path) === RELOCATED_DATA_ROOT && RELOCATED_NAME.test(basename(path));
}

function ensureRelocatedDir(target: string, user: PostgresUser): string {
  relocatedRoot(user);
  const stat = lstatOrUndefined(target);
  if (!stat) {
    mkdirSync(target, { mode: 0o700 });
    chownSync(target, user.uid, user.gid);
  } else if (!stat.isDirectory() || stat.uid !== user.uid) {
    throw new Error(`${target} is not a directory owned by the postgres user; refusing to keep PostgreSQL data there`);
  }
  return target;
}

function relocatedRoot(user: PostgresUser): string {
  mkdirSync(RELOCATED_DATA_ROOT, { recursive: true, mode: 0o755 });
  if (!ownedByRootClosed(lstatSync(RELOCATED_DATA_ROOT)) || !reachableBy(user, RELOCATED_DATA_ROOT))
    throw new Error(`${RELOCATED_DATA_ROOT} must be a directory owned by root, writable only by it and traversable by the postgres user`);
  return RELOCATED_DATA_ROOT;
}

/** /var/tmp (kept across reboots), else the temp dir: either must be safe to create in as root. */
function copyBase(user: PostgresUser): string {
  for (const base of ['/var/tmp', tmpdir()]) {
    const stat = lstatOrUndefined(base);
    // World-writable only with the sticky bit: then nobody else can rename or replace our entry.
    const safe = stat?.isDirectory() && stat.uid === 0 && ((stat.mode & 0o022) === 0 || (stat.mode & 0o1000) !== 0);
    if (safe && reachableBy(user, base)) return base;
  }
  throw new Error('no directory the postgres user can reach to hold a copy of the PostgreSQL binaries (tried /var/tmp and the temp dir)');
}

/**
 * A pre-existing copy counts only if root made it: a directory (not a link) owned by root,
 * writable by nobody else, with the marker that the copy finished, naming the same files.
 */
export function trustedCopy(path: string, manifest: string): string | undefined {
  const stat = lstatOrUndefined(path);
  if (!stat || !stat.isDirectory() || !ownedByRootClosed(stat)) return undefined;
  const marker = lstatOrUndefined(join(path, COPY_MARKER));
  if (!marker?.isFile() || !ownedByRootClosed(marker)) return undefined;
  return readFileSync(join(path, COPY_MARKER), 'utf8') === manifest ? path : undefined;
}

function makeCopy(native: string, base: string, name: string, manifest: string, logger: Logger): string {
  // mkdtemp creates a fresh root-only directory, so nothing can slip in while we fill it.
  const staging = mkdtempSync(join(base, `${name}.partial-`));
  try {
    copyTree(native, staging);
    writeFileSync(join(staging, COPY_MARKER), manifest, { mode: 0o644 });
    chmodSync(staging, 0o755);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const target = join(base, name);
  try {
    renameSync(staging, target);
  } catch {
    // Another process finished the same copy first, or something else holds the name.
  }
  if (trustedCopy(target, manifest)) {
    rmSync(staging, { recursive: true, force: true });
    return target;
  }
  logger.warn({ path: target }, 'an untrusted directory holds the PostgreSQL copy name; using a private copy for this run');
  return staging;
}

function copyTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const destination = join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(destination, { mode: 0o755 });
      copyTree(source, destination);
    } else if (entry.isSymbolicLink()) {
      const link = readlinkSync(source);
      if (isAbsolute(link)) copyFileSync(source, destination);
      else symlinkSync(link, destination);
    } else if (entry.isFile()) {
      const stat = lstatSync(source);
      // A hard link shares the inode, so only files nobody but root can change are linked.
      try {
        if (!ownedByRootClosed(stat)) throw new Error('copy instead');
        linkSync(source, destination);
      } catch {
        copyFileSync(source, destination);
        chmodSync(destination, stat.mode & 0o755);
      }
    }
  }
}

/** Relative path, kind, size, mode and link target of every entry: the copy's identity. */
function treeManifest(dir: string, prefix = ''): string {
  const lines: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    const stat = lstatSync(path);
    const rel = prefix + entry.name;
    if (entry.isDirectory()) lines.push(`d ${rel}`, treeManifest(path, `${rel}/`));
    else if (entry.isSymbolicLink()) lines.push(`l ${rel} ${readlinkSync(path)}`);
    else lines.push(`f ${rel} ${stat.size} ${(stat.mode & 0o777).toString(8)}`);
  }
  return lines.filter(Boolean).join('\n');
}

function packageVersion(native: string): string {
  try {
    return (JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function ownedByRootClosed(stat: Stats): boolean {
  return stat.uid === 0 && (stat.mode & 0o022) === 0;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
