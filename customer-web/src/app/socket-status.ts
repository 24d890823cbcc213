/**
 * State of the subscription socket, for the Live indicator and the polling fallback.
 * idle: no subscription needs it yet; connecting: first attempt; live: acknowledged by the server;
 * reconnecting: it was lost (or never came up) and graphql-ws is retrying.
 */
export type SocketState = 'idle' | 'connecting' | 'live' | 'reconnecting';

export interface SocketStatus {
  get(): SocketState;
  set(state: SocketState): void;
  subscribe(listener: () => void): () => void;
}

export function createSocketStatus(initial: SocketState = 'idle'): SocketStatus {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      if (next === state) return;
      state = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
