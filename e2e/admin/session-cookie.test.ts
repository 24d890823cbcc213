import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_LOGIN,
  CUSTOMER_PASSWORD,
  launchBrowser,
  newPage,
  signIn,
  startDemoServer,
  type DemoServer,
} from '../harness.js';

// Cookie sessions (issue 23): the console keeps its session in an httpOnly cookie that no script
// can read, nothing in storage, and a sign-out leaves the old cookie worthless, checked by
// replaying it from here. Live updates over the WebSocket are covered by admin-console.test.ts
// ("shows a new alert live") and the portal's, which run on these cookies too.

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

const app = (path = '') => `${server.baseUrl}/admin/${path}`;
const cookie = async (name: string): Promise<Cookie | undefined> =>
  (await context.cookies(server.baseUrl)).find((c) => c.name === name);

/** `me` as the server answers it for a request carrying these cookies and headers, as a browser would send them. */
async function meWith(headers: Record<string, string>): Promise<{ email: string } | null> {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ me { email } }' }),
  });
  const body = (await response.json()) as { data?: { me: { email: string } | null } };
  return body.data?.me ?? null;
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('admin console: the session cookie', () => {
  let sessionToken: string;
  let csrfToken: string;

  it('signs in into an httpOnly SameSite=Strict cookie that scripts cannot read, with nothing in storage', async () => {
    await signIn(page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
    await page.getByRole('heading', { level: 1, name: 'Usage Monitoring' }).waitFor();
    // The WebSocket authenticated from the same cookie (plus the CSRF token in its parameters).
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    const session = (await cookie('um_admin_session'))!;
    const csrf = (await cookie('um_admin_csrf'))!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session.value).toMatch(/^um_sess_/);
    expect(csrf).toMatchObject({ httpOnly: false, sameSite: 'Strict', path: '/' });
    sessionToken = session.value;
    csrfToken = csrf.value;

    const seen = await page.evaluate(() => ({
      cookies: document.cookie,
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
    }));
    expect(seen.cookies).not.toContain(sessionToken);
    expect(seen.cookies).not.toContain('um_admin_session');
    expect(seen.cookies).toContain(`um_admin_csrf=${csrfToken}`);
    expect(seen.local).toEqual([]);
    expect(seen.session).toEqual([]);

    // What the page sends: the cookie and the CSRF header, never the token in a header.
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST'),
      page.getByRole('button', { name: 'Refresh' }).click(),
    ]);
    const headers = await request.allHeaders();
    expect(headers['x-usage-monitor-app']).toBe('admin');
    expect(headers['x-csrf-token']).toBe(csrfToken);
    expect(headers.authorization).toBeUndefined();
  });

  it('accepts the cookie only with its CSRF token, and only for its own app', async () => {
    const jar = `um_admin_session=${sessionToken}; um_admin_csrf=${csrfToken}`;
    expect(await meWith({ cookie: jar, 'x-usage-monitor-app': 'admin', 'x-csrf-token': csrfToken })).toEqual({
      email: ADMIN_LOGIN.email,
    });
    // A page of another site can make the browser send the cookie, but not this header.
    expect(await meWith({ cookie: jar, 'x-usage-monitor-app': 'admin' })).toBeNull();
    expect(await meWith({ cookie: jar, 'x-usage-monitor-app': 'portal', 'x-csrf-token': csrfToken })).toBeNull();
  });

  it('stays signed in across a reload, asking the server who is signed in', async () => {
    await page.goto(app('usage-logs'));
    await page.getByRole('heading', { level: 1, name: 'Usage Logs' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Usage Logs' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/usage-logs');
    expect(await page.getByRole('banner').innerText()).toContain(ADMIN_LOGIN.email);
  });

  it('keeps the portal’s session apart in the same browser', async () => {
    const portal = await context.newPage();
    await signIn(portal, server.baseUrl, 'portal', 'acme@customer.example', CUSTOMER_PASSWORD);
    await portal.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    expect((await cookie('um_portal_session'))?.httpOnly).toBe(true);
    expect((await cookie('um_admin_session'))?.value).toBe(sessionToken);
    await portal.getByRole('button', { name: 'Sign out' }).click();
    await portal.getByRole('heading', { name: 'Sign in to your usage portal' }).waitFor();
    // The portal leaves at once and logs out behind it; the server's answer clears the cookie.
    await expect.poll(() => cookie('um_portal_session')).toBeUndefined();
    await portal.close();
    // Signing out of the portal left the console signed in.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Usage Logs' }).waitFor();
  });

  it('signs out: the cookies are cleared, other tabs follow, and the old cookie no longer authenticates', async () => {
    const other = await context.newPage();
    await other.goto(app());
    await other.getByRole('heading', { level: 1, name: 'Usage Monitoring' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Admin sign in' }).waitFor();
    expect(await cookie('um_admin_session')).toBeUndefined();
    expect(await cookie('um_admin_csrf')).toBeUndefined();
    // The other tab of the console heard of it and left for sign-in without a click.
    await other.getByRole('heading', { name: 'Admin sign in' }).waitFor();
    await other.close();

    // Replayed as the browser sent it, and as a bearer token: the server ended that session.
    const jar = `um_admin_session=${sessionToken}; um_admin_csrf=${csrfToken}`;
    expect(await meWith({ cookie: jar, 'x-usage-monitor-app': 'admin', 'x-csrf-token': csrfToken })).toBeNull();
    expect(await meWith({ authorization: `Bearer ${sessionToken}` })).toBeNull();

    // Signed out, a reload stays on the sign-in page.
    await page.goto(app('usage-logs'));
    await page.getByRole('heading', { name: 'Admin sign in' }).waitFor();
    expect(errors).toEqual([]);
  });
});
