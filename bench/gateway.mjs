// The metering gateway's targets (issue 19), each measured against calling the provider's
// stand-in directly, in one run:
//   G1  non-streamed chat completions at 64 connections: requests/s ≥ 0.7 × direct, p50 overhead ≤ 2 ms,
//       with the stand-in taking 100 ms per answer (a provider's own time: a short real chat
//       completion takes 300 ms and more); G1₀ repeats it with an instant stand-in, where both
//       sides are bound by this machine's two cores and the ratio shows the gateway's CPU per call
//       rather than its delay
//   G1₁ the same call made by one caller at a time: the gateway's own delay without a queue (reported)
//   G2  time to the first byte of a streamed chat completion: overhead ≤ 2 ms (median of a closed loop)
//   G3  server RSS while 100 concurrent 5 MB audio answers stream through: ≤ 400 MB
// Usage: node bench/gateway.mjs [--short]. Prints the table and writes it to bench/out/gateway.md and
// gateway.json (scratch, not committed: bench/results keeps only the full run's latest.*).
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { quantile } from './lib/quantile.mjs';
import { adminToken, cpuSecondsOf, gql, memoryOf, postgresPids, ROOT, startServer } from './lib/servers.mjs';
import { createTenants } from './lib/setup.mjs';

const SHORT = process.argv.includes('--short');
const ROUND_SECONDS = SHORT ? 2 : 5;
const ROUNDS = SHORT ? 1 : 5;
const TTFB_SAMPLES = SHORT ? 50 : 400;
const AUDIO_STREAMS = SHORT ? 10 : 100;

function startStandIn() {
  return new Promise((resolve, reject) => {
    const child = fork(join(ROOT, 'bench', 'lib', 'provider-stand-in.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', ({ port }) => resolve({ child, baseUrl: `http://127.0.0.1:${port}/v1` }));
    child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
  });
}

const chat = (latencyMs) => JSON.stringify({ model: 'gpt-4o-mini', user: `latency-${latencyMs}`, messages: [{ role: 'user', content: 'benchmark' }] });

function cannon(url, key, seconds, latencyMs) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(
      { url, method: 'POST', connections: 64, duration: seconds, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: chat(latencyMs) },
      (error, result) => (error ? reject(error) : resolve({ result, latencies: latencies.sort((x, y) => x - y) })),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
}

/** One whole non-streamed call, as a single caller sees it. */
async function wholeCall(url, key) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: chat(0) });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`whole call ${response.status}`);
  return performance.now() - started;
}

async function ttfb(url, key, stream) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-4o-mini', stream, messages: [{ role: 'user', content: 'first byte' }] }) });
  const reader = response.body.getReader();
  await reader.read();
  const ms = performance.now() - started;
  while (!(await reader.read()).done);
  return ms;
}

const median = (sorted) => sorted[Math.floor(sorted.length / 2)];

