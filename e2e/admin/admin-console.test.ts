import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_LOGIN,
  axeProblems,
  createApiKey,
  CUSTOMER_PASSWORD,
  DESKTOP,
  intText,
  launchBrowser,
  newPage,
  PHONE,
  screenshots,
  startDemoServer,
  tenantsByName,
  usdLike,
  type DemoServer,
} from '../harness.js';

// The admin console (issue 5) driven in Chromium against the built server with demo data.
// The tests run in order on one signed-in page: later ones build on the state earlier ones made.

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let adminToken: string;
let tenants: Map<string, string>;

const currentPeriod = () => new Date().toISOString().slice(0, 7);
const app = (path = '') => `${server.baseUrl}/admin/${path}`;

const api = <T = any>(query: string, variables: Record<string, unknown> = {}, token = adminToken) =>
  server.data<T>(query, variables, token);

/** Every matching log's requestId, paged through the API the way a client would. */
async function allRequestIds(filter: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { usageLogs }: any = await api(
      `query($f: UsageLogFilter, $a: String) { usageLogs(filter: $f, first: 200, after: $a) { nodes { requestId } pageInfo { hasNextPage endCursor } } }`,
      { f: filter, a: after },
    );
    ids.push(...usageLogs.nodes.map((n: { requestId: string }) => n.requestId));
    if (!usageLogs.pageInfo.hasNextPage) return ids;
    after = usageLogs.pageInfo.endCursor;
  }
}

