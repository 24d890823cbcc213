import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { startOpenAiStandIn, type OpenAiStandIn } from './openai-stand-in.js';

/**
 * The metering gateway's OpenAI routes, driven by the official `openai` SDK with only its
 * baseURL and apiKey changed, against a local stand-in for OpenAI. Every test compares what the
 * stand-in served with what the log holds.
 */
let server: TestServer;
let standIn: OpenAiStandIn;
let admin: string;

beforeAll(async () => {
  standIn = await startOpenAiStandIn();
  server = await startTestServer({ env: { OPENAI_BASE_URL: standIn.baseUrl } });
  admin = await server.adminToken();
});
afterAll(async () => {
  await server?.close();
  await standIn?.close();
});

const PROVIDER_KEY = 'sk-tenant-own-openai-key-1234';

async function gatewayTenant(name: string, options: { credential?: boolean } = {}) {
  const tenant = await createTenantWithAccess(server, name);
  if (options.credential !== false) {
    const set = await server.gql(`mutation($t: ID!, $s: String!) { setProviderCredential(tenantId: $t, provider: OPENAI, secret: $s) { maskedKey } }`, { t: tenant.tenantId, s: PROVIDER_KEY }, admin);
    expect(set.errors).toBeUndefined();
  }
  const client = new OpenAI({ apiKey: tenant.apiKey, baseURL: `${server.httpUrl}/gateway/openai/v1`, maxRetries: 0 });
  return { ...tenant, client };
}

/** The tenant's logs, as stored, after the gateway's background write settled. */
async function logsOf(tenantId: string, expected?: number) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const { rows } = await server.services.db.pool.query(
      `select request_id, service, model, input_tokens, cached_input_tokens, output_tokens, characters, cost_usd::text, pricing_status, status, source, end_user, metadata
         from usage_logs where tenant_id = $1 order by occurred_at, request_id`,
      [tenantId],
    );
    if (expected === undefined || rows.length >= expected || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const servedSince = (mark: number) => standIn.served() - mark;

/** The SDK's error for a call that must fail. */
async function failure(call: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  const outcome = await call.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof OpenAI.APIError)) throw new Error(`expected an API error, got ${String(outcome)}`);
  return outcome;
}

