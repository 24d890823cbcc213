import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeDocument } from '../__generated__/graphql';
import { createSessionClient } from './apollo-client';

function stubFetch(body: unknown) {
  const fetchMock = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const unauthenticated = { errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }] };

afterEach(() => vi.unstubAllGlobals());

describe('createSessionClient', () => {
  it('sends the Bearer token as JSON to /graphql', async () => {
    const fetchMock = stubFetch({ data: { me: null } });
    const session = createSessionClient({ token: 'tok-1', onSessionExpired: vi.fn() });
    await session.client.query({ query: MeDocument });
    const [url, init] = fetchMock.mock.calls[0];
    expect(String(url)).toMatch(/\/graphql$/);
    const headers = new Headers(init.headers);
    expect(headers.get('authorization')).toBe('Bearer tok-1');
    expect(headers.get('content-type')).toContain('application/json');
    session.dispose();
  });

  it('ends the session once when the server answers UNAUTHENTICATED', async () => {
    stubFetch(unauthenticated);
    const onSessionExpired = vi.fn();
    const session = createSessionClient({ token: 'stale', onSessionExpired });
    await expect(session.client.query({ query: MeDocument })).rejects.toThrow('Not signed in');
    await expect(session.client.query({ query: MeDocument, fetchPolicy: 'network-only' })).rejects.toThrow();
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    session.dispose();
  });

  it('does not call a failed sign-in (no token yet) an expired session', async () => {
    stubFetch(unauthenticated);
    const onSessionExpired = vi.fn();
    const session = createSessionClient({ token: null, onSessionExpired });
    await expect(session.client.query({ query: MeDocument })).rejects.toThrow();
    expect(onSessionExpired).not.toHaveBeenCalled();
    session.dispose();
  });
});
