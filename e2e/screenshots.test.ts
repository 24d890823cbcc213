import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  ADMIN_LOGIN,
  createApiKey,
  CUSTOMER_PASSWORD,
  launchBrowser,
  newPage,
  readmeScreenshot,
  signIn,
  startDemoServer,
  tenantsByName,
  type DemoServer,
} from './harness.js';

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');

/** A laptop-sized picture with `top` at the top of the viewport (screens that sit below the fold). */
async function screenshotFrom(top: Locator, name: string): Promise<void> {
  const page = top.page();
  await page.setViewportSize({ width: 1280, height: 800 });
  await top.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

// The README pictures (docs/screenshots/admin.png, portal.png, the end-user, statements, markup and margin pages) from the real apps with demo data.
// `UPDATE_SCREENSHOTS=1 pnpm exec vitest run --project e2e screenshots` rewrites them; ordinary
// runs skip this file (no server start), so the committed pictures change only on purpose.

let server: DemoServer;
let browser: Browser;
let adminToken: string;

async function api<T = any>(
  query: string,
  variables: Record<string, unknown>,
  token = adminToken,
): Promise<T> {
  const result = await server.gql<T>(query, variables, token);
  if (!result.data || result.errors) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** A round limit (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 or 8 × 10^n) at which `used` stands nearest `percent` %. */
function roundLimit(used: number, percent: number): number {
  const magnitude = 10 ** Math.floor(Math.log10((used * 100) / percent));
  const candidates = [0.75, 0.8, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10].map((step) => step * magnitude);
  const off = (limit: number) => Math.abs((used * 100) / limit - percent);
  return candidates.reduce((best, c) => (off(c) < off(best) ? c : best));
}

/** Quotas that put this month's use in telling places, then one call each so the alerts fire. */
async function stageQuotas(tenants: Map<string, string>): Promise<void> {
  const stage: [string, string, string, number][] = [
    ['Acme Corp', 'OPENAI', 'openaiTokenLimit', 84],
    ['Acme Corp', 'COST', 'monthlyCostLimitUsd', 45],
    ['Globex', 'SMARTFLO', 'smartfloMinuteLimit', 86],
    ['Umbrella Health', 'ELEVENLABS', 'elevenlabsCharacterLimit', 104],
  ];
  for (const [name, service, field, percent] of stage) {
    const tenantId = tenants.get(name)!;
    const { usageDashboard } = await api(
      `query($t: ID) { usageDashboard(tenantId: $t) { totalCostUsd services { service units } } }`,
      { t: tenantId },
    );
    const used =
      service === 'COST'
        ? Number(usageDashboard.totalCostUsd)
        : usageDashboard.services.find((s: { service: string }) => s.service === service).units;
    const limit = roundLimit(used, percent);
    await api(`mutation($t: ID!, $i: QuotaInput!) { setQuota(tenantId: $t, input: $i) { tenant { id } } }`, {
      t: tenantId,
      i: { [field]: service === 'COST' ? String(limit) : limit },
    });
  }
  for (const [name, service] of [
    ['Acme Corp', 'OPENAI'],
    ['Globex', 'SMARTFLO'],
    ['Umbrella Health', 'ELEVENLABS'],
  ] as const) {
    const key = await createApiKey(server, adminToken, tenants.get(name)!, 'Screenshots');
    const input = {
      OPENAI: { service, model: 'gpt-4o-mini', inputTokens: 900, outputTokens: 250 },
      SMARTFLO: { service, durationSeconds: 95 },
      ELEVENLABS: { service, model: 'eleven_turbo_v2', characters: 800 },
    }[service];
    await api(
      `mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate } }`,
      { i: { ...input, requestId: `screenshot-${name}` } },
      key,
    );
  }
}

describe.skipIf(process.env.UPDATE_SCREENSHOTS !== '1')('README screenshots', () => {
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    adminToken = await server.login(ADMIN_LOGIN.email, ADMIN_LOGIN.password);
    await stageQuotas(await tenantsByName(server, adminToken));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('writes docs/screenshots/admin.png and portal.png', async () => {
    const admin = await newPage(browser);
    await signIn(admin.page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
    await admin.page.getByRole('heading', { name: /Active alerts/ }).waitFor();
    await admin.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await readmeScreenshot(admin.page, 'admin');

    const portal = await newPage(browser);
    await signIn(portal.page, server.baseUrl, 'portal', 'acme@customer.example', CUSTOMER_PASSWORD);
    await portal.page.getByRole('region', { name: /^Total cost/ }).waitFor();
    await portal.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await readmeScreenshot(portal.page, 'portal');
  });

  it('writes docs/screenshots/admin-statements.png and portal-statements.png', async () => {
    const admin = await newPage(browser);
    await signIn(admin.page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
    // Last month: still OPEN (within its 35-day window), so each customer's row offers Finalize.
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    await admin.page.goto(`${server.baseUrl}/admin/statements?period=${lastMonth}`);
    await admin.page.getByRole('table', { name: 'Statements' }).locator('tbody tr').first().waitFor();
    await readmeScreenshot(admin.page, 'admin-statements');

    const portal = await newPage(browser);
    await signIn(portal.page, server.baseUrl, 'portal', 'acme@customer.example', CUSTOMER_PASSWORD);
    await portal.page.goto(`${server.baseUrl}/portal/statements`);
    await portal.page.getByRole('table', { name: 'Statements' }).locator('tbody tr').first().waitFor();
    await readmeScreenshot(portal.page, 'portal-statements');
  });

  it('writes docs/screenshots/admin-users.png and portal-users.png', async () => {
    const admin = await newPage(browser);
    await signIn(admin.page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
    await admin.page.goto(`${server.baseUrl}/admin/users`);
    const table = admin.page.getByRole('table', { name: 'End users of every customer' });
    await table.locator('tbody tr.eu-row').first().getByRole('button').click();
    await admin.page.locator('.eu-details table').nth(1).waitFor();
    await readmeScreenshot(admin.page, 'admin-users');

    const portal = await newPage(browser);
    await signIn(portal.page, server.baseUrl, 'portal', 'acme@customer.example', CUSTOMER_PASSWORD);
    await portal.page.getByRole('tab', { name: 'End users' }).click();
    const users = portal.page.getByRole('table', { name: 'Your end users' });
    await users.locator('tbody tr.eu-row').nth(1).getByRole('button').click();
    await portal.page.locator('.eu-details table').nth(1).waitFor();
    await screenshotFrom(portal.page.getByRole('tablist', { name: 'Usage details' }), 'portal-users');
  });

  it('writes docs/screenshots/admin-pricing-markups.png and admin-monthly-margins.png', async () => {
    const tenants = await tenantsByName(server, adminToken);
    const admin = await newPage(browser);
    await signIn(admin.page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
    // A scheduled change beside the demo's 20 %, as an admin would plan one.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await api(`mutation($i: TenantPricingInput!) { setTenantPricing(input: $i) { markupPercent } }`, {
      i: { tenantId: tenants.get('Globex'), markupPercent: '22.5', effectiveFrom: `${tomorrow}T00:00:00.000Z` },
    });
    await admin.page.goto(`${server.baseUrl}/admin/pricing?markupTenant=${tenants.get('Globex')}`);
    const section = admin.page.getByRole('region', { name: 'Customer markups' });
    await section.getByRole('table', { name: 'Markup history' }).locator('tbody tr').nth(1).waitFor();
    await section.getByLabel('Markup (%)').fill('25');
    await screenshotFrom(section, 'admin-pricing-markups');

    await admin.page.goto(`${server.baseUrl}/admin/`);
    await admin.page.getByRole('table', { name: 'Margin of Globex' }).waitFor();
    await screenshotFrom(admin.page.getByRole('navigation', { name: 'Usage views' }), 'admin-monthly-margins');
  });
});
