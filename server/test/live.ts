import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A real graphql-ws client (the protocol the SPAs use), collecting what a subscription sends. */
export function subscribe<T = any>(wsUrl: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const received: { at: number; data: T }[] = [];
  const errors: unknown[] = [];
  let closeCode: number | undefined;
  const client: Client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => (closeCode = (event as { code?: number }).code) },
  });
  const ready = new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (event) => reject(new Error(`socket closed: ${(event as { code?: number }).code}`)));
  });
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      // Source-stream errors (e.g. FORBIDDEN from subscribe) arrive as a `next` with errors.
      next: (value) => (value.errors ? errors.push(...value.errors) : received.push({ at: Date.now(), data: value.data as T })),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return {
    ready,
    received,
    errors,
    get closeCode() {
      return closeCode;
    },
    async waitFor(count: number, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return received.length >= count;
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}
