import { describe, expect, it } from 'vitest';
import { countCharacters } from './common.js';
import { fromElevenLabsTextToSpeech } from './elevenlabs.js';
import {
  fromOpenAIChatCompletion,
  fromOpenAIResponse,
  fromOpenAISpeech,
  fromOpenAITranscription,
} from './openai.js';
import { fromSmartfloCallRecord } from './smartflo.js';

describe('OpenAI helpers', () => {
  it('maps a chat completion: prompt → input, completion → output, cached prompt tokens, id → requestId', () => {
    const event = fromOpenAIChatCompletion({
      id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
      model: 'gpt-4o-2024-08-06',
      usage: {
        prompt_tokens: 1117,
        completion_tokens: 46,
        total_tokens: 1163,
        prompt_tokens_details: { cached_tokens: 1024 },
      },
    });
    expect(event).toEqual({
      service: 'OPENAI',
      model: 'gpt-4o-2024-08-06',
      inputTokens: 1117,
      outputTokens: 46,
      cachedInputTokens: 1024,
      requestId: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
    });
  });

  it('leaves cachedInputTokens out when nothing was cached, and lets the caller override fields', () => {
    const event = fromOpenAIChatCompletion(
      {
        id: 'chatcmpl-1',
        model: 'gpt-4',
        usage: { prompt_tokens: 5, completion_tokens: 6, prompt_tokens_details: { cached_tokens: 0 } },
      },
      { requestId: 'my-own-id', metadata: { feature: 'search' }, status: 'ERROR' },
    );
    expect(event).toEqual({
      service: 'OPENAI',
      model: 'gpt-4',
      inputTokens: 5,
      outputTokens: 6,
      requestId: 'my-own-id',
      metadata: { feature: 'search' },
      status: 'ERROR',
    });
  });

  it('refuses a completion without usage (a stream without include_usage) rather than record zero', () => {
    expect(() => fromOpenAIChatCompletion({ id: 'chatcmpl-2', model: 'gpt-4o' })).toThrow(/include_usage/);
  });

  it('maps a Responses API response, with a failed one recorded as ERROR', () => {
    const response = {
      id: 'resp_1',
      model: 'gpt-4o-mini',
      status: 'completed',
      usage: {
        input_tokens: 36,
        input_tokens_details: { cached_tokens: 12 },
        output_tokens: 87,
        total_tokens: 123,
      },
    };
    expect(fromOpenAIResponse(response)).toEqual({
      service: 'OPENAI',
      model: 'gpt-4o-mini',
      inputTokens: 36,
      outputTokens: 87,
      cachedInputTokens: 12,
      requestId: 'resp_1',
    });
    expect(fromOpenAIResponse({ ...response, status: 'failed' }).status).toBe('ERROR');
  });

  it('counts speech input characters as code points', () => {
    expect(fromOpenAISpeech({ model: 'tts-1', input: 'Héllo 😀' })).toEqual({
      service: 'OPENAI',
      model: 'tts-1',
      characters: 7,
    });
    expect(countCharacters('😀😀')).toBe(2);
    expect('😀😀'.length).toBe(4);
  });

  it('reads transcription seconds from usage, verbose_json duration, or the caller', () => {
    expect(fromOpenAITranscription({ usage: { type: 'duration', seconds: 12 } })).toEqual({
      service: 'OPENAI',
      model: 'whisper-1',
      durationSeconds: 12,
    });
    expect(fromOpenAITranscription({ duration: '8.47' })).toMatchObject({ durationSeconds: 8.47 });
    expect(fromOpenAITranscription({}, { durationSeconds: 3.5, requestId: 'r1' })).toEqual({
      service: 'OPENAI',
      model: 'whisper-1',
      durationSeconds: 3.5,
      requestId: 'r1',
    });
    expect(() => fromOpenAITranscription({})).toThrow(/verbose_json/);
    expect(
      fromOpenAITranscription(
        { usage: { type: 'tokens', input_tokens: 14, output_tokens: 45 } },
        { model: 'gpt-4o-transcribe' },
      ),
    ).toEqual({
      service: 'OPENAI',
      model: 'gpt-4o-transcribe',
      inputTokens: 14,
      outputTokens: 45,
    });
  });
});

