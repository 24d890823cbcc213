import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with the n-th request (1-based):
 * - 'forward': pass it to the real server and its answer back;
 * - 'drop-response': pass it to the real server, wait for its answer (so the server has committed),
 *   then destroy the client's socket instead of answering: the client sees a network error;
 * - 'delay-response': pass it on and hold the server's answer back for `delayMs` (a slow network);
 * - 'status-503': answer 503 itself without forwarding (a load balancer with no healthy upstream).
 */
export type ProxyAction = 'forward' | 'drop-response' | 'delay-response' | 'status-503';

export interface FlakyProxy {
  url: string;
  /** Bodies of every request received, parsed, in order. */
  requests: { query: string; variables: any }[];
  /** Requests whose answer was dropped after the server had answered. */
  dropped: number;
  close(): Promise<void>;
}

/** A loopback HTTP proxy in front of the real server that misbehaves on cue. */
export async function startFlakyProxy(
  targetUrl: string,
  plan: (n: number) => ProxyAction,
  delayMs = 1_000,
): Promise<FlakyProxy> {
  const target = new URL(targetUrl);
  const proxy: FlakyProxy = { url: '', requests: [], dropped: 0, close: async () => undefined };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    proxy.requests.push(JSON.parse(body.toString('utf8')));
    const action = plan(proxy.requests.length);
    if (action === 'status-503') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('no healthy upstream');
      return;
    }
    const upstream = request(
      {
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: req.method,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        if (action === 'drop-response') {
          // The server's answer exists, so its transaction committed; the client never sees it.
          answer.resume();
          answer.on('end', () => {
            proxy.dropped++;
            req.socket.destroy();
          });
          return;
        }
        const pass = () => {
          if (res.destroyed) return answer.resume();
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        };
        if (action === 'delay-response') setTimeout(pass, delayMs);
        else pass();
      },
    );
    upstream.on('error', () => req.socket.destroy());
    upstream.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
