import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_LOGIN,
  axeProblems,
  createApiKey,
  launchBrowser,
  linkIn,
  newPage,
  screenshots,
  signIn,
  startDemoServer,
  tenantsByName,
  type DemoServer,
} from '../harness.js';

// The admin team (issue 23): an OWNER invites a VIEWER from the Team page, the invitation's
// emailed link (DATA_DIR/outbox/, no SMTP here) is accepted in a fresh browser, and the VIEWER
// finds no edit control anywhere the OWNER has one. The tests run in order and build on each other.

const VIEWER_EMAIL = 'finance@example.com';
const VIEWER_PASSWORD = 'a finance viewer passphrase';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let adminToken: string;
let tenants: Map<string, string>;
let viewer: { context: BrowserContext; page: Page; errors: string[] };

const app = (path = '') => `${server.baseUrl}/admin/${path}`;
const api = <T = any>(query: string, variables: Record<string, unknown> = {}) =>
  server.data<T>(query, variables, adminToken);

/**
 * Every page with controls that change something, each with what shows its data has loaded (for
 * anyone) and the controls an OWNER is offered there.
 */
function editablePages(): {
  name: string;
  path: string;
  loaded: (page: Page) => Locator;
  controls: RegExp[];
}[] {
  const acme = tenants.get('Acme Corp')!;
  const initech = tenants.get('Initech')!;
  return [
    {
      name: 'overview',
      path: '',
      loaded: (p) => p.getByRole('heading', { name: /Active alerts/ }),
      controls: [/^Acknowledge .* alert for /],
    },
    {
      name: 'customers',
      path: 'customers',
      loaded: (p) => p.getByRole('link', { name: 'Acme Corp' }),
      controls: [/^\+ New customer$/],
    },
    {
      name: 'customer usage',
      path: `customers/${initech}`,
      loaded: (p) => p.getByRole('heading', { name: 'Quota standing' }),
      controls: [/^Edit limits →$/, /^Acknowledge$/, /^Resolve$/],
    },
    {
      name: 'customer users',
      path: `customers/${acme}?tab=users`,
      loaded: (p) => p.getByRole('table', { name: 'Members of Acme Corp' }),
      controls: [/^Send invitation$/, /^Remove acme@customer\.example$/, /^Role of acme@customer\.example$/],
    },
    {
      name: 'customer keys',
      path: `customers/${acme}?tab=keys`,
      loaded: (p) => p.getByRole('table', { name: 'API keys' }),
      controls: [/^Create key$/, /^Revoke key /],
    },
    {
      name: 'customer credentials',
      path: `customers/${acme}?tab=credentials`,
      loaded: (p) => p.getByRole('heading', { name: 'Provider credentials' }),
      controls: [/^(Set|Rotate) OpenAI credential$/],
    },
    {
      name: 'customer settings',
      path: `customers/${acme}?tab=settings`,
      loaded: (p) => p.getByRole('heading', { name: 'Details' }),
      controls: [/^Save changes$/, /^Rotate webhook secret$/],
    },
    {
      name: 'quotas',
      path: 'quotas',
      loaded: (p) => p.getByRole('rowheader', { name: 'Acme Corp' }),
      controls: [/^(Edit|Set) limits for Acme Corp$/],
    },
    {
      name: 'pricing',
      path: 'pricing',
      loaded: (p) => p.getByRole('table', { name: 'Prices' }),
      controls: [/^\+ Add price$/],
    },
    {
      name: 'usage logs',
      path: 'usage-logs',
      loaded: (p) => p.getByText(/^Showing 1–/),
      controls: [/^Void the /],
    },
    {
      name: 'alerts',
      path: 'alerts?status=ACTIVE',
      loaded: (p) => p.getByRole('table', { name: 'Alerts' }),
      controls: [/^(Acknowledge|Resolve) alert for Initech/],
    },
  ];
}

