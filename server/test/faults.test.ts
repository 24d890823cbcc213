import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLedger } from './ledger-audit.js';
import { outcomeCounts, startLoad, whenAcknowledged, type LoadResult } from './load-clients.js';
import { subscribe } from './live.js';
import {
  newMasterKey,
  postGraphQL,
  setUpTenants,
  sleep,
  startKillablePostgres,
  startServerProcess,
  waitUntil,
  type KillablePostgres,
  type ServerProcess,
} from './process-harness.js';

/**
 * Crash faults against the built server and a PostgreSQL of our own, both killed with SIGKILL in
 * the middle of a load of integrators that retry uncertain requests with the same requestId.
 * Short form by default; `FAULT_EVENTS=5000 FAULT_CLIENTS=50` for the full form.
 */
const EVENTS = Number(process.env.FAULT_EVENTS ?? 1_000);
const CLIENTS = Number(process.env.FAULT_CLIENTS ?? 25);
/** A GraphQL call during an outage must answer within this (pool connect timeout + margin). */
const FAIL_FAST_MS = 6_000;
/** A hung database (no answer at all) is given up on by the pool's query timeout (12 s) at worst. */
const HUNG_BOUND_MS = 15_000;

const masterKey = newMasterKey();
let postgres: KillablePostgres;
let server: ServerProcess;

beforeAll(async () => {
  postgres = await startKillablePostgres();
  server = await startServerProcess(postgres.url, { masterKey });
});

afterAll(async () => {
  await server?.kill('SIGTERM');
  await postgres?.stop();
});

