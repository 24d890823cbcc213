#!/usr/bin/env node
// `pnpm bench`: the performance targets (docs/benchmarks.md), measured side by side in one run.
//   node bench/run.mjs            full run (exits non-zero when a target is missed)
//   node bench/run.mjs --short    a few seconds per scenario, small data (CI: fails only on
//                                 crashes, errors and lost events, never on noisy ratios)
//   --logs=N                      B4's large size (default 10,000,000; short: 100,000)
//   --only=B0,B1,...              a subset (ratios need their reference in the subset)
//   BENCH_SERVER_ARGS="--flag …"  extra node flags for the servers under test (experiments only:
//                                 a quoted run uses the server exactly as it starts in production)
// Assumes `pnpm build` ran. A full run writes bench/results/latest.md (the table) and
// latest.json (the same figures, machine-readable); --short, --only/--logs and BENCH_SERVER_ARGS
// runs write bench/out/short.*, partial.* or experiment.* instead, so latest.* is always a full run of
// the server as it starts in production.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureAlertDelivery } from './lib/alerts.mjs';
import { initialJavaScript } from './lib/bundles.mjs';
import { connect, createTenantsSql, dashboardQueries, loadLogs, rebuildAggregates, vacuumAggregates } from './lib/dashboards.mjs';
import { endUserQueries, loadEndUserLogs, vacuumEndUserAggregates } from './lib/end-users.mjs';
import { runLoad, sampleMemory } from './lib/load.mjs';
import { quantile } from './lib/quantile.mjs';
import { ROOT, adminToken, cpuSecondsOf, freePort, memoryOf, postgresPids, startCeiling, startServer } from './lib/servers.mjs';
import { startStandbyOf } from './lib/standby.mjs';
import { createTenants } from './lib/setup.mjs';

const args = process.argv.slice(2);
const SHORT = args.includes('--short');
const arg = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ONLY = arg('only')?.split(',');
const P = SHORT
  ? { seconds: 2, rounds: 2, warmup: 1, b10Logs: 20_000, rewarm: 0, tenants: 20, b4Small: 10_000, b4Large: Number(arg('logs') ?? 100_000), b4Tenants: 100, probeSamples: 15, alertRounds: 10, b8EndUsers: 10_000, b9Small: 1_000, b9Large: 10_000, b9LogsPerUser: 2 }
  : { seconds: 25, rounds: 5, warmup: 5, b10Logs: 1_000_000, rewarm: 1, tenants: 100, b4Small: 100_000, b4Large: Number(arg('logs') ?? 10_000_000), b4Tenants: 1_000, probeSamples: 100, alertRounds: 50, b8EndUsers: 10_000, b9Small: 10_000, b9Large: 1_000_000, b9LogsPerUser: 2 };
const wanted = (id) => !ONLY || ONLY.includes(id);

const rows = [];
const failures = [];
const log = (message) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');

function row(id, scenario, figure, target, pass, values = {}) {
  rows.push({ id, scenario, figure, target, pass, values });
  log(`${id} ${scenario}: ${figure} (target ${target}) ${pass === undefined ? '' : pass ? 'PASS' : 'MISS'}`);
}

async function commits(server) {
  if (!server.databaseUrl) return 0;
  const client = await connect(server.databaseUrl);
  try {
    const { rows: stat } = await client.query('select xact_commit::bigint as n from pg_stat_database where datname = current_database()');
    return Number(stat[0].n);
  } finally {
    await client.end();
  }
}

/**
 * One load job, with the CPU time the servers and PostgreSQL spent on it (backends that start
 * during the job count from zero) and the commits it caused.
 */
async function measureJob(servers, job, database = servers[0]) {
  const pgBefore = new Map((database.dataDir ? postgresPids(database) : []).map((pid) => [pid, cpuSecondsOf([pid])]));
  const apps = servers.map((s) => s.pid);
  const app0 = cpuSecondsOf(apps);
  const commits0 = await commits(database);
  const result = await runLoad(job);
  result.appCpuSeconds = cpuSecondsOf(apps) - app0;
  const pgAfter = database.dataDir ? postgresPids(database) : [];
  result.pgCpuSeconds = pgAfter.reduce((sum, pid) => sum + cpuSecondsOf([pid]) - (pgBefore.get(pid) ?? 0), 0);
  // PostgreSQL publishes a backend's counters at most once a second.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  result.commits = database.databaseUrl ? (await commits(database)) - commits0 : NaN;
  return result;
}

/**
 * Scenarios that are compared with each other run in interleaved rounds (B0, B1, B2, B3, then
 * again), not one after the other: the shared machine's speed drifts over minutes (B0 alone
 * measured 2,713 to 3,521 requests/s a minute apart), and a ratio of two figures taken at
 * different moments carries that drift. Each scenario's rounds are pooled: requests/s over its
 * measured seconds, p50/p99 over all its latencies, CPU and commits per acknowledged request.
 */
