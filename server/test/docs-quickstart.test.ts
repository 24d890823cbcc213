import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config/config.js';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { startOpenAiStandIn, type OpenAiStandIn } from './openai-stand-in.js';

/**
 * docs/quickstart.md's examples, run exactly as printed: each `<!-- example: name (language,
 * where) -->` block is written to a file in that package (so its imports resolve as they would in
 * a user's project) and run with USAGE_MONITOR_URL and USAGE_MONITOR_API_KEY set.
 */
const run = promisify(execFile);
const page = readFileSync(join(projectRoot, 'docs', 'quickstart.md'), 'utf8');
const examples = [...page.matchAll(/<!-- example: (\w+) \((\w+)(?:, (\w+))?\) -->\n```\w+\n([\s\S]*?)```/g)].map((m) => ({ name: m[1]!, language: m[2]!, where: m[3], code: m[4]! }));

let server: TestServer;
let standIn: OpenAiStandIn;
let env: Record<string, string>;
let tenantId: string;

beforeAll(async () => {
  standIn = await startOpenAiStandIn();
  server = await startTestServer({ env: { OPENAI_BASE_URL: standIn.baseUrl } });
  const tenant = await createTenantWithAccess(server, 'Quickstart Co');
  tenantId = tenant.tenantId;
  await server.gql(`mutation($t: ID!) { setProviderCredential(tenantId: $t, provider: OPENAI, secret: "sk-quickstart-tenant") { maskedKey } }`, { t: tenant.tenantId }, await server.adminToken());
  env = { ...process.env, USAGE_MONITOR_URL: server.httpUrl, USAGE_MONITOR_API_KEY: tenant.apiKey } as Record<string, string>;
});
afterAll(async () => {
  await server?.close();
  await standIn?.close();
});

async function logs(): Promise<{ source: string; request_id: string }[]> {
  await new Promise((r) => setTimeout(r, 100));
  return (await server.services.db.pool.query('select source, request_id from usage_logs where tenant_id = $1 order by recorded_at', [tenantId])).rows;
}

describe('docs/quickstart.md', () => {
  it('has the three examples', () => {
    expect(examples.map((e) => e.name)).toEqual(['gateway', 'sdk', 'graphql']);
  });

  it.each(examples.map((e) => [e.name, e] as const))('%s: runs as printed and meters the call', async (_name, example) => {
    const before = (await logs()).length;
    let stdout: string;
    if (example.language === 'bash') {
      ({ stdout } = await run('bash', ['-c', example.code], { env }));
      expect(JSON.parse(stdout).data.recordUsage.duplicate).toBe(false);
    } else {
      const file = join(projectRoot, example.where!, `.quickstart-${example.name}.mjs`);
      writeFileSync(file, example.code);
      try {
        ({ stdout } = await run(process.execPath, [file], { env }));
      } finally {
        rmSync(file, { force: true });
      }
    }
    const after = await logs();
    expect(after.length).toBe(before + 1);
    const added = after.at(-1)!;
    if (example.name === 'gateway') {
      expect(stdout.trim()).toBe('Metering is counting what was spent.');
      expect(added.source).toBe('GATEWAY');
    } else {
      expect(added.source).toBe('API');
    }
  });
});
