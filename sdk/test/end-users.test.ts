import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWithAccess, startTestServer, type TestServer } from '../../server/test/harness.js';
import {
  createUsageClient,
  fromElevenLabsTextToSpeech,
  fromOpenAIChatCompletion,
  fromOpenAIResponse,
  fromOpenAISpeech,
  fromOpenAITranscription,
  fromSmartfloCallRecord,
  UsageMonitorError,
  type UsageClient,
} from '../src/index.js';

let server: TestServer;
let client: UsageClient;
let customerToken: string;

beforeAll(async () => {
  server = await startTestServer();
  const tenant = await createTenantWithAccess(server, 'End User Attribution');
  customerToken = tenant.customerToken;
  client = createUsageClient({
    url: server.url,
    apiKey: tenant.apiKey,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
  });
});
afterAll(async () => {
  await server?.close();
});

/** The end user stored on each of the tenant's logs, by requestId, read back through the API. */
async function storedEndUsers(): Promise<Map<string, string | null>> {
  const response = await server.gql(
    `{ usageLogs(first: 100) { nodes { requestId endUser source } } }`,
    {},
    customerToken,
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const nodes = response.data!.usageLogs.nodes as {
    requestId: string;
    endUser: string | null;
    source: string;
  }[];
  expect(nodes.every((n) => n.source === 'API')).toBe(true);
  return new Map(nodes.map((n) => [n.requestId, n.endUser]));
}

describe('endUser reaches the usage log', () => {
  it('from record(), and an event without one stays unattributed', async () => {
    const attributed = await client.record({
      service: 'OPENAI',
      model: 'gpt-4o-mini',
      inputTokens: 10,
      outputTokens: 5,
      endUser: 'record-user',
    });
    const plain = await client.record({
      service: 'OPENAI',
      model: 'gpt-4o-mini',
      inputTokens: 10,
      outputTokens: 5,
    });
    const stored = await storedEndUsers();
    expect(stored.get(attributed.requestId)).toBe('record-user');
    expect(stored.get(plain.requestId)).toBeNull();
  });

  it('from enqueue(), each event of a batch with its own end user (two batches: 4, then 2 on close)', async () => {
    // A tenant of its own, so the ranking below counts only this file's other events.
    const batching = createUsageClient({
      url: server.url,
      apiKey: (await createTenantWithAccess(server, 'End User Batches')).apiKey,
      batch: { maxBatchSize: 4, flushIntervalMs: 10_000 },
    });
    const queued = ['alice', 'bob', 'alice', undefined, 'carol', 'bob'].map((endUser, i) => ({
      endUser,
      queued: batching.enqueue({
        service: 'SMARTFLO',
        durationSeconds: 10 + i,
        ...(endUser ? { endUser } : {}),
      }),
    }));
    await batching.close();
    await Promise.all(queued.map((q) => q.queued.result));
    const { rows } = await server.services.db.pool.query<{ request_id: string; end_user: string | null }>(
      'select request_id, end_user from usage_logs where request_id = any($1::text[])',
      [queued.map((q) => q.queued.requestId)],
    );
    expect(new Map(rows.map((r) => [r.request_id, r.end_user]))).toEqual(
      new Map(queued.map((q) => [q.queued.requestId, q.endUser ?? null])),
    );
  });

  it('is part of the idempotency body: the same requestId with another end user is refused', async () => {
    const event = {
      service: 'ELEVENLABS' as const,
      characters: 12,
      requestId: 'eu-idem-1',
      endUser: 'first-user',
    };
    await client.record(event);
    expect((await client.record(event)).duplicate).toBe(true);
    const error = await client.record({ ...event, endUser: 'second-user' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageMonitorError);
    expect((error as UsageMonitorError).code).toBe('IDEMPOTENCY_CONFLICT');
    expect((await storedEndUsers()).get('eu-idem-1')).toBe('first-user');
  });

  it('from every provider helper, explicit or read from the OpenAI request body', async () => {
    const usage = { prompt_tokens: 20, completion_tokens: 10 };
    const recorded = await Promise.all([
      client.record(
        fromOpenAIChatCompletion(
          { id: 'chatcmpl-eu-1', model: 'gpt-4o', usage },
          { endUser: 'chat-explicit' },
        ),
      ),
      client.record(
        fromOpenAIChatCompletion(
          { id: 'chatcmpl-eu-2', model: 'gpt-4o', usage },
          { request: { safety_identifier: 'chat-sid', user: 'chat-old' } },
        ),
      ),
      client.record(
        fromOpenAIChatCompletion(
          { id: 'chatcmpl-eu-3', model: 'gpt-4o', usage },
          { request: { user: 'chat-user-field' } },
        ),
      ),
      client.record(
        fromOpenAIResponse({
          id: 'resp_eu_1',
          model: 'gpt-4o-mini',
          usage: { input_tokens: 5, output_tokens: 6 },
          safety_identifier: 'resp-echoed',
        }),
      ),
      client.record(
        fromOpenAISpeech(
          { model: 'tts-1', input: 'Hello there', user: 'speech-user' },
          { requestId: 'speech-eu-1' },
        ),
      ),
      client.record(
        fromOpenAITranscription({ duration: 4 }, { requestId: 'whisper-eu-1', endUser: 'whisper-user' }),
      ),
      client.record(
        fromElevenLabsTextToSpeech({ text: 'Bonjour' }, { responseRequestId: 'eu-1', endUser: 'voice-user' }),
      ),
      client.record(
        fromSmartfloCallRecord({ uuid: 'eu-call-1', call_duration: 60 }, { endUser: 'caller-7' }),
      ),
    ]);
    const stored = await storedEndUsers();
    expect(recorded.map((r) => stored.get(r.requestId))).toEqual([
      'chat-explicit',
      'chat-sid',
      'chat-user-field',
      'resp-echoed',
      'speech-user',
      'whisper-user',
      'voice-user',
      'caller-7',
    ]);
  });

  // Reads what the tests above recorded for this tenant (vitest runs a file's tests in order).
  it('counts in endUsers and activeEndUsers for the tenant', async () => {
    const response = await server.gql(
      `{ endUsers(input: { days: 7, orderBy: END_USER_ASC, first: 100 }) { totalCount nodes { endUser apiCalls } } usageDashboard { activeEndUsers } }`,
      {},
      customerToken,
    );
    expect(response.errors).toBeUndefined();
    const ranked = response.data!.endUsers as {
      totalCount: number;
      nodes: { endUser: string; apiCalls: number }[];
    };
    expect(ranked.nodes.map((n) => n.endUser)).toEqual([
      'caller-7',
      'chat-explicit',
      'chat-sid',
      'chat-user-field',
      'first-user',
      'record-user',
      'resp-echoed',
      'speech-user',
      'voice-user',
      'whisper-user',
    ]);
    expect(ranked.nodes.every((n) => n.apiCalls === 1)).toBe(true);
    expect(ranked.totalCount).toBe(10);
    expect(response.data!.usageDashboard.activeEndUsers).toBe(10);
  });
});