async function interleaved(scenarios, rounds) {
  const totals = scenarios.map(() => ({ ok: 0, sent: 0, warmupOk: 0, warmupSent: 0, non2xx: 0, errors: 0, gqlErrors: 0, firstError: '', seconds: 0, latencies: [], runs: [], appCpuSeconds: 0, pgCpuSeconds: 0, commits: 0, rounds: [] }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, scenario] of scenarios.entries()) {
      // The first round warms each scenario up fully; later ones re-open connections and refill
      // caches after the other scenarios ran.
      const warmupSeconds = round === 0 ? P.warmup : P.rewarm;
      const r = await measureJob(scenario.servers, { ...scenario.job, seconds: P.seconds / rounds, warmupSeconds }, scenario.database);
      const t = totals[i];
      for (const key of ['ok', 'sent', 'warmupOk', 'warmupSent', 'non2xx', 'errors', 'gqlErrors', 'seconds', 'appCpuSeconds', 'pgCpuSeconds', 'commits']) t[key] += r[key];
      t.firstError ||= r.firstError;
      t.latencies.push(...r.latencies);
      t.runs.push(...r.runs);
      const sorted = Float64Array.from(r.latencies).sort();
      t.rounds.push({ rps: r.ok / r.seconds, p99: quantile(sorted, 0.99) });
      log(`  ${scenario.id ?? ''} round ${round + 1}: ${fmt(r.ok / r.seconds)} req/s, p99 ${ms(quantile(sorted, 0.99))}, server CPU ${fmt((r.appCpuSeconds * 1000) / (r.ok + r.warmupOk), 2)} ms/req`);
    }
  }
  return totals.map((t) => {
    const sorted = Float64Array.from(t.latencies).sort();
    const done = t.ok + t.warmupOk;
    return { ...t, latencies: undefined, rps: t.ok / t.seconds, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), appCpuMs: (t.appCpuSeconds * 1000) / done, pgCpuMs: (t.pgCpuSeconds * 1000) / done, commitsPerRequest: t.commits / done };
  });
}

/**
 * A ratio taken round by round (each round's figure over the reference's figure in the same
 * round, so both saw the same moment of the shared machine): its median and spread.
 */
function roundRatios(subject, reference, pick = (round) => round.rps) {
  const ratios = subject.rounds.map((round, i) => pick(round) / pick(reference.rounds[i])).sort((x, y) => x - y);
  const median = ratios.length % 2 ? ratios[(ratios.length - 1) / 2] : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
  return { median, min: ratios[0], max: ratios.at(-1), ratios };
}
const spread = (r) => `median ${fmt(r.median, 2)} (${fmt(r.min, 2)}–${fmt(r.max, 2)} over ${r.ratios.length} rounds)`;

/** The pooled figures of one load scenario, for latest.json. */
const loadValues = (r) => ({ requestsPerSecond: r.rps, p50Ms: r.p50, p99Ms: r.p99, serverCpuMsPerRequest: r.appCpuMs, postgresCpuMsPerRequest: r.pgCpuMs, commitsPerRequest: r.commitsPerRequest });
const cpuNote = (r, per = 'req') => `; CPU/${per}: server ${fmt(r.appCpuMs, 2)} ms, PostgreSQL ${fmt(r.pgCpuMs, 2)} ms; ${fmt(r.commitsPerRequest, 2)} commits/${per}`;
const ms = (n) => `${fmt(n, 1)} ms`;

/** Errors are never noise: any non-2xx, GraphQL error or transport error fails even --short. */
function checkClean(id, result) {
  if (result.non2xx || result.errors || result.gqlErrors) {
    failures.push(`${id}: ${result.non2xx} non-2xx, ${result.errors} transport errors, ${result.gqlErrors} GraphQL errors ${result.firstError}`);
  }
}

/**
 * Exactly once, per scenario: every acknowledged event is stored, and nothing beyond what was
 * sent. The load generator's requestIds start with its run's id, so each scenario's events are
 * counted on their own however the rounds interleaved.
 */
async function checkNoLoss(server, checks) {
  // Requests cut off when a load stopped may still commit: let them land before counting.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const client = await connect(server.databaseUrl);
  try {
    const { rows: counted } = await client.query("select split_part(request_id, '-', 1) as run, count(*)::int as n from usage_logs group by 1");
    const storedByRun = new Map(counted.map((r) => [r.run, r.n]));
    for (const { id, result, eventsPerRequest } of checks) {
      const stored = result.runs.reduce((sum, run) => sum + (storedByRun.get(run) ?? 0), 0);
      const acked = (result.ok + result.warmupOk) * eventsPerRequest;
      const sent = (result.sent + result.warmupSent) * eventsPerRequest;
      if (stored < acked || stored > sent) failures.push(`${id}: ${acked} events acknowledged, ${sent} sent, ${stored} stored`);
    }
  } finally {
    await client.end();
  }
}