async function main() {
  const startedAt = Date.now();
  const standIn = await startStandIn();
  const server = await startServer({ env: { OPENAI_BASE_URL: standIn.baseUrl, LOG_LEVEL: 'warn' } });
  const results = { rows: [] };
  try {
    const token = await adminToken(server.baseUrl);
    const [tenant] = await createTenants(server.baseUrl, token, 'gateway-bench', 1);
    await gql(server.baseUrl, 'mutation($t: ID!) { setProviderCredential(tenantId: $t, provider: OPENAI, secret: "sk-bench-tenant-key") { maskedKey } }', { t: tenant.id }, token);
    const direct = `${standIn.baseUrl}/chat/completions`;
    const gateway = `${server.baseUrl}/gateway/openai/v1/chat/completions`;

    // CPU seconds per process group over one round: where a gateway call's time goes on two cores.
    const cpuNow = () => {
      const pg = postgresPids(server);
      return { server: cpuSecondsOf([server.pid]), postgres: cpuSecondsOf(pg), standIn: cpuSecondsOf([standIn.child.pid]), load: cpuSecondsOf([process.pid]) };
    };
    // G1 (100 ms provider) and G1₀ (instant provider): interleaved rounds after a warm-up of each side.
    await cannon(direct, 'sk-bench', 2, 0);
    await cannon(gateway, tenant.key, 2, 0);
    for (const [id, latencyMs] of [['G1', 100], ['G1₀', 0]]) {
      const g1 = { direct: [], gateway: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const [side, url, key] of [['direct', direct, 'sk-bench'], ['gateway', gateway, tenant.key]]) {
          const cpu0 = cpuNow();
          const { result, latencies } = await cannon(url, key, ROUND_SECONDS, latencyMs);
          const cpu1 = cpuNow();
          if (result.non2xx > 0 || result.errors > 0) throw new Error(`${id} ${side}: ${result.non2xx} non-2xx, ${result.errors} errors`);
          const perCall = Object.fromEntries(Object.keys(cpu0).map((k) => [k, ((cpu1[k] - cpu0[k]) * 1000) / result.requests.total]));
          g1[side].push({ rps: result.requests.total / ROUND_SECONDS, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), perCall });
        }
      }
      const ratios = g1.gateway.map((g, i) => g.rps / g1.direct[i].rps).sort((x, y) => x - y);
      const overheads = g1.gateway.map((g, i) => g.p50 - g1.direct[i].p50).sort((x, y) => x - y);
      const cpuOf = (k) => median(g1.gateway.map((g) => g.perCall[k]).sort((x, y) => x - y)).toFixed(2);
      results.rows.push({
        id,
        scenario: `non-streamed chat completions, 64 connections, stand-in answering in ${latencyMs} ms, gateway vs the stand-in directly (${ROUNDS} interleaved rounds of ${ROUND_SECONDS} s)`,
        measured: `median ${median(ratios).toFixed(2)} × direct (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}); p50 overhead median ${median(overheads).toFixed(2)} ms (rounds ${overheads.map((o) => o.toFixed(2)).join(', ')}); direct ${Math.round(median(g1.direct.map((d) => d.rps).sort((x, y) => x - y)))} req/s, gateway ${Math.round(median(g1.gateway.map((d) => d.rps).sort((x, y) => x - y)))} req/s; CPU per gateway call: server ${cpuOf('server')} ms, PostgreSQL ${cpuOf('postgres')} ms, stand-in ${cpuOf('standIn')} ms, load generator ${cpuOf('load')} ms`,
        target: latencyMs > 0 ? '≥ 0.7 × direct; p50 overhead ≤ 2 ms' : 'reported (CPU-bound on 2 cores)',
        pass: latencyMs > 0 ? median(ratios) >= 0.7 && median(overheads) <= 2 : null,
      });
    }

    // G1₁: the same call one at a time (no queue in front of it): what the gateway adds to one call.
    const single = { direct: [], gateway: [] };
    for (let i = 0; i < TTFB_SAMPLES; i++) {
      single.direct.push(await wholeCall(direct, 'sk-bench'));
      single.gateway.push(await wholeCall(gateway, tenant.key));
    }
    single.direct.sort((x, y) => x - y);
    single.gateway.sort((x, y) => x - y);
    const singleOverhead = quantile(single.gateway, 0.5) - quantile(single.direct, 0.5);
    results.rows.push({
      id: 'G1₁',
      scenario: `non-streamed chat completion, one caller at a time, ${TTFB_SAMPLES} calls each, alternating`,
      measured: `median direct ${quantile(single.direct, 0.5).toFixed(2)} ms, gateway ${quantile(single.gateway, 0.5).toFixed(2)} ms: overhead ${singleOverhead.toFixed(2)} ms (p90 ${(quantile(single.gateway, 0.9) - quantile(single.direct, 0.9)).toFixed(2)} ms)`,
      target: 'reported (G1 at 64 connections adds the queue of a 64-call burst)',
      pass: null,
    });

    // G2: time to first byte, alternating direct and gateway calls one at a time.
    const first = { direct: [], gateway: [] };
    for (let i = 0; i < TTFB_SAMPLES; i++) {
      first.direct.push(await ttfb(direct, 'sk-bench', true));
      first.gateway.push(await ttfb(gateway, tenant.key, true));
    }
    first.direct.sort((x, y) => x - y);
    first.gateway.sort((x, y) => x - y);
    const ttfbOverhead = quantile(first.gateway, 0.5) - quantile(first.direct, 0.5);
    results.rows.push({
      id: 'G2',
      scenario: `time to first streamed byte, ${TTFB_SAMPLES} calls each, alternating`,
      measured: `median direct ${quantile(first.direct, 0.5).toFixed(2)} ms, gateway ${quantile(first.gateway, 0.5).toFixed(2)} ms: overhead ${ttfbOverhead.toFixed(2)} ms (p90 ${(quantile(first.gateway, 0.9) - quantile(first.direct, 0.9)).toFixed(2)} ms)`,
      target: 'overhead ≤ 2 ms',
      pass: ttfbOverhead <= 2,
    });

    // G3: many large audio answers at once, read slowly by their callers.
    const before = memoryOf(server.child.pid).rssMb;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(server.child.pid).rssMb)), 50);
    const speech = `${server.baseUrl}/gateway/openai/v1/audio/speech`;
    const bytes = await Promise.all(
      Array.from({ length: AUDIO_STREAMS }, async () => {
        const response = await fetch(speech, { method: 'POST', headers: { authorization: `Bearer ${tenant.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'tts-1', voice: 'alloy', input: 'A long answer to stream.' }) });
        if (!response.ok) throw new Error(`audio ${response.status}`);
        const reader = response.body.getReader();
        let total = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return total;
          total += value.length;
          // A slow listener: the gateway must hold back, not buffer the whole answer.
          await new Promise((r) => setTimeout(r, 2));
        }
      }),
    );
    clearInterval(sampler);
    const all = bytes.reduce((sum, b) => sum + b, 0);
    results.rows.push({
      id: 'G3',
      scenario: `server RSS while ${AUDIO_STREAMS} concurrent 5 MB audio answers stream through`,
      measured: `peak ${peak.toFixed(0)} MB (before ${before.toFixed(0)} MB); ${(all / 1024 / 1024).toFixed(0)} MB delivered`,
      target: '≤ 400 MB',
      pass: peak <= 400 && all === AUDIO_STREAMS * 5 * 1024 * 1024,
    });
  } finally {
    await server.stop();
    standIn.child.kill();
  }
  const header = `# Gateway benchmark (${SHORT ? 'short' : 'full'} run)\n\nRun ${new Date(startedAt).toISOString()} in ${Math.round((Date.now() - startedAt) / 1000)} s on ${cpus().length} × ${cpus()[0]?.model.trim().split(' ').slice(0, 2).join(' ')}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, Node ${process.version}; the machine is shared, so ratios measured in one run are the targets. Command: \`node bench/gateway.mjs${SHORT ? ' --short' : ''}\`.\n\n`;
  const table = ['| # | scenario | measured | target | result |', '|---|---|---|---|---|', ...results.rows.map((r) => `| ${r.id} | ${r.scenario} | ${r.measured} | ${r.target} | ${r.pass === null ? '—' : r.pass ? 'pass' : 'MISSED'} |`)].join('\n');
  const out = join(ROOT, 'bench', 'out');
  mkdirSync(out, { recursive: true });
  if (!SHORT) {
    writeFileSync(join(out, 'gateway.md'), `${header}${table}\n`);
    writeFileSync(join(out, 'gateway.json'), `${JSON.stringify(results, null, 2)}\n`);
  }
  console.log(`${header}${table}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