describe('ElevenLabs helper', () => {
  it('bills the characters of the text sent', () => {
    expect(
      fromElevenLabsTextToSpeech({
        text: 'The first move is what sets everything in motion.',
        model_id: 'eleven_multilingual_v2',
      }),
    ).toEqual({
      service: 'ELEVENLABS',
      model: 'eleven_multilingual_v2',
      characters: 49,
    });
    expect(fromElevenLabsTextToSpeech({ text: 'ok' }, { responseRequestId: 'abc' })).toEqual({
      service: 'ELEVENLABS',
      characters: 2,
      requestId: 'elevenlabs:abc',
    });
  });
});

describe('Smartflo helper', () => {
  it('bills call_duration by default, answered seconds on request, webhooks too', () => {
    const record = { uuid: 'u-1', call_id: '1715235734.129662', call_duration: 185, answered_seconds: '170' };
    expect(fromSmartfloCallRecord(record)).toEqual({
      service: 'SMARTFLO',
      durationSeconds: 185,
      requestId: 'smartflo:u-1',
    });
    expect(fromSmartfloCallRecord(record, { billOn: 'answered' })).toMatchObject({ durationSeconds: 170 });
    expect(fromSmartfloCallRecord({ call_id: 'c-9', duration: '42', billsec: '30' })).toEqual({
      service: 'SMARTFLO',
      durationSeconds: 42,
      requestId: 'smartflo:c-9',
    });
    expect(() => fromSmartfloCallRecord({ uuid: 'u-2' })).toThrow(/call_duration/);
    expect(() => fromSmartfloCallRecord({ uuid: 'u-3', call_duration: 'n/a' })).toThrow(/not a count/);
  });
});

describe('end users on provider events', () => {
  const completion = {
    id: 'chatcmpl-eu',
    model: 'gpt-4o',
    usage: { prompt_tokens: 3, completion_tokens: 4 },
  };

  it('takes an explicit endUser on every helper', () => {
    const endUser = 'user-42';
    expect(fromOpenAIChatCompletion(completion, { endUser }).endUser).toBe(endUser);
    expect(fromOpenAISpeech({ model: 'tts-1', input: 'hi' }, { endUser }).endUser).toBe(endUser);
    expect(fromOpenAITranscription({ duration: 2 }, { endUser }).endUser).toBe(endUser);
    expect(fromElevenLabsTextToSpeech({ text: 'hi' }, { endUser }).endUser).toBe(endUser);
    expect(fromSmartfloCallRecord({ uuid: 'u-eu', call_duration: 5 }, { endUser }).endUser).toBe(endUser);
  });

  it('reads OpenAI safety_identifier, else user, from the request body when no endUser is given', () => {
    expect(
      fromOpenAIChatCompletion(completion, { request: { safety_identifier: 'sid-1', user: 'old-1' } })
        .endUser,
    ).toBe('sid-1');
    expect(fromOpenAIChatCompletion(completion, { request: { user: 'old-1' } }).endUser).toBe('old-1');
    expect(
      fromOpenAIChatCompletion(completion, { request: { user: '', safety_identifier: null } }),
    ).not.toHaveProperty('endUser');
    expect(
      fromOpenAIChatCompletion(completion, { endUser: 'explicit', request: { safety_identifier: 'sid-1' } })
        .endUser,
    ).toBe('explicit');
    expect(fromOpenAIChatCompletion(completion)).not.toHaveProperty('endUser');
  });

  it('reads the end-user fields a Responses API response echoes, and a speech request body', () => {
    const response = {
      id: 'resp_eu',
      model: 'gpt-4o-mini',
      usage: { input_tokens: 1, output_tokens: 2 },
      safety_identifier: 'sid-2',
      user: null,
    };
    expect(fromOpenAIResponse(response).endUser).toBe('sid-2');
    expect(fromOpenAIResponse(response, { request: { user: 'from-request' } }).endUser).toBe('from-request');
    expect(fromOpenAISpeech({ model: 'tts-1', input: 'hi', user: 'speaker' }).endUser).toBe('speaker');
    expect(fromOpenAITranscription({ duration: 2 }, { request: { user: 'listener' } }).endUser).toBe(
      'listener',
    );
  });
});
