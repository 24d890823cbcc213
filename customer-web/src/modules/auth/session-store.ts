import {
  browserSessionCookie,
  errorCodeOf,
  SESSION_COOKIE_MISSING_MESSAGE,
  type SessionCookie,
} from '@usage-monitor/web-kit/apollo';
import { createSessionClient, type SessionClient, type SessionClientFactory } from '../../app/apollo-client';
import { SESSION_APP } from '../../app/env';
import { MeDocument, SignInDocument, SignOutDocument, type SessionViewerFragment } from '../../__generated__/graphql';

export const WRONG_ROLE_MESSAGE = 'This portal is for customers; admins use the console at /admin/';

/** Why the sign-in page is shown, when it is not a first visit. */
export type SessionNotice = 'expired' | 'signed-out' | null;

export interface SessionSnapshot {
  /**
   * The session's CSRF token, read from its cookie; it also names the session. Present means
   * "maybe signed in" (RequireCustomer's `me` decides); null means signed out.
   */
  csrfToken: string | null;
  session: SessionClient;
  notice: SessionNotice;
}

export class SignInError extends Error {
  constructor(
    message: string,
    readonly reason: 'credentials' | 'wrong-role' | 'rate-limited' | 'unavailable' | 'no-cookie',
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/**
 * What login, resetPassword and acceptInvitation answer here. The session itself came in the
 * response's cookies (httpOnly): the portal never selects, sees or keeps its token.
 */
export interface SignInPayload {
  viewer: SessionViewerFragment;
}

export type { SessionCookie };

/** A sign-out must not hang on a server that is down: the local session ends regardless. */
const LOGOUT_TIMEOUT_MS = 3_000;

function signInFailure(error: unknown): SignInError {
  const code = errorCodeOf(error);
  if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT' || code === 'FORBIDDEN') {
    return new SignInError('That email and password do not match a customer account.', 'credentials');
  }
  if (code === 'RATE_LIMITED') {
    return new SignInError('Too many sign-in attempts. Wait a minute, then try again.', 'rate-limited');
  }
  return new SignInError('The service could not be reached. Check your connection and try again.', 'unavailable');
}

/** Logs the client's session out (the server then clears its cookies), bounded in time. */
async function revokeQuietly(session: SessionClient): Promise<void> {
  try {
    await Promise.race([
      session.client.mutate({ mutation: SignOutDocument }),
      new Promise((resolve) => setTimeout(resolve, LOGOUT_TIMEOUT_MS)),
    ]);
  } catch {
    // The server may already consider the session dead; the local session ends either way.
  } finally {
    session.dispose();
  }
}

/**
 * The signed-in state outside React: the session's CSRF token, the Apollo client serving it,
 * and the notice to show on the sign-in page. Components read it through useSyncExternalStore
 * (see SessionProvider).
 */
export function createSessionStore(
  createClient: SessionClientFactory = createSessionClient,
  cookie: SessionCookie = browserSessionCookie(SESSION_APP),
) {
  const listeners = new Set<() => void>();
  const clientFor = (csrfToken: string | null) =>
    createClient({ csrfToken, onSessionExpired: () => expire(csrfToken) });
  const initial = cookie.read();
  let snapshot: SessionSnapshot = { csrfToken: initial, session: clientFor(initial), notice: null };

  function publish(next: SessionSnapshot): void {
    snapshot = next;
    listeners.forEach((listener) => listener());
  }

  function open(csrfToken: string | null, notice: SessionNotice): SessionClient {
    const previous = snapshot.session;
    const session = clientFor(csrfToken);
    publish({ csrfToken, session, notice });
    previous.dispose();
    return session;
  }

  function signInWith({ viewer }: SignInPayload): void {
    if (viewer.role !== 'CUSTOMER' || !viewer.tenant) {
      // Never keep an admin's session in the portal: end the one this sign-in just started
      // (which clears its cookies) and say where admins belong.
      void revokeQuietly(createClient({ csrfToken: cookie.read(), onSessionExpired: () => {} })).finally(() =>
        cookie.forget(),
      );
      throw new SignInError(WRONG_ROLE_MESSAGE, 'wrong-role');
    }
    const csrfToken = cookie.read();
    if (!csrfToken) throw new SignInError(SESSION_COOKIE_MISSING_MESSAGE, 'no-cookie');
    const session = open(csrfToken, null);
    session.client.writeQuery({ query: MeDocument, data: { me: viewer } });
    cookie.announce();
  }

  /**
   * The server no longer accepts the session named `csrfToken` (the current one by default).
   * A late failure of a session this tab already left changes nothing; when another tab signed
   * in meanwhile, its session is taken up instead of showing "expired".
   */
  function expire(csrfToken: string | null = snapshot.csrfToken): void {
    if (!snapshot.csrfToken || snapshot.csrfToken !== csrfToken) return;
    const now = cookie.read();
    if (now && now !== csrfToken) {
      open(now, null);
      return;
    }
    cookie.forget();
    open(null, 'expired');
    cookie.announce();
  }

  return {
    getSnapshot: (): SessionSnapshot => snapshot,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    expire: (): void => expire(),

    async signIn(email: string, password: string): Promise<void> {
      let payload;
      try {
        const result = await snapshot.session.client.mutate({
          mutation: SignInDocument,
          variables: { email, password },
        });
        payload = result.data?.login;
      } catch (error) {
        throw signInFailure(error);
      }
      if (!payload) throw signInFailure(undefined);
      signInWith(payload);
    },

    /** Starts the session a sign-in answer set in the cookies; throws a SignInError for an admin's, or when no cookie came. */
    signInWith,

    async signOut(): Promise<void> {
      const { session } = snapshot;
      // Forgotten here at once: without its CSRF cookie a session cookie that outlives an
      // unreachable server authenticates nothing.
      cookie.forget();
      // The page leaves at once; the old client lives on just long enough to log its session out.
      publish({ csrfToken: null, session: clientFor(null), notice: 'signed-out' });
      await revokeQuietly(session);
      cookie.announce();
    },

    /** Follows sign-in and sign-out done in another tab of the same portal. */
    watchOtherTabs(): () => void {
      return cookie.watch((csrfToken) => {
        if (csrfToken !== snapshot.csrfToken) open(csrfToken, csrfToken ? null : 'signed-out');
      });
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