async function ingestion() {
  const figures = {};
  const ceiling = wanted('B0') ? await startCeiling() : undefined;
  const a = await startServer();
  let b;
  try {
    const token = await adminToken(a.baseUrl);
    // Each scenario has tenants of its own: a tenant's state (today's cost, which decides the
    // cost-spike check) then comes from its own scenario's events only, whatever ran before it
    // in the rounds (B3's batches put hundreds of thousands of events on its tenants).
    log(`creating ${P.tenants} + 1 + ${P.tenants} + ${P.tenants} tenants (B1, B2, B3, B8) with API keys and quotas through the API`);
    const tenants = await createTenants(a.baseUrl, token, 'bench-b1', P.tenants);
    const keys = tenants.map((t) => t.key);
    const burstingTenant = wanted('B2') ? (await createTenants(a.baseUrl, token, 'bench-b2', 1))[0] : undefined;
    // B1t/B2t: another instance whose DATABASE_URL reaches the same PostgreSQL over TCP on
    // 127.0.0.1, as a deployment with a separate database server does (B1/B2 use the embedded
    // database's Unix socket); tenants of their own.
    const tcpKeys = wanted('B1t') ? (await createTenants(a.baseUrl, token, 'bench-b1t', P.tenants)).map((t) => t.key) : [];
    const tcpBurstingTenant = wanted('B2t') ? (await createTenants(a.baseUrl, token, 'bench-b2t', 1))[0] : undefined;
    const tcpBatchKeys = wanted('B3t') ? (await createTenants(a.baseUrl, token, 'bench-b3t', P.tenants)).map((t) => t.key) : [];
    const tcp = ['B1t', 'B2t', 'B3t'].some(wanted) ? await startServer({ databaseUrl: a.databaseUrl }) : undefined;
    b = tcp;
    const batchKeys = wanted('B3') ? (await createTenants(a.baseUrl, token, 'bench-b3', P.tenants)).map((t) => t.key) : [];
    // B8's tenants also cap each end user's month (never reached), so every event runs that check too.
    const endUserKeys = wanted('B8') ? (await createTenants(a.baseUrl, token, 'bench-b8', P.tenants, { endUserMonthlyCostLimitUsd: '1000000000' })).map((t) => t.key) : [];
    const stopSampling = sampleMemory(memoryOf, a.pid);

    const scenarios = [
      ceiling && { id: 'B0', servers: [ceiling], job: { urls: [ceiling.baseUrl], mode: 'single', connections: 32, keys: ['um_bench_not_checked_by_b0'] } },
      wanted('B1') && { id: 'B1', events: 1, servers: [a], job: { urls: [a.baseUrl], mode: 'single', connections: 32, keys } },
      tcp && wanted('B1t') && { id: 'B1t', events: 1, servers: [tcp], database: a, job: { urls: [tcp.baseUrl], mode: 'single', connections: 32, keys: tcpKeys } },
      // Right after B1, so both follow comparable load: after B3 it would meet B3's write-back.
      wanted('B8') && { id: 'B8', events: 1, servers: [a], job: { urls: [a.baseUrl], mode: 'single', connections: 32, keys: endUserKeys, endUsers: { perTenant: P.b8EndUsers, hot: 5 } } },
      wanted('B2') && { id: 'B2', events: 1, servers: [a], job: { urls: [a.baseUrl], mode: 'single', connections: 32, keys: [burstingTenant?.key] } },
      tcp && wanted('B2t') && { id: 'B2t', events: 1, servers: [tcp], database: a, job: { urls: [tcp.baseUrl], mode: 'single', connections: 32, keys: [tcpBurstingTenant?.key] } },
      wanted('B3') && { id: 'B3', events: 500, servers: [a], job: { urls: [a.baseUrl], mode: 'batch', batchSize: 500, connections: 4, keys: batchKeys } },
      tcp && wanted('B3t') && { id: 'B3t', events: 500, servers: [tcp], database: a, job: { urls: [tcp.baseUrl], mode: 'batch', batchSize: 500, connections: 4, keys: tcpBatchKeys } },
    ].filter(Boolean);
    log(`${scenarios.map((s) => s.id).join(', ')} in ${P.rounds} interleaved rounds of ${P.seconds / P.rounds} s each (B0: bare Apollo Server; B1: recordUsage, 32 connections, ${P.tenants} tenants; B2: one tenant; B3: recordUsages, 500 events, 4 connections; B8: B1 with an end user on every event, ${fmt(P.b8EndUsers)} per tenant; B1t/B2t/B3t: B1/B2/B3 with PostgreSQL over TCP)`);
    const measured = await interleaved(scenarios, P.rounds);
    scenarios.forEach((s, i) => (figures[s.id.toLowerCase()] = measured[i]));
    for (const s of scenarios) checkClean(s.id, figures[s.id.toLowerCase()]);
    await checkNoLoss(a, scenarios.filter((s) => s.events).map((s) => ({ id: s.id, result: figures[s.id.toLowerCase()], eventsPerRequest: s.events })));

    const { b0, b1, b2, b3, b8, b1t, b2t, b3t } = figures;
    if (b0) row('B0', 'ceiling: bare Apollo Server, trivial mutation, 32 conn', `${fmt(b0.rps)} req/s, p99 ${ms(b0.p99)}; CPU/req: server ${fmt(b0.appCpuMs, 2)} ms`, 'reference', undefined, loadValues(b0));
    // B1 and B1t against B0 round by round: the median decides, the spread shows how repeatable it is.
    for (const [id, b1x, how] of [['B1', b1, 'Unix socket'], ['B1t', b1t, 'TCP 127.0.0.1']]) {
      if (!b1x) continue;
      const ratio = b0 ? roundRatios(b1x, b0) : undefined;
      const p99Ratio = b0 ? roundRatios(b1x, b0, (round) => round.p99) : undefined;
      const figure = ratio
        ? `${fmt(b1x.rps)} req/s; req/s ÷ B0 ${spread(ratio)}; p99 ${ms(b1x.p99)}, p99 ÷ B0's ${spread(p99Ratio)}${cpuNote(b1x)}`
        : `${fmt(b1x.rps)} req/s; p99 ${ms(b1x.p99)}${cpuNote(b1x)}`;
      const values = { ...loadValues(b1x), ratioToB0: ratio?.median, ratioToB0Rounds: ratio?.ratios, p99RatioToB0: p99Ratio?.median, p99RatioToB0Rounds: p99Ratio?.ratios };
      row(id, `recordUsage, 1 event/request, 32 conn, ${P.tenants} tenants, PostgreSQL over ${how}`, figure, 'median ≥ 0.60 × B0 req/s; median p99 ≤ 2 × B0', ratio ? ratio.median >= 0.6 && p99Ratio.median <= 2 : undefined, values);
    }
    if (b2t) {
      const ratio = b1t ? roundRatios(b2t, b1t) : undefined;
      row('B2t', 'B1t with every request for one tenant (TCP)', `${fmt(b2t.rps)} req/s; ÷ B1t ${ratio ? spread(ratio) : 'n/a'}; p99 ${ms(b2t.p99)}${cpuNote(b2t)}`, 'median ≥ 0.90 × B1t', ratio ? ratio.median >= 0.9 : undefined, { ...loadValues(b2t), ratioToB1t: ratio?.median, ratioToB1tRounds: ratio?.ratios });
    }
    if (b2) {
      const ratio = b1 ? b2.rps / b1.rps : NaN;
      row('B2', 'B1 with every request for one tenant', `${fmt(b2.rps)} req/s = ${fmt(ratio, 2)} × B1; p99 ${ms(b2.p99)}${cpuNote(b2)}`, '≥ 0.90 × B1', ratio >= 0.9, { ...loadValues(b2), ratioToB1: ratio });
    }
    if (b3) {
      const eventsPerSecond = b3.rps * 500;
      const ratio = b1 ? eventsPerSecond / b1.rps : NaN;
      row('B3', 'recordUsages, 500 events/request, 4 conn', `${fmt(eventsPerSecond)} events/s = ${fmt(ratio, 1)} × B1; p99 ${ms(b3.p99)}${cpuNote(b3, '500 events')}`, 'events/s ≥ 10 × B1', ratio >= 10, { ...loadValues(b3), eventsPerSecond, ratioToB1: ratio });
    }
    if (b3t) {
      const eventsPerSecond = b3t.rps * 500;
      const ratio = b1t ? eventsPerSecond / b1t.rps : NaN;
      row('B3t', 'recordUsages, 500 events/request, 4 conn (TCP)', `${fmt(eventsPerSecond)} events/s = ${fmt(ratio, 1)} × B1t; p99 ${ms(b3t.p99)}${cpuNote(b3t, '500 events')}`, 'events/s ≥ 10 × B1t', ratio >= 10, { ...loadValues(b3t), eventsPerSecond, ratioToB1t: ratio });
    }
    if (b8) {
      // Round by round against the B1 round just before it, as B1t and B2t: the pairs cancel the
      // machine's drift between rounds, which the pooled ratio (shown beside it) does not.
      const ratio = b1 ? roundRatios(b8, b1) : undefined;
      const pooled = b1 ? b8.rps / b1.rps : NaN;
      row('B8', `B1 with endUser on every event (${fmt(P.b8EndUsers)} end users per tenant, 5 hot)`, `${fmt(b8.rps)} req/s; ÷ B1 ${ratio ? spread(ratio) : 'n/a'}, pooled ${fmt(pooled, 2)}; p99 ${ms(b8.p99)}${cpuNote(b8)}`, 'median ≥ 0.90 × B1', ratio ? ratio.median >= 0.9 : undefined, { ...loadValues(b8), ratioToB1: ratio?.median, ratioToB1Rounds: ratio?.ratios, pooledRatioToB1: pooled, endUsersPerTenant: P.b8EndUsers });
    }
    const sampled = stopSampling();
    if (wanted('B6')) {
      const peak = memoryOf(a.pid).peakMb;
      row('B6', 'server memory under B1–B3 and B8 (peak RSS since start, VmHWM)', `${fmt(peak)} MB (highest sampled ${fmt(sampled)} MB)`, '≤ 300 MB', peak <= 300, { peakRssMb: peak, highestSampledMb: sampled });
    }

    // The second instance (the TCP one when B1t/B2t ran): the same database.
    if (wanted('B1x2') || wanted('B5')) b ??= await startServer({ databaseUrl: a.databaseUrl });
    if (wanted('B1x2')) {
      log('B1x2: recordUsage across two instances on one database, 32 connections');
      const [two] = await interleaved([{ servers: [a, b], job: { urls: [a.baseUrl, b.baseUrl], mode: 'single', connections: 32, keys } }], 1);
      checkClean('B1x2', two);
      await checkNoLoss(a, [{ id: 'B1x2', result: two, eventsPerRequest: 1 }]);
      const ratio = b1 ? two.rps / b1.rps : NaN;
      row('B1x2', 'B1 against two instances (one PostgreSQL)', `${fmt(two.rps)} req/s = ${fmt(ratio, 2)} × B1; p99 ${ms(two.p99)}${cpuNote(two)}`, 'reported (docs/scaling.md)', undefined, { ...loadValues(two), ratioToB1: ratio });
    }
    if (wanted('B5')) {
      log(`B5: alert delivery, ${P.alertRounds} rounds`);
      const b5 = await measureAlertDelivery({ recordOn: a, others: [b], token, tenant: tenants.at(-1), rounds: P.alertRounds });
      if (b5.lost) failures.push(`B5: ${b5.lost} alerts not received within 5 s`);
      row('B5', `alert delivery after the recordUsage response (${b5.samples} alerts)`, `same instance p99 ${fmt(b5.sameP99, 1)} ms (max ${fmt(b5.sameMax, 1)}); other instance p99 ${fmt(b5.otherP99, 1)} ms (max ${fmt(b5.otherMax, 1)})`, '≤ 1 s always', b5.lost === 0 && b5.sameMax <= 1000 && b5.otherMax <= 1000, { alerts: b5.samples, lost: b5.lost, sameInstanceP99Ms: b5.sameP99, sameInstanceMaxMs: b5.sameMax, otherInstanceP99Ms: b5.otherP99, otherInstanceMaxMs: b5.otherMax });
    }
  } finally {
    await b?.stop();
    await a.stop();
    await ceiling?.stop();
  }
}

