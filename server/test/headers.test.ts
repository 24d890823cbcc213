import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from './harness.js';

/**
 * Server tests do not build the SPAs: a tiny WEB_ROOT with both dist folders stands in, so the
 * headers are checked on the same static and fallback routes the built apps use.
 */
describe('security headers and cookies', () => {
  let server: TestServer;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'um-web-'));
    for (const app of ['admin-web', 'customer-web']) {
      mkdirSync(join(webRoot, app, 'dist', 'assets'), { recursive: true });
      writeFileSync(
        join(webRoot, app, 'dist', 'index.html'),
        `<!doctype html><title>${app}</title><script type="module" src="./assets/app.js"></script>`,
      );
      writeFileSync(join(webRoot, app, 'dist', 'assets', 'app.js'), 'console.log("app")');
    }
    server = await startTestServer({ env: { WEB_ROOT: webRoot } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('every SPA route, asset and API response carries CSP with frame-ancestors, Referrer-Policy and nosniff', async () => {
    const paths = [
      '/admin/',
      '/admin/customers/123',
      '/admin/assets/app.js',
      '/portal/',
      '/portal/usage',
      '/portal/assets/app.js',
      '/graphql?query=%7B__typename%7D',
      '/healthz',
      '/export/usage.csv',
    ];
    const missing: string[] = [];
    for (const path of paths) {
      const response = await fetch(`${server.httpUrl}${path}`, {
        headers: { 'apollo-require-preflight': 'true' },
        redirect: 'manual',
      });
      await response.arrayBuffer();
      const csp = response.headers.get('content-security-policy') ?? '';
      if (!/frame-ancestors 'none'/.test(csp)) missing.push(`${path}: frame-ancestors`);
      if (
        !/default-src 'self'/.test(csp) ||
        !/script-src 'self'(;|$)/.test(csp) ||
        !/object-src 'none'/.test(csp)
      )
        missing.push(`${path}: csp`);
      if (response.headers.get('x-content-type-options') !== 'nosniff') missing.push(`${path}: nosniff`);
      if (!response.headers.get('referrer-policy')) missing.push(`${path}: referrer-policy`);
      if (response.headers.get('x-frame-options') !== 'DENY') missing.push(`${path}: x-frame-options`);
      if (response.headers.get('x-powered-by')) missing.push(`${path}: x-powered-by`);
    }
    const index = await fetch(`${server.httpUrl}/admin/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>admin-web</title>');
    console.log(`headers: ${paths.length} routes checked, missing security headers = ${missing.length}`);
    expect(missing).toEqual([]);
  });

  it('API answers carry no ETag (nothing revalidates a POST); the app files keep theirs', async () => {
    const api = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(api.status).toBe(200);
    await api.arrayBuffer();
    expect(api.headers.get('etag')).toBeNull();
    const asset = await fetch(`${server.httpUrl}/admin/assets/app.js`);
    await asset.arrayBuffer();
    expect(asset.headers.get('etag')).toMatch(/^W\/"/);
  });

  it('sets no cookie at all: sessions are bearer tokens, so there is no cookie to steal or ride (CSRF)', async () => {
    const responses = [
      await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          variables: { e: ADMIN.email, p: ADMIN.password },
        }),
      }),
      await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({
          query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          variables: { e: ADMIN.email, p: ADMIN.password },
        }),
      }),
      await fetch(`${server.httpUrl}/admin/`),
      await fetch(`${server.httpUrl}/portal/`),
    ];
    const cookies = responses.flatMap((r) => r.headers.getSetCookie());
    console.log(`headers: Set-Cookie on login and SPA responses = ${cookies.length}`);
    expect(cookies).toEqual([]);
  });
});
