import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_LOGIN, axeProblems, CUSTOMER_PASSWORD, launchBrowser, newPage, screenshots, signIn, startDemoServer, tenantsByName, type DemoServer } from '../harness.js';

// Statements in the portal (issue 20): a customer sees and downloads only its own statements, in
// Chromium against the built server with demo data; another customer's download is refused.

const EMAIL = 'acme@customer.example';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let tenants: Map<string, string>;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
  tenants = await tenantsByName(server, await server.login(ADMIN_LOGIN.email, ADMIN_LOGIN.password));
  await signIn(page, server.baseUrl, 'portal', EMAIL, CUSTOMER_PASSWORD);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('portal: statements', () => {
  it('lists only the customer’s own statements, and downloads one', async () => {
    const customerToken = await server.login(EMAIL, CUSTOMER_PASSWORD);
    const own = (await server.data(`{ statements { id period number status } }`, {}, customerToken)).statements;
    expect(own.length).toBeGreaterThan(1);

    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Statements' }).click();
    await page.getByRole('heading', { name: 'Statements', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Statements' });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(Math.min(own.length, 36));
    // No customer column, and no other customer's name anywhere on the page.
    expect(await table.getByRole('columnheader', { name: 'Customer' }).count()).toBe(0);
    const text = await page.locator('main').innerText();
    for (const [name] of tenants) if (name !== 'Acme Corp') expect(text).not.toContain(name);
    expect(await axeProblems(page)).toEqual([]);
    await screenshots(page, 'portal-statements');

    const [pdf] = await Promise.all([page.waitForEvent('download'), rows.first().getByRole('button', { name: /^Download PDF of / }).click()]);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
  });

  it("refuses another customer's statement by URL and by id, with no data", async () => {
    const customerToken = await server.login(EMAIL, CUSTOMER_PASSWORD);
    const other = tenants.get('Globex')!;
    const period = new Date().toISOString().slice(0, 7);
    for (const format of ['pdf', 'csv']) {
      const response = await fetch(`${server.baseUrl}/export/statements/${other}/${period}.${format}`, { headers: { authorization: `Bearer ${customerToken}` } });
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('Globex');
    }
    // In the browser, with the page's own session: the same refusal.
    const status = await page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).status, `${server.baseUrl}/export/statements/${other}/${period}.pdf`);
    expect([401, 403]).toContain(status);
    const byId = await server.gql(`query($id: ID!) { statement(id: $id) { id totalUsd } }`, { id: `${other}:${period}` }, customerToken);
    expect(byId.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byTenant = await server.gql(`query($t: ID) { statements(tenantId: $t) { id } }`, { t: other }, customerToken);
    expect(byTenant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify([byId, byTenant])).not.toContain('Globex');
  });
});