async function dashboards() {
  const server = await startServer({ env: { USAGE_LOG_RETENTION_DAYS: '400' } });
  try {
    const token = await adminToken(server.baseUrl);
    const client = await connect(server.databaseUrl);
    const tenantIds = await createTenantsSql(client, 'history', P.b4Tenants);
    const queries = dashboardQueries(tenantIds[7]);
    const measure = async (size) => {
      log(`B4: loading logs up to ${fmt(size)} over 365 days`);
      const started = Date.now();
      const { rows: counted } = await client.query('select count(*)::int as n from usage_logs');
      await loadLogs(client, tenantIds, size - counted[0].n, 365, (n) => log(`  … ${fmt(counted[0].n + n)} logs`));
      const loadSeconds = (Date.now() - started) / 1000;
      const rebuildSeconds = rebuildAggregates(server);
      await vacuumAggregates(client);
      log(`B4: ${fmt(size)} logs loaded in ${fmt(loadSeconds)} s, aggregates rebuilt in ${fmt(rebuildSeconds, 1)} s; probing`);
      const result = await runLoad({ mode: 'probe', urls: [server.baseUrl], token, queries, warmup: 5, samples: P.probeSamples });
      for (const r of result) if (r.failures) failures.push(`B4 ${r.name} at ${size}: ${r.failures} failed requests ${r.firstError}`);
      return { loadSeconds, rebuildSeconds, result };
    };
    const small = await measure(P.b4Small);
    const large = await measure(P.b4Large);
    await client.end();
    const meSmall = small.result[0].p95;
    const meLarge = large.result[0].p95;
    let allPass = true;
    const detail = [];
    for (const [i, q] of queries.entries()) {
      if (i === 0) continue;
      const s = small.result[i];
      const l = large.result[i];
      const growth = l.p95 / s.p95;
      const vsMe = Math.max(s.p95 / meSmall, l.p95 / meLarge);
      // Sub-millisecond differences are timer noise, not growth with data.
      const pass = (growth <= 1.5 || l.p95 - s.p95 < 1) && vsMe <= 3;
      allPass &&= pass;
      detail.push({ name: q.name, small: s.p95, large: l.p95, growth, vsMe, pass });
    }
    row('B4', `dashboard reads (${queries.length - 1} queries), ${fmt(P.b4Small)} vs ${fmt(P.b4Large)} logs, ${fmt(P.b4Tenants)} tenants, 12 months`, `worst growth ${fmt(Math.max(...detail.map((d) => d.growth)), 2)} ×; worst vs me ${fmt(Math.max(...detail.map((d) => d.vsMe)), 2)} × (me p95 ${fmt(meSmall, 1)} / ${fmt(meLarge, 1)} ms)`, 'p95 large ≤ 1.5 × small; each ≤ 3 × me', allPass, { smallLogs: P.b4Small, largeLogs: P.b4Large, tenants: P.b4Tenants, meP95Ms: { small: meSmall, large: meLarge }, queries: detail });
    return { detail, small, large, meSmall, meLarge };
  } finally {
    await server.stop();
  }
}

