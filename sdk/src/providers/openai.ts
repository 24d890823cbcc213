import type { UsageEvent } from '../client.js';
import { countCharacters, readCount, withOverrides, type EventOverrides } from './common.js';

// Response shapes as OpenAI documents them (only the fields we read), so the helpers accept the
// official SDK's objects or plain JSON alike.

/** POST /v1/chat/completions (and the last chunk of a stream sent with stream_options.include_usage). */
export interface OpenAIChatCompletion {
  id?: string;
  model: string;
  usage?: {
    prompt_tokens: number;
    completion_tokens: number;
    total_tokens?: number;
    prompt_tokens_details?: { cached_tokens?: number | null } | null;
  } | null;
}

/** POST /v1/responses. */
export interface OpenAIResponse {
  id?: string;
  model: string;
  status?: string;
  usage?: {
    input_tokens: number;
    output_tokens: number;
    total_tokens?: number;
    input_tokens_details?: { cached_tokens?: number | null } | null;
  } | null;
}

/** POST /v1/audio/speech request body (the response is audio, so the text sent is what counts). */
export interface OpenAISpeechRequest {
  model: string;
  input: string;
}

/** POST /v1/audio/transcriptions response: `duration` with response_format verbose_json, `usage` on newer responses. */
export interface OpenAITranscription {
  text?: string;
  duration?: number | string;
  usage?:
    | { type: 'duration'; seconds: number }
    | { type: 'tokens'; input_tokens: number; output_tokens: number }
    | null;
}

function tokenEvent(
  model: string,
  input: number,
  output: number,
  cached: number | null | undefined,
  id: string | undefined,
  overrides?: EventOverrides,
): UsageEvent {
  const cachedInputTokens = readCount(cached, 'cached_tokens');
  return withOverrides(
    {
      service: 'OPENAI',
      model,
      inputTokens: readCount(input, 'input tokens'),
      outputTokens: readCount(output, 'output tokens'),
      // Cached tokens are part of the input and priced at the model's cached-input rate.
      ...(cachedInputTokens ? { cachedInputTokens } : {}),
      // The provider's id identifies this call: recording the same response twice counts once.
      ...(id ? { requestId: id } : {}),
    },
    overrides,
  );
}

/** An event from a Chat Completions response: prompt/completion tokens, cached prompt tokens, requestId = the completion id. */
export function fromOpenAIChatCompletion(
  completion: OpenAIChatCompletion,
  overrides?: EventOverrides,
): UsageEvent {
  const usage = completion.usage;
  if (!usage)
    throw new TypeError(
      'OpenAI chat completion has no usage (streaming? send stream_options: { include_usage: true } and pass the last chunk)',
    );
  return tokenEvent(
    completion.model,
    usage.prompt_tokens,
    usage.completion_tokens,
    usage.prompt_tokens_details?.cached_tokens,
    completion.id,
    overrides,
  );
}

/** An event from a Responses API response: input/output tokens, cached input tokens; a `failed` response is recorded as ERROR. */
export function fromOpenAIResponse(response: OpenAIResponse, overrides?: EventOverrides): UsageEvent {
  const usage = response.usage;
  if (!usage)
    throw new TypeError(
      "OpenAI response has no usage (pass the completed response, or the response.completed event's response)",
    );
  const event = tokenEvent(
    response.model,
    usage.input_tokens,
    usage.output_tokens,
    usage.input_tokens_details?.cached_tokens,
    response.id,
    overrides,
  );
  return response.status === 'failed' && overrides?.status === undefined
    ? { ...event, status: 'ERROR' }
    : event;
}

/** An event for text-to-speech (tts-1, tts-1-hd): billed by the characters of `input`. Pass the request's x-request-id as requestId if you keep it. */
export function fromOpenAISpeech(request: OpenAISpeechRequest, overrides?: EventOverrides): UsageEvent {
  return withOverrides(
    { service: 'OPENAI', model: request.model, characters: countCharacters(request.input) },
    overrides,
  );
}

/**
 * An event for a transcription (whisper-1): billed by the audio's seconds, read from the
 * response's `usage.seconds` or verbose_json `duration`, else `options.durationSeconds`.
 * Token-billed transcription models (usage.type "tokens") are recorded as tokens.
 */
export function fromOpenAITranscription(
  transcription: OpenAITranscription,
  options: EventOverrides & { model?: string; durationSeconds?: number } = {},
): UsageEvent {
  const { model = 'whisper-1', durationSeconds, ...overrides } = options;
  const usage = transcription.usage;
  if (usage?.type === 'tokens')
    return tokenEvent(model, usage.input_tokens, usage.output_tokens, undefined, undefined, overrides);
  const seconds =
    readCount(
      usage?.type === 'duration' ? usage.seconds : transcription.duration,
      'transcription duration',
    ) ?? durationSeconds;
  if (seconds === undefined)
    throw new TypeError(
      'Transcription has no duration: request response_format "verbose_json" or pass durationSeconds',
    );
  return withOverrides({ service: 'OPENAI', model, durationSeconds: seconds }, overrides);
}
