import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project root (two levels above server/dist/config or server/src/config). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .transform((value) => value === '1' || value === 'true');

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine((value) => value === undefined || protocols.some((p) => value.startsWith(p)), {
      message: `must start with ${protocols.join(' or ')}`,
    });

/**
 * Every environment variable the server reads, parsed once at start. docs/configuration.md's
 * table mirrors this list; `.env.example` documents each one.
 */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP and WebSocket port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Interface to bind. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** External PostgreSQL; when unset an embedded PostgreSQL runs with its data under DATA_DIR. */
  DATABASE_URL: optionalUrl(['postgres://', 'postgresql://']),
  /**
   * The same PostgreSQL without a pooler in between. Set it when DATABASE_URL points at PgBouncer
   * in transaction mode: LISTEN/NOTIFY, session advisory locks and migrations then use this URL,
   * and statements on DATABASE_URL are sent unnamed (a transaction pooler hands each transaction
   * another server connection, where a named statement prepared earlier does not exist).
   */
  DATABASE_DIRECT_URL: optionalUrl(['postgres://', 'postgresql://']),
  /** Folder for the embedded database and generated secrets. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Embedded PostgreSQL port (only without DATABASE_URL). */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Connections in the server's pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(16),
  /** The admin account, created or updated at start. */
  ADMIN_EMAIL: z.string().email().default('admin@example.com'),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').default('admin-password-123'),
  /** Fill an empty database with demo tenants, users and six months of usage. */
  DEMO_DATA: booleanFlag.default(false),
  /** 32-byte key (64 hex chars or base64) that encrypts provider credentials; generated into DATA_DIR when unset. */
  MASTER_KEY: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '' || decodeKey(value) !== undefined, {
      message: 'must be 32 bytes as 64 hex characters or base64',
    }),
  /** Streaming replicas for heavy reads (comma-separated URLs); unset: every read on DATABASE_URL. */
  DATABASE_READ_URL: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((url) => url.trim()).filter(Boolean)),
  /** A replica lagging more than this gets no reads until it catches up. */
  DATABASE_READ_MAX_LAG_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  /** A sign-in session ends after this many hours without a request (idle expiry). */
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  /** …and this many days after it started, however active (absolute expiry). */
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Usage logs older than this are dropped by whole monthly partitions; summaries are kept forever. */
  USAGE_LOG_RETENTION_DAYS: z.coerce.number().int().min(35).max(3650).default(90),
  /** SMTP server for alert emails, e.g. smtp://user:pass@host:587; email is off when unset. */
  SMTP_URL: optionalUrl(['smtp://', 'smtps://']),
  /** Sender address of alert emails. */
  SMTP_FROM: z.string().default('Usage Monitor <alerts@usage-monitor.local>'),
  /**
   * The address users reach the product at, for links in emails (password reset): e.g.
   * https://usage.example.com. Defaults to http://localhost:<PORT>.
   */
  PUBLIC_URL: optionalUrl(['http://', 'https://']),
  /** Comma-separated addresses that receive every alert email. */
  ALERT_EMAILS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().email())),
  /** When set, GET /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().optional(),
  /** Minimum log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Max milliseconds a group of concurrently recorded events waits to share one transaction. */
  INGEST_GROUP_WINDOW_MS: z.coerce.number().min(0).max(50).default(1),
  /** The metering gateway's upstreams, named and shaped as the providers' SDKs name them. */
  OPENAI_BASE_URL: z.string().url().default('https://api.openai.com/v1'),
  ELEVENLABS_BASE_URL: z.string().url().default('https://api.elevenlabs.io'),
  /** A provider call the gateway forwards is abandoned (504, recorded ERROR) after this long without an answer. */
  GATEWAY_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(600_000),
  /**
   * Which reverse proxies to believe about the client's address (X-Forwarded-For), as Express's
   * `trust proxy`: a hop count, or a comma list of addresses, CIDR ranges and the names loopback,
   * linklocal, uniquelocal. Unset: none, so the per-address login throttle uses the socket
   * address and a spoofed header cannot dodge it; behind a proxy every client would then share
   * the proxy's address, so set this there.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const text = value.trim();
      if (text === '' || text === '0' || text === 'false') return false;
      if (/^\d+$/.test(text)) return Number(text);
      const entries = text.split(',').map((entry) => entry.trim());
      const bad = entries.find((entry) => !isProxyEntry(entry));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `has "${bad}", which is not a hop count, an address, a CIDR range or loopback/linklocal/uniquelocal` });
        return z.NEVER;
      }
      return entries;
    }),
  /** Folder with the built SPAs (admin-web/dist, customer-web/dist), relative to the project root. */
  WEB_ROOT: z.string().default('.'),
});

function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

export type AppConfig = Omit<z.infer<typeof environmentSchema>, 'MASTER_KEY' | 'DATA_DIR'> & {
  DATA_DIR: string;
  MASTER_KEY: Buffer;
};

export function decodeKey(value: string): Buffer | undefined {
  const buffer = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  return buffer.length === 32 ? buffer : undefined;
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with a one-line reason naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${String(issue.path[0])} ${issue.message}`);
  }
  const values = parsed.data;
  const dataDir = isAbsolute(values.DATA_DIR) ? values.DATA_DIR : join(projectRoot, values.DATA_DIR);
  return {
    ...values,
    DATA_DIR: dataDir,
    MASTER_KEY: values.MASTER_KEY ? decodeKey(values.MASTER_KEY)! : generatedMasterKey(dataDir),
  };
}

/** For entry points: the parsed configuration, or exit 1 with the one-line reason on stderr. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** The embedded default keeps a generated key beside its data, readable by the owner only. */
function generatedMasterKey(dataDir: string): Buffer {
  const path = join(dataDir, 'master.key');
  if (existsSync(path)) return decodeKey(readFileSync(path, 'utf8').trim())!;
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('hex'), { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}
