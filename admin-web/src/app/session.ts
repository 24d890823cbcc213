import { useSyncExternalStore } from 'react';
import { createLocalTokenStorage, type TokenStorage } from '@usage-monitor/web-kit/apollo';

// The session token and the notice shown on the sign-in page, as a tiny external store:
// the Apollo links (outside React) and components must agree on one value.

export const TOKEN_KEY = 'um.admin.token';

export const SESSION_EXPIRED_NOTICE = 'Your session has expired. Please sign in again.';

export interface SessionState {
  token: string | null;
  notice: string | null;
}

const storage: TokenStorage = createLocalTokenStorage(TOKEN_KEY);

let state: SessionState = { token: storage.read(), notice: null };
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((l) => l());
}

export function getSession(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(token: string): void {
  storage.write(token);
  setState({ token, notice: null });
}

export function endSession(notice: string | null = null): void {
  storage.clear();
  setState({ token: null, notice });
}

/**
 * Ends the session because the server no longer accepts `token`. Ignored when the token has
 * already changed (a late failure of an old request must not sign out a fresh session).
 */
export function expireSession(token: string): void {
  if (state.token !== token) return;
  endSession(SESSION_EXPIRED_NOTICE);
}

export function clearNotice(): void {
  if (state.notice) setState({ ...state, notice: null });
}

/** Signing in or out in another tab applies here too. */
export function watchOtherTabs(): () => void {
  return storage.watch((token) => {
    if (token !== state.token) setState({ token, notice: null });
  });
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
