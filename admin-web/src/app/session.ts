import { useSyncExternalStore } from 'react';

// The session token and the notice shown on the sign-in page, as a tiny external store:
// the Apollo links (outside React) and components must agree on one value.

export const TOKEN_KEY = 'um.admin.token';

export const SESSION_EXPIRED_NOTICE = 'Your session has expired. Please sign in again.';

export interface SessionState {
  token: string | null;
  notice: string | null;
}

function readStoredToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage blocked (private mode, policies): behave as signed out
  }
}

function writeStoredToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(TOKEN_KEY, token);
    else window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // the session still works for this tab
  }
}

let state: SessionState = { token: readStoredToken(), notice: null };
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
  writeStoredToken(token);
  setState({ token, notice: null });
}

export function endSession(notice: string | null = null): void {
  writeStoredToken(null);
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

// Signing in or out in another tab applies here too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== TOKEN_KEY && event.key !== null) return;
    const token = readStoredToken();
    if (token !== state.token) setState({ token, notice: null });
  });
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
