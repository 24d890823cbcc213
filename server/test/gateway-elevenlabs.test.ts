import { ElevenLabsClient, ElevenLabsError } from '@elevenlabs/elevenlabs-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIO_CHUNK_BYTES, startElevenLabsStandIn, type ElevenLabsStandIn } from './elevenlabs-stand-in.js';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

/**
 * The metering gateway's ElevenLabs routes, driven by the official ElevenLabs SDK with only its
 * baseUrl and apiKey changed, against a local stand-in for ElevenLabs. Every test compares what
 * the stand-in served with what the log holds; every log line the server wrote is kept, to show
 * the tenant's ElevenLabs key never reaches one.
 */
let server: TestServer;
let standIn: ElevenLabsStandIn;
let admin: string;
const logLines: string[] = [];

beforeAll(async () => {
  standIn = await startElevenLabsStandIn();
  server = await startTestServer({ env: { ELEVENLABS_BASE_URL: standIn.baseUrl }, logLines: (line) => logLines.push(line) });
  admin = await server.adminToken();
});
afterAll(async () => {
  await server?.close();
  await standIn?.close();
});

const PROVIDER_KEY = 'sk_tenant-own-elevenlabs-key-5678';
const VOICE = 'JBFqnCBsd6RMkjVDRZzb';

async function gatewayTenant(name: string, options: { credential?: boolean } = {}) {
  const tenant = await createTenantWithAccess(server, name);
  if (options.credential !== false) {
    const set = await server.gql(`mutation($t: ID!, $s: String!) { setProviderCredential(tenantId: $t, provider: ELEVENLABS, secret: $s) { maskedKey } }`, { t: tenant.tenantId, s: PROVIDER_KEY }, admin);
    expect(set.errors).toBeUndefined();
  }
  const client = new ElevenLabsClient({ apiKey: tenant.apiKey, baseUrl: `${server.httpUrl}/gateway/elevenlabs`, maxRetries: 0 });
  return { ...tenant, client };
}

async function logsOf(tenantId: string, expected?: number) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const { rows } = await server.services.db.pool.query(
      `select request_id, service, model, characters, cost_usd::text, pricing_status, status, source, end_user, metadata
         from usage_logs where tenant_id = $1 order by occurred_at, request_id`,
      [tenantId],
    );
    if (expected === undefined || rows.length >= expected || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

/** The SDK's error for a call that must fail. */
async function failure(call: Promise<unknown>): Promise<ElevenLabsError> {
  const outcome = await call.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ElevenLabsError)) throw new Error(`expected an ElevenLabs error, got ${String(outcome)}`);
  return outcome;
}

const detailOf = (error: ElevenLabsError) => (error.body as { detail: { status: string; message: string } }).detail;

