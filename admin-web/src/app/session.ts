import { useSyncExternalStore } from 'react';
import { browserSessionCookie, type SessionCookie } from '@usage-monitor/web-kit/apollo';
import { SESSION_APP } from './env';

// Whether this tab holds a session, and the notice shown on the sign-in page, as a tiny external
// store: the Apollo links (outside React) and components must agree on one value.
//
// The session itself is the server's httpOnly cookie; what this tab knows of it is its CSRF
// token (from the readable cookie), which also names it. That token being there means "maybe
// signed in": the `me` query decides (RequireAdmin). It being absent means signed out, at once.

export const SESSION_EXPIRED_NOTICE = 'Your session has expired. Please sign in again.';

export interface SessionState {
  /** The session's CSRF token; null when signed out. */
  csrfToken: string | null;
  notice: string | null;
}

const cookie: SessionCookie = browserSessionCookie(SESSION_APP);

let state: SessionState = { csrfToken: cookie.read(), notice: null };
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

/**
 * Takes up the session a sign-in just started (its answer set the cookies). False when there is
 * no cookie to take up: the browser refused it, or the API is not on this page's origin.
 */
export function sessionStarted(): boolean {
  const csrfToken = cookie.read();
  if (!csrfToken) return false;
  setState({ csrfToken, notice: null });
  cookie.announce();
  return true;
}

/** Signed out here, whether or not the server heard of it. */
export function endSession(notice: string | null = null): void {
  cookie.forget();
  setState({ csrfToken: null, notice });
  cookie.announce();
}

/**
 * Ends the session because the server no longer accepts it. Ignored when this tab has moved on
 * to another session (a late failure of an old request must not sign out a fresh one); when
 * another tab signed in meanwhile, its session is taken up instead.
 */
export function expireSession(csrfToken: string): void {
  if (state.csrfToken !== csrfToken) return;
  const now = cookie.read();
  if (now && now !== csrfToken) {
    setState({ csrfToken: now, notice: null });
    return;
  }
  endSession(SESSION_EXPIRED_NOTICE);
}

export function clearNotice(): void {
  if (state.notice) setState({ ...state, notice: null });
}

/** Signing in or out in another tab applies here too. */
export function watchOtherTabs(): () => void {
  return cookie.watch((csrfToken) => {
    if (csrfToken !== state.csrfToken) setState({ csrfToken, notice: null });
  });
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
