import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startOpenAiStandIn, type OpenAiStandIn } from '../server/test/openai-stand-in.js';
import {
  ADMIN_LOGIN,
  axeProblems,
  createApiKey,
  CUSTOMER_PASSWORD,
  intText,
  launchBrowser,
  newPage,
  screenshots,
  signIn,
  startDemoServer,
  tenantsByName,
  type DemoServer,
} from './harness.js';

// The metering gateway in both apps (issue 19): calls sent through the gateway (to the OpenAI
// stand-in the server tests use) show with their source, the Source filter narrows the admin's
// Usage Logs and the portal's Recent calls to them, the customer's page counts them, and the
// portal's Integrate page hands out this server's addresses.

const TENANT = 'Acme Corp';
const EMAIL = 'acme@customer.example';
const GATEWAY_CALLS = 3;

let server: DemoServer;
let openai: OpenAiStandIn;
let browser: Browser;
let adminToken: string;
let tenantId: string;

const api = <T = any>(query: string, variables: Record<string, unknown> = {}) => server.data<T>(query, variables, adminToken);
const countOf = async (filter: Record<string, unknown>) =>
  (await api<{ usageLogs: { totalCount: number } }>(`query($f: UsageLogFilter) { usageLogs(filter: $f, first: 1) { totalCount } }`, { f: filter }))
    .usageLogs.totalCount;

beforeAll(async () => {
  openai = await startOpenAiStandIn();
  server = await startDemoServer({ OPENAI_BASE_URL: openai.baseUrl });
  browser = await launchBrowser();
  adminToken = await server.login(ADMIN_LOGIN.email, ADMIN_LOGIN.password);
  tenantId = (await tenantsByName(server, adminToken)).get(TENANT)!;
  await api(`mutation($t: ID!) { setProviderCredential(tenantId: $t, provider: OPENAI, secret: "sk-e2e-stand-in") { maskedKey } }`, {
    t: tenantId,
  });
  const key = await createApiKey(server, adminToken, tenantId, 'e2e gateway');
  for (let i = 0; i < GATEWAY_CALLS; i++) {
    const response = await fetch(`${server.baseUrl}/gateway/openai/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-usage-request-id': `e2e-gateway-${i}` },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello!' }] }),
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  }
  // Recorded through the same group commit as recordUsage: wait until all are in the log.
  await vi.waitFor(async () => expect(await countOf({ tenantId, source: 'GATEWAY' })).toBe(GATEWAY_CALLS), { timeout: 15_000 });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
});

describe('the metering gateway in the admin console', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ context, page, errors } = await newPage(browser));
    await signIn(page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
  });
  afterAll(() => context?.close());

  it('narrows Usage Logs to one source with the Source filter, in the URL', async () => {
    await page.goto(`${server.baseUrl}/admin/usage-logs?tenant=${tenantId}`);
    await page.getByRole('heading', { level: 1, name: 'Usage Logs' }).waitFor();
    const all = await countOf({ tenantId });
    expect(all).toBeGreaterThan(GATEWAY_CALLS);
    await page.getByText(`of ${intText(all)} calls`).waitFor();

    await page.getByLabel('Source').selectOption({ label: 'Gateway' });
    await page.waitForURL((url) => url.searchParams.get('source') === 'GATEWAY');
    await page.getByText(`of ${intText(GATEWAY_CALLS)} calls`).waitFor();
    const table = page.getByRole('table', { name: 'Usage logs' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(GATEWAY_CALLS);
    const sources = await table.locator('tbody tr td .source-tag').allTextContents();
    expect(sources).toEqual(Array(GATEWAY_CALLS).fill('Gateway'));

    // The URL alone brings the same view back; another source narrows to its own calls.
    await page.reload();
    expect(await page.getByLabel('Source').inputValue()).toBe('GATEWAY');
    await page.getByText(`of ${intText(GATEWAY_CALLS)} calls`).waitFor();
    await page.getByLabel('Source').selectOption({ label: 'API' });
    await page.getByText(`of ${intText(await countOf({ tenantId, source: 'API' }))} calls`).waitFor();
    expect(new Set(await table.locator('tbody tr td .source-tag').allTextContents())).toEqual(new Set(['API']));
  });

  it('shows the gateway’s status on the customer’s page: which provider keys are set, and this month’s calls', async () => {
    await page.goto(`${server.baseUrl}/admin/customers/${tenantId}`);
    const section = page.getByRole('region', { name: 'Metering gateway' });
    await section.waitFor();
    await section.getByRole('group', { name: 'OpenAI through the gateway' }).getByText('Set', { exact: true }).waitFor();
    await section.getByRole('group', { name: 'ElevenLabs through the gateway' }).getByText('Not set').waitFor();
    const calls = section.getByRole('group', { name: 'Gateway calls this month' });
    await calls.locator('.stat-value').filter({ hasText: intText(GATEWAY_CALLS) }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await screenshots(page, 'admin-customer-gateway');
    await calls.getByRole('link', { name: `${GATEWAY_CALLS} measured` }).click();
    await page.waitForURL((url) => url.pathname === '/admin/usage-logs' && url.searchParams.get('source') === 'GATEWAY');
    await page.getByText(`of ${intText(GATEWAY_CALLS)} calls`).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('the metering gateway in the portal', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ context, page, errors } = await newPage(browser));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    await signIn(page, server.baseUrl, 'portal', EMAIL, CUSTOMER_PASSWORD);
  });
  afterAll(() => context?.close());

  it('shows how to point the official SDKs at the gateway, with this page’s origin', async () => {
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Integrate' }).click();
    await page.getByRole('heading', { level: 1, name: 'Integrate' }).waitFor();
    const origin = new URL(page.url()).origin;
    expect(origin).toBe(server.baseUrl);
    const openaiUrl = `${origin}/gateway/openai/v1`;
    await page.getByText(openaiUrl, { exact: true }).waitFor();
    await page.getByText(`${origin}/gateway/elevenlabs`, { exact: true }).waitFor();
    const example = page.getByRole('figure', { name: 'OpenAI SDK (Node.js)' });
    expect(await example.locator('pre').innerText()).toContain(`baseURL: '${openaiUrl}'`);
    expect(await page.getByRole('figure', { name: 'ElevenLabs SDK (Node.js)' }).locator('pre').innerText()).toContain(
      `baseUrl: '${origin}/gateway/elevenlabs'`,
    );

    await page.getByRole('button', { name: 'Copy the OpenAI base URL' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(openaiUrl);
    await example.getByRole('button', { name: /^Copy/ }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`baseURL: '${openaiUrl}'`);

    await page.getByRole('link', { name: 'API keys' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Integrate' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshots(page, 'portal-integrate');
  });

  it('narrows Recent calls to the gateway’s calls with the Source filter', async () => {
    await page.goto(`${server.baseUrl}/portal/usage`);
    const recent = page.getByRole('region', { name: 'Recent calls' });
    await recent.getByRole('table').waitFor();
    await recent.getByLabel('Source').selectOption({ label: 'Gateway' });
    await page.waitForURL((url) => url.searchParams.get('source') === 'GATEWAY');
    const rows = recent.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(GATEWAY_CALLS);
    expect(await rows.locator('.source-tag').allTextContents()).toEqual(Array(GATEWAY_CALLS).fill('Gateway'));
    await recent.getByText(/Source Gateway only\./).waitFor();
    await screenshots(page, 'portal-recent-calls-gateway');
    expect(errors).toEqual([]);
  });
});
