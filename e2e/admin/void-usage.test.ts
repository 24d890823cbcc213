import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_LOGIN,
  axeProblems,
  createApiKey,
  launchBrowser,
  newPage,
  sameDecimal,
  screenshots,
  signIn,
  startDemoServer,
  subtractDecimal,
  tenantsByName,
  usdLike,
  type DemoServer,
} from '../harness.js';

// Corrections (issue 23): an admin voids a wrongly recorded event from Usage Logs, in Chromium
// against the built server with demo data; the month's totals drop by exactly its cost.

const TENANT = 'Acme Corp';
const END_USER = 'e2e-void-user';
const REASON = 'Recorded twice by a retrying client';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let adminToken: string;
let tenantId: string;
let recorded: { id: string; costUsd: string; occurredAt: string };

const period = () => new Date().toISOString().slice(0, 7);
const api = <T = any>(query: string, variables: Record<string, unknown> = {}) =>
  server.data<T>(query, variables, adminToken);

/** The month's totals, platform-wide and for the tenant, as exact Decimal strings. */
async function totals(): Promise<{
  overview: string;
  overviewCalls: number;
  tenant: string;
  tenantCalls: number;
}> {
  const data = await api(
    `query($p: String, $t: ID) {
       overview(period: $p) { totalCostUsd totalApiCalls }
       usageDashboard(period: $p, tenantId: $t) { totalCostUsd totalApiCalls }
     }`,
    { p: period(), t: tenantId },
  );
  return {
    overview: data.overview.totalCostUsd,
    overviewCalls: data.overview.totalApiCalls,
    tenant: data.usageDashboard.totalCostUsd,
    tenantCalls: data.usageDashboard.totalApiCalls,
  };
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
  adminToken = await server.login(ADMIN_LOGIN.email, ADMIN_LOGIN.password);
  tenantId = (await tenantsByName(server, adminToken)).get(TENANT)!;
  // The event to correct: recorded like an integration would, with its own end user so its row is easy to find.
  const key = await createApiKey(server, adminToken, tenantId, 'e2e void');
  const result = await server.data(
    `mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate log { id costUsd occurredAt pricingStatus } } }`,
    {
      i: {
        service: 'OPENAI',
        model: 'gpt-4o',
        inputTokens: 12_345,
        outputTokens: 6_789,
        endUser: END_USER,
        requestId: `e2e-void-${Date.now()}`,
      },
    },
    key,
  );
  recorded = result.recordUsage.log;
  expect(result.recordUsage.log.pricingStatus).toBe('PRICED');
  await signIn(page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('admin console: voiding an event', () => {
  it('voids an event from Usage Logs with a reason, and the month’s totals drop by exactly its cost', async () => {
    const before = await totals();
    expect(sameDecimal(recorded.costUsd, '0')).toBe(false);

    await page.goto(`${server.baseUrl}/admin/usage-logs?tenant=${tenantId}&user=${END_USER}`);
    const row = page
      .getByRole('table', { name: 'Usage logs' })
      .getByRole('row')
      .filter({ hasText: END_USER });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: /^Void the OpenAI call of Acme Corp at / }).click();

    // The confirmation says exactly what is voided: customer, service, cost to the last digit.
    const dialog = page.getByRole('dialog', { name: 'Void this event?' });
    await dialog.waitFor();
    const summary = (await dialog.locator('dl').innerText()).replace(/\s+/g, ' ');
    expect(summary).toContain(`Customer ${TENANT}`);
    expect(summary).toContain('Service OpenAI · gpt-4o');
    const shownCost = (await dialog.locator('dd.money').textContent())!;
    expect(sameDecimal(shownCost.replace(/[$,]/g, ''), recorded.costUsd)).toBe(true);
    expect(await axeProblems(page)).toEqual([]);

    // No reason, no void: the field says so and nothing was sent.
    await dialog.getByRole('button', { name: 'Void this event' }).click();
    await dialog.getByText('Say why this event should not count').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await totals()).toEqual(before);

    await page.keyboard.type(REASON);
    await dialog.getByRole('button', { name: 'Void this event' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: `no longer counts` }).waitFor();

    // The row stays, struck through, saying who, when and why; it offers no second void.
    await expect.poll(() => row.getAttribute('class')).toContain('row-voided');
    const costCell = row.locator('td.num');
    expect(await costCell.evaluate((td) => getComputedStyle(td).textDecorationLine)).toBe('line-through');
    expect(await row.locator('.voided-note .cell-note').textContent()).toMatch(
      new RegExp(`^Voided by ${ADMIN_LOGIN.email} at .+: ${REASON}$`),
    );
    expect(await row.getByRole('button', { name: /^Void/ }).count()).toBe(0);
    await screenshots(page, 'admin-usage-logs-voided');

    const after = await totals();
    // Compared as exact decimals (BigInt), whatever trailing zeros the server writes.
    const expected = {
      overview: subtractDecimal(before.overview, recorded.costUsd),
      tenant: subtractDecimal(before.tenant, recorded.costUsd),
    };
    expect(
      sameDecimal(after.overview, expected.overview),
      `overview ${after.overview}, expected ${expected.overview}`,
    ).toBe(true);
    expect(
      sameDecimal(after.tenant, expected.tenant),
      `${TENANT} ${after.tenant}, expected ${expected.tenant}`,
    ).toBe(true);
    expect(after.overviewCalls).toBe(before.overviewCalls - 1);
    expect(after.tenantCalls).toBe(before.tenantCalls - 1);

    const { usageLogs } = await api(
      `query($f: UsageLogFilter) { usageLogs(filter: $f) { nodes { id voidedAt voidReason voidedBy } } }`,
      {
        f: { tenantId, endUser: END_USER },
      },
    );
    expect(usageLogs.nodes).toEqual([
      { id: recorded.id, voidedAt: expect.any(String), voidReason: REASON, voidedBy: ADMIN_LOGIN.email },
    ]);
  });

  it('shows the lower total on the overview, not the one cached before the void', async () => {
    const { overview } = await totals();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Usage Monitoring' })
      .click();
    const stat = page
      .locator('.stat-card', { has: page.getByText('Total cost', { exact: false }) })
      .locator('.stat-value');
    await expect
      .poll(async () => {
        const text = (await stat.textContent()) ?? '';
        return text === usdLike(overview, text);
      })
      .toBe(true);
    expect(errors).toEqual([]);
  });
});