async function health(baseUrl: string): Promise<number> {
  try {
    return (await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

function report(name: string, load: LoadResult, audit: Awaited<ReturnType<typeof auditLedger>>) {
  console.log(
    `${name}: ${EVENTS} events, ${CLIENTS} clients, ${load.ms} ms; acknowledged ${audit.acknowledged}, logs ${audit.logs}, ` +
      `acknowledged-but-lost = ${audit.lost}, double-counted = ${audit.doubleCounted}, keys without log = ${audit.keysWithoutLog}, ` +
      `summary mismatches = ${audit.summaryMismatches}, rollup mismatches = ${audit.rollupMismatches}, failed = ${load.failed}; ` +
      `attempts ${JSON.stringify(outcomeCounts(load.attempts))}`,
  );
}

function expectLedgerWhole(load: LoadResult, audit: Awaited<ReturnType<typeof auditLedger>>) {
  expect(load.failures).toEqual([]);
  expect(audit.acknowledged).toBe(EVENTS);
  expect(audit.lost).toBe(0);
  expect(audit.doubleCounted).toBe(0);
  expect(audit.logs).toBe(EVENTS);
  expect(audit.keysWithoutLog).toBe(0);
  expect(audit.summaryMismatches).toBe(0);
  expect(audit.rollupMismatches).toBe(0);
  // Nothing a client was told is a bad input: every body was valid and retries were identical.
  expect(
    load.attempts.filter((a) => a.outcome === 'BAD_USER_INPUT' || a.outcome === 'IDEMPOTENCY_CONFLICT'),
  ).toEqual([]);
}

describe('faults', () => {
  it('PostgreSQL SIGKILLed mid-load: nothing acknowledged is lost or doubled, calls fail fast, the server recovers by itself', async () => {
    const { admin, tenants } = await setUpTenants(server.baseUrl, 5, 'PG fault');
    // An admin console open across the outage: it must hear alerts raised after it.
    const alerts = subscribe(
      `ws://127.0.0.1:${server.port}/graphql`,
      admin,
      'subscription { alertRaised { tenant { id } type } }',
    );
    await alerts.ready;
    const load = startLoad({
      events: EVENTS,
      clients: CLIENTS,
      tenants,
      targets: [server.baseUrl],
      retry: 'uncertain',
    });
    await whenAcknowledged(load, Math.floor(EVENTS / 2));

    const outageStarted = Date.now();
    await postgres.kill();
    const killedAt = Date.now();
    expect(await health(server.baseUrl)).toBe(503);
    const probes: { ms: number; code: unknown }[] = [];
    for (const [query, variables, token] of [
      ['{ overview { customerCount } }', {}, admin],
      [
        'query($t: ID) { quota(tenantId: $t) { alertAtPercentage } }',
        { t: tenants[0]!.id },
        tenants[0]!.apiKey,
      ],
      [
        'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate } }',
        { i: { service: 'ELEVENLABS', characters: 5, requestId: 'probe-during-outage' } },
        tenants[0]!.apiKey,
      ],
    ] as const) {
      const at = Date.now();
      const result = await postGraphQL(server.baseUrl, query, variables, token, FAIL_FAST_MS + 4_000);
      probes.push({ ms: Date.now() - at, code: result.body?.errors?.[0]?.extensions?.code });
    }
    await sleep(Math.max(0, 2_000 - (Date.now() - killedAt)));
    const restartAt = Date.now();
    await postgres.restart();

    const result = await load.done;
    await waitUntil(
      async () => (await health(server.baseUrl)) === 200,
      15_000,
      'healthz 200 after the outage',
    );
    const audit = await auditLedger(
      postgres.url,
      tenants.map((t) => t.id),
      result.acknowledged,
    );
    report('postgres SIGKILL', result, audit);
    const duringOutage = result.attempts.filter(
      (a) => a.startedAt >= killedAt && a.startedAt + a.ms < restartAt,
    );
    console.log(
      `postgres SIGKILL: outage ${restartAt - outageStarted} ms, probes ${JSON.stringify(probes)}, attempts during outage ${duringOutage.length} ${JSON.stringify(outcomeCounts(duringOutage))}, slowest ${Math.max(0, ...duringOutage.map((a) => a.ms))} ms`,
    );

    expectLedgerWhole(result, audit);
    // The outage gets a clear, stable code, quickly: never a hang, never a masked internal error.
    for (const probe of probes) {
      expect(probe.code).toBe('SERVICE_UNAVAILABLE');
      expect(probe.ms).toBeLessThan(FAIL_FAST_MS);
    }
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(duringOutage.filter((a) => a.outcome !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    // The same process served the whole run: it reconnected by itself.
    expect(server.child.exitCode).toBeNull();

    // The LISTEN connection came back too: an alert raised after the outage still reaches the
    // subscriber that was connected all along.
    const target = tenants[1]!;
    await postGraphQL(
      server.baseUrl,
      'mutation($t: ID!) { setQuota(tenantId: $t, input: { elevenlabsCharacterLimit: 1000000000 }) { alertAtPercentage } }',
      { t: target.id },
      admin,
    );
    const crossing = await postGraphQL(
      server.baseUrl,
      'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { alerts { type } } }',
      { i: { service: 'ELEVENLABS', characters: 999_999_999, requestId: 'after-outage-alert' } },
      target.apiKey,
    );
    expect(crossing.body?.data?.recordUsage.alerts.length).toBeGreaterThan(0);
    const heard = () =>
      alerts.received.some(
        (r) => r.data.alertRaised.tenant.id === target.id && r.data.alertRaised.type.startsWith('QUOTA_'),
      );
    await waitUntil(heard, 5_000, 'the quota alert raised after the outage to reach the subscriber');
    await alerts.close();
  });

  it('PostgreSQL hung (SIGSTOP): calls answer SERVICE_UNAVAILABLE within the pool timeouts; work resumes after', async () => {
    const { admin, tenants } = await setUpTenants(server.baseUrl, 1, 'PG hang');
    postgres.pause();
    let probes: { ms: number; code: unknown }[];
    let healthStatus: number;
    const started = Date.now();
    try {
      [healthStatus, ...probes] = (await Promise.all([
        health(server.baseUrl),
        ...(
          [
            ['{ overview { customerCount } }', {}, admin],
            [
              'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate } }',
              { i: { service: 'ELEVENLABS', characters: 5, requestId: 'during-hang' } },
              tenants[0]!.apiKey,
            ],
          ] as const
        ).map(async ([query, variables, token]) => {
          const at = Date.now();
          const result = await postGraphQL(server.baseUrl, query, variables, token, 30_000).catch(
            () => undefined,
          );
          return { ms: Date.now() - at, code: result?.body?.errors?.[0]?.extensions?.code };
        }),
      ])) as [number, ...{ ms: number; code: unknown }[]];
    } finally {
      postgres.resume();
    }
    console.log(
      `postgres SIGSTOP: healthz ${healthStatus} , probes ${JSON.stringify(probes)} in ${Date.now() - started} ms`,
    );
    expect(healthStatus).toBe(503);
    for (const probe of probes) {
      expect(probe.code).toBe('SERVICE_UNAVAILABLE');
      expect(probe.ms).toBeLessThan(HUNG_BOUND_MS);
    }
    const after = await postGraphQL(
      server.baseUrl,
      'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate } }',
      { i: { service: 'ELEVENLABS', characters: 5, requestId: 'after-hang' } },
      tenants[0]!.apiKey,
    );
    expect(after.body?.data?.recordUsage.duplicate).toBe(false);
  });

  it('server SIGKILLed mid-load and restarted: nothing acknowledged is lost or doubled', async () => {
    const { tenants } = await setUpTenants(server.baseUrl, 5, 'server fault');
    const load = startLoad({
      events: EVENTS,
      clients: CLIENTS,
      tenants,
      targets: [server.baseUrl],
      retry: 'uncertain',
    });
    await whenAcknowledged(load, Math.floor(EVENTS / 2));
    const port = server.port;
    expect(await server.kill('SIGKILL')).toBe('SIGKILL');
    await sleep(500);
    server = await startServerProcess(postgres.url, { masterKey, port });

    const result = await load.done;
    const audit = await auditLedger(
      postgres.url,
      tenants.map((t) => t.id),
      result.acknowledged,
    );
    report('server SIGKILL', result, audit);
    expectLedgerWhole(result, audit);
    expect(result.attempts.filter((a) => a.outcome === 'network').length).toBeGreaterThan(0);
  });
});
