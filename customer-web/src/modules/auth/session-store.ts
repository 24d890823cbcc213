import { createLocalTokenStorage, errorCodeOf, type TokenStorage } from '@usage-monitor/web-kit/apollo';
import { createSessionClient, type SessionClient, type SessionClientFactory } from '../../app/apollo-client';
import { MeDocument, SignInDocument, SignOutDocument, type SessionViewerFragment } from '../../__generated__/graphql';

export const WRONG_ROLE_MESSAGE = 'This portal is for customers; admins use the console at /admin/';

/** Why the sign-in page is shown, when it is not a first visit. */
export type SessionNotice = 'expired' | 'signed-out' | null;

export interface SessionSnapshot {
  token: string | null;
  session: SessionClient;
  notice: SessionNotice;
}

export class SignInError extends Error {
  constructor(
    message: string,
    readonly reason: 'credentials' | 'wrong-role' | 'rate-limited' | 'unavailable',
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

export const TOKEN_KEY = 'um.portal.token';

/** What login and resetPassword (which signs in too) answer. */
export interface SignInPayload {
  token: string;
  viewer: SessionViewerFragment;
}

export type { TokenStorage };

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

async function revokeQuietly(session: SessionClient): Promise<void> {
  try {
    await Promise.race([
      session.client.mutate({ mutation: SignOutDocument }),
      new Promise((resolve) => setTimeout(resolve, LOGOUT_TIMEOUT_MS)),
    ]);
  } catch {
    // The server may already consider the token dead; the local session ends either way.
  } finally {
    session.dispose();
  }
}

/**
 * The signed-in state outside React: token, the Apollo client serving it, and the notice to show
 * on the sign-in page. Components read it through useSyncExternalStore (see SessionProvider).
 */
export function createSessionStore(
  createClient: SessionClientFactory = createSessionClient,
  storage: TokenStorage = createLocalTokenStorage(TOKEN_KEY),
) {
  const listeners = new Set<() => void>();
  const initialToken = storage.read();
  let snapshot: SessionSnapshot = {
    token: initialToken,
    session: createClient({ token: initialToken, onSessionExpired: () => expire() }),
    notice: null,
  };

  function publish(next: SessionSnapshot): void {
    snapshot = next;
    listeners.forEach((listener) => listener());
  }

  function open(token: string | null, notice: SessionNotice): SessionClient {
    const previous = snapshot.session;
    const session = createClient({ token, onSessionExpired: () => expire() });
    publish({ token, session, notice });
    previous.dispose();
    return session;
  }

  function signInWith({ token, viewer }: SignInPayload): void {
    if (viewer.role !== 'CUSTOMER' || !viewer.tenant) {
      // Never keep an admin's token in the portal: revoke it and say where admins belong.
      void revokeQuietly(createClient({ token, onSessionExpired: () => {} }));
      throw new SignInError(WRONG_ROLE_MESSAGE, 'wrong-role');
    }
    storage.write(token);
    const session = open(token, null);
    session.client.writeQuery({ query: MeDocument, data: { me: viewer } });
  }

  function expire(): void {
    if (!snapshot.token) return;
    storage.clear();
    open(null, 'expired');
  }

  return {
    getSnapshot: (): SessionSnapshot => snapshot,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    expire,

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

    /** Starts the session a sign-in answer carries; throws a 'wrong-role' SignInError for an admin's. */
    signInWith,

    async signOut(): Promise<void> {
      const { session } = snapshot;
      storage.clear();
      // The page leaves at once; the old client lives on just long enough to revoke its token.
      publish({ token: null, session: createClient({ token: null, onSessionExpired: () => {} }), notice: 'signed-out' });
      await revokeQuietly(session);
    },

    /** Follows sign-in and sign-out done in another tab of the same portal. */
    watchOtherTabs(): () => void {
      return storage.watch((token) => {
        if (token !== snapshot.token) open(token, token ? null : 'signed-out');
      });
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