/**
 * B9: one tenant's end-user reads at two sizes of its user base, on a server of its own (B4's 10M
 * logs would be a different test). Each size is loaded, rebuilt and probed like B4's.
 */
async function endUserReads() {
  const server = await startServer({ env: { USAGE_LOG_RETENTION_DAYS: '400' } });
  try {
    const token = await adminToken(server.baseUrl);
    const client = await connect(server.databaseUrl);
    const [tenantId] = await createTenantsSql(client, 'end-users', 1);
    const queries = endUserQueries(tenantId);
    let loaded = 0;
    const measure = async (users) => {
      log(`B9: loading end users up to ${fmt(users)} (${P.b9LogsPerUser} logs each) into one tenant`);
      const started = Date.now();
      await loadEndUserLogs(client, tenantId, loaded, users, P.b9LogsPerUser, (n) => log(`  … ${fmt(n)} end users`));
      loaded = users;
      const loadSeconds = (Date.now() - started) / 1000;
      const rebuildSeconds = rebuildAggregates(server);
      await vacuumEndUserAggregates(client);
      log(`B9: ${fmt(users)} end users loaded in ${fmt(loadSeconds)} s, aggregates rebuilt in ${fmt(rebuildSeconds, 1)} s; probing`);
      const result = await runLoad({ mode: 'probe', urls: [server.baseUrl], token, queries, warmup: 5, samples: P.probeSamples });
      for (const r of result) if (r.failures) failures.push(`B9 ${r.name} at ${users}: ${r.failures} failed requests ${r.firstError}`);
      return { users, loadSeconds, rebuildSeconds, result };
    };
    const small = await measure(P.b9Small);
    const large = await measure(P.b9Large);
    await client.end();
    const detail = queries.slice(1).map((q, k) => {
      const [s, l] = [small.result[k + 1], large.result[k + 1]];
      const growth = l.p95 / s.p95;
      // As in B4: sub-millisecond differences are timer noise, not growth with data.
      return { name: q.name, small: s.p95, large: l.p95, growth, pass: growth <= 1.5 || l.p95 - s.p95 < 1 };
    });
    const [meSmall, meLarge] = [small.result[0].p95, large.result[0].p95];
    row(
      'B9',
      `end-user reads (${detail.length} queries), one tenant, ${fmt(P.b9Small)} vs ${fmt(P.b9Large)} end users, ${P.b9LogsPerUser} logs each`,
      `worst growth ${fmt(Math.max(...detail.map((d) => d.growth)), 2)} × (me p95 ${fmt(meSmall, 1)} / ${fmt(meLarge, 1)} ms)`,
      'p95 large ≤ 1.5 × small',
      detail.every((d) => d.pass),
      { smallEndUsers: P.b9Small, largeEndUsers: P.b9Large, logsPerUser: P.b9LogsPerUser, loadSeconds: { small: small.loadSeconds, large: large.loadSeconds }, rebuildSeconds: { small: small.rebuildSeconds, large: large.rebuildSeconds }, meP95Ms: { small: meSmall, large: meLarge }, queries: detail },
    );
    return { detail, small, large };
  } finally {
    await server.stop();
  }
}

