import express, { type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { AdmittedCall, GatewayRefusal, GatewayService } from '../gateway.service.js';
import { CallerGoneError, UpstreamTimeoutError, callUpstream, copyResponseHead, pipeBody, upstreamHeaders, type UpstreamResponse } from '../upstream.js';
import { billedCharacters, textCharacters } from './elevenlabs-usage.js';

/** Largest JSON body forwarded: ElevenLabs takes at most 40,000 characters of text, plus settings. */
export const ELEVENLABS_JSON_LIMIT = '1mb';

export interface ElevenLabsRouteOptions {
  baseUrl: string;
  timeoutMs: number;
}

/**
 * ElevenLabs' error envelope, `{"detail": {"status", "message"}}`: the official SDK hands it back
 * unchanged as `ElevenLabsError.body` with `statusCode`. `status` carries the same stable codes
 * as the OpenAI routes' `error.code`, so callers branch on one set of words.
 */
export function elevenLabsError(res: Response, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).json({ detail: { status: code, message } });
}

/**
 * A refusal of the gateway's, in ElevenLabs' words. Unlike the openai SDK, ElevenLabs' retries
 * 429 and 5xx by default (honouring Retry-After up to 60 s) and ignores `x-should-retry`; it is
 * still sent for other clients.
 */
export function sendElevenLabsRefusal(res: Response, refusal: GatewayRefusal): void {
  const final = { 'x-should-retry': 'false' };
  switch (refusal.kind) {
    case 'unauthenticated':
      return elevenLabsError(res, 401, 'invalid_api_key', 'Missing or invalid Usage Monitor API key: send it as the xi-api-key header (the SDK\'s apiKey)', final);
    case 'credential-missing':
      return elevenLabsError(res, 424, 'PROVIDER_CREDENTIAL_MISSING', `No ${refusal.provider} credential is set for this tenant: an admin sets it in the admin console (customer → Provider credentials) or with setProviderCredential`, final);
    case 'bad-request':
      return elevenLabsError(res, 400, 'BAD_USER_INPUT', refusal.message, final);
    case 'unavailable':
      return elevenLabsError(res, 503, 'SERVICE_UNAVAILABLE', 'Usage Monitor cannot check this tenant\'s limits right now; retry shortly', { 'retry-after': '1' });
    case 'duplicate':
      return elevenLabsError(res, 409, 'REQUEST_ALREADY_RECORDED', `A call with X-Usage-Request-Id "${refusal.requestId}" was already answered and recorded; it is not sent to the provider again. Use a new id for a new call`, { ...final, 'x-usage-request-id': refusal.requestId });
    case 'limit': {
      const headers: Record<string, string> = refusal.retryAfterSeconds ? { 'retry-after': String(refusal.retryAfterSeconds) } : {};
      if (refusal.code !== 'RATE_LIMITED') headers['x-should-retry'] = 'false';
      return elevenLabsError(res, refusal.httpStatus, refusal.code, refusal.message, headers);
    }
  }
}

