import { createHash } from 'node:crypto';

/**
 * How the SPAs carry their session (api-contract-next.md "Accounts and roles"):
 *
 * - Each app names itself in `X-Usage-Monitor-App: admin | portal` (and `app` in the WebSocket's
 *   connection parameters), so a browser signed in to both keeps two independent sessions.
 * - The session token travels in `um_<app>_session`: httpOnly (no script can read it),
 *   SameSite=Strict (never sent from another site), Secure behind HTTPS, Path=/.
 * - CSRF: a cookie-authenticated request must also send `X-CSRF-Token` (WebSocket: `csrfToken`)
 *   equal to a value derived from the session token. The app reads it from the readable cookie
 *   `um_<app>_csrf`; another site can neither read it nor make the browser send the header.
 *   Deriving it from the token ties it to the session without storing anything.
 * - A bearer `Authorization` header (API use, tests, the SDK) wins over cookies and needs no CSRF
 *   token: no browser attaches it by itself.
 */
export type SessionApp = 'admin' | 'portal';

export const APP_HEADER = 'x-usage-monitor-app';
export const CSRF_HEADER = 'x-csrf-token';

export function sessionApp(value: unknown): SessionApp | undefined {
  return value === 'admin' || value === 'portal' ? value : undefined;
}

const sessionCookie = (app: SessionApp) => `um_${app}_session`;
const csrfCookie = (app: SessionApp) => `um_${app}_csrf`;

/** The CSRF value of a session token: public to its own app, useless without the token. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`, 'utf8').digest('base64url');
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 1) continue;
    const name = part.slice(0, at).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(at + 1).trim()));
    } catch {
      // A malformed cookie is ignored like a missing one.
    }
  }
  return cookies;
}

/** What a request presents to prove who it is. */
export interface RequestCredentials {
  authorization?: string;
  app?: SessionApp;
  cookieHeader?: string;
  csrfToken?: string;
}

/**
 * The bearer value to authenticate with: the Authorization header, or the app's session cookie
 * when its CSRF token matches. `csrfRejected` tells a cookie without a valid CSRF token apart
 * from no cookie at all (logged; the request then counts as signed out).
 */
export function credentialFrom(credentials: RequestCredentials): { authorization?: string; csrfRejected?: boolean } {
  if (credentials.authorization) return { authorization: credentials.authorization };
  if (!credentials.app) return {};
  const token = parseCookies(credentials.cookieHeader).get(sessionCookie(credentials.app));
  if (!token) return {};
  if (credentials.csrfToken !== csrfTokenFor(token)) return { csrfRejected: true };
  return { authorization: `Bearer ${token}` };
}

/** Set-Cookie values that start a session for `app`, or end it (`token` null). */
export function sessionCookieHeaders(app: SessionApp, token: string | null, options: { secure: boolean; maxAgeSeconds: number }): string[] {
  const attributes = ['Path=/', 'SameSite=Strict', ...(options.secure ? ['Secure'] : [])];
  const age = token === null ? 'Max-Age=0' : `Max-Age=${options.maxAgeSeconds}`;
  return [
    [`${sessionCookie(app)}=${token ?? ''}`, 'HttpOnly', age, ...attributes].join('; '),
    [`${csrfCookie(app)}=${token === null ? '' : csrfTokenFor(token)}`, age, ...attributes].join('; '),
  ];
}

interface HttpRequestLike {
  headers: Record<string, string | string[] | undefined>;
  secure?: boolean;
}
interface HttpResponseLike {
  append(name: string, value: string[]): unknown;
}

const header = (req: HttpRequestLike, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The credentials of an HTTP request (GraphQL, CSV export). */
export function httpCredentials(req: HttpRequestLike): RequestCredentials {
  return {
    authorization: header(req, 'authorization'),
    app: sessionApp(header(req, APP_HEADER)),
    cookieHeader: header(req, 'cookie'),
    csrfToken: header(req, CSRF_HEADER),
  };
}

/**
 * The cookie side of a request from an SPA: undefined for API callers (no app header), so their
 * sign-ins set no cookies. Secure when the request came over HTTPS (behind a trusted proxy,
 * Express reads X-Forwarded-Proto) or the public address is HTTPS.
 */
export function httpSessionCookies(req: HttpRequestLike, res: HttpResponseLike, options: { maxAgeSeconds: number; publicUrlIsHttps: boolean }) {
  const app = sessionApp(header(req, APP_HEADER));
  if (!app) return undefined;
  const cookieOptions = { secure: Boolean(req.secure) || options.publicUrlIsHttps, maxAgeSeconds: options.maxAgeSeconds };
  return {
    started: (token: string) => void res.append('Set-Cookie', sessionCookieHeaders(app, token, cookieOptions)),
    ended: () => void res.append('Set-Cookie', sessionCookieHeaders(app, null, cookieOptions)),
  };
}
