import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_LOGIN,
  axeProblems,
  intText,
  launchBrowser,
  newPage,
  screenshots,
  signIn,
  startDemoServer,
  tenantsByName,
  usdLike,
  type DemoServer,
} from '../harness.js';

// End users in the admin console, driven in Chromium against the built server with demo data
// (every demo tenant has a long tail of end users). The tests share one signed-in page.

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let adminToken: string;
let tenants: Map<string, string>;

const app = (path = '') => `${server.baseUrl}/admin/${path}`;
const api = <T = any>(query: string, variables: Record<string, unknown> = {}) => server.data<T>(query, variables, adminToken);

const TOP = `query($i: EndUsersInput!) { endUsers(input: $i) { totalCount nodes { endUser totalCostUsd apiCalls tenant { id name } } } }`;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
  adminToken = await server.login(ADMIN_LOGIN.email, ADMIN_LOGIN.password);
  tenants = await tenantsByName(server, adminToken);
  await signIn(page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('admin console: end users', () => {
  it('shows active users this month against last month', async () => {
    const period = new Date().toISOString().slice(0, 7);
    const { overview } = await api(`query($p: String) { overview(period: $p) { activeEndUsers } }`, { p: period });
    expect(overview.activeEndUsers).toBeGreaterThan(0);
    const card = page.locator('.stat-card', { has: page.getByText('Active users') });
    await expect.poll(() => card.locator('.stat-value').textContent()).toBe(intText(overview.activeEndUsers));
    expect(await card.locator('.stat-trend').textContent()).toMatch(/vs [\d,]+ in /);
  });

  it('ranks the top users across tenants on the Service Breakdown tab', async () => {
    const { endUsers } = await api(TOP, { i: { orderBy: 'COST_DESC', days: 30, first: 10 } });
    await page.goto(app('?tab=breakdown'));
    const table = page.getByRole('table', { name: 'Top 10 end users by cost, last 30 days' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(10);
    const first = rows.first();
    expect(await first.locator('th').textContent()).toBe(endUsers.nodes[0].endUser);
    expect(await first.getByRole('link', { name: endUsers.nodes[0].tenant.name, exact: true }).count()).toBe(1);
    const cost = (await first.locator('td.money').textContent())!;
    expect(cost).toBe(usdLike(endUsers.nodes[0].totalCostUsd, cost));
  });

  it('filters the trends to one end user of the chosen customer', async () => {
    const tenantId = tenants.get('Acme Corp')!;
    const { endUsers } = await api(TOP, { i: { tenantId, orderBy: 'COST_DESC', days: 30, first: 1 } });
    const endUser = endUsers.nodes[0].endUser;
    const series = async (u?: string) =>
      (await api(`query($i: UsageTimeSeriesInput!) { usageTimeSeries(input: $i) { totalCostUsd } }`, { i: { days: 30, tenantId, endUser: u } }))
        .usageTimeSeries.totalCostUsd as string;
    const charts = page.getByRole('region', { name: 'Trends' }).or(page.locator('section[aria-labelledby="charts-heading"]'));
    const filter = charts.getByLabel('End user', { exact: true });
    expect(await filter.isDisabled()).toBe(true);
    await charts.getByLabel('Customer').selectOption(tenantId);
    await page.waitForURL(/customer=/);
    const total = charts.locator('.comparison strong').first();
    const tenantTotal = await series();
    await expect.poll(async () => total.textContent()).toBe(usdLike(tenantTotal, (await total.textContent())!));

    await filter.fill(endUser);
    await filter.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('user') === endUser);
    const userTotal = await series(endUser);
    expect(userTotal).not.toBe(tenantTotal);
    await expect.poll(async () => total.textContent()).toBe(usdLike(userTotal, (await total.textContent())!));
    await charts.getByText(`Cost, last 30 days · ${endUser}`).waitFor();
    await charts.getByText('Cost per call').waitFor();
    await charts.getByText('Daily average').waitFor();
  });

  it('lists every tenant’s end users with search, order, range and paging, and opens one on its calls', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'End users' }).click();
    await page.getByRole('heading', { level: 1, name: 'End users' }).waitFor();
    const { endUsers: all } = await api(TOP, { i: { orderBy: 'COST_DESC', days: 30, first: 50 } });
    await page.getByText(`of ${intText(all.totalCount)} end users · last 30 days`, { exact: false }).waitFor();
    const table = page.getByRole('table', { name: 'End users of every customer' });
    const firstRow = table.locator('tbody tr.eu-row').first();
    expect(await firstRow.locator('th').textContent()).toContain(all.nodes[0].endUser);

    await page.getByRole('button', { name: 'Next →' }).click();
    await page.getByText('Showing 51–', { exact: false }).waitFor();
    await page.getByRole('button', { name: '← Previous' }).click();
    await page.getByText('Showing 1–', { exact: false }).waitFor();

    const target = all.nodes[3];
    await page.getByLabel('Search end users').fill(target.endUser);
    await page.waitForURL((url) => url.searchParams.get('q') === target.endUser);
    await page.getByRole('button', { name: '90 days' }).click();
    await page.getByLabel('Sort by').selectOption('CALLS_DESC');
    await page.waitForURL(/range=90/);
    const { endUsers: found } = await api(TOP, { i: { search: target.endUser, orderBy: 'CALLS_DESC', days: 90, first: 50 } });
    await expect.poll(() => table.locator('tbody tr.eu-row').count()).toBe(found.nodes.length);

    const { usageLogs } = await api(
      `query($f: UsageLogFilter) { usageLogs(filter: $f, first: 10) { totalCount nodes { costUsd } } }`,
      { f: { tenantId: target.tenant.id, endUser: target.endUser } },
    );
    await table.getByRole('button', { name: target.endUser, exact: true }).first().click();
    const calls = page.getByRole('table', { name: `Recent calls of ${target.endUser}` });
    await calls.waitFor();
    await expect.poll(() => calls.locator('tbody tr').count()).toBe(usageLogs.nodes.length);
    const cost = (await calls.locator('tbody tr').first().locator('td.num').textContent())!;
    expect(cost).toBe(usdLike(usageLogs.nodes[0].costUsd, cost));
    expect(await axeProblems(page)).toEqual([]);
    await screenshots(page, 'admin-end-users');
    expect(errors).toEqual([]);
  });
});