/**
 * B10: ingestion while a dashboard load runs, on an instance whose heavy reads go to a streaming
 * standby (DATABASE_READ_URL) against one whose reads stay on the primary, in interleaved rounds.
 * Both instances reach the primary over TCP; the standby runs on the same machine, so it takes
 * its CPU from the same two cores the primary, the servers and the load use.
 */
async function replicaIngestion() {
  const primary = await startServer({ env: { USAGE_LOG_RETENTION_DAYS: '400' } });
  let standby;
  const servers = [];
  try {
    const token = await adminToken(primary.baseUrl);
    const client = await connect(primary.databaseUrl);
    const historyTenants = await createTenantsSql(client, 'b10-history', 100);
    log(`B10: loading ${fmt(P.b10Logs)} logs over 365 days for the dashboard reads`);
    await loadLogs(client, historyTenants, P.b10Logs, 365, () => undefined);
    rebuildAggregates(primary);
    await vacuumAggregates(client);
    await client.end();
    const keys = (await createTenants(primary.baseUrl, token, 'bench-b10', P.tenants)).map((t) => t.key);
    log('B10: starting a streaming standby of the primary');
    standby = await startStandbyOf(primary, await freePort());
    const withoutReplica = await startServer({ databaseUrl: primary.databaseUrl });
    servers.push(withoutReplica);
    const withReplica = await startServer({ databaseUrl: primary.databaseUrl, env: { DATABASE_READ_URL: standby.url } });
    servers.push(withReplica);
    const reads = dashboardQueries(historyTenants[7])
      .filter((q) => /^usage(Logs|TimeSeries)/.test(q.name))
      .map((q) => JSON.stringify({ query: q.query, variables: q.variables ?? {} }));
    const rounds = { without: [], with: [] };
    let readsServed = { without: 0, with: 0 };
    for (let round = 0; round < P.rounds; round++) {
      for (const [name, server] of [['without', withoutReplica], ['with', withReplica]]) {
        const seconds = P.seconds / P.rounds;
        const warmupSeconds = round === 0 ? P.warmup : P.rewarm;
        const [ingest, dashboard] = await Promise.all([
          runLoad({ urls: [server.baseUrl], mode: 'single', connections: 32, keys, seconds, warmupSeconds }),
          runLoad({ urls: [server.baseUrl], mode: 'reads', connections: 8, keys: [token], bodies: reads, seconds: seconds + warmupSeconds, warmupSeconds: 0 }),
        ]);
        checkClean(`B10 (${name} replica)`, ingest);
        checkClean(`B10 dashboard (${name} replica)`, dashboard);
        rounds[name].push({ rps: ingest.ok / ingest.seconds, p99: quantile(Float64Array.from(ingest.latencies).sort(), 0.99) });
        readsServed[name] += dashboard.ok;
        log(`  B10 round ${round + 1} ${name} replica: ingestion ${fmt(ingest.ok / ingest.seconds)} req/s, dashboard ${fmt(dashboard.ok / dashboard.seconds)} reads/s`);
      }
    }
    const ratio = roundRatios({ rounds: rounds.with }, { rounds: rounds.without });
    const mean = (list) => list.reduce((sum, r) => sum + r.rps, 0) / list.length;
    row(
      'B10',
      `ingestion (B1 load) while ${reads.length} heavy dashboard reads run on 8 connections (${fmt(P.b10Logs)} logs), with vs without a streaming standby`,
      `with ${fmt(mean(rounds.with))} vs without ${fmt(mean(rounds.without))} req/s; ratio ${spread(ratio)}; dashboard reads served ${fmt(readsServed.with)} vs ${fmt(readsServed.without)}`,
      'median ≥ 1.3 ×',
      ratio.median >= 1.3,
      { ingestionWithReplicaRps: mean(rounds.with), ingestionWithoutReplicaRps: mean(rounds.without), ratio: ratio.median, ratioRounds: ratio.ratios, dashboardReads: readsServed, logs: P.b10Logs },
    );
  } finally {
    for (const server of servers) await server.stop();
    await standby?.destroy();
    await primary.stop();
  }
}

