import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SERVER_NODE_FLAGS } from '../server/node-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = join(root, 'e2e', 'artifacts');
export const ADMIN_LOGIN = { email: 'admin@example.com', password: 'admin-password-123' };
export const CUSTOMER_PASSWORD = 'customer-password-123';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface DemoServer {
  baseUrl: string;
  /** POST a GraphQL operation to the running server. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  /** The data of an operation that must succeed; throws with the errors otherwise. */
  data<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  login(email: string, password: string): Promise<string>;
  /**
   * The account email the server wrote to DATA_DIR/outbox/ (it has no SMTP_URL here), oldest
   * first; `to` keeps only one recipient's.
   */
  outbox(to?: string): OutboxMessage[];
  stop(): Promise<void>;
}

export interface OutboxMessage {
  file: string;
  to: string;
  subject: string;
  text: string;
}

/** One outbox file: `From:`, `To:` and `Subject:` lines, a blank line, then the text. */
function readOutboxMessage(file: string): OutboxMessage {
  const raw = readFileSync(file, 'utf8');
  const split = raw.indexOf('\n\n');
  const headers = Object.fromEntries(
    raw
      .slice(0, split)
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { file, to: headers.to ?? '', subject: headers.subject ?? '', text: raw.slice(split + 2) };
}

/** The first link in a message to this server's `path` (e.g. `/portal/reset-password`). */
export function linkIn(message: OutboxMessage, path: string): URL {
  const link = message.text.match(/https?:\/\/\S+/g)?.map((l) => new URL(l)).find((url) => url.pathname === path);
  if (!link) throw new Error(`no ${path} link in ${message.file}:\n${message.text}`);
  return link;
}

/**
 * The built server exactly as users run it (server/dist/main.js, embedded PostgreSQL in a temp
 * dir, demo data, built SPAs), on random ports. Run `pnpm build` first.
 */
export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const entry = join(root, 'server', 'dist', 'main.js');
  if (!existsSync(entry)) throw new Error('server/dist/main.js is missing: run `pnpm build` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'um-e2e-'));
  const [port, pgPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = fork(entry, [], {
    env: {
      ...process.env,
      // Links in account email (password reset) then point at this server.
      PUBLIC_URL: baseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      DEMO_DATA: '1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...env,
    },
    execArgv: SERVER_NODE_FLAGS,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 120 s')), 120_000);
    child.on('message', (message: { ready?: boolean }) => {
      if (message?.ready) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before it was ready`)));
  });
  const gql: DemoServer['gql'] = async (query, variables, token) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  return {
    baseUrl,
    gql,
    async data(query, variables = {}, token) {
      const result = await gql(query, variables, token);
      if (!result.data || result.errors) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
      return result.data;
    },
    async login(email, password) {
      const result = await gql(
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
        { e: email, p: password },
      );
      if (!result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
      return (result.data as { login: { token: string } }).login.token;
    },
    outbox(to) {
      const dir = join(dataDir, 'outbox');
      if (!existsSync(dir)) return [];
      // File names start with the ISO time they were written: sorted, they are oldest first.
      return readdirSync(dir)
        .filter((name) => name.endsWith('.txt'))
        .sort()
        .map((name) => readOutboxMessage(join(dir, name)))
        .filter((message) => to === undefined || message.to === to);
    },
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      removeDataDir(dataDir);
    },
  };
}

/** As root the server may keep PostgreSQL's data outside DATA_DIR, behind the `pg` link there. */
function removeDataDir(dataDir: string): void {
  const pg = join(dataDir, 'pg');
  if (lstatSync(pg, { throwIfNoEntry: false })?.isSymbolicLink()) rmSync(resolvePath(dataDir, readlinkSync(pg)), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function newPage(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Saves a full-page screenshot as a test artifact: e2e/artifacts/<name>.png */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core in the page; returns violations of the given impact levels. */
export async function axeViolations(
  page: Page,
  impacts: string[] = ['serious', 'critical'],
): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an
  // inline <script>, and bypassCSP would also hide CSP breakage of the app itself.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as any).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return (result.violations as AxeViolation[]).filter((v) => impacts.includes(v.impact));
}

/** Serious and critical axe violations as readable lines, so a failing expect says what and where. */
export async function axeProblems(page: Page): Promise<string[]> {
  return (await axeViolations(page)).map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} at ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(' | ')}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4})` : ''}`,
  );
}

/** The page at desktop and phone width, as e2e/artifacts/<name>-desktop.png and -phone.png. */
export async function screenshots(page: Page, name: string): Promise<void> {
  for (const [suffix, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    // Let layout (and charts, which resize on a frame) settle at the new width.
    await page.waitForTimeout(150);
    await screenshot(page, `${name}-${suffix}`);
  }
  await page.setViewportSize(DESKTOP);
}

/**
 * A README picture (docs/screenshots/<name>.png): one laptop-sized viewport of the real app with
 * demo data. Always saved as an artifact; the committed copy is replaced only when
 * UPDATE_SCREENSHOTS=1, so ordinary runs leave the working tree clean.
 */
export async function readmeScreenshot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await screenshot(page, `readme-${name}`, false);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(root, 'docs', 'screenshots', `${name}.png`) });
  }
}

export type AppName = 'admin' | 'portal';

/** Signs in through the app's own form, found by its labels; resolves once the sign-in page is left. */
export async function signIn(
  page: Page,
  baseUrl: string,
  app: AppName,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/${app}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'), { timeout: 30_000 });
}

/**
 * An API Decimal written the way a UI money text is written, to as many decimals as that text
 * shows (rounded half up, with thousands separators): `expect(text).toBe(usdLike(api, text))`
 * then checks the UI shows the API's amount, whatever precision the app chose for it.
 */
export function usdLike(decimal: string, uiText: string): string {
  const decimals = /\.(\d+)/.exec(uiText)?.[1]?.length ?? 0;
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = decimal.replace(/^-/, '').split('.');
  let scaled = BigInt(whole! + fraction.padEnd(decimals, '0').slice(0, decimals));
  if (Number(fraction[decimals] ?? '0') >= 5) scaled += 1n;
  const digits = scaled.toString().padStart(decimals + 1, '0');
  const dollars = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${dollars}${decimals ? `.${digits.slice(-decimals)}` : ''}`;
}

/** A Decimal string as an integer count of 10^-scale units: exact, never a float. */
function scaledDecimal(decimal: string, scale: number): bigint {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = decimal.replace(/^-/, '').split('.');
  if (fraction.length > scale) throw new Error(`${decimal} has more than ${scale} decimals`);
  const units = BigInt(whole! + fraction.padEnd(scale, '0'));
  return negative ? -units : units;
}

const decimalsOf = (decimal: string) => decimal.split('.')[1]?.length ?? 0;

/** a - b, exactly, for two API Decimals ("12.3456789" - "0.0000011" = "12.3456778"). */
export function subtractDecimal(a: string, b: string): string {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  const difference = scaledDecimal(a, scale) - scaledDecimal(b, scale);
  const digits = (difference < 0n ? -difference : difference).toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return `${difference < 0n ? '-' : ''}${text}`;
}

/** Whether two Decimals are the same number, whatever trailing zeros each was written with. */
export function sameDecimal(a: string, b: string): boolean {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  return scaledDecimal(a, scale) === scaledDecimal(b, scale);
}

/** The hue family of a CSS colour ("rgb(22, 163, 74)"), to check a bar is green/yellow/orange/red. */
export function colourFamily(css: string): 'red' | 'orange' | 'yellow' | 'green' | 'other' {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? [])
    .slice(0, 3)
    .map(Number)
    .map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const delta = max - Math.min(r, g, b);
  if (delta < 0.2) return 'other';
  const hue =
    (max === r ? ((g - b) / delta + 6) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4) * 60;
  if (hue < 12 || hue >= 345) return 'red';
  if (hue < 36) return 'orange';
  if (hue < 66) return 'yellow';
  if (hue >= 90 && hue < 165) return 'green';
  return 'other';
}

/** An integer as the apps show it: "12,345". */
export function intText(value: number): string {
  return value.toLocaleString('en-US');
}

/** A fresh integrator key for a tenant, made through the admin API like an admin would. */
export async function createApiKey(
  server: DemoServer,
  adminToken: string,
  tenantId: string,
  name = 'e2e',
): Promise<string> {
  const result = await server.gql<{ createApiKey: { key: string } }>(
    'mutation($t: ID!, $n: String!) { createApiKey(tenantId: $t, name: $n) { key } }',
    { t: tenantId, n: name },
    adminToken,
  );
  if (!result.data) throw new Error(`createApiKey failed: ${JSON.stringify(result.errors)}`);
  return result.data.createApiKey.key;
}

/** Every tenant by name, through the admin API. */
export async function tenantsByName(server: DemoServer, adminToken: string): Promise<Map<string, string>> {
  const result = await server.gql<{ tenants: { id: string; name: string }[] }>(
    '{ tenants { id name } }',
    {},
    adminToken,
  );
  if (!result.data) throw new Error(`tenants failed: ${JSON.stringify(result.errors)}`);
  return new Map(result.data.tenants.map((t) => [t.name, t.id]));
}

export { rmSync };