const header = (req: Request, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** The caller's query string as sent (output_format, optimize_streaming_latency, enable_logging…), "" when none. */
const queryOf = (req: Request): string => {
  const at = req.originalUrl.indexOf('?');
  return at < 0 ? '' : req.originalUrl.slice(at);
};

/**
 * ElevenLabs text-to-speech under /gateway/elevenlabs (api-contract-next.md): the official SDK
 * works with `baseUrl` pointed here and a Usage Monitor API key as its `apiKey` (sent as
 * `xi-api-key`). The tenant's own ElevenLabs key goes upstream the same way; the audio streams
 * through with backpressure; the characters ElevenLabs reports billing are recorded.
 */
export function elevenLabsRoutes(gateway: GatewayService, options: ElevenLabsRouteOptions, logger: Logger): express.Router {
  const router = express.Router();
  const json = express.json({ limit: ELEVENLABS_JSON_LIMIT, type: () => true });

  router.post('/v1/text-to-speech/:voiceId', json, (req, res) => speak(req, res, false));
  router.post('/v1/text-to-speech/:voiceId/stream', json, (req, res) => speak(req, res, true));

  router.use((req, res) => elevenLabsError(res, 404, 'not_found', `The gateway does not serve ${req.method} /gateway/elevenlabs${req.path}`));
  // Malformed JSON and oversized bodies, in ElevenLabs' envelope rather than the router's default.
  router.use(((error, _req, res, next) => {
    if ((error as { type?: string }).type === 'entity.too.large') return void elevenLabsError(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    const status = (error as { status?: number }).status;
    if (status && status >= 400 && status < 500) return void elevenLabsError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
    next(error);
  }) as express.ErrorRequestHandler);
  return router;

  async function speak(req: Request, res: Response, streamed: boolean): Promise<void> {
    const body = req.body as Record<string, unknown>;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.text !== 'string' || body.text.length === 0) {
      return elevenLabsError(res, 400, 'BAD_USER_INPUT', 'The body must be a JSON object with the text to speak in `text`');
    }
    const text = body.text;
    const voiceId = String(req.params.voiceId);
    const model = typeof body.model_id === 'string' && body.model_id.length > 0 ? body.model_id : null;
    const endpoint = streamed ? '/v1/text-to-speech/{voice_id}/stream' : '/v1/text-to-speech/{voice_id}';
    const metadata = { endpoint, voiceId };
    const admitted = await gateway.admit({
      apiKey: header(req, 'xi-api-key'),
      provider: 'ELEVENLABS',
      service: 'ELEVENLABS',
      endUser: header(req, 'x-usage-end-user'),
      requestId: header(req, 'x-usage-request-id'),
      estimate: { model, characters: textCharacters(text), metadata },
    });
    if ('kind' in admitted) return sendElevenLabsRefusal(res, admitted);

    const url = `${options.baseUrl}/v1/text-to-speech/${encodeURIComponent(voiceId)}${streamed ? '/stream' : ''}${queryOf(req)}`;
    let response: UpstreamResponse;
    try {
      response = await callUpstream(url, { method: 'POST', headers: upstreamHeaders(req, { 'xi-api-key': admitted.providerKey, 'content-type': 'application/json' }), body: JSON.stringify(body) }, options.timeoutMs, res);
    } catch (error) {
      return upstreamFailed(res, admitted, model, textCharacters(text), metadata, error);
    }
    const billed = billedCharacters(response.header('character-cost') ?? null, text, response.ok);
    const units = { model, characters: billed.characters };
    const cost = response.ok ? gateway.priceFor(admitted, { ...units, status: 'SUCCESS' }) : null;
    // The cost is known from the response head, so it goes out before the audio does.
    copyResponseHead(response, res, { 'x-usage-request-id': admitted.requestId, ...(cost !== null ? { 'x-usage-cost-usd': cost } : {}) });
    const completed = await pipeBody(response, res);
    const recorded = { ...metadata, characters: billed.from, ...(response.ok ? {} : { upstreamStatus: response.status }), ...(completed ? {} : { failure: 'the audio stream was cut off' }) };
    // A cut-off stream keeps the billed characters: ElevenLabs charged for the text all the same.
    gateway.answered(admitted, { ...units, status: response.ok && completed ? 'SUCCESS' : 'ERROR', metadata: recorded }, 'GATEWAY');
  }

  /** No answer (unreachable, timed out, the caller left first): recorded as ERROR, answered in ElevenLabs' shape. */
  function upstreamFailed(res: Response, call: AdmittedCall, model: string | null, characters: number, metadata: Record<string, unknown>, error: unknown): void {
    const timeout = error instanceof UpstreamTimeoutError;
    const gone = error instanceof CallerGoneError;
    logger.warn({ err: (error as Error).message, requestId: call.requestId }, 'gateway upstream call failed');
    // The text may have reached ElevenLabs (and been billed) before the failure: recorded as an
    // ERROR with the text's characters, marked as the gateway's own count.
    gateway.answered(call, { model, characters, status: 'ERROR', metadata: { ...metadata, failure: timeout ? 'upstream timeout' : gone ? 'caller hung up' : 'upstream unreachable' } }, 'GATEWAY_ESTIMATED');
    if (gone || res.headersSent) return void res.destroy();
    if (timeout) return elevenLabsError(res, 504, 'UPSTREAM_TIMEOUT', 'The provider did not answer in time', { 'x-usage-request-id': call.requestId });
    elevenLabsError(res, 502, 'UPSTREAM_UNREACHABLE', 'The provider could not be reached', { 'x-usage-request-id': call.requestId });
  }
}