function bundles() {
  for (const app of ['admin-web', 'customer-web']) {
    const { files, kb } = initialJavaScript(app);
    row('B7', `${app}: initial JavaScript (${files} files)`, `${fmt(kb, 1)} KB gzipped`, '≤ 250 KB', kb <= 250, { app, files, gzippedKb: kb });
  }
}

const KIND = SHORT ? 'short' : ONLY || arg('logs') ? 'partial' : process.env.BENCH_SERVER_ARGS ? 'experiment' : 'full';

function machine() {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'cpu', memoryGiB: totalmem() / 2 ** 30, node: process.version };
}

function report(b4, b9, seconds, finishedAt) {
  const m = machine();
  const lines = [
    `# Benchmark results (${KIND} run)`,
    '',
    `Run ${finishedAt} in ${fmt(seconds)} s on ${m.cpus} × ${m.cpuModel}, ${fmt(m.memoryGiB, 1)} GiB, Node ${m.node}; the machine is shared, so absolute figures are context and ratios are the targets. Command: \`${COMMAND}\`${process.env.BENCH_SERVER_ARGS ? ` with BENCH_SERVER_ARGS=\`${process.env.BENCH_SERVER_ARGS}\`` : ''}.`,
    '',
    '| # | scenario | measured | target | result |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.id} | ${r.scenario} | ${r.figure} | ${r.target} | ${r.pass === undefined ? '—' : r.pass ? 'pass' : '**miss**'} |`),
  ];
  if (b4) {
    lines.push('', `B4 per query (p95 in ms; logs loaded in ${fmt(b4.small.loadSeconds)} s + ${fmt(b4.large.loadSeconds)} s, aggregates rebuilt in ${fmt(b4.small.rebuildSeconds, 1)} s + ${fmt(b4.large.rebuildSeconds, 1)} s):`, '');
    lines.push(`| query | p95 at ${fmt(P.b4Small)} | p95 at ${fmt(P.b4Large)} | growth | worst × me | result |`, '|---|---|---|---|---|---|');
    lines.push(`| me (reference) | ${fmt(b4.meSmall, 1)} | ${fmt(b4.meLarge, 1)} | | | |`);
    for (const d of b4.detail) lines.push(`| ${d.name} | ${fmt(d.small, 1)} | ${fmt(d.large, 1)} | ${fmt(d.growth, 2)} | ${fmt(d.vsMe, 2)} | ${d.pass ? 'pass' : '**miss**'} |`);
  }
  if (b9) {
    lines.push('', `B9 per query (p95 in ms; one tenant, ${P.b9LogsPerUser} logs per end user; loaded in ${fmt(b9.small.loadSeconds)} s + ${fmt(b9.large.loadSeconds)} s, aggregates rebuilt in ${fmt(b9.small.rebuildSeconds, 1)} s + ${fmt(b9.large.rebuildSeconds, 1)} s):`, '');
    lines.push(`| query | p95 at ${fmt(P.b9Small)} end users | p95 at ${fmt(P.b9Large)} | growth | result |`, '|---|---|---|---|---|');
    lines.push(`| me (reference) | ${fmt(b9.small.result[0].p95, 1)} | ${fmt(b9.large.result[0].p95, 1)} | | |`);
    for (const d of b9.detail) lines.push(`| ${d.name} | ${fmt(d.small, 1)} | ${fmt(d.large, 1)} | ${fmt(d.growth, 2)} | ${d.pass ? 'pass' : '**miss**'} |`);
  }
  if (failures.length) lines.push('', '**Errors:**', '', ...failures.map((f) => `- ${f}`));
  return `${lines.join('\n')}\n`;
}

