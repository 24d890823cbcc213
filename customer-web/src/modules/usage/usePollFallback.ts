import { useSocketState } from '../auth/session-context';

export const FALLBACK_POLL_MS = 30_000;

/** A pollInterval for live data: none while the socket pushes updates, 30 s while it is down. */
export function usePollFallback(): number {
  return useSocketState() === 'live' ? 0 : FALLBACK_POLL_MS;
}
