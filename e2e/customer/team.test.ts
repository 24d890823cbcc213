import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeProblems,
  CUSTOMER_PASSWORD,
  launchBrowser,
  linkIn,
  newPage,
  screenshots,
  signIn,
  startDemoServer,
  type DemoServer,
} from '../harness.js';

// The portal's own team, API keys and sessions (issue 23), against the built server with demo
// data and no SMTP: the invitation lands in DATA_DIR/outbox/, where this test reads its link.
// The tests run in order and build on each other.

const OWNER = 'acme@customer.example';
const TEAMMATE = 'teammate@customer.example';
const TEAMMATE_PASSWORD = 'a teammate passphrase for e2e';
const MODEL = 'gpt-4o-e2e-portal-key';

let server: DemoServer;
let browser: Browser;
let owner: { context: BrowserContext; page: Page; errors: string[] };
let teammate: { context: BrowserContext; page: Page; errors: string[] };
let portalKey: string;

/** recordUsage with `Authorization: Bearer <key>`, as a customer's backend sends it. */
async function recordWith(
  key: string,
): Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }> {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      query:
        'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate log { id tenant { name } } } }',
      variables: {
        i: {
          service: 'OPENAI',
          model: MODEL,
          inputTokens: 120,
          outputTokens: 30,
          requestId: `portal-key-${Date.now()}`,
        },
      },
    }),
  });
  return response.json();
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name });

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  owner = await newPage(browser);
  await signIn(owner.page, server.baseUrl, 'portal', OWNER, CUSTOMER_PASSWORD);
});
afterAll(async () => {
  await teammate?.context.close();
  await owner?.context.close();
  await browser?.close();
  await server?.stop();
});

