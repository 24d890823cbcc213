import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, startDemoServer, type DemoServer } from './harness.js';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the built apps served by the real server', () => {
  it('answers health, redirects / to /admin/, and serves both SPAs with security headers', async () => {
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    const root = await fetch(`${server.baseUrl}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/admin/');
    for (const path of ['/admin/', '/portal/', '/admin/customers/deep-link', '/portal/usage?tab=history']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('loads the admin and customer apps in Chromium and screenshots them', async () => {
    for (const app of ['admin', 'portal']) {
      const { page, context, errors } = await newPage(browser);
      await page.goto(`${server.baseUrl}/${app}/`);
      await page.waitForSelector('form, main', { timeout: 30_000 });
      await screenshot(page, `smoke-${app}-sign-in`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
