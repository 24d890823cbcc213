import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_LOGIN, axeProblems, launchBrowser, newPage, sameDecimal, screenshots, signIn, startDemoServer, tenantsByName, usdLike, type DemoServer } from '../harness.js';

// Statements (issue 20): on the demo data an admin finalizes a customer's last month from the
// Statements page, in Chromium against the built server, and downloads its PDF and CSV.

const TENANT = 'Acme Corp';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let adminToken: string;
let tenantId: string;

const lastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};
const STATEMENT = `query($id: ID!) { statement(id: $id) { id number status totalUsd finalizedAt lines { amountUsd } } }`;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
  adminToken = await server.login(ADMIN_LOGIN.email, ADMIN_LOGIN.password);
  tenantId = (await tenantsByName(server, adminToken)).get(TENANT)!;
  await signIn(page, server.baseUrl, 'admin', ADMIN_LOGIN.email, ADMIN_LOGIN.password);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('admin console: statements', () => {
  it("finalizes a customer's last month after a confirmation: numbered, FINAL, the total it showed", async () => {
    const before = (await server.data(STATEMENT, { id: `${tenantId}:${lastMonth()}` }, adminToken)).statement;
    expect(before).toMatchObject({ status: 'OPEN', number: null });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statements' }).click();
    await page.getByRole('heading', { name: 'Statements', level: 1 }).waitFor();
    // Every customer's statements, then filtered to one customer and month.
    await page.getByRole('table', { name: 'Statements' }).waitFor();
    await page.getByLabel('Customer').selectOption(tenantId);
    await page.getByLabel('Period').fill(lastMonth());
    const rows = page.getByRole('table', { name: 'Statements' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const row = rows.first();
    expect(await row.innerText()).toContain('Open');
    const total = (await row.locator('td.num').textContent())!;
    expect(total).toBe(usdLike(before.totalUsd, total));
    expect(await axeProblems(page)).toEqual([]);
    await screenshots(page, 'admin-statements-open');

    await row.getByRole('button', { name: /^Finalize / }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Finalize ${TENANT}`) });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('never changes again');
    expect(await axeProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Finalize statement' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Finalized: UM-' }).waitFor();

    const after = (await server.data(STATEMENT, { id: `${tenantId}:${lastMonth()}` }, adminToken)).statement;
    expect(after).toMatchObject({ status: 'FINAL', number: expect.stringMatching(new RegExp(`^UM-${lastMonth()}-\\d{4}$`)) });
    expect(sameDecimal(after.totalUsd, before.totalUsd)).toBe(true);
    await expect.poll(() => row.innerText()).toContain(after.number);
    expect(await row.innerText()).toContain('Final');
    expect(await row.getByRole('button', { name: /^Finalize / }).count()).toBe(0);
    // One audit entry for it.
    const { auditLog } = await server.data(`query($t: ID) { auditLog(tenantId: $t) { action targetId } }`, { t: tenantId }, adminToken);
    expect(auditLog.filter((e: { action: string }) => e.action === 'STATEMENT_FINALIZED')).toEqual([{ action: 'STATEMENT_FINALIZED', targetId: after.id }]);
    await screenshots(page, 'admin-statements-final');
  });

  it('downloads the finalized PDF and CSV', async () => {
    const row = page.getByRole('table', { name: 'Statements' }).locator('tbody tr').first();
    const [pdf] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^Download PDF of / }).click()]);
    expect(pdf.suggestedFilename()).toMatch(new RegExp(`^statement-UM-${lastMonth()}-\\d{4}-acme-corp\\.pdf$`));
    const bytes = readFileSync((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);

    const [csv] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^Download CSV of / }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    const after = (await server.data(STATEMENT, { id: `${tenantId}:${lastMonth()}` }, adminToken)).statement;
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('statement,tenant,period,status,service,model,units,unit,api_calls,amount_usd,adjustment_of');
    expect(lines).toHaveLength(after.lines.length + 2);
    const totalRow = lines.at(-1)!.split(',');
    expect(totalRow.slice(0, 5)).toEqual([after.number, TENANT, lastMonth(), 'FINAL', 'TOTAL']);
    expect(sameDecimal(totalRow[9]!, after.totalUsd)).toBe(true);
    expect(errors).toEqual([]);
  });
});