describe('portal: team, API keys and sessions', () => {
  it('lets the owner invite a teammate from the Team page', async () => {
    const { page } = owner;
    await nav(page, 'Team').click();
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    await page
      .getByRole('table', { name: 'Members of Acme Corp' })
      .getByRole('rowheader', { name: `${OWNER} You` })
      .waitFor();
    expect(await axeProblems(page)).toEqual([]);

    await page.getByLabel('Email').fill(TEAMMATE);
    expect(await page.getByLabel('Role', { exact: true }).inputValue()).toBe('MEMBER');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${TEAMMATE}` })
      .waitFor();
    await page
      .getByRole('table', { name: 'Pending invitations' })
      .getByRole('rowheader', { name: TEAMMATE })
      .waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshots(page, 'portal-team');
  });

  it('signs the teammate in from the emailed link in a fresh browser, as a member who cannot invite or create', async () => {
    await expect.poll(() => server.outbox(TEAMMATE).length, { timeout: 10_000 }).toBe(1);
    const mail = server.outbox(TEAMMATE)[0]!;
    expect(mail.subject).toBe("You are invited to Acme Corp's Usage Monitor portal");
    const link = linkIn(mail, '/portal/accept-invitation');
    expect(link.searchParams.get('token')).toMatch(/^um_invite_/);

    teammate = await newPage(browser);
    const { page } = teammate;
    await page.goto(link.href);
    await page.getByRole('heading', { level: 1, name: 'Accept your invitation' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    // The server's rules are shown on the field: the address itself is refused as a password.
    await page.getByLabel('New password', { exact: true }).fill(TEAMMATE);
    await page.getByLabel('Confirm new password').fill(TEAMMATE);
    await page.getByRole('button', { name: 'Create account and sign in' }).click();
    await page.getByText('This password must not be your email address.').waitFor();

    await page.getByLabel('New password', { exact: true }).fill(TEAMMATE_PASSWORD);
    await page.getByLabel('Confirm new password').fill(TEAMMATE_PASSWORD);
    await page.getByRole('button', { name: 'Create account and sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/portal/usage');
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain(TEAMMATE);

    await nav(page, 'Team').click();
    const members = page.getByRole('table', { name: 'Members of Acme Corp' });
    await members.getByRole('rowheader', { name: `${TEAMMATE} You` }).waitFor();
    expect(await members.getByRole('row').filter({ hasText: TEAMMATE }).textContent()).toContain('Member');
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    expect(await page.getByRole('main').getByRole('combobox').count()).toBe(0);
    expect(await page.getByLabel('Email').count()).toBe(0);

    await nav(page, 'API keys').click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByText('An owner of your team creates and revokes keys.').waitFor();
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    expect(await page.getByLabel('Key name').count()).toBe(0);
    expect(await axeProblems(page)).toEqual([]);
  });

  it('lets the owner create an API key that records usage, shown in recent calls', async () => {
    const { page } = owner;
    await nav(page, 'API keys').click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByLabel('Key name').fill('Portal backend');
    await page.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key “Portal backend”' });
    const key = (await dialog.getByLabel('The new API key').textContent())!;
    expect(key).toMatch(/^um_/);
    portalKey = key;
    expect(await dialog.getByRole('button', { name: 'Copy key' }).count()).toBe(1);
    expect(await axeProblems(page)).toEqual([]);
    await screenshots(page, 'portal-api-keys-created');
    await dialog.getByRole('button', { name: 'I have stored it' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row')
      .filter({ hasText: 'Portal backend' });
    expect(await row.locator('code').textContent()).toBe(`${key.slice(0, 12)}…${key.slice(-4)}`);
    expect(await row.textContent()).toContain('never');
    expect(await page.getByText(key).count()).toBe(0);

    // The key is real: it records a call for Acme Corp through the GraphQL API.
    const { data } = await recordWith(key);
    expect(data.recordUsage).toMatchObject({ duplicate: false, log: { tenant: { name: 'Acme Corp' } } });

    await nav(page, 'Usage').click();
    const calls = page.getByRole('region', { name: 'Recent calls table' });
    await calls.getByRole('row').filter({ hasText: MODEL }).waitFor({ timeout: 15_000 });

    await nav(page, 'API keys').click();
    await page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row')
      .filter({ hasText: 'Portal backend' })
      .filter({ hasText: 'just now' })
      .waitFor();
    await screenshots(page, 'portal-api-keys');
  });

  it('revokes the key after a confirmation; the key then records nothing', async () => {
    const { page } = owner;
    const row = page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row')
      .filter({ hasText: 'Portal backend' });
    const key = await row.locator('code').textContent();
    await page.getByRole('button', { name: 'Revoke key Portal backend' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “Portal backend”?' });
    expect(await dialog.textContent()).toContain(key!);
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('status').filter({ hasText: 'Key “Portal backend” revoked' }).waitFor();
    await row.filter({ hasText: 'Revoked' }).waitFor();
    expect(await page.getByRole('button', { name: 'Revoke key Portal backend' }).count()).toBe(0);
    expect((await recordWith(portalKey)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists the teammate’s two sessions after a second sign-in, and signs the other one out', async () => {
    const second = await newPage(browser);
    await signIn(second.page, server.baseUrl, 'portal', TEAMMATE, TEAMMATE_PASSWORD);
    await second.page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();

    const { page } = teammate;
    await page.getByRole('banner').getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const sessions = page.getByRole('table', { name: 'Your sessions' });
    await expect.poll(() => sessions.getByRole('row').count()).toBe(3);
    await sessions.getByRole('rowheader', { name: 'Chrome on Linux This device' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshots(page, 'portal-sessions');

    await sessions.getByRole('button', { name: /^Sign out Chrome on Linux/ }).click();
    await page.getByRole('status').filter({ hasText: 'Signed out Chrome on Linux' }).waitFor();
    await expect.poll(() => sessions.getByRole('row').count()).toBe(2);

    // The other browser's next request finds its session gone.
    await second.page.reload();
    await second.page.getByRole('heading', { name: 'Sign in to your usage portal' }).waitFor();
    await second.context.close();

    // This one is still signed in.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(teammate.errors).toEqual([]);
  });

  it('signs out everywhere after a confirmation, this browser included', async () => {
    const { page } = teammate;
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out everywhere?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { name: 'Sign in to your usage portal' }).waitFor();
    const login = await server.gql(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      {
        e: TEAMMATE,
        p: TEAMMATE_PASSWORD,
      },
    );
    const token = (login.data as { login: { token: string } }).login.token;
    const { sessions } = await server.data<{ sessions: unknown[] }>('{ sessions { id } }', {}, token);
    expect(sessions).toHaveLength(1);
    expect(owner.errors).toEqual([]);
  });
});
