#!/usr/bin/env node
// Starts the built server (embedded PostgreSQL unless DATABASE_URL is set) and prints where
// everything is. `--demo` fills an empty database with demo data (DEMO_DATA=1).
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../server/node-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'server', 'dist', 'main.js');
if (!existsSync(entry)) {
  console.error('The server is not built: run `pnpm build` first.');
  process.exit(1);
}
const demo = process.argv.includes('--demo');
const env = { ...process.env, ...(demo ? { DEMO_DATA: process.env.DEMO_DATA ?? '1' } : {}) };
const child = fork(entry, [], { env, stdio: 'inherit', execArgv: SERVER_NODE_FLAGS });

child.on('message', async (message) => {
  if (!message?.ready) return;
  const base = `http://localhost:${message.port}`;
  const lines = [
    '',
    '  Usage Monitor is running',
    `    API (GraphQL):   ${base}/graphql   (WebSocket subscriptions on the same path)`,
    `    Admin app:       ${base}/admin/`,
    `    Customer portal: ${base}/portal/`,
    `    Health:          ${base}/healthz`,
    '',
    `    Admin login:     ${env.ADMIN_EMAIL ?? 'admin@example.com'} / ${env.ADMIN_EMAIL ? '(ADMIN_PASSWORD)' : 'admin-password-123'}`,
  ];
  if (demo) {
    const { DEMO_TENANTS, DEMO_CUSTOMER_PASSWORD } = await import(join(root, 'server', 'dist', 'modules', 'usage', 'demo-data.js'));
    lines.push(`    Customer logins: <tenant>@customer.example / ${DEMO_CUSTOMER_PASSWORD}`);
    for (const tenant of DEMO_TENANTS) lines.push(`      ${tenant.name.padEnd(16)} ${tenant.email.padEnd(28)} API key ${tenant.apiKey}`);
  }
  lines.push('', '  Stop with Ctrl+C.', '');
  console.log(lines.join('\n'));
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
