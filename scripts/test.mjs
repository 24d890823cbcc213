#!/usr/bin/env node
// The README's test command: installs what the tests need (Debian's chromium), builds everything,
// runs every check (generated files, contract, types, lint) and every test (server on real
// PostgreSQL, both apps, browser tests, benchmark smoke run). Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (command, options = {}) => {
  console.log(`\n$ ${command}`);
  const result = spawnSync(command, { stdio: 'inherit', shell: true, ...options });
  if (result.status !== 0) {
    console.error(`\nFAILED: ${command} (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
};

/** Debian packages the tests drive: chromium (browser tests) and pgbouncer (server/test/pgbouncer.test.ts). */
function ensureDebianPackages() {
  const missing = [];
  if (!(process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) && !existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!(process.env.PGBOUNCER_PATH && existsSync(process.env.PGBOUNCER_PATH)) && !existsSync('/usr/sbin/pgbouncer')) missing.push('pgbouncer');
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`The tests need ${missing.join(' and ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` (or set CHROMIUM_PATH / PGBOUNCER_PATH), then run the tests again.`);
    process.exit(1);
  }
  console.log(`Installing Debian ${missing.join(' and ')} for the tests…`);
  run(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')} > /dev/null`);
}

// Run pnpm the way we were started (npx pnpm@… puts it on PATH; a global install works too).
const pnpm = process.env.npm_execpath?.includes('pnpm') ? `"${process.execPath}" "${process.env.npm_execpath}"` : 'pnpm';

const started = Date.now();
ensureDebianPackages();
run(`${pnpm} build`);
run(`${pnpm} check`);
run(`${pnpm} exec vitest run`);
console.log(`\nAll checks and tests passed in ${Math.round((Date.now() - started) / 1000)} s.`);
