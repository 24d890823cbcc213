import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, CUSTOMER_PASSWORD, intText, launchBrowser, newPage, screenshots, signIn, startDemoServer, usdLike, type DemoServer } from '../harness.js';

// The portal's End users tab, as the Acme Corp customer, against the built server with demo data.

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let token: string;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
  token = await server.login('acme@customer.example', CUSTOMER_PASSWORD);
  await signIn(page, server.baseUrl, 'portal', 'acme@customer.example', CUSTOMER_PASSWORD);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('customer portal: end users', () => {
  it('lists only its own end users and opens one on its recent calls', async () => {
    const { endUsers } = await server.data(
      `{ endUsers(input: { days: 30, first: 25 }) { totalCount nodes { endUser totalCostUsd tenant { name } } } }`,
      {},
      token,
    );
    expect(new Set(endUsers.nodes.map((n: { tenant: { name: string } }) => n.tenant.name))).toEqual(new Set(['Acme Corp']));
    await page.getByRole('tab', { name: 'End users' }).click();
    await page.waitForURL(/tab=users/);
    const table = page.getByRole('table', { name: 'Your end users' });
    await table.waitFor();
    await page.getByText(`of ${intText(endUsers.totalCount)} end users · last 30 days`, { exact: false }).waitFor();
    const first = table.locator('tbody tr.eu-row').first();
    expect(await first.locator('th').textContent()).toContain(endUsers.nodes[0].endUser);
    const cost = (await first.locator('td.money').textContent())!;
    expect(cost).toBe(usdLike(endUsers.nodes[0].totalCostUsd, cost));

    await first.getByRole('button').click();
    const calls = page.getByRole('table', { name: `Recent calls of ${endUsers.nodes[0].endUser}` });
    await calls.waitFor();
    expect(await calls.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await axeProblems(page)).toEqual([]);
    await screenshots(page, 'portal-end-users');
  });

  it('narrows the daily chart and the CSV export to one end user', async () => {
    const { endUsers } = await server.data(`{ endUsers(input: { days: 30, first: 1 }) { nodes { endUser } } }`, {}, token);
    const endUser = endUsers.nodes[0].endUser;
    await page.getByRole('tab', { name: 'Current month' }).click();
    const filter = page.getByLabel('End user', { exact: true }).first();
    await filter.fill(endUser);
    await filter.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('user') === endUser);
    await page.getByRole('heading', { name: `Daily cost this month · ${endUser}` }).waitFor();
    const { usageTimeSeries } = await server.data(
      `query($u: String) { usageTimeSeries(input: { days: 30, endUser: $u }) { totalCostUsd } }`,
      { u: endUser },
      token,
    );
    const shown = page.locator('.eu-rates strong').first();
    await expect.poll(async () => shown.textContent()).toBe(usdLike(usageTimeSeries.totalCostUsd, (await shown.textContent())!));
    await page.getByText(`Only ${endUser}'s calls.`).waitFor();
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().includes('/export/usage.csv')),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const url = new URL(request.url());
    expect(url.searchParams.get('endUser')).toBe(endUser);
    expect(url.searchParams.has('tenantId')).toBe(false);
    expect(errors).toEqual([]);
  });
});
