import { InMemoryCache, gql } from '@apollo/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiEndpoints } from './endpoints';
import { createSessionClient } from './session-client';

const ME = gql`
  query Me {
    me {
      id
    }
  }
`;

function stubFetch(body: unknown, status = 200) {
  const fetchMock = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const unauthenticated = { errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }] };

function session(token: string | null, onSessionExpired = vi.fn()) {
  return createSessionClient({
    token,
    graphqlHttpUrl: '/graphql',
    graphqlWsUrl: () => 'ws://localhost/graphql',
    cache: new InMemoryCache(),
    onSessionExpired,
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('createSessionClient', () => {
  it('sends the Bearer token as JSON to /graphql', async () => {
    const fetchMock = stubFetch({ data: { me: null } });
    const s = session('tok-1');
    await s.client.query({ query: ME });
    const [url, init] = fetchMock.mock.calls[0];
    expect(String(url)).toBe('/graphql');
    const headers = new Headers(init.headers);
    expect(headers.get('authorization')).toBe('Bearer tok-1');
    expect(headers.get('content-type')).toContain('application/json');
    s.dispose();
  });

  it('sends no authorization header without a token', async () => {
    const fetchMock = stubFetch({ data: { me: null } });
    const s = session(null);
    await s.client.query({ query: ME });
    expect(new Headers(fetchMock.mock.calls[0][1].headers).has('authorization')).toBe(false);
    s.dispose();
  });

  it('ends the session once when the server answers UNAUTHENTICATED', async () => {
    stubFetch(unauthenticated);
    const onSessionExpired = vi.fn();
    const s = session('stale', onSessionExpired);
    await expect(s.client.query({ query: ME })).rejects.toThrow('Not signed in');
    await expect(s.client.query({ query: ME, fetchPolicy: 'network-only' })).rejects.toThrow();
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    s.dispose();
  });

  it('treats an HTTP 401 as an expired session too', async () => {
    stubFetch({ errors: [{ message: 'Unauthorized' }] }, 401);
    const onSessionExpired = vi.fn();
    const s = session('stale', onSessionExpired);
    await expect(s.client.query({ query: ME })).rejects.toThrow();
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    s.dispose();
  });

  it('leaves the session alone on other errors', async () => {
    stubFetch({ errors: [{ message: 'Nope', extensions: { code: 'FORBIDDEN' } }] });
    const onSessionExpired = vi.fn();
    const s = session('tok-3', onSessionExpired);
    await expect(s.client.query({ query: ME })).rejects.toThrow();
    expect(onSessionExpired).not.toHaveBeenCalled();
    s.dispose();
  });

  it('does not call a failed sign-in (no token yet) an expired session', async () => {
    stubFetch(unauthenticated);
    const onSessionExpired = vi.fn();
    const s = session(null, onSessionExpired);
    await expect(s.client.query({ query: ME })).rejects.toThrow();
    expect(onSessionExpired).not.toHaveBeenCalled();
    s.dispose();
  });

  it('marks the socket idle once the session is disposed', () => {
    const s = session('tok-4');
    s.socket.set('live');
    s.dispose();
    expect(s.socket.get()).toBe('idle');
  });
});

describe('apiEndpoints', () => {
  it('derives every URL from one configured origin, same origin when empty', () => {
    const same = apiEndpoints('');
    expect(same.graphqlHttpUrl).toBe('/graphql');
    expect(same.graphqlWsUrl('https://usage.example.com/portal/usage')).toBe(
      'wss://usage.example.com/graphql',
    );
    expect(same.graphqlWsUrl('http://localhost:5173/admin/')).toBe('ws://localhost:5173/graphql');
    const remote = apiEndpoints(' https://api.example.com/v1/ ');
    expect(remote.graphqlHttpUrl).toBe('https://api.example.com/v1/graphql');
    expect(remote.usageExportUrl('month=2026-11')).toBe(
      'https://api.example.com/v1/export/usage.csv?month=2026-11',
    );
    expect(remote.usageExportUrl('')).toBe('https://api.example.com/v1/export/usage.csv');
  });
});
