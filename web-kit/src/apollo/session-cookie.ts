/**
 * The browser side of the server's cookie sessions (server/src/core/http/session-cookies.ts):
 *
 * - every request names the app (`X-Usage-Monitor-App`), so a sign-in sets that app's cookies
 *   and a browser signed in to both apps keeps two independent sessions;
 * - the session token itself sits in the httpOnly `um_<app>_session` cookie, which no script
 *   here can read: the apps never see, store or send it;
 * - a cookie-authenticated request must echo the readable `um_<app>_csrf` cookie in
 *   `X-CSRF-Token` (the WebSocket: `csrfToken` in its connection parameters), which another
 *   site can neither read nor make the browser send.
 *
 * The CSRF value is derived from the session token, so it also names the session: a new
 * sign-in changes it. The apps key their Apollo client (cache, socket) on it.
 */
export type SessionApp = 'admin' | 'portal';

export const APP_HEADER = 'X-Usage-Monitor-App';
export const CSRF_HEADER = 'X-CSRF-Token';

const csrfCookieName = (app: SessionApp) => `um_${app}_csrf`;

/** One cookie's value from a `document.cookie` string; null when absent or empty. */
export function readCookie(name: string, cookies: string): string | null {
  for (const part of cookies.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    const raw = part.slice(at + 1).trim();
    if (!raw) return null;
    try {
      return decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return null;
}

/** The headers every HTTP request of an app sends: its name, and the session's CSRF token when signed in. */
export function sessionHeaders(app: SessionApp, csrfToken: string | null): Record<string, string> {
  return csrfToken ? { [APP_HEADER]: app, [CSRF_HEADER]: csrfToken } : { [APP_HEADER]: app };
}

/** What the WebSocket sends in connection_init; the browser adds the cookie to the upgrade itself. */
export function socketConnectionParams(app: SessionApp, csrfToken: string): Record<string, string> {
  return { app, csrfToken };
}

export interface SessionCookie {
  /** The session's CSRF token; null when this browser holds no session of the app. */
  read(): string | null;
  /**
   * Drops the readable CSRF cookie once the server has refused the session (or cannot be told
   * of a sign-out). The httpOnly session cookie stays until it expires or the next sign-in
   * replaces it, but without its CSRF token it authenticates nothing, and the app can tell at
   * once, without asking the server, that it is signed out.
   */
  forget(): void;
  /** Tells the app's other tabs that this tab signed in or out. */
  announce(): void;
  /**
   * Calls `onChange` with the current CSRF token when another tab signs in or out, and when
   * this tab comes back into view (a browser without BroadcastChannel still catches up then).
   * Returns the unsubscribe.
   */
  watch(onChange: (csrfToken: string | null) => void): () => void;
}

/** The app's cookies in this browser. */
export function browserSessionCookie(app: SessionApp): SessionCookie {
  const name = csrfCookieName(app);
  const channelName = `um-${app}-session`;
  const read = () => readCookie(name, document.cookie);
  return {
    read,
    forget() {
      const secure = window.location.protocol === 'https:' ? '; Secure' : '';
      document.cookie = `${name}=; Max-Age=0; Path=/; SameSite=Strict${secure}`;
    },
    announce() {
      if (typeof BroadcastChannel === 'undefined') return;
      const channel = new BroadcastChannel(channelName);
      channel.postMessage('changed');
      channel.close();
    },
    watch(onChange) {
      const check = () => onChange(read());
      const onVisible = () => {
        if (document.visibilityState === 'visible') check();
      };
      const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(channelName);
      channel?.addEventListener('message', check);
      document.addEventListener('visibilitychange', onVisible);
      return () => {
        channel?.close();
        document.removeEventListener('visibilitychange', onVisible);
      };
    },
  };
}

/** Shown when a sign-in succeeded but no session cookie arrived (cookies blocked, or the API on another origin). */
export const SESSION_COOKIE_MISSING_MESSAGE =
  'You were signed in, but this browser did not keep the session cookie. Allow cookies for this site, then sign in again.';