function statValue(label: string) {
  return page.locator('.stat-card', { has: page.getByText(label, { exact: false }) }).locator('.stat-value');
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
  adminToken = await server.login(ADMIN_LOGIN.email, ADMIN_LOGIN.password);
  tenants = await tenantsByName(server, adminToken);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('admin console', () => {
  it('turns a customer away, then signs the admin in with the keyboard alone', async () => {
    await page.goto(app());
    await page.waitForURL(/\/admin\/sign-in$/);
    await page.getByRole('heading', { name: 'Admin sign in' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // A customer's account is turned away with a pointer to the portal, not a blank console.
    await page.getByLabel('Email').fill('acme@customer.example');
    await page.getByLabel('Password').fill(CUSTOMER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'This console is for platform admins' }).waitFor();
    await page.getByLabel('Email').fill('');
    await page.getByLabel('Password').fill('');

    await page.getByLabel('Email').focus();
    await page.keyboard.type(ADMIN_LOGIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN_LOGIN.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Usage Monitoring' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/?$/);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    // The first Tab stop skips the navigation; following it lands in the main landmark.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('shows the overview numbers the API returns', async () => {
    const { overview } = await api(
      `query($p: String) { overview(period: $p) { customerCount totalCostUsd totalApiCalls activeAlertCount } }`,
      { p: currentPeriod() },
    );
    await expect.poll(() => statValue('Total customers').textContent()).toBe(intText(overview.customerCount));
    const cost = (await statValue('Total cost').textContent())!;
    expect(cost).toBe(usdLike(overview.totalCostUsd, cost));
    expect(await statValue('Total API calls').textContent()).toBe(intText(overview.totalApiCalls));
    expect(await statValue('Active alerts').textContent()).toBe(intText(overview.activeAlertCount));
    expect(overview.customerCount).toBe(tenants.size);
  });

  it('shows a new alert live, without a reload', async () => {
    const tenantId = tenants.get('Initech')!;
    const before = (await api(`{ overview { activeAlertCount } }`)).overview.activeAlertCount;
    const { usageDashboard } = await api(
      `query($t: ID) { usageDashboard(tenantId: $t) { services { service units } } }`,
      { t: tenantId },
    );
    const tokens =
      usageDashboard.services.find((s: { service: string }) => s.service === 'OPENAI')?.units ?? 0;
    // Just above this month's use: the next call passes both the 80 % mark and the limit.
    await api(
      `mutation($t: ID!, $i: QuotaInput!) { setQuota(tenantId: $t, input: $i) { openaiTokenLimit } }`,
      { t: tenantId, i: { openaiTokenLimit: Math.ceil(tokens) + 1000 } },
    );
    const key = await createApiKey(server, adminToken, tenantId, 'e2e live alert');
    const recorded = await api(
      `mutation($i: RecordUsageInput!) { recordUsage(input: $i) { alerts { type } } }`,
      {
        i: {
          service: 'OPENAI',
          model: 'gpt-4o-mini',
          inputTokens: 2000,
          outputTokens: 100,
          requestId: `e2e-live-${Date.now()}`,
        },
      },
      key,
    );
    expect(recorded.recordUsage.alerts.map((a: { type: string }) => a.type).sort()).toEqual([
      'QUOTA_APPROACHING',
      'QUOTA_EXCEEDED',
    ]);

    await page
      .getByRole('status')
      .filter({ hasText: 'New alert · Initech' })
      .first()
      .waitFor({ timeout: 10_000 });
    await expect
      .poll(() => statValue('Active alerts').textContent(), { timeout: 10_000 })
      .toBe(intText(before + 2));
    await page.getByRole('heading', { name: /Active alerts/ }).waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: /^Acknowledge .* alert for Initech$/ }).count())
      .toBe(2);
  });

  it('acknowledges an alert and the count drops', async () => {
    const active = Number(await statValue('Active alerts').textContent());
    await page.getByRole('button', { name: 'Acknowledge quota exceeded alert for Initech' }).click();
    await page.getByRole('status').filter({ hasText: 'Alert acknowledged' }).waitFor();
    await expect.poll(() => statValue('Active alerts').textContent()).toBe(intText(active - 1));
    await expect
      .poll(() => page.getByRole('button', { name: /^Acknowledge .* alert for Initech$/ }).count())
      .toBe(1);
    const { alerts } = await api(`query($t: ID) { alerts(tenantId: $t) { type status acknowledgedBy } }`, {
      t: tenants.get('Initech'),
    });
    expect(alerts.find((a: { type: string }) => a.type === 'QUOTA_EXCEEDED')).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedBy: ADMIN_LOGIN.email,
    });
    expect((await api(`{ overview { activeAlertCount } }`)).overview.activeAlertCount).toBe(active - 1);
  });

  it('filters recent activity by service, in a URL that can be shared and walked back', async () => {
    await page.getByRole('link', { name: 'Recent Activity' }).click();
    await page.waitForURL(/\?tab=activity$/);
    await page.getByRole('button', { name: 'Smartflo', exact: true }).click();
    await page.waitForURL(/tab=activity&service=SMARTFLO$/);
    const { usageLogs } = await api(
      `{ usageLogs(filter: { service: SMARTFLO }, first: 50) { nodes { id } } }`,
    );
    const table = page.getByRole('table', { name: 'Recent API calls' });
    // Wait on the content, not only the row count: the unfiltered first page can have just as
    // many rows as the filtered one, and is still on screen until the filtered answer arrives.
    const serviceTags = () =>
      table.locator('tbody tr td:nth-child(3) .service-tag').allTextContents();
    await expect.poll(async () => [...new Set(await serviceTags())]).toEqual(['Smartflo']);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(usageLogs.nodes.length);

    // The URL alone restores the view (shareable) ...
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await other.getByRole('button', { name: 'Smartflo', exact: true, pressed: true }).waitFor();
    await other.close();
    // ... and Back walks the filter, then the tab.
    await page.goBack();
    await page.getByRole('button', { name: 'All', exact: true, pressed: true }).waitFor();
    expect(new URL(page.url()).search).toBe('?tab=activity');
    await page.goBack();
    await page
      .getByRole('link', { name: 'Monthly Summaries' })
      .and(page.locator('[aria-current="page"]'))
      .waitFor();
    expect(new URL(page.url()).search).toBe('');
  });

  it('searches customers by name', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    const rows = page.getByRole('table', { name: 'Customers' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(tenants.size);
    await page.getByLabel('Search customers by name').fill('glob');
    await page.waitForURL(/\?q=glob$/);
    await expect.poll(() => rows.allTextContents()).toHaveLength(1);
    expect(await rows.locator('td').first().textContent()).toBe('Globex');
    const { tenants: matches } = await api(`{ tenants(search: "glob") { name } }`);
    expect(matches.map((t: { name: string }) => t.name)).toEqual(['Globex']);
  });

  it('sets a quota and shows its standing', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotas' }).click();
    const opener = page.getByRole('button', { name: 'Set limits for Soylent Foods' });
    const dialog = page.getByRole('dialog', { name: 'Limits for Soylent Foods' });
    // The dialog by keyboard: focus moves in, Escape closes it, focus returns to its button.
    await opener.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('openaiTokenLimit');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);

    await opener.click();
    await dialog.getByLabel('Monthly cost (USD)').fill('25.50');
    await dialog.getByLabel('Alert at (% of each limit)').fill('75');
    await dialog.getByRole('button', { name: 'Save limits' }).click();
    await page.getByRole('status').filter({ hasText: 'Limits for Soylent Foods saved' }).waitFor();
    await dialog.waitFor({ state: 'detached' });

    const { quota } = await api(
      `query($t: ID) { quota(tenantId: $t) { monthlyCostLimitUsd alertAtPercentage openaiTokenLimit } }`,
      { t: tenants.get('Soylent Foods') },
    );
    expect(quota).toEqual({ monthlyCostLimitUsd: '25.5', alertAtPercentage: 75, openaiTokenLimit: null });
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Soylent Foods' }) });
    await row.getByRole('progressbar', { name: 'Monthly cost' }).waitFor();
    expect(await row.getByRole('button', { name: 'Edit limits for Soylent Foods' }).count()).toBe(1);
    expect(await row.textContent()).toContain('Alerts at 75%');
  });

  it('creates an API key that records usage', async () => {
    await page.goto(app(`customers/${tenants.get('Wayne Logistics')}?tab=keys`));
    await page.getByRole('heading', { name: 'Integrator API keys' }).waitFor();
    await page.getByLabel('Key name').fill('Warehouse backend');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secretBox = page.getByRole('dialog', { name: 'New API key “Warehouse backend”' });
    const key = (await secretBox.getByLabel('The new API key').textContent())!;
    expect(key).toMatch(/^um_/);

    // The shown secret is real: it authenticates recordUsage for this tenant.
    const recorded = await api(
      `mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate log { tenant { name } } } }`,
      {
        i: {
          service: 'OPENAI',
          model: 'gpt-4o',
          inputTokens: 10,
          outputTokens: 5,
          requestId: `e2e-key-${Date.now()}`,
        },
      },
      key,
    );
    expect(recorded.recordUsage).toEqual({ duplicate: false, log: { tenant: { name: 'Wayne Logistics' } } });

    await secretBox.getByRole('button', { name: 'I have stored it' }).click();
    await secretBox.waitFor({ state: 'detached' });
    const row = page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row')
      .filter({ hasText: 'Warehouse backend' });
    expect(await row.locator('code').textContent()).toBe(`${key.slice(0, 12)}…${key.slice(-4)}`);
    expect(await page.getByText(key).count()).toBe(0);
  });

  it('exports the filtered usage logs as CSV', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Usage Logs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usage Logs' }).waitFor();
    const now = new Date();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
      .toISOString()
      .slice(0, 10);
    await page.getByLabel('Customer').selectOption({ label: 'Acme Corp' });
    await page.getByLabel('Service').selectOption({ label: 'ElevenLabs' });
    await page.getByLabel('From (UTC)').fill(from);
    await page.waitForURL(
      (url) =>
        url.searchParams.get('service') === 'ELEVENLABS' &&
        url.searchParams.has('tenant') &&
        url.searchParams.get('from') === from,
    );
    const filter = {
      tenantId: tenants.get('Acme Corp'),
      service: 'ELEVENLABS',
      from: `${from}T00:00:00.000Z`,
    };
    const { usageLogs } = await api(
      `query($f: UsageLogFilter) { usageLogs(filter: $f, first: 1) { totalCount } }`,
      { f: filter },
    );
    await page.getByText(`of ${intText(usageLogs.totalCount)} calls`).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`usage-${from}_to_now-elevenlabs.csv`);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    const header = lines[0]!.split(',');
    const rows = lines
      .slice(1)
      .map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])));
    // The same calls as the API lists, one row each.
    const listed = await allRequestIds(filter);
    expect(rows).toHaveLength(usageLogs.totalCount);
    expect(rows.map((r) => r.request_id).sort()).toEqual(listed.sort());
    expect(new Set(rows.map((r) => `${r.tenant}/${r.service}`))).toEqual(new Set(['Acme Corp/ELEVENLABS']));
    expect(rows.every((r) => r.occurred_at! >= filter.from)).toBe(true);
  });

  it('has no serious accessibility problems on any page, screenshotted at desktop and phone width', async () => {
    // Reached the way people do (the sidebar, a tab, a row link), which also skips a reload per page.
    const nav = (label: string) => () =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
    const pages: [string, () => Promise<void>, string][] = [
      ['monitoring', () => page.goto(app()).then(() => undefined), 'Usage Monitoring'],
      [
        'monitoring-breakdown',
        () => page.getByRole('link', { name: 'Service Breakdown' }).click(),
        'Usage Monitoring',
      ],
      ['customers', nav('Customers'), 'Customers'],
      ['customer', () => page.getByRole('link', { name: 'Acme Corp' }).click(), 'Acme Corp'],
      ['quotas', nav('Quotas'), 'Quotas'],
      ['alerts', nav('Alerts'), 'Alerts'],
      ['usage-logs', nav('Usage Logs'), 'Usage Logs'],
      ['pricing', nav('Pricing'), 'Pricing'],
      ['audit', nav('Audit log'), 'Audit log'],
    ];
    const problems: string[] = [];
    for (const [name, open, heading] of pages) {
      await open();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page
        .locator('[aria-busy="true"], .skeleton')
        .first()
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => undefined);
      problems.push(...(await axeProblems(page)).map((p) => `${name}: ${p}`));
      await screenshots(page, `admin-${name}`);
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('has a phone menu that opens, closes with Escape or a tap outside, and navigates', async () => {
    await page.setViewportSize(PHONE);
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    await menu.click();
    await nav.getByRole('link', { name: 'Quotas' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    await menu.click();
    await page.mouse.click(PHONE.width - 20, PHONE.height / 2);
    await nav.waitFor({ state: 'hidden' });
    await menu.click();
    await nav.getByRole('link', { name: 'Quotas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quotas' }).waitFor();
    await nav.waitFor({ state: 'hidden' });
    await page.setViewportSize(DESKTOP);
  });

  it('pages monthly summaries in the server order, showing more on demand', async () => {
    // More customers with usage than one page holds (24), with costs that tie in pairs.
    const created = await Promise.all(
      Array.from({ length: 26 }, (_, i) =>
        api(`mutation($n: String!) { createTenant(input: { name: $n }) { id } }`, { n: `Paging ${String(i).padStart(2, '0')}` }),
      ),
    );
    await api(`mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }`, {
      i: created.map(({ createTenant }: { createTenant: { id: string } }, i: number) => ({
        tenantId: createTenant.id,
        service: 'SMARTFLO',
        durationSeconds: 60 * (1 + Math.floor(i / 2)),
        requestId: `paging-${i}`,
      })),
    });
    const listing = async (orderBy: string) => {
      const names: string[] = [];
      let after: string | null = null;
      for (;;) {
        const { monthlySummaryPage: page }: any = await api(
          `query($o: MonthlySummaryOrder, $a: String) { monthlySummaryPage(orderBy: $o, first: 100, after: $a) { nodes { tenant { name } } pageInfo { hasNextPage endCursor } totalCount } }`,
          { o: orderBy, a: after },
        );
        names.push(...page.nodes.map((n: { tenant: { name: string } }) => n.tenant.name));
        if (!page.pageInfo.hasNextPage) return names;
        after = page.pageInfo.endCursor;
      }
    };
    await page.goto(app());
    const cards = page.locator('article.summary-card');
    const names = () => cards.locator('h3').allTextContents();
    const byCost = await listing('TOTAL_COST_DESC');
    expect(byCost.length).toBeGreaterThan(24);
    await expect.poll(() => cards.count()).toBe(24);
    expect(await names()).toEqual(byCost.slice(0, 24));
    await page.getByText(`Showing 24 of ${byCost.length} customers`).waitFor();
    await page.getByRole('button', { name: `Show ${Math.min(24, byCost.length - 24)} more` }).click();
    await expect.poll(names).toEqual(byCost.slice(0, 48));
    await page.getByText(/live refresh paused/).waitFor();
    // Another order is the server's too, from its first page again.
    await page.getByLabel('Sort by').selectOption('name');
    await page.waitForURL(/sort=name/);
    const byName = await listing('TENANT_NAME_ASC');
    await expect.poll(names).toEqual(byName.slice(0, 24));
    expect(await page.getByText(/live refresh paused/).count()).toBe(0);
  });

  it('sends a revoked session back to sign-in with a notice', async () => {
    // The session cookie's value is the session token: ended here through the API, as another
    // device would end it from the Sessions list.
    const token = (await context.cookies(server.baseUrl)).find((c) => c.name === 'um_admin_session')?.value;
    expect((await server.gql('mutation { logout }', {}, token!)).data).toEqual({ logout: true });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('heading', { name: 'Admin sign in' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Your session has expired' }).waitFor();
    // The page dropped the readable CSRF cookie: a reload knows it is signed out without asking.
    expect(await page.evaluate(() => document.cookie)).not.toContain('um_admin_csrf=');
  });
});
