import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_LOGIN,
  axeProblems,
  DESKTOP,
  launchBrowser,
  linkIn,
  newPage,
  PHONE,
  signIn,
  startDemoServer,
  type DemoServer,
} from '../harness.js';

// The admin's own password (issue 23): the Account page from the top bar (or the phone menu) and
// the emailed reset link, against the built server with demo data and no SMTP.

const CHANGED = 'an admin passphrase changed in e2e';
const RESET = 'an admin passphrase reset in e2e';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

const loginCode = async (password: string) =>
  (
    await server.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
      e: ADMIN_LOGIN.email,
      p: password,
    })
  ).errors?.[0]?.extensions?.code ?? 'OK';

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
  await signIn(page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('admin console: account', () => {
  it('changes the password from Account in the top bar, with the server’s answer on the field', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password', { exact: true }).fill(CHANGED);
    await page.getByLabel('Confirm new password').fill(CHANGED);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This is not your current password.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe(
      'current-password',
    );

    await page.getByLabel('Current password').fill(ADMIN_LOGIN.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Password changed. Your other sessions are signed out.' })
      .waitFor();
    expect(await loginCode(ADMIN_LOGIN.password)).toBe('UNAUTHENTICATED');
    expect(await loginCode(CHANGED)).toBe('OK');
  });

  it('finds Account in the menu on a phone, where the top bar has no room for it', async () => {
    await page.setViewportSize(PHONE);
    expect(await page.getByRole('banner').getByRole('link', { name: 'Account' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await page.setViewportSize(DESKTOP);
  });

  it('resets a forgotten password through the emailed /admin/ link and lands on the console', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Admin sign in' }).waitFor();
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    // The sign-in page has an Email field too: fill the one of the page we went to.
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await page.getByLabel('Email').fill(ADMIN_LOGIN.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'If an account exists for that email, we sent a link.' })
      .waitFor();

    await expect.poll(() => server.outbox(ADMIN_LOGIN.email).length, { timeout: 10_000 }).toBe(1);
    const link = linkIn(server.outbox(ADMIN_LOGIN.email)[0]!, '/admin/reset-password');
    await page.goto(link.href);
    await page.getByLabel('New password', { exact: true }).fill(RESET);
    await page.getByLabel('Confirm new password').fill(RESET);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usage Monitoring' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/?$/);
    expect(await loginCode(CHANGED)).toBe('UNAUTHENTICATED');
    expect(await loginCode(RESET)).toBe('OK');
    expect(errors).toEqual([]);
  });
});
