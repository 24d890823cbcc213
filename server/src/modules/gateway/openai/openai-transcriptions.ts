import type { Readable } from 'node:stream';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { unitKindOf } from '../../usage/recording/usage-event.js';
import { measureAudioDuration } from '../audio-duration.js';
import type { AdmittedCall, GatewayService } from '../gateway.service.js';
import { MultipartTee, type MultipartFailure, type MultipartLimits } from '../multipart-tee.js';
import { SseSplitter } from '../sse.js';
import { countTokens } from '../token-estimate.js';
import { CallerGoneError, UpstreamTimeoutError, callUpstream, copyResponseHead, readBody, upstreamHeaders, type UpstreamResponse } from '../upstream.js';
import { bearerKey, header, openAiError, sendOpenAiRefusal } from './openai-errors.js';
import { transcriptionDoneReport, transcriptionReport, transcriptionUnits, type TranscriptionReport } from './openai-usage.js';

/**
 * OpenAI's upload limit is 25 MB a file; the form around it (model, prompt, language…) gets a
 * megabyte more. Fields sent before the file are held until it begins, so they are bounded too.
 */
export const TRANSCRIPTION_LIMITS: MultipartLimits = { maxBytes: 26 * 1024 * 1024, maxFileBytes: 25 * 1024 * 1024, maxBytesBeforeFile: 1024 * 1024 };

/** How long after the provider answered the measurement and the last fields may take (they saw the same bytes). */
const SETTLE_MS = 5_000;

const ENDPOINT = '/audio/transcriptions';

/**
 * POST /gateway/openai/v1/audio/transcriptions (multipart): the upload goes to OpenAI byte for
 * byte as it arrives, while the form is parsed on the way for its `model` and its `file`, whose
 * length is measured (for answers that do not state `duration`). A form without a file is refused
 * before anything is sent; so is a call past its limits (checked once the file part begins).
 */
