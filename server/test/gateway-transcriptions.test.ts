import { createHash } from 'node:crypto';
import http from 'node:http';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wavFile } from './audio-fixtures.js';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { TRANSCRIPT, startOpenAiStandIn, type OpenAiStandIn } from './openai-stand-in.js';

/**
 * The gateway's audio transcriptions (multipart), driven by the official `openai` SDK against a
 * local OpenAI stand-in that parses the form with the platform's own multipart reader. The
 * upload must arrive byte for byte; what is recorded is the duration the answer states, else the
 * one measured from the audio as it streamed past.
 */
let server: TestServer;
let standIn: OpenAiStandIn;
let admin: string;
const logLines: string[] = [];

beforeAll(async () => {
  standIn = await startOpenAiStandIn();
  server = await startTestServer({ env: { OPENAI_BASE_URL: standIn.baseUrl }, logLines: (line) => logLines.push(line) });
  admin = await server.adminToken();
});
afterAll(async () => {
  await server?.close();
  await standIn?.close();
});

const PROVIDER_KEY = 'sk-tenant-own-openai-key-for-audio-9876';
const WHISPER_PER_MINUTE = 0.006;

async function gatewayTenant(name: string, options: { credential?: boolean } = {}) {
  const tenant = await createTenantWithAccess(server, name);
  if (options.credential !== false) {
    const set = await server.gql(`mutation($t: ID!, $s: String!) { setProviderCredential(tenantId: $t, provider: OPENAI, secret: $s) { maskedKey } }`, { t: tenant.tenantId, s: PROVIDER_KEY }, admin);
    expect(set.errors).toBeUndefined();
  }
  const client = new OpenAI({ apiKey: tenant.apiKey, baseURL: `${server.httpUrl}/gateway/openai/v1`, maxRetries: 0 });
  return { ...tenant, client };
}

async function logsOf(tenantId: string, expected?: number) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const { rows } = await server.services.db.pool.query(
      `select request_id, model, input_tokens, output_tokens, duration_seconds::float8 as seconds, cost_usd::text, pricing_status, status, source, end_user, metadata
         from usage_logs where tenant_id = $1 order by occurred_at, request_id`,
      [tenantId],
    );
    if (expected === undefined || rows.length >= expected || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sha = (bytes: Buffer | null | undefined) => createHash('sha256').update(bytes ?? Buffer.alloc(0)).digest('hex');

async function failure(call: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  const outcome = await call.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof OpenAI.APIError)) throw new Error(`expected an API error, got ${String(outcome)}`);
  return outcome;
}

describe('whisper-1 through the gateway', () => {
  it('sends the upload byte for byte with the tenant’s key, and records the audio’s measured length when the answer states none', async () => {
    const t = await gatewayTenant('Transcribe Measured');
    const audio = wavFile(12.5, 16_000);
    const mark = standIn.served();
    const { data, response } = await t.client.audio.transcriptions
      .create({ file: await toFile(audio, 'meeting.wav', { type: 'audio/wav' }), model: 'whisper-1' }, { headers: { 'X-Usage-End-User': 'caller-9' } })
      .withResponse();
    expect(data.text).toBe(TRANSCRIPT);
    const call = standIn.calls.at(-1)!;
    expect(call.path).toBe('/audio/transcriptions');
    expect(call.authorization).toBe(`Bearer ${PROVIDER_KEY}`);
    expect(call.body.model).toBe('whisper-1');
    expect(sha(call.upload?.file)).toBe(sha(audio));
    expect(standIn.served() - mark).toBe(1);
    const [log] = await logsOf(t.tenantId, 1);
    expect(log).toMatchObject({ model: 'whisper-1', seconds: 12.5, status: 'SUCCESS', source: 'GATEWAY', pricing_status: 'PRICED', end_user: 'caller-9' });
    expect(log.metadata).toMatchObject({ endpoint: '/audio/transcriptions', units: 'measured' });
    expect(Number(log.cost_usd)).toBeCloseTo((12.5 / 60) * WHISPER_PER_MINUTE, 12);
    expect(Number(response.headers.get('x-usage-cost-usd'))).toBeCloseTo(Number(log.cost_usd), 12);
    expect(response.headers.get('x-usage-request-id')).toBe(log.request_id);
  });

  it('records the duration the answer states (verbose_json, or usage of type duration) over its own measurement; text answers are measured', async () => {
    const t = await gatewayTenant('Transcribe Stated');
    const audio = wavFile(4, 8_000);
    standIn.reportedDurationSeconds = 4.37;
    try {
      const verbose = await t.client.audio.transcriptions.create({ file: await toFile(audio, 'a.wav'), model: 'whisper-1', response_format: 'verbose_json' });
      expect(verbose.duration).toBe(4.37);
    } finally {
      standIn.reportedDurationSeconds = null;
    }
    standIn.durationUsage = true;
    try {
      await t.client.audio.transcriptions.create({ file: await toFile(audio, 'b.wav'), model: 'whisper-1' });
    } finally {
      standIn.durationUsage = false;
    }
    const text = await t.client.audio.transcriptions.create({ file: await toFile(audio, 'c.wav', { type: 'audio/wav' }), model: 'whisper-1', response_format: 'text' });
    expect(String(text).trim()).toBe(TRANSCRIPT);
    const logs = await logsOf(t.tenantId, 3);
    expect(logs.map((l) => [l.seconds, l.metadata.units, l.source]).sort()).toEqual(
      [
        [4, 'measured', 'GATEWAY'],
        [4, 'provider', 'GATEWAY'],
        [4.37, 'provider', 'GATEWAY'],
      ].sort(),
    );
  });

  it('streams a large upload through without holding it (8 MB in, the same 8 MB out, length declared upstream)', async () => {
    const t = await gatewayTenant('Transcribe Large');
    const audio = wavFile(250, 16_000); // 8 MB of PCM
    await t.client.audio.transcriptions.create({ file: await toFile(audio, 'long.wav', { type: 'audio/wav' }), model: 'whisper-1' });
    const call = standIn.calls.at(-1)!;
    expect(call.upload?.file?.length).toBe(audio.length);
    expect(sha(call.upload?.file)).toBe(sha(audio));
    // The caller's framing is kept: a declared length, not a re-chunked body.
    expect(call.upload?.chunked).toBe(false);
    expect(Number(call.upload?.contentLength)).toBeGreaterThan(audio.length);
    const [log] = await logsOf(t.tenantId, 1);
    expect(log.seconds).toBe(250);
  });
});