describe('text to speech through the gateway', () => {
  it('streams the audio back, sends the tenant’s own key and the query upstream, and records the billed characters once', async () => {
    const t = await gatewayTenant('Gateway Voice');
    const mark = standIn.served();
    // Half a credit a character (as ElevenLabs bills its Flash models): the header, not the text, counts.
    standIn.costPerCharacter = 0.5;
    try {
      const text = 'Metering every spoken word.';
      const { data, rawResponse } = await t.client.textToSpeech
        .convert(VOICE, { text, modelId: 'eleven_flash_v2_5', outputFormat: 'mp3_44100_128' }, { headers: { 'X-Usage-End-User': 'listener-1' } })
        .withRawResponse();
      const audio = await bytesOf(data);
      expect(audio.length).toBe(4 * AUDIO_CHUNK_BYTES);
      expect(rawResponse.headers.get('content-type')).toBe('audio/mpeg');
      expect(rawResponse.headers.get('character-cost')).toBe(String(Math.ceil(text.length / 2)));
      const call = standIn.calls.at(-1)!;
      expect(call).toMatchObject({ path: `/v1/text-to-speech/${VOICE}`, apiKey: PROVIDER_KEY, body: { text, model_id: 'eleven_flash_v2_5' } });
      expect(call.query.get('output_format')).toBe('mp3_44100_128');
      expect(standIn.served() - mark).toBe(1);
      const [log] = await logsOf(t.tenantId, 1);
      expect(log).toMatchObject({ service: 'ELEVENLABS', model: 'eleven_flash_v2_5', characters: Math.ceil(text.length / 2), status: 'SUCCESS', source: 'GATEWAY', pricing_status: 'PRICED', end_user: 'listener-1' });
      expect(log.metadata).toMatchObject({ endpoint: '/v1/text-to-speech/{voice_id}', voiceId: VOICE, characters: 'character-cost' });
      expect(rawResponse.headers.get('x-usage-request-id')).toBe(log.request_id);
      expect(Number(rawResponse.headers.get('x-usage-cost-usd'))).toBeCloseTo(Number(log.cost_usd), 12);
    } finally {
      standIn.costPerCharacter = 1;
    }
  });

  it('the /stream route passes the first audio on before the last is made; without character-cost the text’s characters count', async () => {
    const t = await gatewayTenant('Gateway Voice Stream');
    standIn.omitCharacterCost = true;
    standIn.chunks = 6;
    standIn.chunkDelayMs = 150;
    try {
      const started = Date.now();
      const stream = await t.client.textToSpeech.stream(VOICE, { text: 'Naïve café, 😀.', modelId: 'eleven_multilingual_v2' });
      const reader = stream.getReader();
      const first = await reader.read();
      const firstAt = Date.now() - started;
      let bytes = first.value?.length ?? 0;
      for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.length;
      const allAt = Date.now() - started;
      expect(bytes).toBe(6 * AUDIO_CHUNK_BYTES);
      // Six pieces 150 ms apart: the first arrives long before the last.
      expect(firstAt).toBeLessThan(allAt - 500);
      expect(standIn.calls.at(-1)!.path).toBe(`/v1/text-to-speech/${VOICE}/stream`);
      const [log] = await logsOf(t.tenantId, 1);
      expect(log).toMatchObject({ characters: [...'Naïve café, 😀.'].length, status: 'SUCCESS', source: 'GATEWAY' });
      expect(log.metadata).toMatchObject({ endpoint: '/v1/text-to-speech/{voice_id}/stream', characters: 'text' });
    } finally {
      standIn.omitCharacterCost = false;
      standIn.chunks = 4;
      standIn.chunkDelayMs = 0;
    }
  });

  it('records a stream the caller hung up on once, as ERROR with the characters ElevenLabs billed', async () => {
    const t = await gatewayTenant('Gateway Voice Hang Up');
    standIn.chunks = 20;
    standIn.chunkDelayMs = 100;
    try {
      const controller = new AbortController();
      const stream = await t.client.textToSpeech.stream(VOICE, { text: 'A long story, cut short.' }, { abortSignal: controller.signal });
      const reader = stream.getReader();
      await reader.read();
      controller.abort();
      await reader.cancel().catch(() => undefined);
      const logs = await logsOf(t.tenantId, 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(await logsOf(t.tenantId)).toHaveLength(1);
      expect(logs[0]).toMatchObject({ status: 'ERROR', source: 'GATEWAY', characters: 'A long story, cut short.'.length });
      expect(logs[0].metadata).toMatchObject({ failure: 'the audio stream was cut off' });
    } finally {
      standIn.chunks = 4;
      standIn.chunkDelayMs = 0;
    }
  });

  it('passes ElevenLabs’ own errors through unchanged and records them as ERROR with nothing billed', async () => {
    const t = await gatewayTenant('Gateway Voice Upstream Error');
    const mark = standIn.served();
    standIn.failNext(401);
    const error = await failure(t.client.textToSpeech.convert(VOICE, { text: 'hello' }));
    expect(error.statusCode).toBe(401);
    // ElevenLabs' body exactly: the tenant's stored key was refused, and the caller is told so in ElevenLabs' words.
    expect(error.body).toEqual({ detail: { status: 'invalid_api_key', message: 'Invalid API key' } });
    expect(standIn.served() - mark).toBe(1);
    const [log] = await logsOf(t.tenantId, 1);
    expect(log).toMatchObject({ status: 'ERROR', characters: 0, source: 'GATEWAY' });
    expect(log.metadata).toMatchObject({ upstreamStatus: 401 });
  });
});

describe('refusals before anything is spent, in ElevenLabs’ shape', () => {
  it('a bad key, a tenant without a credential, no text, malformed JSON and an unknown route: clear errors, nothing sent, nothing recorded', async () => {
    const t = await gatewayTenant('Gateway Voice Refusals', { credential: false });
    const calls = standIn.calls.length;
    const bad = new ElevenLabsClient({ apiKey: 'um_live_not-a-key', baseUrl: `${server.httpUrl}/gateway/elevenlabs`, maxRetries: 0 });
    const unauthenticated = await failure(bad.textToSpeech.convert(VOICE, { text: 'x' }));
    expect(unauthenticated.statusCode).toBe(401);
    expect(detailOf(unauthenticated).status).toBe('invalid_api_key');
    const missing = await failure(t.client.textToSpeech.convert(VOICE, { text: 'x' }));
    expect(missing.statusCode).toBe(424);
    expect(detailOf(missing).status).toBe('PROVIDER_CREDENTIAL_MISSING');
    expect(detailOf(missing).message).toContain('setProviderCredential');
    const post = (path: string, body: string) => fetch(`${server.httpUrl}/gateway/elevenlabs${path}`, { method: 'POST', headers: { 'xi-api-key': t.apiKey, 'content-type': 'application/json' }, body });
    const noText = await post(`/v1/text-to-speech/${VOICE}`, JSON.stringify({ model_id: 'eleven_multilingual_v2' }));
    expect(noText.status).toBe(400);
    expect(((await noText.json()) as { detail: { status: string } }).detail.status).toBe('BAD_USER_INPUT');
    const malformed = await post(`/v1/text-to-speech/${VOICE}`, '{"text": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ detail: { status: 'BAD_REQUEST' } });
    const oversized = await post(`/v1/text-to-speech/${VOICE}`, JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }));
    expect(oversized.status).toBe(413);
    const unknown = await post('/v1/speech-to-speech/abc', '{}');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ detail: { status: 'not_found' } });
    expect(standIn.calls.length).toBe(calls);
    expect(await logsOf(t.tenantId)).toHaveLength(0);
  });

  it('HARD limits, a suspended tenant and a repeated request id are refused before ElevenLabs is reached; SOFT limits let the call through', async () => {
    const t = await gatewayTenant('Gateway Voice Limits');
    const mark = standIn.served();
    await bytesOf(await t.client.textToSpeech.convert(VOICE, { text: 'The first twenty-nine chars.' }, { headers: { 'X-Usage-Request-Id': 'voice-1' } }));
    await logsOf(t.tenantId, 1);
    await server.gql(`mutation($t: ID!) { setQuota(tenantId: $t, input: { elevenlabsCharacterLimit: 20, enforcement: HARD }) { enforcement } }`, { t: t.tenantId }, admin);
    const refused = await failure(t.client.textToSpeech.convert(VOICE, { text: 'second' }));
    expect(refused.statusCode).toBe(429);
    expect(detailOf(refused).status).toBe('QUOTA_EXCEEDED');
    expect(Number(refused.rawResponse?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(standIn.served() - mark).toBe(1);

    await server.gql(`mutation($t: ID!) { setQuota(tenantId: $t, input: { enforcement: SOFT }) { enforcement } }`, { t: t.tenantId }, admin);
    const again = await failure(t.client.textToSpeech.convert(VOICE, { text: 'again' }, { headers: { 'X-Usage-Request-Id': 'voice-1' } }));
    expect(again.statusCode).toBe(409);
    expect(detailOf(again).status).toBe('REQUEST_ALREADY_RECORDED');
    await bytesOf(await t.client.textToSpeech.convert(VOICE, { text: 'soft limits only alert' }));
    expect(standIn.served() - mark).toBe(2);

    await server.gql(`mutation($t: ID!) { updateTenant(id: $t, input: { status: SUSPENDED }) { id } }`, { t: t.tenantId }, admin);
    const suspended = await failure(t.client.textToSpeech.convert(VOICE, { text: 'x' }));
    expect(suspended.statusCode).toBe(403);
    expect(detailOf(suspended).status).toBe('TENANT_SUSPENDED');
    expect(standIn.served() - mark).toBe(2);
    const logs = await logsOf(t.tenantId, 2);
    expect(logs.map((l) => l.request_id)).toContain('voice-1');
    expect(logs).toHaveLength(2);
  });
});

