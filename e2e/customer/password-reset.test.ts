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
  type OutboxMessage,
} from '../harness.js';

// Passwords in the portal (issue 23), against the built server with demo data and no SMTP: the
// reset mail lands in DATA_DIR/outbox/, where a local user (and this test) reads its link.
// The tests run in order on one page and build on each other.

const EMAIL = 'acme@customer.example';
const UNKNOWN = 'nobody-here@customer.example';
const RESET_PASSWORD = 'a fresh e2e passphrase';
const CHANGED_PASSWORD = 'changed again from the account page';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let resetLink: URL;

const portal = (path: string) => `${server.baseUrl}/portal/${path}`;

/** The mail goes out after the API has answered: wait for it to be written. */
async function mailTo(to: string): Promise<OutboxMessage> {
  await expect.poll(() => server.outbox(to).length, { timeout: 10_000 }).toBeGreaterThan(0);
  return server.outbox(to).at(-1)!;
}

async function loginFails(password: string): Promise<string | undefined> {
  const result = await server.gql(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    { e: EMAIL, p: password },
  );
  return result.errors?.[0]?.extensions?.code as string | undefined;
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

describe('portal passwords', () => {
  it('asks for a reset link from the sign-in page, answering alike for unknown and known emails', async () => {
    await page.goto(portal('sign-in'));
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal/forgot-password');
    expect(await axeProblems(page)).toEqual([]);

    const answers: string[] = [];
    for (const email of [UNKNOWN, EMAIL]) {
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Send reset link' }).click();
      const status = page.getByRole('status').filter({ hasText: 'If an account exists' });
      answers.push((await status.textContent())!);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(answers.at(-1));
      if (email === UNKNOWN) await page.getByRole('button', { name: 'Send another link' }).click();
    }
    expect(answers).toEqual([
      'If an account exists for that email, we sent a link.',
      'If an account exists for that email, we sent a link.',
    ]);
    expect(await axeProblems(page)).toEqual([]);

    const mail = await mailTo(EMAIL);
    expect(mail.subject).toBe('Reset your Usage Monitor password');
    resetLink = linkIn(mail, '/portal/reset-password');
    expect(resetLink.origin).toBe(server.baseUrl);
    expect(resetLink.searchParams.get('token')).toMatch(/^um_reset_/);
    expect(server.outbox(UNKNOWN)).toEqual([]);
  });

  it('opens the emailed link, shows the server’s rule on the field, then lands signed in', async () => {
    await page.goto(resetLink.href);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // A password the server refuses (the account's own email): its rule is shown on the field.
    const newPassword = page.getByLabel('New password', { exact: true });
    await newPassword.fill(EMAIL);
    await page.getByLabel('Confirm new password').fill(EMAIL);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('This password must not be your email address.').waitFor();
    expect(await newPassword.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe(
      'new-password',
    );
    await screenshots(page, 'portal-reset-password');

    await newPassword.fill(RESET_PASSWORD);
    await page.getByLabel('Confirm new password').fill(RESET_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/portal/usage');
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Your password is changed and you are signed in.' })
      .waitFor();
    expect(await loginFails(CUSTOMER_PASSWORD)).toBe('UNAUTHENTICATED');
  });

  it('signs out, and signs in with the new password', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to your usage portal' }).waitFor();
    await signIn(page, server.baseUrl, 'portal', EMAIL, RESET_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
  });

  it('refuses the same link a second time, offering a new one', async () => {
    const other = await newPage(browser);
    await other.page.goto(resetLink.href);
    await other.page.getByLabel('New password', { exact: true }).fill('yet another long passphrase');
    await other.page.getByLabel('Confirm new password').fill('yet another long passphrase');
    await other.page.getByRole('button', { name: 'Set new password' }).click();
    await other.page.getByRole('alert').filter({ hasText: 'This reset link no longer works' }).waitFor();
    await other.page.getByRole('link', { name: 'Ask for a new link' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    expect(other.errors).toEqual([]);
    await other.context.close();
    expect(await loginFails('yet another long passphrase')).toBe('UNAUTHENTICATED');
  });

  it('changes the password from the account page in the top bar', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByLabel('Current password').fill(RESET_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(CHANGED_PASSWORD);
    await page.getByLabel('Confirm new password').fill(CHANGED_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Password changed. Your other sessions are signed out.' })
      .waitFor();
    await screenshots(page, 'portal-account');
    // This session stays signed in; the new password is the one that works.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(await loginFails(RESET_PASSWORD)).toBe('UNAUTHENTICATED');
    expect((await server.login(EMAIL, CHANGED_PASSWORD)).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
