import { Readable } from 'node:stream';
import type { Request, Response } from 'express';

/**
 * Talking to a provider for the gateway: which headers cross in each direction, and the
 * response passed on as bytes arrive. The caller's own credentials (our API key, cookies) never
 * go upstream; the provider's key never comes back.
 */

/** Request headers forwarded to the provider as they came (everything else is dropped). */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'user-agent', 'openai-beta', 'openai-organization', 'openai-project', 'idempotency-key'];

/** Response headers not passed back: hop-by-hop, or describing an encoding fetch already undid. */
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length', 'set-cookie', 'alt-svc', 'strict-transport-security']);

export function upstreamHeaders(req: Request, credential: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return { ...headers, ...credential };
}

/** Copies the provider's status and headers onto our response (before any body byte). */
export function copyResponseHead(upstream: globalThis.Response, res: Response, extra: Record<string, string>): void {
  res.status(upstream.status);
  upstream.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) res.setHeader(name, value);
  });
  for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
}

export interface UpstreamCall {
  response: globalThis.Response;
  abort: () => void;
}

export class UpstreamTimeoutError extends Error {}
export class CallerGoneError extends Error {}

/**
 * One request to the provider, abandoned after `timeoutMs` without response headers, or when the
 * caller hangs up (so a provider is not left generating for nobody).
 */
export async function callUpstream(url: string, init: { method: string; headers: Record<string, string>; body?: string | Buffer | Readable }, timeoutMs: number, caller: Response): Promise<UpstreamCall> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new UpstreamTimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
  // The response closing before it finished means the caller went away.
  const onClose = () => {
    if (!caller.writableFinished) controller.abort(new CallerGoneError('the caller hung up'));
  };
  caller.once('close', onClose);
  try {
    const body = init.body instanceof Readable ? (Readable.toWeb(init.body) as unknown as ReadableStream) : init.body;
    const response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      body,
      signal: controller.signal,
      ...(init.body instanceof Readable ? { duplex: 'half' } : {}),
    } as RequestInit);
    clearTimeout(timer);
    return {
      response,
      abort: () => controller.abort(new Error('abandoned')),
    };
  } catch (error) {
    clearTimeout(timer);
    caller.off('close', onClose);
    const reason = controller.signal.reason;
    throw reason instanceof UpstreamTimeoutError || reason instanceof CallerGoneError ? reason : error;
  }
}

/** The provider's body as a Node stream (for piping with backpressure). */
export function bodyStream(response: globalThis.Response): Readable {
  return response.body ? Readable.fromWeb(response.body as import('node:stream/web').ReadableStream) : Readable.from([]);
}

/**
 * Streams the provider's body to the caller with backpressure (a slow caller slows the read, so
 * memory holds a few chunks, not the answer). Resolves true when all of it was delivered.
 */
export async function pipeBody(response: globalThis.Response, res: Response): Promise<boolean> {
  try {
    for await (const chunk of bodyStream(response)) {
      if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
      if (res.destroyed) return false;
    }
    res.end();
    return true;
  } catch {
    res.destroy();
    return false;
  }
}
