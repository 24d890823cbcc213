import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MeDocument } from '../__generated__/graphql';
import { csrfCookie, serverStartsSession } from '../test/session-cookie';
import { createSessionClient, type SessionClient } from './apolloClient';
import { endSession, expireSession, getSession, SESSION_EXPIRED_NOTICE, sessionStarted } from './session';

function graphqlResponse(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}

describe('session Apollo client', () => {
  let session: SessionClient | undefined;
  const fetchStub = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchStub.mockReset();
    vi.stubGlobal('fetch', fetchStub);
  });
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
    endSession();
  });

  it('sends the console’s name and the session’s CSRF token, never a bearer token, as JSON to /graphql', async () => {
    serverStartsSession('csrf-1');
    expect(sessionStarted()).toBe(true);
    fetchStub.mockResolvedValue(graphqlResponse({ data: { me: { __typename: 'Viewer', id: 'u1', email: 'admin@example.com', role: 'ADMIN', adminRole: 'OWNER' } } }));
    session = createSessionClient(getSession().csrfToken);
    const result = await session.client.query({ query: MeDocument });
    expect(result.data?.me?.email).toBe('admin@example.com');
    const [url, init] = fetchStub.mock.calls[0];
    expect(String(url)).toBe('/graphql');
    const headers = new Headers(init?.headers);
    expect(headers.get('x-usage-monitor-app')).toBe('admin');
    expect(headers.get('x-csrf-token')).toBe('csrf-1');
    expect(headers.has('authorization')).toBe(false);
    expect(headers.get('content-type')).toBe('application/json');
    expect(window.localStorage.length).toBe(0);
  });

  it('keeps nothing in storage and has no session without the cookie', () => {
    expect(sessionStarted()).toBe(false);
    expect(getSession().csrfToken).toBeNull();
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
  });

  it('ends the session with a notice on UNAUTHENTICATED, and drops the CSRF cookie', async () => {
    serverStartsSession('csrf-2');
    sessionStarted();
    fetchStub.mockResolvedValue(graphqlResponse({ data: null, errors: [{ message: 'Session expired', extensions: { code: 'UNAUTHENTICATED' } }] }));
    session = createSessionClient('csrf-2');
    await expect(session.client.query({ query: MeDocument })).rejects.toThrow();
    expect(getSession()).toEqual({ csrfToken: null, notice: SESSION_EXPIRED_NOTICE });
    expect(csrfCookie()).toBeNull();
  });

  it('leaves the session alone on other errors', async () => {
    serverStartsSession('csrf-3');
    sessionStarted();
    fetchStub.mockResolvedValue(graphqlResponse({ data: null, errors: [{ message: 'Nope', extensions: { code: 'FORBIDDEN' } }] }));
    session = createSessionClient('csrf-3');
    await expect(session.client.query({ query: MeDocument })).rejects.toThrow();
    expect(getSession().csrfToken).toBe('csrf-3');
  });

  it('ignores a late failure of a previous session', () => {
    serverStartsSession('new-session');
    sessionStarted();
    expireSession('old-session');
    expect(getSession()).toEqual({ csrfToken: 'new-session', notice: null });
  });

  it('takes up the session another tab started instead of calling this one expired', () => {
    serverStartsSession('first');
    sessionStarted();
    serverStartsSession('from-other-tab');
    expireSession('first');
    expect(getSession()).toEqual({ csrfToken: 'from-other-tab', notice: null });
  });
});
