import { API } from '../../app/env';
import { startSession } from '../../app/session';

/** A customer's token must not stay valid just because they tried the wrong console. */
function revokeQuietly(token: string): void {
  void fetch(API.graphqlHttpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation Logout { logout }' }),
  }).catch(() => undefined);
}

export interface SignInPayload {
  token: string;
  viewer: { role: string };
}

/**
 * What a sign-in answer (login, or resetPassword, which signs in too) means here: an admin's
 * token starts the session; anyone else's is revoked at once. False when it was not an admin.
 */
export function signInWith(payload: SignInPayload): boolean {
  if (payload.viewer.role !== 'ADMIN') {
    revokeQuietly(payload.token);
    return false;
  }
  startSession(payload.token);
  return true;
}
