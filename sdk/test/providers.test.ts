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
  type UsageClient,
} from '../src/index.js';

// Sample responses in the providers' documented shapes, recorded through the client against the
// real server; expected costs are worked out by hand from ../shared/api-contract.md's table.
let server: TestServer;
let client: UsageClient;
let customerToken: string;

beforeAll(async () => {
  server = await startTestServer();
  const tenant = await createTenantWithAccess(server, 'Provider Samples');
  customerToken = tenant.customerToken;
  client = createUsageClient({ url: server.url, apiKey: tenant.apiKey });
});
afterAll(async () => {
  await server?.close();
});

const chatCompletion = (model: string, prompt: number, completion: number, cached?: number) => ({
  id: `chatcmpl-${model}-${prompt}-${completion}-${cached ?? 'x'}`,
  object: 'chat.completion',
  created: Math.floor(Date.now() / 1000),
  model,
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
  usage: {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(cached === undefined ? {} : { prompt_tokens_details: { cached_tokens: cached, audio_tokens: 0 } }),
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
  },
});

describe('provider helpers price real-shaped responses as the contract says', () => {
  it('OpenAI chat completion: gpt-4, 150 in + 450 out = 0.0315, and the completion id is the requestId', async () => {
    const result = await client.record(fromOpenAIChatCompletion(chatCompletion('gpt-4-0613', 150, 450)));
    expect(result).toMatchObject({
      costUsd: '0.0315',
      pricingStatus: 'PRICED',
      requestId: 'chatcmpl-gpt-4-0613-150-450-x',
      duplicate: false,
    });
    // Recording the same response again (a re-run job, a retried webhook) counts nothing.
    expect(
      await client.record(fromOpenAIChatCompletion(chatCompletion('gpt-4-0613', 150, 450))),
    ).toMatchObject({ duplicate: true });
  });

  it('OpenAI chat completion with cached prompt tokens is priced at the cached-input rate', async () => {
    const admin = await server.adminToken();
    const prices = (
      await server.gql(
        `{ prices(service: OPENAI) { model inputPer1kTokens cachedInputPer1kTokens outputPer1kTokens } }`,
        {},
        admin,
      )
    ).data!.prices;
    expect(prices).toContainEqual({
      model: 'gpt-4o',
      inputPer1kTokens: '0.005',
      cachedInputPer1kTokens: '0.0025',
      outputPer1kTokens: '0.015',
    });
    // 2,000 prompt tokens of which 1,024 cached, 500 completion:
    // (976 × 0.005 + 1,024 × 0.0025 + 500 × 0.015) / 1,000 = (4.88 + 2.56 + 7.5) / 1,000 = 0.01494
    const event = fromOpenAIChatCompletion(chatCompletion('gpt-4o-2024-08-06', 2000, 500, 1024));
    expect(event).toMatchObject({ inputTokens: 2000, cachedInputTokens: 1024, outputTokens: 500 });
    expect((await client.record(event)).costUsd).toBe('0.01494');
    // Without the cached detail the same call would cost (2,000 × 0.005 + 7.5) / 1,000 = 0.0175.
    expect(
      (await client.record(fromOpenAIChatCompletion(chatCompletion('gpt-4o-2024-08-06', 2000, 500)))).costUsd,
    ).toBe('0.0175');
  });

  it('OpenAI Responses API: gpt-4o-mini, 1,200 in (200 cached) + 300 out = 0.000345', async () => {
    // (1,000 × 0.00015 + 200 × 0.000075 + 300 × 0.0006) / 1,000 = (0.15 + 0.015 + 0.18) / 1,000
    const response = {
      id: 'resp_67ccd2bed1ec8190b14f964abc054267',
      object: 'response',
      created_at: Math.floor(Date.now() / 1000),
      status: 'completed',
      model: 'gpt-4o-mini-2024-07-18',
      output: [
        {
          type: 'message',
          id: 'msg_1',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: 'Hi', annotations: [] }],
        },
      ],
      usage: {
        input_tokens: 1200,
        input_tokens_details: { cached_tokens: 200 },
        output_tokens: 300,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 1500,
      },
    };
    expect(await client.record(fromOpenAIResponse(response))).toMatchObject({
      costUsd: '0.000345',
      requestId: response.id,
    });
  });

  it('OpenAI audio: tts-1 by characters of the input, whisper-1 by seconds', async () => {
    // 2,000 characters × $0.015 / 1K = 0.03; tts-1-hd 1,000 × $0.03 / 1K = 0.03
    expect((await client.record(fromOpenAISpeech({ model: 'tts-1', input: 'a'.repeat(2000) }))).costUsd).toBe(
      '0.03',
    );
    expect(
      (await client.record(fromOpenAISpeech({ model: 'tts-1-hd', input: 'é'.repeat(1000) }))).costUsd,
    ).toBe('0.03');
    // verbose_json: 90 s × $0.006 / min = 0.009
    const verbose = {
      task: 'transcribe',
      language: 'english',
      duration: 90,
      text: 'Hello there.',
      segments: [],
    };
    expect((await client.record(fromOpenAITranscription(verbose))).costUsd).toBe('0.009');
    // json with usage (newer responses): 45 s = 0.0045
    expect(
      (await client.record(fromOpenAITranscription({ text: 'Hi', usage: { type: 'duration', seconds: 45 } })))
        .costUsd,
    ).toBe('0.0045');
  });

  it('ElevenLabs text-to-speech: 1,200 characters of text sent = 0.036', async () => {
    const request = {
      text: 'x'.repeat(1200),
      model_id: 'eleven_multilingual_v2',
      voice_settings: { stability: 0.5, similarity_boost: 0.75 },
    };
    expect(
      await client.record(fromElevenLabsTextToSpeech(request, { responseRequestId: 'ZyX123' })),
    ).toMatchObject({ costUsd: '0.036', requestId: 'elevenlabs:ZyX123' });
  });

  it('Smartflo call record: a 185-second call = 0.061666666667 (prorated by the second, 12 decimals)', async () => {
    const record = {
      id: '663c6bc92b66f80b611f8f40',
      call_id: '1715235734.129662',
      uuid: '48e0d4fbe3ad9',
      direction: 'inbound',
      description: 'Call answered',
      status: 'answered',
      date: '2024-05-09',
      time: '11:52:14',
      call_duration: 185,
      answered_seconds: 170,
    };
    expect(await client.record(fromSmartfloCallRecord(record))).toMatchObject({
      costUsd: '0.061666666667',
      requestId: 'smartflo:48e0d4fbe3ad9',
    });
    // Billing on answered seconds instead: 170 s × $0.02 / 60 = 0.056666666667
    expect(
      (await client.record(fromSmartfloCallRecord({ ...record, uuid: 'other-call' }, { billOn: 'answered' })))
        .costUsd,
    ).toBe('0.056666666667');
  });

  it('the month total is the exact sum of what was recorded', async () => {
    const summary = (
      await server.gql(`{ monthlySummaries { totalApiCalls totalCostUsd } }`, {}, customerToken)
    ).data!.monthlySummaries[0];
    // 0.0315 + 0.01494 + 0.0175 + 0.000345 + 0.03 + 0.03 + 0.009 + 0.0045 + 0.036 + 0.061666666667 + 0.056666666667
    expect(summary).toEqual({ totalApiCalls: 11, totalCostUsd: '0.292118333334' });
  });
});
