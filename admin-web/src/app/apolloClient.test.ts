import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MeDocument } from '../__generated__/graphql';
import { createSessionClient, type SessionClient } from './apolloClient';
import { endSession, expireSession, getSession, SESSION_EXPIRED_NOTICE, startSession, TOKEN_KEY } from './session';

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

  it('sends the bearer token as JSON to /graphql', async () => {
    startSession('tok-1');
    fetchStub.mockResolvedValue(graphqlResponse({ data: { me: { __typename: 'Viewer', id: 'u1', email: 'admin@example.com', role: 'ADMIN', adminRole: 'OWNER' } } }));
    session = createSessionClient('tok-1');
    const result = await session.client.query({ query: MeDocument });
    expect(result.data?.me?.email).toBe('admin@example.com');
    const [url, init] = fetchStub.mock.calls[0];
    expect(String(url)).toBe('/graphql');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer tok-1');
    expect(headers.get('content-type')).toBe('application/json');
  });

  it('ends the session with a notice on UNAUTHENTICATED', async () => {
    startSession('tok-2');
    expect(window.localStorage.getItem(TOKEN_KEY)).toBe('tok-2');
    fetchStub.mockResolvedValue(graphqlResponse({ data: null, errors: [{ message: 'Session expired', extensions: { code: 'UNAUTHENTICATED' } }] }));
    session = createSessionClient('tok-2');
    await expect(session.client.query({ query: MeDocument })).rejects.toThrow();
    expect(getSession()).toEqual({ token: null, notice: SESSION_EXPIRED_NOTICE });
    expect(window.localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('leaves the session alone on other errors', async () => {
    startSession('tok-3');
    fetchStub.mockResolvedValue(graphqlResponse({ data: null, errors: [{ message: 'Nope', extensions: { code: 'FORBIDDEN' } }] }));
    session = createSessionClient('tok-3');
    await expect(session.client.query({ query: MeDocument })).rejects.toThrow();
    expect(getSession().token).toBe('tok-3');
  });

  it('ignores a late failure of a previous session’s token', () => {
    startSession('new-token');
    expireSession('old-token');
    expect(getSession()).toEqual({ token: 'new-token', notice: null });
  });
});