function reportJson(seconds, finishedAt) {
  const targets = rows.filter((r) => r.pass !== undefined);
  const result = {
    kind: KIND,
    command: COMMAND,
    finishedAt,
    seconds,
    machine: machine(),
    serverFlagsAdded: process.env.BENCH_SERVER_ARGS ?? null,
    passed: failures.length === 0 && targets.every((r) => r.pass),
    scenarios: rows.map(({ id, scenario, figure, target, pass, values }) => ({ id, scenario, figure, target, pass: pass ?? null, ...values })),
    errors: failures,
  };
  return `${JSON.stringify(result, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}

const COMMAND = ['node bench/run.mjs', ...args].join(' ');
const started = Date.now();
let b4;
let b9;
try {
  if (['B0', 'B1', 'B1t', 'B2', 'B2t', 'B3', 'B3t', 'B8', 'B6', 'B1x2', 'B5'].some(wanted)) await ingestion();
  if (wanted('B4')) b4 = await dashboards();
  if (wanted('B9')) b9 = await endUserReads();
  if (wanted('B10')) await replicaIngestion();
  if (wanted('B7')) bundles();
} catch (error) {
  failures.push(`crashed: ${error instanceof Error ? error.stack : String(error)}`);
}
const seconds = (Date.now() - started) / 1000;
const finishedAt = new Date().toISOString();
const table = report(b4, b9, seconds, finishedAt);
// Only a full run of the production server replaces the committed results; the rest are scratch.
const dir = KIND === 'full' ? join(ROOT, 'bench', 'results') : join(ROOT, 'bench', 'out');
const name = KIND === 'full' ? 'latest' : KIND;
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `${name}.md`), table);
writeFileSync(join(dir, `${name}.json`), reportJson(seconds, finishedAt));
console.log(`\n${table}\nwritten to ${join(dir, name)}.md and .json`);
const missed = rows.filter((r) => r.pass === false);
if (failures.length) process.exit(2);
if (!SHORT && missed.length) process.exit(1);