describe('chat completions through the gateway', () => {
  it('answers as OpenAI would, with the tenant’s own key upstream, and records the usage once, priced with the cached rate', async () => {
    const t = await gatewayTenant('Gateway Chat');
    const mark = standIn.served();
    const { data, response } = await t.client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say something about metering.' }], user: 'end-user-7' })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('Metering is counting what was spent.');
    expect(data.usage).toMatchObject({ prompt_tokens: 120, completion_tokens: 30 });
    expect(standIn.calls.at(-1)!.authorization).toBe(`Bearer ${PROVIDER_KEY}`);
    expect(servedSince(mark)).toBe(1);
    const [log] = await logsOf(t.tenantId, 1);
    // 20 uncached + 100 cached input tokens and 30 output tokens at gpt-4o-mini's rates.
    const expected = (20 * 0.00015 + 100 * 0.000075 + 30 * 0.0006) / 1000;
    expect(Number(log.cost_usd)).toBeCloseTo(expected, 12);
    expect(log).toMatchObject({ service: 'OPENAI', model: 'gpt-4o-mini', input_tokens: 120, cached_input_tokens: 100, output_tokens: 30, pricing_status: 'PRICED', status: 'SUCCESS', source: 'GATEWAY', end_user: 'end-user-7' });
    expect(response.headers.get('x-usage-request-id')).toBe(log.request_id);
    expect(Number(response.headers.get('x-usage-cost-usd'))).toBeCloseTo(Number(log.cost_usd), 12);
  });

  it('streams chunk by chunk; asks for usage and strips that chunk when the caller did not ask for it', async () => {
    const t = await gatewayTenant('Gateway Stream');
    const stream = await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Stream, please.' }], stream: true });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Metering is counting what was spent.');
    expect(chunks.some((c) => c.choices.length === 0)).toBe(false);
    expect(standIn.calls.at(-1)!.body.stream_options).toEqual({ include_usage: true });

    const withUsage = await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'And with usage.' }], stream: true, stream_options: { include_usage: true } });
    const seen: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of withUsage) seen.push(chunk);
    expect(seen.at(-1)!.usage).toMatchObject({ prompt_tokens: 120, completion_tokens: 30 });
    const logs = await logsOf(t.tenantId, 2);
    expect(logs.map((l) => [l.input_tokens, l.output_tokens, l.source, l.status])).toEqual([
      [120, 30, 'GATEWAY', 'SUCCESS'],
      [120, 30, 'GATEWAY', 'SUCCESS'],
    ]);
  });

  it('passes the first bytes of a stream on before the stream is over', async () => {
    const t = await gatewayTenant('Gateway First Byte');
    standIn.chunkDelayMs = 150;
    try {
      const started = Date.now();
      const stream = await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Slowly.' }], stream: true });
      const iterator = stream[Symbol.asyncIterator]();
      await iterator.next();
      const firstAt = Date.now() - started;
      for (let next = await iterator.next(); !next.done; next = await iterator.next());
      const allAt = Date.now() - started;
      // Seven words 150 ms apart: the first chunk arrives long before the last.
      expect(firstAt).toBeLessThan(allAt - 600);
    } finally {
      standIn.chunkDelayMs = 0;
    }
  });

  it('records a stream the caller hung up on once, counted by the tokenizer (GATEWAY_ESTIMATED)', async () => {
    const t = await gatewayTenant('Gateway Hang Up');
    standIn.chunkDelayMs = 100;
    try {
      const controller = new AbortController();
      const stream = await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Go on and on.' }], stream: true }, { signal: controller.signal });
      let received = 0;
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) received++;
        if (received === 2) {
          controller.abort();
          break;
        }
      }
      const logs = await logsOf(t.tenantId, 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(await logsOf(t.tenantId)).toHaveLength(1);
      expect(logs[0]).toMatchObject({ source: 'GATEWAY_ESTIMATED', status: 'ERROR' });
      expect(logs[0].input_tokens).toBeGreaterThan(0);
      expect(logs[0].output_tokens).toBeGreaterThan(0);
    } finally {
      standIn.chunkDelayMs = 0;
    }
  });

  it('forwards an unknown model and records it UNPRICED; passes a provider error through and records it as ERROR', async () => {
    const t = await gatewayTenant('Gateway Unknown Model');
    await t.client.chat.completions.create({ model: 'brand-new-model-x', messages: [{ role: 'user', content: 'hi' }] });
    standIn.failNext(500);
    const failed = await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(OpenAI.InternalServerError);
    expect((failed as InstanceType<typeof OpenAI.InternalServerError>).message).toContain('The server had an error');
    const logs = await logsOf(t.tenantId, 2);
    expect(logs.map((l) => [l.model, l.pricing_status, l.status])).toEqual(
      expect.arrayContaining([
        ['brand-new-model-x', 'UNPRICED', 'SUCCESS'],
        ['gpt-4o-mini', 'PRICED', 'ERROR'],
      ]),
    );
  });
});

describe('the other OpenAI routes', () => {
  it('Responses (whole and streamed), embeddings and the model list', async () => {
    const t = await gatewayTenant('Gateway Routes');
    const mark = standIn.served();
    const whole = await t.client.responses.create({ model: 'gpt-4o', input: 'Tell me about meters.' });
    expect(whole.output_text).toBe('Metering is counting what was spent.');
    const events: string[] = [];
    for await (const event of await t.client.responses.create({ model: 'gpt-4o', input: 'Stream it.', stream: true })) events.push(event.type);
    expect(events.at(-1)).toBe('response.completed');
    const embedding = await t.client.embeddings.create({ model: 'text-embedding-3-small', input: 'meter' });
    expect(embedding.data[0]!.embedding).toHaveLength(3);
    const models = await t.client.models.list();
    expect(models.data.map((m) => m.id)).toContain('gpt-4o-mini');
    // The model list is free: three metered calls served, three recorded.
    expect(servedSince(mark)).toBe(3);
    const logs = await logsOf(t.tenantId, 3);
    expect(logs.map((l) => [l.model, l.input_tokens, l.output_tokens]).sort()).toEqual(
      [
        ['gpt-4o', 80, 20],
        ['gpt-4o', 80, 20],
        ['text-embedding-3-small', 8, 0],
      ].sort(),
    );
  });
});

