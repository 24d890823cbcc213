import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_LOGIN, axeProblems, launchBrowser, newPage, screenshots, signIn, startDemoServer, tenantsByName, usdLike, type DemoServer } from '../harness.js';

// Reseller pricing (issue 20): an admin sets a customer's markup on the pricing page, with errors
// shown at their fields, and sees provider cost and margin on Monthly Summaries and the customer
// page, in Chromium against the built server with demo data (Globex resells at 20 %).

const TENANT = 'Globex';
let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let adminToken: string;
let tenantId: string;

const period = () => new Date().toISOString().slice(0, 7);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
  adminToken = await server.login(ADMIN_LOGIN.email, ADMIN_LOGIN.password);
  tenantId = (await tenantsByName(server, adminToken)).get(TENANT)!;
  await signIn(page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('admin console: markups and margins', () => {
  it('sets a markup from a date on the pricing page, refusing bad input at its field, and lists the history', async () => {
    await page.goto(`${server.baseUrl}/admin/pricing?markupTenant=${tenantId}`);
    const section = page.getByRole('region', { name: 'Customer markups' });
    const history = section.getByRole('table', { name: 'Markup history' });
    await history.waitFor();
    // The demo's markup, in force since the start of Globex's history.
    expect((await history.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ')).toMatch(/^20 % .+ In force/);

    const form = section.getByRole('form', { name: 'Set a markup' });
    const markup = form.getByLabel('Markup (%)');
    const from = form.getByLabel('Effective from (UTC day)');
    // Client check: more than 6 decimals.
    await markup.fill('1.1234567');
    await form.getByRole('button', { name: 'Set markup' }).click();
    await form.getByText('Use at most 6 decimals.').waitFor();
    expect(await markup.getAttribute('aria-invalid')).toBe('true');
    // Server check: a start before calls already counted would reprice them.
    await markup.fill('25');
    await from.fill(`${period()}-01`);
    await form.getByRole('button', { name: 'Set markup' }).click();
    await form.getByText(/would reprice events already counted/).waitFor();
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    const still = (await server.data(`query($t: ID!) { tenantPricing(tenantId: $t, history: true) { markupPercent } }`, { t: tenantId }, adminToken)).tenantPricing;
    expect(still).toEqual([{ markupPercent: '20' }]);
    expect(await axeProblems(page)).toEqual([]);

    await from.fill(tomorrow());
    await form.getByRole('button', { name: 'Set markup' }).click();
    await page.getByRole('status').filter({ hasText: `Markup of 25 % set from ${tomorrow()}` }).waitFor();
    await expect.poll(async () => (await history.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ')).toMatch(/^25 % .+ Scheduled/);
    expect((await history.locator('tbody tr').nth(1).innerText()).replace(/\s+/g, ' ')).toMatch(/^20 % .+ In force/);
    const saved = (await server.data(`query($t: ID!) { tenantPricing(tenantId: $t) { markupPercent effectiveFrom inForce } }`, { t: tenantId }, adminToken)).tenantPricing;
    expect(saved).toEqual([
      { markupPercent: '25', effectiveFrom: `${tomorrow()}T00:00:00.000Z`, inForce: false },
      { markupPercent: '20', effectiveFrom: expect.any(String), inForce: true },
    ]);
    await screenshots(page, 'admin-pricing-markups');
  });

  it('shows provider cost and margin on Monthly Summaries and the customer page, equal to the API', async () => {
    const { monthlySummaries } = await server.data(
      `query($p: String) { monthlySummaries(period: $p, search: "Globex") { totalCostUsd providerCostUsd marginUsd marginPercent } }`,
      { p: period() },
      adminToken,
    );
    const month = monthlySummaries[0];
    expect(month.marginPercent).toBe('20');
    await page.goto(`${server.baseUrl}/admin/?q=Globex`);
    const card = page.getByRole('article', { name: TENANT });
    const margin = card.getByRole('table', { name: `Margin of ${TENANT}` });
    await margin.waitFor();
    const provider = (await margin.getByRole('row', { name: /Provider cost/ }).locator('td.money').innerText()).trim();
    expect(provider).toBe(usdLike(month.providerCostUsd, provider));
    const cells = margin.getByRole('row', { name: /Margin/ }).locator('td');
    expect((await cells.nth(0).innerText()).trim()).toBe('20 %');
    const marginText = (await cells.nth(1).innerText()).trim();
    expect(marginText).toBe(usdLike(month.marginUsd, marginText));
    await screenshots(page, 'admin-monthly-margins');

    await page.goto(`${server.baseUrl}/admin/customers/${tenantId}`);
    const table = page.getByRole('table', { name: 'Usage over the last six months' });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(expect.arrayContaining(['Charged', 'Provider cost', 'Margin']));
    expect(await table.locator('tbody tr').last().innerText()).toContain('20 %');
    expect(await axeProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
