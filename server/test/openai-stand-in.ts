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
  body: Record<string, unknown>;
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
  close(): Promise<void>;
}

const USAGE = { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150, prompt_tokens_details: { cached_tokens: 100 } };
const WORDS = ['Metering', ' is', ' counting', ' what', ' was', ' spent', '.'];

export async function startOpenAiStandIn(): Promise<OpenAiStandIn> {
  const calls: StandInCall[] = [];
  let failures: { status: number; left: number } | null = null;
  let servedCount = 0;
  const state = { delayMs: 0, chunkDelayMs: 0 };
  const wait = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

  const server: Server = createServer(async (req, res) => {
    const body = await readJson(req);
    const path = (req.url ?? '').split('?')[0]!.replace(/^\/v1/, '');
    calls.push({ path, authorization: req.headers.authorization, body });
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
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { raw: text };
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': 'req_standin', 'openai-processing-ms': '12' });
  res.end(text);
}
