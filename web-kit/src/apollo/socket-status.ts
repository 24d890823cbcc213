import { useSyncExternalStore } from 'react';

/**
 * State of the subscription socket, for the Live badge and the polling fallback.
 * idle: no subscription needs it (or signed out); connecting: first attempt; live: acknowledged
 * by the server; reconnecting: it was lost (or never came up) and graphql-ws is retrying.
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

export function useSocketStatus(status: SocketStatus): SocketState {
  return useSyncExternalStore(status.subscribe, status.get, status.get);
}

/** While the socket is down, data is refreshed by polling this often. */
export const FALLBACK_POLL_MS = 30_000;

/** Polling is only a fallback: while the socket is live, subscriptions keep data fresh. */
export function pollIntervalFor(state: SocketState): number {
  return state === 'live' ? 0 : FALLBACK_POLL_MS;
}
