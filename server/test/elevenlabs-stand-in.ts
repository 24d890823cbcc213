import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for ElevenLabs' text-to-speech API, speaking its documented wire format:
 * `POST /v1/text-to-speech/{voice_id}` and `.../stream` with `xi-api-key`, a JSON body with `text`
 * and `model_id`, `output_format` in the query; the answer is audio bytes sent in pieces with the
 * `character-cost` and `request-id` headers; errors as `{"detail": {"status", "message"}}`
 * (validation errors as FastAPI's `{"detail": [{loc, msg, type}]}`). It counts what it served.
 */
export interface ElevenLabsCall {
  path: string;
  query: URLSearchParams;
  apiKey: string | undefined;
  body: Record<string, unknown>;
}

export interface ElevenLabsStandIn {
  baseUrl: string;
  calls: ElevenLabsCall[];
  /** Calls that got an answer started (audio or an error). */
  served(): number;
  /** The next answers fail with this status and ElevenLabs' error body (then normal again). */
  failNext(status: number, times?: number): void;
  /** Credits billed per character: `character-cost` = ceil(characters × this). */
  costPerCharacter: number;
  /** Leave the character-cost header out (the gateway then counts the text). */
  omitCharacterCost: boolean;
  /** Audio chunks per answer (16 KiB each) and the pause between them. */
  chunks: number;
  chunkDelayMs: number;
  close(): Promise<void>;
}

export const AUDIO_CHUNK_BYTES = 16 * 1024;

export async function startElevenLabsStandIn(): Promise<ElevenLabsStandIn> {
  const calls: ElevenLabsCall[] = [];
  let failures: { status: number; left: number } | null = null;
  let servedCount = 0;
  const state = { costPerCharacter: 1, omitCharacterCost: false, chunks: 4, chunkDelayMs: 0 };
  const wait = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const body = await readJson(req);
    const apiKey = typeof req.headers['xi-api-key'] === 'string' ? req.headers['xi-api-key'] : undefined;
    calls.push({ path: url.pathname, query: url.searchParams, apiKey, body });
    const match = /^\/v1\/text-to-speech\/([^/]+)(\/stream)?$/.exec(url.pathname);
    if (req.method !== 'POST' || !match) return json(res, 404, { detail: 'Not Found' });
    servedCount++;
    if (failures && failures.left > 0) {
      failures.left--;
      const status = failures.status;
      if (status === 401) return json(res, 401, { detail: { status: 'invalid_api_key', message: 'Invalid API key' } });
      if (status === 429) return json(res, 429, { detail: { status: 'too_many_concurrent_requests', message: 'Too many concurrent requests' } });
      return json(res, status, { detail: { status: 'internal_error', message: 'An internal error occurred' } });
    }
    if (typeof body.text !== 'string') return json(res, 422, { detail: [{ loc: ['body', 'text'], msg: 'field required', type: 'value_error.missing' }] });
    const characters = [...body.text].length;
    const headers: Record<string, string | number> = { 'content-type': 'audio/mpeg', 'request-id': `req_standin_${servedCount}`, 'history-item-id': `hist_${servedCount}` };
    if (!state.omitCharacterCost) headers['character-cost'] = Math.ceil(characters * state.costPerCharacter);
    // The whole-file endpoint states its length; the stream endpoint is chunked, as ElevenLabs sends them.
    if (!match[2]) headers['content-length'] = state.chunks * AUDIO_CHUNK_BYTES;
    res.writeHead(200, headers);
    for (let i = 0; i < state.chunks; i++) {
      if (i > 0) await wait(state.chunkDelayMs);
      if (res.destroyed) return;
      // MP3 frame sync at the start of each piece, then filler: enough to look like audio.
      const chunk = Buffer.alloc(AUDIO_CHUNK_BYTES, i + 1);
      chunk[0] = 0xff;
      chunk[1] = 0xfb;
      if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const standIn: ElevenLabsStandIn = {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    served: () => servedCount,
    failNext(status, times = 1) {
      failures = { status, left: times };
    },
    get costPerCharacter() {
      return state.costPerCharacter;
    },
    set costPerCharacter(value: number) {
      state.costPerCharacter = value;
    },
    get omitCharacterCost() {
      return state.omitCharacterCost;
    },
    set omitCharacterCost(value: boolean) {
      state.omitCharacterCost = value;
    },
    get chunks() {
      return state.chunks;
    },
    set chunks(value: number) {
      state.chunks = value;
    },
    get chunkDelayMs() {
      return state.chunkDelayMs;
    },
    set chunkDelayMs(value: number) {
      state.chunkDelayMs = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
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
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'request-id': 'req_standin_error' });
  res.end(text);
}
