import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWithAccess, startTestServer, type TestServer } from '../../server/test/harness.js';
import { seedDemoData } from '../../server/src/modules/usage/demo-data.js';
import { logRows } from './support.js';

const run = promisify(execFile);
const sdkRoot = join(import.meta.dirname, '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

let server: TestServer;

beforeAll(async () => {
  // The example runs as an integrator would: plain Node on the built package.
  await run(process.execPath, [tsc, '-p', join(sdkRoot, 'tsconfig.build.json')]);
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('the built package', () => {
  it('has no runtime dependencies and uses nothing of Node (runs on fetch-only edge runtimes)', async () => {
    const fs = await import('node:fs/promises');
    const pkg = JSON.parse(await fs.readFile(join(sdkRoot, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    const files = (await fs.readdir(join(sdkRoot, 'dist'), { recursive: true })).filter((f) =>
      f.endsWith('.js'),
    );
    expect(files).toContain('index.js');
    for (const file of files) {
      const code = await fs.readFile(join(sdkRoot, 'dist', file), 'utf8');
      const imports = [...code.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      expect(
        imports.filter((specifier) => !specifier.startsWith('.')),
        file,
      ).toEqual([]);
      expect(code, file).not.toMatch(/\b(process|Buffer|require)\b[.(]/);
    }
  });
});

describe('examples/record-demo.mjs', () => {
  it('runs with no settings but the URL against a server with demo data (the key `pnpm demo` prints)', async () => {
    const started = performance.now();
    expect(await seedDemoData(server.services)).toBe(true);
    console.log(`demo data seeded in ${Math.round(performance.now() - started)} ms`);
    const { USAGE_MONITOR_API_KEY: _unset, ...inherited } = process.env;
    const env = { ...inherited, USAGE_MONITOR_URL: server.url };
    const { stdout } = await run(process.execPath, [join(sdkRoot, 'examples', 'record-demo.mjs')], { env });
    expect(stdout).toMatch(/chat completion chatcmpl-demo-\w+: \$0\.01494 \(duplicate: false\)/);
    expect(stdout).toMatch(/queued smartflo:demo-\w+: \$0\.061666666667/);
    const acme = (await server.gql(`{ tenants(search: "Acme") { id } }`, {}, await server.adminToken())).data!
      .tenants[0].id;
    const { rows } = await server.services.db.pool.query(
      `select count(*)::int as n from usage_logs where tenant_id = $1 and metadata->>'source' is distinct from 'demo'`,
      [acme],
    );
    expect(rows[0].n).toBe(6);
  });

  it('records every provider-shaped event against a real server', async () => {
    const tenant = await createTenantWithAccess(server, 'Example Runner');
    const { stdout } = await run(process.execPath, [join(sdkRoot, 'examples', 'record-demo.mjs')], {
      env: { ...process.env, USAGE_MONITOR_URL: server.url, USAGE_MONITOR_API_KEY: tenant.apiKey },
    });
    expect(stdout).toContain('checkQuota(OPENAI, 2000): allowed=true');
    expect(stdout).toMatch(/chat completion chatcmpl-demo-\w+: \$0\.01494 \(duplicate: false\)/);
    expect(stdout).toContain('same completion again: duplicate=true');
    expect(stdout).toMatch(/queued resp_demo_\w+: \$0\.000345/);
    expect(stdout).toMatch(/queued smartflo:demo-\w+: \$0\.061666666667/);
    expect(stdout).not.toMatch(/BAD_USER_INPUT|DELIVERY_FAILED/);
    // One chat completion (its repeat counted nothing) and five queued events.
    expect(await logRows(server, tenant.tenantId)).toEqual({ rows: 6, requestIds: 6 });
  });
});
