import { browserSessionCookie, sessionHeaders } from '@usage-monitor/web-kit/apollo';
import { API, SESSION_APP } from '../../app/env';
import { sessionStarted } from '../../app/session';

/**
 * A customer's session must not stay valid just because they tried the wrong console. The
 * sign-in set this console's cookies for it: logging out with them ends it and clears them.
 */
function revokeQuietly(): void {
  const cookie = browserSessionCookie(SESSION_APP);
  const csrfToken = cookie.read();
  if (!csrfToken) return;
  void fetch(API.graphqlHttpUrl, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...sessionHeaders(SESSION_APP, csrfToken) },
    body: JSON.stringify({ query: 'mutation Logout { logout }' }),
  })
    .catch(() => undefined)
    .finally(() => cookie.forget());
}

export interface SignInPayload {
  viewer: { role: string };
}

/** What a sign-in means here: 'signed-in', a non-admin turned away, or a session cookie that never arrived. */
export type SignInOutcome = 'signed-in' | 'wrong-role' | 'no-cookie';

/**
 * What a sign-in answer (login, resetPassword and acceptInvitation sign in) means here: an
 * admin's session (set in the cookies by that answer) starts; anyone else's is ended at once.
 */
export function signInWith(payload: SignInPayload): SignInOutcome {
  if (payload.viewer.role !== 'ADMIN') {
    revokeQuietly();
    return 'wrong-role';
  }
  return sessionStarted() ? 'signed-in' : 'no-cookie';
}
