import type { UsageEvent } from '../client.js';
import { countCharacters, readCount, withOverrides, type EventOverrides } from './common.js';

// Response shapes as OpenAI documents them (only the fields we read), so the helpers accept the
// official SDK's objects or plain JSON alike.

/** The request body fields OpenAI reserves for the caller's own end user. */
export interface OpenAIEndUserFields {
  /** The current field (OpenAI's safety identifier for the end user). */
  safety_identifier?: string | null;
  /** The older field, deprecated by OpenAI in favour of safety_identifier. */
  user?: string | null;
}

/**
 * What the OpenAI helpers take besides the response. Without `endUser`, the end user is read
 * from the request body the caller sent (`request`), as the metering gateway does:
 * `safety_identifier`, else `user`.
 */
export interface OpenAIEventOptions extends EventOverrides {
  request?: OpenAIEndUserFields | null;
}

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

/** POST /v1/responses (which echoes the request's end-user fields). */
export interface OpenAIResponse extends OpenAIEndUserFields {
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
export interface OpenAISpeechRequest extends OpenAIEndUserFields {
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

// An empty `user` is what some callers send for "nobody"; the server would refuse it as an end user.
const named = (value: string | null | undefined) => value || undefined;

/** The options as plain overrides, with the end user resolved: explicit, else from the request body. */
function resolveEndUser(options: OpenAIEventOptions = {}, body?: OpenAIEndUserFields | null): EventOverrides {
  const { request, ...overrides } = options;
  const source = request ?? body;
  const endUser = overrides.endUser ?? named(source?.safety_identifier) ?? named(source?.user);
  return endUser === undefined ? overrides : { ...overrides, endUser };
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

/**
 * An event from a Chat Completions response: prompt/completion tokens, cached prompt tokens,
 * requestId = the completion id. The response does not repeat the request's end-user fields: pass
 * the request body as `request` (or `endUser`) to attribute the call.
 */
export function fromOpenAIChatCompletion(
  completion: OpenAIChatCompletion,
  options?: OpenAIEventOptions,
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
    resolveEndUser(options),
  );
}

/**
 * An event from a Responses API response: input/output tokens, cached input tokens; a `failed`
 * response is recorded as ERROR. The end user comes from `endUser`, else `request`, else the
 * fields the response echoes.
 */
export function fromOpenAIResponse(response: OpenAIResponse, options?: OpenAIEventOptions): UsageEvent {
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
    resolveEndUser(options, response),
  );
  return response.status === 'failed' && options?.status === undefined
    ? { ...event, status: 'ERROR' }
    : event;
}

/** An event for text-to-speech (tts-1, tts-1-hd): billed by the characters of `input`. Pass the request's x-request-id as requestId if you keep it. */
export function fromOpenAISpeech(request: OpenAISpeechRequest, options?: OpenAIEventOptions): UsageEvent {
  return withOverrides(
    { service: 'OPENAI', model: request.model, characters: countCharacters(request.input) },
    resolveEndUser(options, request),
  );
}

/**
 * An event for a transcription (whisper-1): billed by the audio's seconds, read from the
 * response's `usage.seconds` or verbose_json `duration`, else `options.durationSeconds`.
 * Token-billed transcription models (usage.type "tokens") are recorded as tokens.
 */
export function fromOpenAITranscription(
  transcription: OpenAITranscription,
  options: OpenAIEventOptions & { model?: string; durationSeconds?: number } = {},
): UsageEvent {
  const { model = 'whisper-1', durationSeconds, ...rest } = options;
  const overrides = resolveEndUser(rest);
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
