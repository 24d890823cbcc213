import express, { type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { AdmittedCall, GatewayService } from '../gateway.service.js';
import { SseSplitter } from '../sse.js';
import { countTokens, promptText } from '../token-estimate.js';
import { unitKindOf } from '../../usage/recording/usage-event.js';
import { CallerGoneError, UpstreamTimeoutError, callUpstream, copyResponseHead, pipeBody, readBody, upstreamHeaders, type UpstreamResponse } from '../upstream.js';
import { bearerKey, header, openAiError, sendOpenAiRefusal } from './openai-errors.js';
import { transcriptionsRoute } from './openai-transcriptions.js';
import { chatChunkText, chatCompletionUsage, embeddingsUsage, responsesEventText, responsesUsage, type TokenUnits } from './openai-usage.js';

/** Largest JSON body forwarded (a chat with a few images inline as base64 fits). */
export const OPENAI_JSON_LIMIT = '32mb';

export interface OpenAiRouteOptions {
  baseUrl: string;
  timeoutMs: number;
}

interface Endpoint {
  path: string;
  /** What the body says the prompt is, counted before the call: the interrupted call's estimate. */
  estimate(body: Record<string, unknown>): Promise<TokenUnits>;
  /** The units of a whole (non-streamed) answer. */
  usage(json: unknown): TokenUnits | null;
  stream?: 'chat' | 'responses';
}

/**
 * The intent's estimate, on every call's path: a quarter of the prompt's characters (OpenAI's own
 * rule of thumb), because tokenizing every prompt costs CPU in proportion to its length. Only a
 * call interrupted by a crash is recorded with it; a cut-off stream is counted with the tokenizer.
 */
const promptEstimate = async (body: Record<string, unknown>): Promise<TokenUnits> => ({ inputTokens: Math.ceil(promptText(body).length / 4), cachedInputTokens: null, outputTokens: 0 });

const ENDPOINTS: Endpoint[] = [
  { path: '/chat/completions', estimate: promptEstimate, usage: chatCompletionUsage, stream: 'chat' },
  { path: '/responses', estimate: promptEstimate, usage: responsesUsage, stream: 'responses' },
  { path: '/embeddings', estimate: (body) => promptEstimate({ input: body.input }), usage: embeddingsUsage },
];

/** The body's own end-user field: OpenAI's `user`, or its successor `safety_identifier`. */
const bodyEndUser = (body: Record<string, unknown>): string | undefined =>
  typeof body.safety_identifier === 'string' ? body.safety_identifier : typeof body.user === 'string' ? body.user : undefined;

/**
 * OpenAI-compatible routes under /gateway/openai/v1 (api-contract-next.md): the official `openai`
 * SDK works with `baseURL` pointed here and a Usage Monitor API key as its `apiKey`.
 */
export function openAiRoutes(gateway: GatewayService, options: OpenAiRouteOptions, logger: Logger): express.Router {
  const router = express.Router();
  const json = express.json({ limit: OPENAI_JSON_LIMIT, type: () => true });

  router.get('/models', async (req, res) => {
    const access = await gateway.providerAccess(bearerKey(req), 'OPENAI');
    if ('kind' in access) return sendOpenAiRefusal(res, access);
    await relayUnmetered(req, res, `${options.baseUrl}/models`, access.providerKey, options.timeoutMs);
  });

  for (const endpoint of ENDPOINTS) {
    router.post(endpoint.path, json, async (req, res) => {
      const body = req.body as Record<string, unknown>;
      if (!body || typeof body !== 'object' || Array.isArray(body)) return openAiError(res, 400, 'invalid_request_error', 'BAD_USER_INPUT', 'The body must be a JSON object');
      const model = typeof body.model === 'string' ? body.model : null;
      const estimate = await endpoint.estimate(body);
      const admitted = await gateway.admit({
        apiKey: bearerKey(req),
        provider: 'OPENAI',
        service: 'OPENAI',
        endUser: header(req, 'x-usage-end-user') ?? bodyEndUser(body),
        requestId: header(req, 'x-usage-request-id'),
        estimate: { model, inputTokens: estimate.inputTokens, outputTokens: 0, metadata: { endpoint: endpoint.path } },
      });
      if ('kind' in admitted) return sendOpenAiRefusal(res, admitted);
      const streamed = endpoint.stream !== undefined && body.stream === true;
      await forward(req, res, admitted, endpoint, body, model, streamed, estimate);
    });
  }

  // Text to speech: priced by the characters of `input` (tts-1, tts-1-hd); the audio streams through.
  router.post('/audio/speech', json, async (req, res) => {
    const body = req.body as Record<string, unknown>;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.input !== 'string') return openAiError(res, 400, 'invalid_request_error', 'BAD_USER_INPUT', 'The body must be a JSON object with the text to speak in `input`', 'input');
    const model = typeof body.model === 'string' ? body.model : null;
    const text = body.input;
    // A speech model priced by tokens (gpt-4o-mini-tts) records the input's tokens instead.
    const byCharacters = unitKindOf('OPENAI', model) === 'CHARACTERS';
    const units = byCharacters ? { characters: [...text].length } : { inputTokens: await countTokens(text), outputTokens: 0 };
    const metadata = { endpoint: '/audio/speech' };
    const admitted = await gateway.admit({ apiKey: bearerKey(req), provider: 'OPENAI', service: 'OPENAI', endUser: header(req, 'x-usage-end-user'), requestId: header(req, 'x-usage-request-id'), estimate: { model, ...units, metadata } });
    if ('kind' in admitted) return sendOpenAiRefusal(res, admitted);
    let response: UpstreamResponse;
    try {
      response = await callUpstream(`${options.baseUrl}/audio/speech`, { method: 'POST', headers: upstreamHeaders(req, { authorization: `Bearer ${admitted.providerKey}`, 'content-type': 'application/json' }), body: JSON.stringify(body) }, options.timeoutMs, res);
    } catch (error) {
      return upstreamFailed(res, admitted, model, { inputTokens: 'inputTokens' in units ? (units.inputTokens ?? null) : null, cachedInputTokens: null, outputTokens: 0 }, metadata, error, byCharacters ? { characters: units.characters ?? 0 } : undefined);
    }
    const cost = gateway.priceFor(admitted, { model, ...units, status: response.ok ? 'SUCCESS' : 'ERROR' });
    copyResponseHead(response, res, { 'x-usage-request-id': admitted.requestId, ...(cost !== null && response.ok ? { 'x-usage-cost-usd': cost } : {}) });
    const completed = await pipeBody(response, res);
    gateway.answered(admitted, { model, ...(response.ok ? units : byCharacters ? { characters: 0 } : { inputTokens: 0, outputTokens: 0 }), status: response.ok && completed ? 'SUCCESS' : 'ERROR', metadata: completed ? metadata : { ...metadata, failure: 'the audio stream was cut off' } }, 'GATEWAY');
  });

  // Whisper and its successors: multipart, streamed upstream as it arrives (openai-transcriptions.ts).
  router.post('/audio/transcriptions', transcriptionsRoute(gateway, options, logger));

  router.use((req, res) => openAiError(res, 404, 'invalid_request_error', 'unknown_url', `The gateway does not serve ${req.method} /gateway/openai/v1${req.path}`));
  return router;

  /** Sends the call on; records it once, whatever happens. */
  async function forward(req: Request, res: Response, call: AdmittedCall, endpoint: Endpoint, body: Record<string, unknown>, model: string | null, streamed: boolean, estimate: TokenUnits): Promise<void> {
    const metadata = { endpoint: endpoint.path, ...(streamed ? { stream: true } : {}) };
    // A chat stream reports usage only when asked: ask, and drop that chunk again if the caller did not.
    let callerWantsUsage = true;
    let sent = body;
    if (streamed && endpoint.stream === 'chat') {
      const streamOptions = (body.stream_options ?? {}) as Record<string, unknown>;
      callerWantsUsage = streamOptions.include_usage === true;
      sent = { ...body, stream_options: { ...streamOptions, include_usage: true } };
    }
    let response: UpstreamResponse;
    try {
      response = await callUpstream(`${options.baseUrl}${endpoint.path}`, { method: 'POST', headers: upstreamHeaders(req, { authorization: `Bearer ${call.providerKey}`, 'content-type': 'application/json' }), body: JSON.stringify(sent) }, options.timeoutMs, res);
    } catch (error) {
      return upstreamFailed(res, call, model, estimate, metadata, error);
    }
    const baseHeaders = { 'x-usage-request-id': call.requestId };

    if (!streamed || !response.ok || !(response.header('content-type') ?? '').includes('text/event-stream')) {
      let bytes: Buffer;
      try {
        bytes = await readBody(response);
      } catch (error) {
        return upstreamFailed(res, call, model, estimate, metadata, error);
      }
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(bytes.toString('utf8'));
      } catch {
        parsed = null;
      }
      const units = endpoint.usage(parsed);
      const cost = gateway.answered(call, {
        model,
        inputTokens: units?.inputTokens ?? 0,
        cachedInputTokens: units?.cachedInputTokens ?? null,
        outputTokens: units?.outputTokens ?? 0,
        status: response.ok ? 'SUCCESS' : 'ERROR',
        metadata: response.ok ? metadata : { ...metadata, upstreamStatus: response.status },
      }, 'GATEWAY');
      copyResponseHead(response, res, { ...baseHeaders, ...(cost !== null ? { 'x-usage-cost-usd': cost } : {}), 'content-length': String(bytes.length) });
      res.end(bytes);
      return;
    }

    // A stream: events go on as they arrive; usage is read on the way.
    copyResponseHead(response, res, baseHeaders);
    res.flushHeaders();
    const splitter = new SseSplitter();
    let units: TokenUnits | null = null;
    let generated = '';
    let finished = false;
    try {
      for await (const chunk of response.body) {
        for (const event of splitter.push(chunk as Buffer)) {
          let forwardIt = true;
          if (event.data !== null && event.data !== '[DONE]') {
            let data: unknown = null;
            try {
              data = JSON.parse(event.data);
            } catch {
              data = null;
            }
            if (endpoint.stream === 'chat') {
              const usage = chatCompletionUsage(data);
              if (usage) {
                units = usage;
                const choices = (data as { choices?: unknown[] }).choices;
                // The chunk that exists only because we asked for usage: the caller never sees it.
                if (!callerWantsUsage && Array.isArray(choices) && choices.length === 0) forwardIt = false;
              } else {
                generated += chatChunkText(data);
              }
            } else {
              const record = data as { type?: string; response?: unknown } | null;
              if (record?.type === 'response.completed' || record?.type === 'response.incomplete' || record?.type === 'response.failed') units = responsesUsage(record.response) ?? units;
              else generated += responsesEventText(data);
            }
          }
          if (forwardIt && !res.write(event.raw)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
        }
      }
      const rest = splitter.rest();
      if (rest) res.write(rest.raw);
      finished = true;
      res.end();
    } catch (error) {
      if (!(error instanceof CallerGoneError)) logger.warn({ err: (error as Error).message, requestId: call.requestId }, 'gateway stream ended early');
      res.destroy();
    }
    if (units) {
      gateway.answered(call, { model, inputTokens: units.inputTokens ?? 0, cachedInputTokens: units.cachedInputTokens, outputTokens: units.outputTokens ?? 0, status: 'SUCCESS', metadata }, 'GATEWAY');
    } else {
      // Cut off before the provider said what it billed: count it ourselves, and say so.
      gateway.answered(call, {
        model,
        inputTokens: await countTokens(promptText(body)),
        outputTokens: await countTokens(generated),
        status: finished ? 'SUCCESS' : 'ERROR',
        metadata: { ...metadata, estimated: finished ? 'the stream ended without usage' : 'the stream was cut off' },
      }, 'GATEWAY_ESTIMATED');
    }
  }

  /** No answer (unreachable, timed out, the caller left first): recorded as ERROR, answered in OpenAI's shape. */
  async function upstreamFailed(res: Response, call: AdmittedCall, model: string | null, estimate: TokenUnits, metadata: Record<string, unknown>, error: unknown, characters?: { characters: number }): Promise<void> {
    const timeout = error instanceof UpstreamTimeoutError;
    const gone = error instanceof CallerGoneError;
    logger.warn({ err: (error as Error).message, requestId: call.requestId }, 'gateway upstream call failed');
    // The request may have reached the provider (and been billed) before the failure: recorded as
    // an ERROR with the prompt estimated, never silently dropped.
    const units = characters ?? { inputTokens: estimate.inputTokens ?? 0, outputTokens: 0 };
    gateway.answered(call, { model, ...units, status: 'ERROR', metadata: { ...metadata, failure: timeout ? 'upstream timeout' : gone ? 'caller hung up' : 'upstream unreachable' } }, 'GATEWAY_ESTIMATED');
    if (gone || res.headersSent) return void res.destroy();
    if (timeout) return openAiError(res, 504, 'gateway_error', 'UPSTREAM_TIMEOUT', 'The provider did not answer in time', null, { 'x-usage-request-id': call.requestId });
    openAiError(res, 502, 'gateway_error', 'UPSTREAM_UNREACHABLE', 'The provider could not be reached', null, { 'x-usage-request-id': call.requestId });
  }
}

/** A call that costs nothing (the model list): passed through, recorded nowhere. */
async function relayUnmetered(req: Request, res: Response, url: string, providerKey: string, timeoutMs: number): Promise<void> {
  try {
    const response = await callUpstream(url, { method: 'GET', headers: upstreamHeaders(req, { authorization: `Bearer ${providerKey}` }) }, timeoutMs, res);
    const bytes = await readBody(response);
    copyResponseHead(response, res, { 'content-length': String(bytes.length) });
    res.end(bytes);
  } catch (error) {
    if (error instanceof CallerGoneError) return void res.destroy();
    openAiError(res, error instanceof UpstreamTimeoutError ? 504 : 502, 'gateway_error', error instanceof UpstreamTimeoutError ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNREACHABLE', 'The provider could not be reached');
  }
}
