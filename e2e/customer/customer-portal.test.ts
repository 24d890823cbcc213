import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_LOGIN,
  axeProblems,
  colourFamily,
  createApiKey,
  CUSTOMER_PASSWORD,
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

// The customer portal (issue 6) driven in Chromium against the built server with demo data, as
// Acme Corp's user. The tests run in order on one signed-in page and build on each other.

const TENANT = 'Acme Corp';
const EMAIL = 'acme@customer.example';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let adminToken: string;
let customerToken: string;
let apiKey: string;
let tenantId: string;
let otherTenants: Map<string, string>;

const monthName = (period: string, month: 'long' | 'short' = 'long') =>
  new Date(`${period}-01T00:00:00.000Z`).toLocaleString('en-US', { month, year: 'numeric', timeZone: 'UTC' });

const api = <T = any>(query: string, variables: Record<string, unknown> = {}, token = customerToken) =>
  server.data<T>(query, variables, token);

/** Names of every other tenant found in the page's text: must stay empty. */
async function otherTenantNamesShown(): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [...otherTenants.keys()].filter((name) => text.includes(name));
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
  adminToken = await server.login(ADMIN_LOGIN.email, ADMIN_LOGIN.password);
  const tenants = await tenantsByName(server, adminToken);
  tenantId = tenants.get(TENANT)!;
  tenants.delete(TENANT);
  otherTenants = tenants;
  customerToken = await server.login(EMAIL, CUSTOMER_PASSWORD);
  apiKey = await createApiKey(server, adminToken, tenantId, 'e2e portal');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('customer portal', () => {
  it('refuses an admin account, then signs the customer in', async () => {
    await page.goto(`${server.baseUrl}/portal/`);
    await page.getByRole('heading', { name: 'Sign in to your usage portal' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshots(page, 'portal-sign-in');

    await page.getByLabel('Email').fill(ADMIN_LOGIN.email);
    await page.getByLabel('Password').fill(ADMIN_LOGIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'This portal is for customers' }).waitFor();

    await signIn(page, server.baseUrl, 'portal', EMAIL, CUSTOMER_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal/usage');
    expect(await page.getByRole('banner').innerText()).toContain(TENANT);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  });

  it('shows the total and every service card as the API reports them', async () => {
    const { usageDashboard: d } = await api(
      `{ usageDashboard { totalCostUsd totalApiCalls services { service units costUsd apiCalls } } }`,
    );
    const total = (await page.locator('.total-amount').textContent())!;
    expect(total).toBe(usdLike(d.totalCostUsd, total));
    expect(await page.getByRole('region', { name: /^Total cost/ }).innerText()).toContain(
      `${intText(d.totalApiCalls)} calls`,
    );

    const names = { OPENAI: 'OpenAI', ELEVENLABS: 'ElevenLabs', SMARTFLO: 'Smartflo' } as const;
    for (const s of d.services as {
      service: keyof typeof names;
      units: number;
      costUsd: string;
      apiCalls: number;
    }[]) {
      const card = page.getByRole('article', { name: names[s.service] });
      const value = (term: string) =>
        card
          .locator('div', { has: page.locator('dt', { hasText: term }) })
          .locator('dd')
          .textContent();
      const cost = (await value('Cost'))!;
      expect(cost, s.service).toBe(usdLike(s.costUsd, cost));
      expect(await value('Calls'), s.service).toBe(intText(s.apiCalls));
      const units = (await card.locator('dd').first().textContent())!;
      if (s.service === 'SMARTFLO') expect(Number(units.replace(/[^\d.]/g, ''))).toBeCloseTo(s.units, 2);
      else expect(units).toBe(`${intText(s.units)} ${s.service === 'OPENAI' ? 'tokens' : 'characters'}`);
    }
    expect(await page.getByRole('article').count()).toBe(3);
  });

  it('colours each quota bar by its band: OK, Notice, Warning, Critical', async () => {
    // One call per service first, so every metric has some use even in a month's first minutes.
    const warmUp = [
      { service: 'OPENAI', model: 'gpt-4o-mini', inputTokens: 120, outputTokens: 40 },
      { service: 'ELEVENLABS', model: 'eleven_multilingual_v2', characters: 300 },
      { service: 'SMARTFLO', durationSeconds: 42 },
    ].map((event, i) => ({ ...event, requestId: `e2e-warm-up-${i}-${Date.now()}` }));
    await api(
      `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }`,
      { i: warmUp },
      apiKey,
    );
    const { usageDashboard: d } = await api(`{ usageDashboard { totalCostUsd services { service units } } }`);
    const units = (service: string) =>
      d.services.find((s: { service: string }) => s.service === service).units as number;
    // Limits from this month's use, so each metric lands mid-band: 50 %, 70 %, 85 %, 95 %.
    const micros = BigInt(usdLike(d.totalCostUsd, '0.000000').replace(/[$,.]/g, ''));
    const costLimit = (micros * 100n + 94n) / 95n;
    const input = {
      openaiTokenLimit: Math.ceil(units('OPENAI') / 0.5),
      elevenlabsCharacterLimit: Math.ceil(units('ELEVENLABS') / 0.7),
      smartfloMinuteLimit: Math.ceil((units('SMARTFLO') / 0.85) * 100) / 100,
      monthlyCostLimitUsd: `${costLimit / 1_000_000n}.${(costLimit % 1_000_000n).toString().padStart(6, '0')}`,
    };
    await api(
      `mutation($t: ID!, $i: QuotaInput!) { setQuota(tenantId: $t, input: $i) { tenant { id } } }`,
      { t: tenantId, i: input },
      adminToken,
    );

    await page.getByRole('button', { name: 'Refresh' }).click();
    const bars = [
      { label: 'Monthly token limit', level: 'OK', text: 'On track', colour: 'green' },
      { label: 'Monthly character limit', level: 'NOTICE', text: 'Notice', colour: 'yellow' },
      { label: 'Monthly minute limit', level: 'WARNING', text: 'Warning', colour: 'orange' },
      { label: 'Cost this month against your budget', level: 'CRITICAL', text: 'Critical', colour: 'red' },
    ];
    // The server's own bands agree: OPENAI, ELEVENLABS, SMARTFLO, then the cost budget.
    const { usageDashboard: after } = await api(
      `{ usageDashboard { costQuota { level } services { service quota { level } } } }`,
    );
    const levelOf = (service: string) =>
      after.services.find((s: { service: string }) => s.service === service).quota.level;
    expect([levelOf('OPENAI'), levelOf('ELEVENLABS'), levelOf('SMARTFLO'), after.costQuota.level]).toEqual(
      bars.map((b) => b.level),
    );
    for (const bar of bars) {
      const quota = page.locator('.quota', { has: page.getByRole('progressbar', { name: bar.label }) });
      await expect.poll(() => quota.getAttribute('data-level'), { message: bar.label }).toBe(bar.level);
      expect(await quota.locator('.level-badge').textContent()).toBe(bar.text);
      const fill = await quota.locator('.quota-fill').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(colourFamily(fill), `${bar.label}: ${fill}`).toBe(bar.colour);
    }
    await screenshots(page, 'portal-usage-bands');
  });

  it('shows a new alert live when an event is recorded with the tenant’s key', async () => {
    await page.getByText('No active alerts').waitFor();
    const recorded = await api(
      `mutation($i: RecordUsageInput!) { recordUsage(input: $i) { alerts { metric type } } }`,
      { i: { service: 'SMARTFLO', durationSeconds: 6, requestId: `e2e-portal-${Date.now()}` } },
      apiKey,
    );
    // Smartflo stands at 85 % and cost at 95 %: both pass the default 80 % mark.
    expect(recorded.recordUsage.alerts.map((a: { metric: string }) => a.metric).sort()).toEqual([
      'MONTHLY_COST',
      'SMARTFLO_MINUTES',
    ]);
    const alerts = page.getByRole('region', { name: /^Active alerts/ }).getByRole('listitem');
    await expect.poll(() => alerts.count(), { timeout: 5_000 }).toBe(2);
    const { usageDashboard } = await api(`{ usageDashboard { alerts { id } } }`);
    expect(usageDashboard.alerts).toHaveLength(2);
    expect(await page.getByRole('status').filter({ hasText: 'New alert.' }).count()).toBe(1);
  });

  it('shows six months of history, in a URL the back button walks', async () => {
    // By keyboard, as WAI-ARIA tabs: the arrow key moves focus and selection together.
    await page.getByRole('tab', { name: 'Current month', selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\?tab=history$/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Usage history');
    const { usageHistory } = await api(`{ usageHistory(months: 6) { period totalCostUsd totalApiCalls } }`);
    expect(usageHistory).toHaveLength(6);
    const rows = page.getByRole('region', { name: 'The last six months' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    const newestFirst = [...usageHistory].reverse();
    for (const [i, month] of newestFirst.entries()) {
      const row = rows.nth(i);
      expect(await row.locator('th').textContent()).toBe(monthName(month.period));
      const total = (await row.locator('td').nth(3).textContent())!;
      expect(total, month.period).toBe(usdLike(month.totalCostUsd, total));
      expect(await row.locator('td').nth(4).textContent()).toBe(intText(month.totalApiCalls));
    }
    expect(await axeProblems(page)).toEqual([]);
    await screenshots(page, 'portal-history');

    await page.goBack();
    await page.getByRole('tab', { name: 'Current month', selected: true }).waitFor();
    await page.goForward();
    await page.getByRole('tab', { name: 'Usage history', selected: true }).waitFor();
  });

  it('exports exactly the month’s calls as CSV', async () => {
    const now = new Date();
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const period = start.toISOString().slice(0, 7);
    await page.getByLabel('Export month').selectOption(period);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`usage-${period}.csv`);
    await page
      .getByRole('status')
      .filter({ hasText: `Downloaded ${monthName(period)}.` })
      .waitFor();

    const lines = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    const header = lines[0]!.split(',');
    const rows = lines
      .slice(1)
      .map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])));
    const filter = { from: start.toISOString(), to: end.toISOString() };
    const ids: string[] = [];
    let total = 0;
    for (let after: string | null = null; ;) {
      const { usageLogs }: any = await api(
        `query($f: UsageLogFilter, $a: String) { usageLogs(filter: $f, first: 200, after: $a) { totalCount nodes { requestId } pageInfo { hasNextPage endCursor } } }`,
        { f: filter, a: after },
      );
      ids.push(...usageLogs.nodes.map((n: { requestId: string }) => n.requestId));
      total = usageLogs.totalCount;
      if (!usageLogs.pageInfo.hasNextPage) break;
      after = usageLogs.pageInfo.endCursor;
    }
    expect(rows).toHaveLength(total);
    expect(rows.map((r) => r.request_id).sort()).toEqual(ids.sort());
    expect(new Set(rows.map((r) => r.tenant))).toEqual(new Set([TENANT]));
    expect(rows.every((r) => r.occurred_at! >= filter.from && r.occurred_at! < filter.to)).toBe(true);
  });

  it('refuses the customer’s token on admin operations and on other tenants', async () => {
    const other = otherTenants.get('Globex')!;
    const refused = [
      ['tenants', '{ tenants { id name } }'],
      ['overview', '{ overview { customerCount } }'],
      // A customer OWNER manages its own keys (portal API keys page); never another tenant's.
      ['apiKeys of another tenant', `{ apiKeys(tenantId: "${other}") { id } }`],
      ['createApiKey for another tenant', `mutation { createApiKey(tenantId: "${other}", name: "stolen") { key } }`],
      [
        'setQuota',
        `mutation { setQuota(tenantId: "${tenantId}", input: { openaiTokenLimit: 1 }) { openaiTokenLimit } }`,
      ],
      [
        'acknowledgeAlert',
        `mutation { acknowledgeAlert(id: "00000000-0000-0000-0000-000000000000") { id } }`,
      ],
      ['usageDashboard of another tenant', `{ usageDashboard(tenantId: "${other}") { totalCostUsd } }`],
      ['quota of another tenant', `{ quota(tenantId: "${other}") { monthlyCostLimitUsd } }`],
      ['alerts of another tenant', `{ alerts(tenantId: "${other}") { id } }`],
      ['usageHistory of another tenant', `{ usageHistory(tenantId: "${other}") { totalCostUsd } }`],
      ['usageLogs of another tenant', `{ usageLogs(filter: { tenantId: "${other}" }) { totalCount } }`],
    ];
    for (const [what, query] of refused) {
      const result = await server.gql(query!, {}, customerToken);
      expect(result.errors?.[0]?.extensions?.code, what).toBe('FORBIDDEN');
      expect(JSON.stringify(result), what).not.toContain('Globex');
      // No data either way: a null `data`, or null in the refused (nullable) field.
      expect(
        Object.values(result.data ?? {}).filter((v) => v !== null),
        what,
      ).toEqual([]);
    }
    const csv = await fetch(`${server.baseUrl}/export/usage.csv?tenantId=${other}`, {
      headers: { authorization: `Bearer ${customerToken}` },
    });
    expect(csv.status).toBe(403);
    expect(await csv.text()).not.toContain('Globex');
  });

  it('shows nothing of another tenant on any view, and passes axe', async () => {
    const views = [
      'usage',
      'usage?tab=history',
      'usage?service=SMARTFLO',
      'usage?service=OPENAI&tab=history',
      'no-such-page',
    ];
    for (const view of views) {
      await page.goto(`${server.baseUrl}/portal/${view}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page
        .locator('.loading-block, [aria-busy="true"]')
        .first()
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => undefined);
      expect(await otherTenantNamesShown(), view).toEqual([]);
      expect(await axeProblems(page), view).toEqual([]);
    }
    await page.goto(`${server.baseUrl}/portal/usage`);
    await page.getByRole('region', { name: /^Total cost/ }).waitFor();
    await screenshots(page, 'portal-usage');
    expect(errors).toEqual([]);
  });

  it('sends a revoked session back to sign-in with a notice', async () => {
    // The session cookie's value is the session token: ended here through the API, as another
    // device would end it from the Sessions list.
    const token = (await context.cookies(server.baseUrl)).find((c) => c.name === 'um_portal_session')?.value;
    expect((await server.gql('mutation { logout }', {}, token!)).data).toEqual({ logout: true });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('heading', { name: 'Sign in to your usage portal' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Your session has expired' }).waitFor();
    // The page dropped the readable CSRF cookie: a reload knows it is signed out without asking.
    expect(await page.evaluate(() => document.cookie)).not.toContain('um_portal_csrf=');
  });
});