describe('token-billed transcription models', () => {
  it('records the tokens the answer states, whole or streamed', async () => {
    const t = await gatewayTenant('Transcribe Tokens');
    const audio = wavFile(3);
    const whole = await t.client.audio.transcriptions.create({ file: await toFile(audio, 'a.wav'), model: 'gpt-4o-mini-transcribe' });
    expect(whole.text).toBe(TRANSCRIPT);
    const stream = await t.client.audio.transcriptions.create({ file: await toFile(audio, 'b.wav'), model: 'gpt-4o-mini-transcribe', stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.at(-1)).toBe('transcript.text.done');
    expect(types.filter((type) => type === 'transcript.text.delta')).toHaveLength(7);
    const logs = await logsOf(t.tenantId, 2);
    expect(logs.map((l) => [l.model, l.input_tokens, l.output_tokens, l.source, l.status])).toEqual([
      ['gpt-4o-mini-transcribe', 45, 12, 'GATEWAY', 'SUCCESS'],
      ['gpt-4o-mini-transcribe', 45, 12, 'GATEWAY', 'SUCCESS'],
    ]);
  });
});

describe('refusals before anything is sent', () => {
  it('a form without a file, a body that is not multipart, an oversized upload, a bad key and a missing credential: nothing sent, nothing recorded', async () => {
    const t = await gatewayTenant('Transcribe Refusals');
    const bare = await gatewayTenant('Transcribe No Credential', { credential: false });
    const calls = standIn.calls.length;
    const url = `${server.httpUrl}/gateway/openai/v1/audio/transcriptions`;
    const auth = { authorization: `Bearer ${t.apiKey}` };

    const noFile = new FormData();
    noFile.set('model', 'whisper-1');
    noFile.set('response_format', 'json');
    const withoutFile = await fetch(url, { method: 'POST', headers: auth, body: noFile });
    expect(withoutFile.status).toBe(400);
    expect(await withoutFile.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'BAD_USER_INPUT', param: 'file' } });

    const notMultipart = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'whisper-1' }) });
    expect(notMultipart.status).toBe(400);

    const wrongField = new FormData();
    wrongField.set('audio', new Blob([wavFile(1)], { type: 'audio/wav' }), 'a.wav');
    wrongField.set('model', 'whisper-1');
    expect((await fetch(url, { method: 'POST', headers: auth, body: wrongField })).status).toBe(400);

    const huge = new FormData();
    huge.set('model', 'whisper-1');
    huge.set('file', new Blob([Buffer.alloc(27 * 1024 * 1024)], { type: 'audio/wav' }), 'huge.wav');
    const oversized = await fetch(url, { method: 'POST', headers: auth, body: huge });
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });

    // The same, sent without a declared length: counted as it arrives.
    const chunks = (function* () {
      const head = Buffer.from('--x\r\nContent-Disposition: form-data; name="model"\r\n\r\nwhisper-1\r\n--x\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n');
      yield head;
      for (let i = 0; i < 27 * 16; i++) yield Buffer.alloc(64 * 1024, 7);
    })();
    const unsized = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' }, body: ReadableStream.from(chunks), duplex: 'half' } as RequestInit);
    expect(unsized.status).toBe(413);

    const bad = new OpenAI({ apiKey: 'um_live_not-a-key', baseURL: `${server.httpUrl}/gateway/openai/v1`, maxRetries: 0 });
    await expect(bad.audio.transcriptions.create({ file: await toFile(wavFile(1), 'a.wav'), model: 'whisper-1' })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const missing = await failure(bare.client.audio.transcriptions.create({ file: await toFile(wavFile(1), 'a.wav'), model: 'whisper-1' }));
    expect(missing.status).toBe(424);
    expect(missing.code).toBe('PROVIDER_CREDENTIAL_MISSING');

    expect(standIn.calls.length).toBe(calls);
    expect(await logsOf(t.tenantId)).toHaveLength(0);
    expect(await logsOf(bare.tenantId)).toHaveLength(0);
  });

  it('a HARD limit refuses while the upload is still coming, before OpenAI is reached; the server keeps answering', async () => {
    const t = await gatewayTenant('Transcribe Hard Limit');
    const mark = standIn.served();
    await t.client.audio.transcriptions.create({ file: await toFile(wavFile(60), 'first.wav'), model: 'whisper-1' });
    await logsOf(t.tenantId, 1);
    // One minute of whisper costs $0.006: a $0.005 budget is spent.
    await server.gql(`mutation($t: ID!) { setQuota(tenantId: $t, input: { monthlyCostLimitUsd: "0.005", enforcement: HARD }) { enforcement } }`, { t: t.tenantId }, admin);
    const refused = await failure(t.client.audio.transcriptions.create({ file: await toFile(wavFile(120, 16_000), 'second.wav'), model: 'whisper-1' }));
    expect(refused.status).toBe(429);
    expect(refused.code).toBe('QUOTA_EXCEEDED');
    expect(Number(refused.headers?.get('retry-after'))).toBeGreaterThan(0);
    expect(standIn.served() - mark).toBe(1);
    expect(await logsOf(t.tenantId)).toHaveLength(1);
    // The same connection pool goes on working after an upload cut short by a refusal.
    await server.gql(`mutation($t: ID!) { setQuota(tenantId: $t, input: { enforcement: SOFT }) { enforcement } }`, { t: t.tenantId }, admin);
    await t.client.audio.transcriptions.create({ file: await toFile(wavFile(2), 'third.wav'), model: 'whisper-1' });
    expect(standIn.served() - mark).toBe(2);
    expect(await logsOf(t.tenantId, 2)).toHaveLength(2);
  });

  it('an upload the caller abandons halfway is not billed: nothing recorded, nothing served', async () => {
    const t = await gatewayTenant('Transcribe Abandoned');
    const mark = standIn.served();
    const audio = wavFile(200, 16_000);
    const head = Buffer.from('--b0und\r\nContent-Disposition: form-data; name="model"\r\n\r\nwhisper-1\r\n--b0und\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n');
    const tail = Buffer.from('\r\n--b0und--\r\n');
    const request = http.request(`${server.httpUrl}/gateway/openai/v1/audio/transcriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.apiKey}`, 'content-type': 'multipart/form-data; boundary=b0und', 'content-length': String(head.length + audio.length + tail.length) },
    });
    request.on('error', () => undefined);
    request.write(head);
    request.write(audio.subarray(0, 1024 * 1024));
    // Long enough for the gateway to admit the call and open the upload to the provider.
    await new Promise((r) => setTimeout(r, 400));
    request.destroy();
    await new Promise((r) => setTimeout(r, 500));
    expect(standIn.served() - mark).toBe(0);
    expect(await logsOf(t.tenantId)).toHaveLength(0);
    expect(server.services.gateway.journalDepth).toBe(0);
  });

  it('a repeated X-Usage-Request-Id is refused (409); a provider error passes through and is recorded as ERROR with nothing billed', async () => {
    const t = await gatewayTenant('Transcribe Errors');
    const headers = { 'X-Usage-Request-Id': 'call-77-transcript' };
    await t.client.audio.transcriptions.create({ file: await toFile(wavFile(1), 'a.wav'), model: 'whisper-1' }, { headers });
    await logsOf(t.tenantId, 1);
    const again = await failure(t.client.audio.transcriptions.create({ file: await toFile(wavFile(1), 'a.wav'), model: 'whisper-1' }, { headers }));
    expect(again.status).toBe(409);
    standIn.failNext(500);
    const failed = await failure(t.client.audio.transcriptions.create({ file: await toFile(wavFile(1), 'b.wav'), model: 'whisper-1' }));
    expect(failed.status).toBe(500);
    const logs = await logsOf(t.tenantId, 2);
    expect(logs.map((l) => [l.status, l.seconds])).toEqual(expect.arrayContaining([['SUCCESS', 1], ['ERROR', 0]]));
    expect(logs.find((l) => l.status === 'ERROR')!.metadata).toMatchObject({ upstreamStatus: 500 });
  });

  it('the tenant’s key never appears in a stored log or a log line', async () => {
    const { rows } = await server.services.db.pool.query(`select metadata::text from usage_logs`);
    expect(rows.length).toBeGreaterThan(5);
    expect(JSON.stringify(rows)).not.toContain(PROVIDER_KEY);
    expect(logLines.filter((line) => line.includes(PROVIDER_KEY))).toEqual([]);
  });
});