describe('the source of each log', () => {
  it('filters Usage Logs and the CSV export by source', async () => {
    const t = await gatewayTenant('Gateway Source Filter');
    await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'via the gateway' }] });
    const recorded = await server.gql(`mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate } }`, { i: { service: 'SMARTFLO', durationSeconds: 60, requestId: 'reported-after' } }, t.apiKey);
    expect(recorded.errors).toBeUndefined();
    await logsOf(t.tenantId, 2);
    const LOGS = `query($s: UsageSource) { usageLogs(filter: { source: $s }) { totalCount nodes { source service } } }`;
    const gateway = (await server.gql(LOGS, { s: 'GATEWAY' }, t.customerToken)).data!.usageLogs;
    expect(gateway).toMatchObject({ totalCount: 1, nodes: [{ source: 'GATEWAY', service: 'OPENAI' }] });
    const api = (await server.gql(LOGS, { s: 'API' }, t.customerToken)).data!.usageLogs;
    expect(api).toMatchObject({ totalCount: 1, nodes: [{ source: 'API', service: 'SMARTFLO' }] });
    const csv = await fetch(`${server.httpUrl}/export/usage.csv?source=GATEWAY`, { headers: { authorization: `Bearer ${t.customerToken}` } });
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('GATEWAY');
    const bad = await fetch(`${server.httpUrl}/export/usage.csv?source=CARRIER_PIGEON`, { headers: { authorization: `Bearer ${t.customerToken}` } });
    expect(bad.status).toBe(400);
  });
});

describe('audio speech', () => {
  it('streams the audio through and records the characters of the input', async () => {
    const t = await gatewayTenant('Gateway Speech');
    const response = await t.client.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Hello, metered world.' });
    const audio = Buffer.from(await response.arrayBuffer());
    expect(audio.length).toBe(4 * 16 * 1024);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    const [log] = await logsOf(t.tenantId, 1);
    expect(log).toMatchObject({ model: 'tts-1', characters: 'Hello, metered world.'.length, source: 'GATEWAY', status: 'SUCCESS', pricing_status: 'PRICED' });
    expect(Number(response.headers.get('x-usage-cost-usd'))).toBeCloseTo(Number(log.cost_usd), 12);
  });
});

