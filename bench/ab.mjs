#!/usr/bin/env node
// A/B of two builds of the server in one run: `node bench/ab.mjs --before=<dir> [--rounds=8]
// [--seconds=5] [--tenants=100] [--batch=500]`, where <dir> is a copy of server/dist taken before a change,
// inside server/ so it finds the same packages (`cp -r server/dist server/dist-before`, then
// change and `pnpm --filter server build`). Both run B1's load (recordUsage, 32 connections)
// against one PostgreSQL over TCP, on tenants of their own, in interleaved rounds (the order
// alternates); it prints each round, the median and spread of the per-round ratios after/before,
// and each side's server CPU per request. With --batch=N they run B3's load instead
// (recordUsages of N events, 4 connections): figures are then per N-event request.
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from './lib/load.mjs';
import { ROOT, adminToken, cpuSecondsOf, freePort, startServer } from './lib/servers.mjs';
import { createTenants } from './lib/setup.mjs';
import { SERVER_NODE_FLAGS } from '../server/node-flags.mjs';

async function startEntry(entry, databaseUrl) {
  const port = await freePort();
  const child = fork(entry, [], { env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'um-ab-')), DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, execArgv: SERVER_NODE_FLAGS, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve, reject) => { child.on('message', (m) => m?.ready && resolve()); child.once('exit', reject); });
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => child.kill('SIGTERM') };
}
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const before = arg('before');
if (!before) throw new Error('usage: node bench/ab.mjs --before=<copy of server/dist> [--rounds=8] [--seconds=5] [--tenants=100]');
const rounds = Number(arg('rounds', 8));
const seconds = Number(arg('seconds', 5));
const tenantCount = Number(arg('tenants', 100));
const batchSize = Number(arg('batch', 0));
const load = batchSize > 0 ? { mode: 'batch', batchSize, connections: 4 } : { mode: 'single', connections: 32 };
const db = await startServer();
const token = await adminToken(db.baseUrl);
const variants = [['before', join(before, 'main.js')], ['after', join(ROOT, 'server', 'dist', 'main.js')]];
const started = [];
for (const [name, entry] of variants) started.push({ name, server: await startEntry(entry, db.databaseUrl), keys: (await createTenants(db.baseUrl, token, `ab-${name}`, tenantCount)).map((t) => t.key), rps: [], cpu: [] });
for (let r = 0; r < rounds; r++) {
  for (const v of r % 2 ? [...started].reverse() : started) {
    const cpu0 = cpuSecondsOf([v.server.pid]);
    const res = await runLoad({ urls: [v.server.baseUrl], ...load, keys: v.keys, seconds, warmupSeconds: r === 0 ? 3 : 1 });
    const cpu = cpuSecondsOf([v.server.pid]) - cpu0;
    v.rps.push(res.ok / res.seconds);
    v.cpu.push((cpu * 1000) / (res.ok + res.warmupOk));
    console.log(`round ${r + 1} ${v.name}: ${Math.round(res.ok / res.seconds)} req/s, ${((cpu * 1000) / (res.ok + res.warmupOk)).toFixed(3)} ms CPU/req, errors ${res.non2xx + res.errors + res.gqlErrors}`);
  }
}
const ratios = started[1].rps.map((x, i) => x / started[0].rps[i]).sort((a, b) => a - b);
const med = (l) => { const s = [...l].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
console.log(`after/before req/s per round: median ${med(ratios).toFixed(3)} (${ratios[0].toFixed(3)}–${ratios.at(-1).toFixed(3)}); CPU/req before ${med(started[0].cpu).toFixed(3)} ms, after ${med(started[1].cpu).toFixed(3)} ms (medians)`);
for (const v of started) v.server.stop();
await db.stop();
process.exit(0);