describe('the tenant’s ElevenLabs key', () => {
  it('never appears in a response, a stored log or a log line', async () => {
    const { rows } = await server.services.db.pool.query(`select metadata::text, request_id from usage_logs where service = 'ELEVENLABS'`);
    expect(rows.length).toBeGreaterThan(3);
    expect(JSON.stringify(rows)).not.toContain(PROVIDER_KEY);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.includes(PROVIDER_KEY))).toEqual([]);
    // Nor in what the caller sees, for a success or a provider error.
    const t = await gatewayTenant('Gateway Voice Secrets');
    const ok = await fetch(`${server.httpUrl}/gateway/elevenlabs/v1/text-to-speech/${VOICE}`, { method: 'POST', headers: { 'xi-api-key': t.apiKey, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'secret?' }) });
    expect(JSON.stringify([...ok.headers])).not.toContain(PROVIDER_KEY);
    expect((await ok.arrayBuffer()).byteLength).toBe(4 * AUDIO_CHUNK_BYTES);
    standIn.failNext(500);
    const failed = await fetch(`${server.httpUrl}/gateway/elevenlabs/v1/text-to-speech/${VOICE}`, { method: 'POST', headers: { 'xi-api-key': t.apiKey, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'secret?' }) });
    expect(`${JSON.stringify([...failed.headers])}${await failed.text()}`).not.toContain(PROVIDER_KEY);
  });
});