/** How many of each page's edit controls (buttons, links, pickers) `who` is offered, as "page: control × n". */
async function offeredControls(who: Page): Promise<string[]> {
  const offered: string[] = [];
  for (const { name, path, loaded, controls } of editablePages()) {
    await who.goto(app(path));
    await loaded(who).first().waitFor();
    await who
      .locator('[aria-busy="true"], .skeleton')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    for (const control of controls) {
      const count =
        (await who.getByRole('button', { name: control }).count()) +
        (await who.getByRole('link', { name: control }).count()) +
        (await who.getByRole('combobox', { name: control }).count());
      offered.push(`${name}: ${control.source} × ${count}`);
    }
  }
  return offered;
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
  adminToken = await server.login(ADMIN_LOGIN.email, ADMIN_LOGIN.password);
  tenants = await tenantsByName(server, adminToken);
  // Active alerts for Initech, so the alert controls are there to be offered (or not).
  const initech = tenants.get('Initech')!;
  const { usageDashboard } = await api(
    `query($t: ID) { usageDashboard(tenantId: $t) { services { service units } } }`,
    { t: initech },
  );
  const tokens = usageDashboard.services.find((s: { service: string }) => s.service === 'OPENAI')?.units ?? 0;
  await api(`mutation($t: ID!, $i: QuotaInput!) { setQuota(tenantId: $t, input: $i) { openaiTokenLimit } }`, {
    t: initech,
    i: { openaiTokenLimit: Math.ceil(tokens) + 1000 },
  });
  await server.data(
    `mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate } }`,
    {
      i: {
        service: 'OPENAI',
        model: 'gpt-4o-mini',
        inputTokens: 2000,
        outputTokens: 100,
        requestId: `e2e-team-${Date.now()}`,
      },
    },
    await createApiKey(server, adminToken, initech, 'e2e team'),
  );
  await createApiKey(server, adminToken, tenants.get('Acme Corp')!, 'e2e team');
  await signIn(page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
});
afterAll(async () => {
  await viewer?.context.close();
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('admin console: team and roles', () => {
  it('shows the owner the admin team, and refuses clearly to demote its last owner', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    const members = page.getByRole('table', { name: 'Members of the admin team' });
    await members.getByRole('rowheader', { name: `${ADMIN_LOGIN.email} You` }).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    await page.getByRole('combobox', { name: `Role of ${ADMIN_LOGIN.email}` }).selectOption('MANAGER');
    const dialog = page.getByRole('dialog', { name: 'Make yourself manager?' });
    await dialog.getByRole('button', { name: 'Change my role' }).click();
    await dialog
      .getByRole('alert')
      .filter({
        hasText: `${ADMIN_LOGIN.email} is the only owner of the admin team. Make someone else an owner first`,
      })
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('combobox', { name: `Role of ${ADMIN_LOGIN.email}` }).inputValue()).toBe(
      'OWNER',
    );
    const { me } = await api(`{ me { adminRole } }`);
    expect(me.adminRole).toBe('OWNER');
  });

  it('invites a viewer, whose emailed link opens a fresh browser signed in as that viewer', async () => {
    await page.getByLabel('Email').fill(VIEWER_EMAIL);
    expect(await page.getByLabel('Role', { exact: true }).inputValue()).toBe('VIEWER');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${VIEWER_EMAIL}` })
      .waitFor();
    const pending = page.getByRole('table', { name: 'Pending invitations' });
    await pending.getByRole('rowheader', { name: VIEWER_EMAIL }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshots(page, 'admin-team');

    await expect.poll(() => server.outbox(VIEWER_EMAIL).length, { timeout: 10_000 }).toBe(1);
    const link = linkIn(server.outbox(VIEWER_EMAIL)[0]!, '/admin/accept-invitation');
    viewer = await newPage(browser);
    await viewer.page.goto(link.href);
    await viewer.page.getByRole('heading', { level: 1, name: 'Accept your invitation' }).waitFor();
    expect(await axeProblems(viewer.page)).toEqual([]);
    await viewer.page.getByLabel('New password', { exact: true }).fill(VIEWER_PASSWORD);
    await viewer.page.getByLabel('Confirm new password').fill(VIEWER_PASSWORD);
    await viewer.page.getByRole('button', { name: 'Create account and sign in' }).click();
    await viewer.page.getByRole('heading', { level: 1, name: 'Usage Monitoring' }).waitFor();
    expect(new URL(viewer.page.url()).pathname).toMatch(/^\/admin\/?$/);

    // The owner's list now has the viewer, and no pending invitation.
    await page.reload();
    await page
      .getByRole('table', { name: 'Members of the admin team' })
      .getByRole('rowheader', { name: VIEWER_EMAIL })
      .waitFor();
    expect(await page.getByText('No invitations waiting to be accepted.').count()).toBe(1);
  });

  it('offers the viewer no edit control on any page where the owner has one', async () => {
    const owner = await offeredControls(page);
    expect(owner.filter((line) => line.endsWith('× 0'))).toEqual([]);
    const offered = await offeredControls(viewer.page);
    expect(offered.filter((line) => !line.endsWith('× 0'))).toEqual([]);
    expect(offered).toHaveLength(owner.length);

    // Nor the admin team: no Team link, and the page itself only says who manages it.
    expect(
      await viewer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).count(),
    ).toBe(0);
    await viewer.page.goto(app('team'));
    await viewer.page.getByText('Only owners manage the admin team.').waitFor();
    expect(viewer.errors).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('makes the viewer a manager, who may then change things but not the admin team', async () => {
    const members = page.getByRole('table', { name: 'Members of the admin team' });
    await page.goto(app('team'));
    await page.getByRole('combobox', { name: `Role of ${VIEWER_EMAIL}` }).selectOption('MANAGER');
    await page
      .getByRole('status')
      .filter({ hasText: `${VIEWER_EMAIL} is now manager` })
      .waitFor();
    await members.getByRole('rowheader', { name: VIEWER_EMAIL }).waitFor();

    await viewer.page.goto(app('quotas'));
    await viewer.page.getByRole('button', { name: 'Edit limits for Initech' }).waitFor();
    expect(
      await viewer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).count(),
    ).toBe(0);
  });
});