describe('refusals before anything is spent', () => {
  it('a bad key, a tenant without a credential, malformed JSON and an unknown route: clear errors, nothing sent, nothing recorded', async () => {
    const t = await gatewayTenant('Gateway Refusals', { credential: false });
    const mark = standIn.served();
    const calls = standIn.calls.length;
    const bad = new OpenAI({ apiKey: 'um_live_not-a-key', baseURL: `${server.httpUrl}/gateway/openai/v1`, maxRetries: 0 });
    await expect(bad.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const missing = await failure(t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }));
    expect(missing.status).toBe(424);
    expect(missing.code).toBe('PROVIDER_CREDENTIAL_MISSING');
    expect(missing.message).toContain('setProviderCredential');
    const malformed = await fetch(`${server.httpUrl}/gateway/openai/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${t.apiKey}`, 'content-type': 'application/json' }, body: '{"model": ' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    const unknown = await fetch(`${server.httpUrl}/gateway/openai/v1/fine_tuning/jobs`, { method: 'POST', headers: { authorization: `Bearer ${t.apiKey}` } });
    expect(unknown.status).toBe(404);
    const oversized = await fetch(`${server.httpUrl}/gateway/openai/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${t.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x'.repeat(33 * 1024 * 1024) }] }) });
    expect(oversized.status).toBe(413);
    expect(standIn.calls.length).toBe(calls);
    expect(servedSince(mark)).toBe(0);
    expect(await logsOf(t.tenantId)).toHaveLength(0);
    // The provider credential never comes back, in any of those answers or the logs.
    expect(JSON.stringify(await logsOf(t.tenantId))).not.toContain(PROVIDER_KEY);
  });

  it('HARD limits refuse in OpenAI’s shape before the provider is reached; SOFT limits let the call through', async () => {
    const t = await gatewayTenant('Gateway Hard Limit');
    const mark = standIn.served();
    await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'first' }] });
    await logsOf(t.tenantId, 1);
    // The first call used 150 tokens; a HARD limit of 100 is now reached.
    await server.gql(`mutation($t: ID!) { setQuota(tenantId: $t, input: { openaiTokenLimit: 100, enforcement: HARD }) { enforcement } }`, { t: t.tenantId }, admin);
    const refused = await failure(t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'second' }] }));
    expect(refused.status).toBe(429);
    expect(refused.error).toMatchObject({ type: 'usage_limit', code: 'QUOTA_EXCEEDED' });
    expect(Number(refused.headers?.get('retry-after'))).toBeGreaterThan(0);
    expect(servedSince(mark)).toBe(1);
    await server.gql(`mutation($t: ID!) { setQuota(tenantId: $t, input: { enforcement: SOFT }) { enforcement } }`, { t: t.tenantId }, admin);
    await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'third' }] });
    expect(servedSince(mark)).toBe(2);
    expect(await logsOf(t.tenantId, 2)).toHaveLength(2);
  });

  it('racing calls overshoot a HARD limit by at most the calls in flight when it was reached (measured)', async () => {
    // Each call is 150 tokens; the limit allows exactly 10. The provider takes 40 ms, so racing
    // calls are in flight together. `workers` callers each send calls one after another until
    // refused; the overshoot is what was served past the limit.
    const LIMIT = 1_500;
    const PER_CALL = 150;
    standIn.delayMs = 40;
    try {
      for (const workers of [1, 16]) {
        const t = await gatewayTenant(`Gateway Overshoot ${workers}`);
        await server.gql(`mutation($t: ID!, $l: SafeInt!) { setQuota(tenantId: $t, input: { openaiTokenLimit: $l, enforcement: HARD }) { enforcement } }`, { t: t.tenantId, l: LIMIT }, admin);
        const mark = standIn.served();
        // Calls admitted but not yet answered or recorded, at the moment each call was admitted.
        let inFlight = 0;
        let mostInFlight = 0;
        await Promise.all(
          Array.from({ length: workers }, async () => {
            for (;;) {
              inFlight++;
              mostInFlight = Math.max(mostInFlight, inFlight);
              const outcome = await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'race' }] }).then(
                () => 'served',
                (error: unknown) => (error instanceof OpenAI.APIError && error.status === 429 ? 'refused' : Promise.reject(error)),
              );
              inFlight--;
              if (outcome === 'refused') return;
            }
          }),
        );
        const served = servedSince(mark);
        const logs = await logsOf(t.tenantId, served);
        const recordedTokens = logs.reduce((sum, log) => sum + log.input_tokens + log.output_tokens, 0);
        // Served = recorded: nothing the provider answered went unmetered.
        expect(logs).toHaveLength(served);
        const overshoot = recordedTokens - LIMIT;
        console.log(`figure: HARD-limit overshoot with ${workers} racing caller(s) = ${overshoot} tokens (${served} calls served for a limit of ${LIMIT / PER_CALL}; at most ${mostInFlight} in flight)`);
        expect(recordedTokens).toBeGreaterThanOrEqual(LIMIT);
        // The stated bound: past the call that reached the limit, only calls already in flight.
        expect(served - LIMIT / PER_CALL).toBeLessThanOrEqual(mostInFlight - 1);
        if (workers === 1) expect(overshoot).toBe(0);
      }
    } finally {
      standIn.delayMs = 0;
    }
  });

  it('refuses a suspended tenant (403), an end user at its HARD cap and a tenant above its requests a minute (429 with Retry-After)', async () => {
    const t = await gatewayTenant('Gateway Suspended');
    await server.gql(`mutation($t: ID!) { updateTenant(id: $t, input: { status: SUSPENDED }) { id } }`, { t: t.tenantId }, admin);
    const suspended = await failure(t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }));
    expect(suspended.status).toBe(403);
    expect(suspended.code).toBe('TENANT_SUSPENDED');
    await server.gql(`mutation($t: ID!) { updateTenant(id: $t, input: { status: ACTIVE }) { id } }`, { t: t.tenantId }, admin);

    // One call costs $0.0000285: past this cap after one call.
    await server.gql(`mutation($t: ID!) { setQuota(tenantId: $t, input: { endUserMonthlyCostLimitUsd: "0.00002", requestsPerMinuteLimit: 3, enforcement: HARD }) { enforcement } }`, { t: t.tenantId }, admin);
    await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], user: 'heavy-user' });
    await logsOf(t.tenantId, 1);
    const capped = await failure(t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], user: 'heavy-user' }));
    expect(capped.status).toBe(429);
    expect(capped.code).toBe('END_USER_LIMIT_EXCEEDED');
    // Other end users are not capped, until the tenant's requests a minute run out.
    await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], user: 'light-user-1' });
    await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], user: 'light-user-2' });
    await logsOf(t.tenantId, 3);
    const limited = await failure(t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], user: 'light-user-3' }));
    expect(limited.status).toBe(429);
    expect(limited.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers?.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await logsOf(t.tenantId)).toHaveLength(3);
  });
});

describe('admission without a database round trip', () => {
  it('a tenant without a HARD quota is admitted from memory, and a suspension or a HARD quota applies at once, on this instance and on another', async () => {
    const t = await gatewayTenant('Gateway Admission Cache');
    const other = await startTestServer({ database: server.database, env: { OPENAI_BASE_URL: standIn.baseUrl } });
    try {
      const elsewhere = new OpenAI({ apiKey: t.apiKey, baseURL: `${other.httpUrl}/gateway/openai/v1`, maxRetries: 0 });
      const ask = (client: OpenAI) => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] });
      // Both instances now hold the tenant's limits (no quota: nothing but the status decides).
      await ask(t.client);
      await ask(elsewhere);
      const heardWithin = async (check: () => Promise<boolean>) => {
        const started = Date.now();
        while (!(await check())) {
          if (Date.now() - started > 1_000) throw new Error('the other instance still decided from its cache after 1 s');
          await new Promise((r) => setTimeout(r, 25));
        }
      };
      const refused = async (client: OpenAI) => (await ask(client).then(() => null, (error: unknown) => error)) instanceof OpenAI.APIError;

      await server.gql(`mutation($t: ID!) { updateTenant(id: $t, input: { status: SUSPENDED }) { id } }`, { t: t.tenantId }, admin);
      let mark = standIn.served();
      expect((await failure(ask(t.client))).code).toBe('TENANT_SUSPENDED');
      // The other instance hears it through NOTIFY, well before its 5 s cache would expire.
      await heardWithin(() => refused(elsewhere));
      mark = standIn.served();
      expect((await failure(ask(elsewhere))).code).toBe('TENANT_SUSPENDED');
      expect(standIn.served()).toBe(mark);
      await server.gql(`mutation($t: ID!) { updateTenant(id: $t, input: { status: ACTIVE }) { id } }`, { t: t.tenantId }, admin);
      await heardWithin(async () => !(await refused(elsewhere)));

      // A HARD budget already spent (every call so far cost more than $0.00000001): refused on both, before OpenAI.
      await server.gql(`mutation($t: ID!) { setQuota(tenantId: $t, input: { monthlyCostLimitUsd: "0.00000001", enforcement: HARD }) { enforcement } }`, { t: t.tenantId }, admin);
      await logsOf(t.tenantId, 3);
      mark = standIn.served();
      expect((await failure(ask(t.client))).code).toBe('QUOTA_EXCEEDED');
      expect(standIn.served()).toBe(mark);
      await heardWithin(() => refused(elsewhere));
      mark = standIn.served();
      expect((await failure(ask(elsewhere))).code).toBe('QUOTA_EXCEEDED');
      expect(standIn.served()).toBe(mark);
    } finally {
      await other.close();
    }
  });
});

describe('exactly once', () => {
  it('a retry with the same X-Usage-Request-Id is not sent again: served = recorded', async () => {
    const t = await gatewayTenant('Gateway Retry');
    const mark = standIn.served();
    const headers = { 'X-Usage-Request-Id': 'order-42-summary' };
    const first = await t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }, { headers }).withResponse();
    expect(first.response.headers.get('x-usage-request-id')).toBe('order-42-summary');
    await logsOf(t.tenantId, 1);
    const again = await failure(t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }, { headers }));
    expect(again.status).toBe(409);
    expect(again.code).toBe('REQUEST_ALREADY_RECORDED');
    // Ten concurrent calls with one id: one goes through.
    const racing = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }, { headers: { 'X-Usage-Request-Id': 'race-1' } }).then(() => 'ok', (error: { status?: number }) => error.status),
      ),
    );
    expect(racing.filter((r) => r === 'ok')).toHaveLength(1);
    const logs = await logsOf(t.tenantId, 2);
    expect(servedSince(mark)).toBe(2);
    expect(logs.map((l) => l.request_id).sort()).toEqual(['order-42-summary', 'race-1']);
  });
});