export function transcriptionsRoute(gateway: GatewayService, options: { baseUrl: string; timeoutMs: number }, logger: Logger): RequestHandler {
  return async (req, res) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > TRANSCRIPTION_LIMITS.maxBytes) {
      res.setHeader('connection', 'close');
      return uploadRefused(res, { kind: 'too-large' });
    }
    let measured: Promise<number | null> = Promise.resolve(null);
    const tee = new MultipartTee(req, TRANSCRIPTION_LIMITS, (file: Readable, mimeType: string) => {
      measured = measureAudioDuration(file, mimeType);
    });
    const start = await tee.started;
    if (start.kind !== 'file') return uploadRefused(res, start);

    // The model is known here only when the form sent it before the file (the SDK sends it after).
    const early = tee.fields.get('model') ?? null;
    const byTheSecond = (model: string | null) => unitKindOf('OPENAI', model) === 'SECONDS';
    const admitted = await gateway.admit({
      apiKey: bearerKey(req),
      provider: 'OPENAI',
      service: 'OPENAI',
      endUser: header(req, 'x-usage-end-user'),
      requestId: header(req, 'x-usage-request-id'),
      estimate: { model: early, ...(byTheSecond(early) ? { durationSeconds: 0 } : { inputTokens: 0, outputTokens: 0 }), metadata: { endpoint: ENDPOINT } },
    });
    if ('kind' in admitted) {
      tee.discard();
      return sendOpenAiRefusal(res, admitted);
    }

    const length = req.headers['content-length'];
    const settled: Settled = async () => {
      await within(tee.finished, SETTLE_MS);
      return { model: tee.fields.get('model') ?? early, seconds: await within(measured, SETTLE_MS) };
    };
    let response: UpstreamResponse;
    try {
      response = await callUpstream(
        `${options.baseUrl}${ENDPOINT}`,
        // The bytes are the caller's exactly, so its content-length holds for them.
        { method: 'POST', headers: upstreamHeaders(req, { authorization: `Bearer ${admitted.providerKey}`, ...(length ? { 'content-length': length } : {}) }), body: tee.body },
        options.timeoutMs,
        res,
      );
    } catch (error) {
      return failedBeforeAnswer(req, res, tee, admitted, settled, error);
    }
    const streamed = (response.header('content-type') ?? '').includes('text/event-stream');
    if (response.ok && streamed) return relayStream(res, admitted, response, settled);

    let bytes: Buffer;
    try {
      bytes = await readBody(response);
    } catch (error) {
      const { model, seconds } = await settled();
      return recordFailure(res, admitted, model, seconds, error);
    }
    const { model, seconds } = await settled();
    let report: TranscriptionReport | null = null;
    if (response.ok) {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(bytes.toString('utf8'));
      } catch {
        parsed = null; // text, srt or vtt: the words alone
      }
      report = transcriptionReport(parsed, parsed === null ? bytes.toString('utf8') : '');
    }
    const { fields, source } = await unitsOf(model, report, seconds, response.ok ? {} : { upstreamStatus: response.status });
    const cost = gateway.answered(admitted, fields, source);
    copyResponseHead(response, res, { 'x-usage-request-id': admitted.requestId, ...(cost !== null && response.ok ? { 'x-usage-cost-usd': cost } : {}), 'content-length': String(bytes.length) });
    res.end(bytes);
  };

  /** A streamed transcription (gpt-4o-transcribe with stream=true): events pass as they come; usage is in `transcript.text.done`. */
  async function relayStream(res: Response, call: AdmittedCall, response: UpstreamResponse, settled: Settled): Promise<void> {
    copyResponseHead(response, res, { 'x-usage-request-id': call.requestId });
    res.flushHeaders();
    const splitter = new SseSplitter();
    let report: TranscriptionReport | null = null;
    let text = '';
    let finished = false;
    try {
      for await (const chunk of response.body) {
        for (const event of splitter.push(chunk as Buffer)) {
          if (event.data !== null) {
            let data: unknown = null;
            try {
              data = JSON.parse(event.data);
            } catch {
              data = null;
            }
            report = transcriptionDoneReport(data) ?? report;
            const delta = data as { type?: string; delta?: unknown } | null;
            if (delta?.type === 'transcript.text.delta' && typeof delta.delta === 'string') text += delta.delta;
          }
          if (!res.write(event.raw)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
        }
      }
      const rest = splitter.rest();
      if (rest) res.write(rest.raw);
      finished = true;
      res.end();
    } catch (error) {
      if (!(error instanceof CallerGoneError)) logger.warn({ err: (error as Error).message, requestId: call.requestId }, 'gateway transcription stream ended early');
      res.destroy();
    }
    const { model, seconds } = await settled();
    const { fields, source } = await unitsOf(model, report ?? { tokens: null, seconds: null, text }, seconds, { stream: true, cutOff: !finished });
    gateway.answered(call, fields, source);
  }

  /**
   * What to record: the provider's figure, else the measured length or the counted text, with the
   * source saying which; an answer with an error status records nothing billed.
   */
  async function unitsOf(model: string | null, report: TranscriptionReport | null, seconds: number | null, outcome: { upstreamStatus?: number; cutOff?: boolean; stream?: boolean }) {
    const bySeconds = unitKindOf('OPENAI', model) === 'SECONDS';
    const metadata: Record<string, unknown> = { endpoint: ENDPOINT, ...(outcome.stream ? { stream: true } : {}) };
    if (outcome.upstreamStatus !== undefined) {
      return { fields: { model, ...(bySeconds ? { durationSeconds: 0 } : { inputTokens: 0, outputTokens: 0 }), status: 'ERROR' as const, metadata: { ...metadata, upstreamStatus: outcome.upstreamStatus } }, source: 'GATEWAY' as const };
    }
    const counted = !bySeconds && !report?.tokens ? await countTokens(report?.text ?? '') : 0;
    const { source, from, ...units } = transcriptionUnits(bySeconds, report, seconds, counted);
    return {
      fields: { model, ...units, status: outcome.cutOff ? ('ERROR' as const) : ('SUCCESS' as const), metadata: { ...metadata, units: from, ...(outcome.cutOff ? { failure: 'the stream was cut off' } : {}) } },
      source,
    };
  }

  /** The provider call failed before an answer: an upload that never completed is not billable (nothing recorded); one that did is recorded as ERROR. */
  async function failedBeforeAnswer(req: Request, res: Response, tee: MultipartTee, call: AdmittedCall, settled: Settled, error: unknown): Promise<void> {
    const failure = tee.failed;
    if (failure || !req.complete) {
      gateway.abandon(call);
      if (!failure || failure.kind === 'caller-gone' || error instanceof CallerGoneError || res.headersSent) return void res.destroy();
      return uploadRefused(res, failure);
    }
    const { model, seconds } = await settled();
    return recordFailure(res, call, model, seconds, error);
  }

  function recordFailure(res: Response, call: AdmittedCall, model: string | null, seconds: number | null, error: unknown): void {
    const timeout = error instanceof UpstreamTimeoutError;
    const gone = error instanceof CallerGoneError;
    logger.warn({ err: (error as Error).message, requestId: call.requestId }, 'gateway upstream call failed');
    // The whole upload reached OpenAI, which may have billed it: recorded as an ERROR with the
    // audio's measured length (for a model billed by the second), never dropped.
    const units = unitKindOf('OPENAI', model) === 'SECONDS' ? { durationSeconds: seconds ?? 0 } : { inputTokens: 0, outputTokens: 0 };
    gateway.answered(call, { model, ...units, status: 'ERROR', metadata: { endpoint: ENDPOINT, failure: timeout ? 'upstream timeout' : gone ? 'caller hung up' : 'upstream unreachable' } }, 'GATEWAY_ESTIMATED');
    if (gone || res.headersSent) return void res.destroy();
    if (timeout) return openAiError(res, 504, 'gateway_error', 'UPSTREAM_TIMEOUT', 'The provider did not answer in time', null, { 'x-usage-request-id': call.requestId });
    openAiError(res, 502, 'gateway_error', 'UPSTREAM_UNREACHABLE', 'The provider could not be reached', null, { 'x-usage-request-id': call.requestId });
  }
}

type Settled = () => Promise<{ model: string | null; seconds: number | null }>;

/** An upload the gateway will not (or can no longer) send, in OpenAI's words. */
function uploadRefused(res: Response, failure: MultipartFailure): void {
  if (failure.kind === 'caller-gone') return void res.destroy();
  if (failure.kind === 'too-large') return openAiError(res, 413, 'invalid_request_error', 'PAYLOAD_TOO_LARGE', `The upload is larger than OpenAI accepts (${TRANSCRIPTION_LIMITS.maxFileBytes / 1024 / 1024} MB a file)`, 'file');
  openAiError(res, 400, 'invalid_request_error', 'BAD_USER_INPUT', failure.message, 'file');
}

/** The promise's value, or null once `ms` passed. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref())]);
}
