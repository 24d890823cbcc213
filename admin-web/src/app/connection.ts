import { useSyncExternalStore } from 'react';

/** State of the subscription socket, shown in the top bar. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'idle';

let state: ConnectionState = 'connecting';
const listeners = new Set<() => void>();

export function setConnectionState(next: ConnectionState): void {
  if (next === state) return;
  state = next;
  listeners.forEach((l) => l());
}

export function getConnectionState(): ConnectionState {
  return state;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribe, getConnectionState, getConnectionState);
}

export const FALLBACK_POLL_MS = 30_000;

/** Polling is only a fallback: while the socket is live, subscriptions keep data fresh. */
export function usePollInterval(): number {
  return useConnectionState() === 'live' ? 0 : FALLBACK_POLL_MS;
}
