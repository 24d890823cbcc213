// The load generator, forked as its own process so its CPU is not the server's: it receives one
// job over IPC, drives it with autocannon (or a closed loop of fetches for latency probes) and
// sends the figures back.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { quantile } from './quantile.mjs';

const RECORD = 'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate log { id costUsd } } }';
const RECORD_MANY = 'mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }';
const EVENTS = [
  (requestId, n) => ({ service: 'OPENAI', model: 'gpt-4o-mini', inputTokens: 100 + (n % 900), outputTokens: 20 + (n % 300), requestId }),
  (requestId, n) => ({ service: 'ELEVENLABS', model: 'eleven_multilingual_v2', characters: 50 + (n % 2000), requestId }),
  (requestId, n) => ({ service: 'SMARTFLO', durationSeconds: 10 + (n % 600), requestId }),
];

/**
 * With `job.endUsers` ({ perTenant, hot }), every event names an end user: one in five is one of
 * a few hot users (a power user, a shared service account), the rest spread at random over the
 * tenant's `perTenant` users, so most events meet an end user already seen and some a new one.
 */
function endUserFor(n, endUsers) {
  if (n % 5 === 0) return `hot-${Math.floor(n / 5) % endUsers.hot}`;
  return `user-${Math.floor(Math.random() * endUsers.perTenant)}`;
}

function eventFor(run, n, endUsers) {
  const event = EVENTS[n % EVENTS.length](`${run}-${n}`, n);
  return endUsers ? { ...event, endUser: endUserFor(n, endUsers) } : event;
}

async function cannon(job, seconds) {
  const run = randomUUID().slice(0, 8);
  let n = 0;
  let gqlErrors = 0;
  let firstError = '';
  const instance = autocannon({
    url: job.urls.length === 1 ? `${job.urls[0]}/graphql` : job.urls.map((u) => `${u}/graphql`),
    connections: job.connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest(request) {
          const i = n++;
          const key = job.keys[i % job.keys.length];
          let body;
          if (job.mode === 'single') body = JSON.stringify({ query: RECORD, variables: { i: eventFor(run, i, job.endUsers) } });
          else if (job.mode === 'batch') body = JSON.stringify({ query: RECORD_MANY, variables: { i: Array.from({ length: job.batchSize }, (_, j) => eventFor(run, i * job.batchSize + j, job.endUsers)) } });
          // reads: a dashboard's heavy reads, round-robin (B10)
          else if (job.mode === 'reads') body = job.bodies[i % job.bodies.length];
          else body = job.body;
          return { ...request, body, headers: { ...request.headers, ...(key ? { authorization: `Bearer ${key}` } : {}) } };
        },
        onResponse(status, body) {
          if (status === 200 && body.includes('"errors"')) {
            gqlErrors++;
            if (!firstError) firstError = body.slice(0, 300);
          }
        },
      },
    ],
  });
  // Every 2xx latency, in ms, so rounds of one scenario pool into one distribution (autocannon's
  // own percentiles are per run and whole milliseconds).
  const latencies = [];
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(Math.round(ms * 1000) / 1000);
  });
  const result = await instance;
  return {
    run,
    latencies,
    seconds: result.duration,
    sent: n,
    completed: result.requests.total,
    ok: result['2xx'] - gqlErrors,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    gqlErrors,
    firstError,
    rps: (result['2xx'] - gqlErrors) / result.duration,
  };
}

/**
 * Sequential requests, one at a time, round-robin over the queries (so a noisy moment on the
 * shared machine hits every query alike): per-query p50/p95/max in ms.
 */
async function probe(job) {
  const items = job.queries.map((item) => ({ ...item, body: JSON.stringify({ query: item.query, variables: item.variables ?? {} }), times: [], failures: 0, firstError: '' }));
  for (let i = 0; i < job.warmup + job.samples; i++) {
    for (const item of items) {
      const started = performance.now();
      const response = await fetch(`${job.urls[0]}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${job.token}` }, body: item.body });
      const text = await response.text();
      const ms = performance.now() - started;
      if (!response.ok || text.includes('"errors"')) {
        item.failures++;
        if (!item.firstError) item.firstError = text.slice(0, 300);
      }
      if (i >= job.warmup) item.times.push(ms);
    }
  }
  return items.map(({ name, times, failures, firstError }) => {
    times.sort((a, b) => a - b);
    return { name, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1), failures, firstError };
  });
}

process.on('message', async (job) => {
  try {
    if (job.mode === 'probe') return process.send({ result: await probe(job) });
    // The warm-up's events are real too: they count in the exactly-once check, and so do its errors.
    const warmup = job.warmupSeconds > 0 ? await cannon(job, job.warmupSeconds) : { ok: 0, sent: 0, non2xx: 0, errors: 0, gqlErrors: 0, firstError: '', run: undefined };
    const result = await cannon(job, job.seconds);
    process.send({
      result: {
        ...result,
        runs: [warmup.run, result.run].filter(Boolean),
        warmupOk: warmup.ok,
        warmupSent: warmup.sent,
        non2xx: result.non2xx + warmup.non2xx,
        errors: result.errors + warmup.errors,
        gqlErrors: result.gqlErrors + warmup.gqlErrors,
        firstError: result.firstError || warmup.firstError,
      },
    });
  } catch (error) {
    process.send({ error: error instanceof Error ? error.stack : String(error) });
  }
});
