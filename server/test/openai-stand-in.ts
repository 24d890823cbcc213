import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the OpenAI API, speaking its documented wire formats: JSON answers with
 * `usage`, SSE streams (`data: {chunk}` … `data: [DONE]`, the usage chunk only when
 * `stream_options.include_usage` is set; Responses' typed events ending in `response.completed`),
 * the model list, and audio bodies. It counts every call it served, so tests can compare what the
 * provider served with what the gateway recorded.
 */
export interface StandInCall {
  path: string;
  authorization: string | undefined;
  /** The JSON body, or a multipart form's text fields. */
  body: Record<string, unknown>;
  /** A multipart upload's file, as received, and how the request was framed. */
  upload?: { file: Buffer | null; contentLength: string | undefined; chunked: boolean };
}

export interface OpenAiStandIn {
  baseUrl: string;
  calls: StandInCall[];
  /** Metered calls that reached the provider (what the provider would bill), model list excluded. */
  served(): number;
  /** The next answers fail with this status (then normal again). */
  failNext(status: number, times?: number): void;
  /** Each answer waits this long before starting (a slow provider). */
  delayMs: number;
  /** Streams pause this long between chunks. */
  chunkDelayMs: number;
  /** Transcriptions: the `duration` verbose_json states (default: the WAV's own length). */
  reportedDurationSeconds: number | null;
  /** Transcriptions by whisper: add `usage: {type: "duration"}` to the JSON answer, as newer API versions do. */
  durationUsage: boolean;
  close(): Promise<void>;
}

export const TRANSCRIPT = 'Metering is counting what was spent.';
export const TRANSCRIPTION_TOKENS = { type: 'tokens', input_tokens: 45, input_token_details: { text_tokens: 0, audio_tokens: 45 }, output_tokens: 12, total_tokens: 57 };

const USAGE = { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150, prompt_tokens_details: { cached_tokens: 100 } };
const WORDS = ['Metering', ' is', ' counting', ' what', ' was', ' spent', '.'];

export async function startOpenAiStandIn(): Promise<OpenAiStandIn> {
  const calls: StandInCall[] = [];
  let failures: { status: number; left: number } | null = null;
  let servedCount = 0;
  const state = { delayMs: 0, chunkDelayMs: 0, reportedDurationSeconds: null as number | null, durationUsage: false };
  const wait = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

  const server: Server = createServer(async (req, res) => {
    let raw: Buffer;
    try {
      raw = await readBytes(req);
    } catch {
      return; // the request was cut off before its body ended: nothing to serve
    }
    const path = (req.url ?? '').split('?')[0]!.replace(/^\/v1/, '');
    const multipart = (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
    const form = multipart ? await readForm(raw, req.headers['content-type']!) : null;
    const body = form ? form.fields : parseJson(raw);
    calls.push({ path, authorization: req.headers.authorization, body, ...(form ? { upload: { file: form.file, contentLength: req.headers['content-length'], chunked: req.headers['transfer-encoding'] === 'chunked' } } : {}) });
    if (req.method === 'GET' && path === '/models') {
      return json(res, 200, { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }] });
    }
    // Served (and billed) once the request is in, whether or not the answer reaches the caller.
    servedCount++;
    await wait(state.delayMs);
    if (failures && failures.left > 0) {
      failures.left--;
      return json(res, failures.status, { error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } });
    }
    const model = String(body.model ?? 'gpt-4o-mini');
    if (path === '/chat/completions') {
      if (body.stream === true) {
        const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': 'req_standin' });
        const base = { id: 'chatcmpl-standin', object: 'chat.completion.chunk', created: 1721172741, model, system_fingerprint: 'fp_standin' };
        const chunk = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;
        res.write(chunk({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }], ...(includeUsage ? { usage: null } : {}) }));
        for (const word of WORDS) {
          await wait(state.chunkDelayMs);
          if (res.destroyed) return;
          res.write(chunk({ ...base, choices: [{ index: 0, delta: { content: word }, logprobs: null, finish_reason: null }], ...(includeUsage ? { usage: null } : {}) }));
        }
        res.write(chunk({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], ...(includeUsage ? { usage: null } : {}) }));
        if (includeUsage) res.write(chunk({ ...base, choices: [], usage: USAGE }));
        res.end('data: [DONE]\n\n');
        return;
      }
      return json(res, 200, {
        id: 'chatcmpl-standin',
        object: 'chat.completion',
        created: 1721172741,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: WORDS.join(''), refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: USAGE,
        system_fingerprint: 'fp_standin',
      });
    }
    if (path === '/responses') {
      const response = {
        id: 'resp_standin',
        object: 'response',
        created_at: 1721172741,
        status: 'completed',
        model,
        output: [{ type: 'message', id: 'msg_standin', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: WORDS.join(''), annotations: [] }] }],
        usage: { input_tokens: 80, input_tokens_details: { cached_tokens: 0 }, output_tokens: 20, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 100 },
      };
      if (body.stream === true) {
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
        const event = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
        res.write(event('response.created', { response: { ...response, status: 'in_progress', usage: null, output: [] } }));
        for (const word of WORDS) {
          await wait(state.chunkDelayMs);
          res.write(event('response.output_text.delta', { item_id: 'msg_standin', output_index: 0, content_index: 0, delta: word }));
        }
        res.end(event('response.completed', { response }));
        return;
      }
      return json(res, 200, response);
    }
    if (path === '/embeddings') {
      return json(res, 200, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.01, -0.02, 0.03] }], model, usage: { prompt_tokens: 8, total_tokens: 8 } });
    }
    if (path === '/audio/transcriptions') return transcribe(res, body, form?.file ?? null, state, wait);
    if (path === '/audio/speech') {
      // An MP3 body streamed in pieces, as the real endpoint does.
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      for (let i = 0; i < 4; i++) res.write(Buffer.alloc(16 * 1024, i));
      res.end();
      return;
    }
    json(res, 404, { error: { message: `Invalid URL (${req.method} /v1${path})`, type: 'invalid_request_error', param: null, code: null } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    calls,
    served: () => servedCount,
    failNext(status, times = 1) {
      failures = { status, left: times };
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    get chunkDelayMs() {
      return state.chunkDelayMs;
    },
    set chunkDelayMs(value: number) {
      state.chunkDelayMs = value;
    },
    get reportedDurationSeconds() {
      return state.reportedDurationSeconds;
    },
    set reportedDurationSeconds(value: number | null) {
      state.reportedDurationSeconds = value;
    },
    get durationUsage() {
      return state.durationUsage;
    },
    set durationUsage(value: boolean) {
      state.durationUsage = value;
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { raw: text };
  }
}

/** A multipart form read with the platform's own parser (not the gateway's), fields and the `file`. */
async function readForm(raw: Buffer, contentType: string): Promise<{ fields: Record<string, unknown>; file: Buffer | null } | null> {
  try {
    // Typed loosely: this file is compiled with the server's Node types and with the browser tests' DOM ones.
    const form = (await new Request('http://stand-in/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(raw) }).formData()) as unknown as {
      entries(): IterableIterator<[string, string | Blob]>;
    };
    const fields: Record<string, unknown> = {};
    let file: Buffer | null = null;
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') fields[name] ??= value;
      else if (name === 'file') file = Buffer.from(await value.arrayBuffer());
    }
    return { fields, file };
  } catch {
    return { fields: {}, file: null };
  }
}

/** The length a WAV file states (data bytes over bytes a second); 0 for anything else. */
function wavLength(file: Buffer): number {
  return file.length >= 44 && file.toString('ascii', 0, 4) === 'RIFF' ? file.readUInt32LE(40) / file.readUInt32LE(28) : 0;
}

/**
 * /audio/transcriptions as OpenAI answers it: whisper-1 in json (`text` only, unless
 * durationUsage), verbose_json (with `duration`), or text; the gpt-4o transcribe models with
 * token usage, and as an SSE stream of transcript.text.delta events ending in transcript.text.done.
 */
async function transcribe(res: ServerResponse, fields: Record<string, unknown>, file: Buffer | null, state: { reportedDurationSeconds: number | null; durationUsage: boolean; chunkDelayMs: number }, wait: (ms: number) => Promise<unknown>): Promise<void> {
  if (!file) return json(res, 400, { error: { message: "1 validation error for Request\nbody -> file\n  field required (type=value_error.missing)", type: 'invalid_request_error', param: null, code: null } });
  const model = String(fields.model ?? '');
  const format = String(fields.response_format ?? 'json');
  const seconds = state.reportedDurationSeconds ?? wavLength(file);
  if (model.startsWith('whisper')) {
    if (format === 'text') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end(`${TRANSCRIPT}\n`);
    }
    if (format === 'verbose_json') {
      return json(res, 200, { task: 'transcribe', language: 'english', duration: seconds, text: TRANSCRIPT, segments: [{ id: 0, seek: 0, start: 0, end: seconds, text: TRANSCRIPT, tokens: [50364, 2221], temperature: 0, avg_logprob: -0.2, compression_ratio: 1.1, no_speech_prob: 0.01 }] });
    }
    return json(res, 200, { text: TRANSCRIPT, ...(state.durationUsage ? { usage: { type: 'duration', seconds: Math.ceil(seconds) } } : {}) });
  }
  if (fields.stream === 'true') {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    for (const word of WORDS) {
      await wait(state.chunkDelayMs);
      if (res.destroyed) return;
      res.write(`data: ${JSON.stringify({ type: 'transcript.text.delta', delta: word })}\n\n`);
    }
    return void res.end(`data: ${JSON.stringify({ type: 'transcript.text.done', text: TRANSCRIPT, usage: TRANSCRIPTION_TOKENS })}\n\n`);
  }
  return json(res, 200, { text: TRANSCRIPT, usage: TRANSCRIPTION_TOKENS });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': 'req_standin', 'openai-processing-ms': '12' });
  res.end(text);
}
