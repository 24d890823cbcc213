import { InMemoryCache, gql } from '@apollo/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiEndpoints } from './endpoints';
import { createSessionClient } from './session-client';

const sockets = vi.hoisted(() => [] as { connectionParams?: unknown }[]);
vi.mock('graphql-ws', async (importOriginal) => {
  const actual = await importOriginal<typeof import('graphql-ws')>();
  return {
    ...actual,
    createClient: (options: Parameters<typeof actual.createClient>[0]) => {
      sockets.push(options);
      return actual.createClient({ ...options, lazy: true });
    },
  };
});

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

function session(csrfToken: string | null, onSessionExpired = vi.fn()) {
  return createSessionClient({
    app: 'portal',
    csrfToken,
    graphqlHttpUrl: '/graphql',
    graphqlWsUrl: () => 'ws://localhost/graphql',
    cache: new InMemoryCache(),
    onSessionExpired,
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  sockets.length = 0;
});

describe('createSessionClient', () => {
  it('sends JSON to /graphql with the cookie, the app’s name and the session’s CSRF token; never a bearer token', async () => {
    const fetchMock = stubFetch({ data: { me: null } });
    const s = session('csrf-1');
    await s.client.query({ query: ME });
    const [url, init] = fetchMock.mock.calls[0];
    expect(String(url)).toBe('/graphql');
    expect(init.credentials).toBe('same-origin');
    const headers = new Headers(init.headers);
    expect(headers.get('x-usage-monitor-app')).toBe('portal');
    expect(headers.get('x-csrf-token')).toBe('csrf-1');
    expect(headers.has('authorization')).toBe(false);
    expect(headers.get('content-type')).toContain('application/json');
    s.dispose();
  });

  it('signed out, still names the app (a sign-in then sets its cookies) but sends no CSRF token and opens no socket', async () => {
    const fetchMock = stubFetch({ data: { me: null } });
    const s = session(null);
    await s.client.query({ query: ME });
    const headers = new Headers(fetchMock.mock.calls[0][1].headers);
    expect(headers.get('x-usage-monitor-app')).toBe('portal');
    expect(headers.has('x-csrf-token')).toBe(false);
    expect(sockets).toHaveLength(0);
    s.dispose();
  });

  it('authenticates the socket with the app’s name and the CSRF token (the browser sends the cookie)', () => {
    const s = session('csrf-2');
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.connectionParams).toEqual({ app: 'portal', csrfToken: 'csrf-2' });
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

  it('does not call a failed sign-in (no session yet) an expired session', async () => {
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

  it('gives integrators absolute gateway and API addresses, from the page’s origin when none is configured', () => {
    expect(apiEndpoints('').integrationUrls('https://usage.example.com/portal/integrate?x=1')).toEqual({
      openai: 'https://usage.example.com/gateway/openai/v1',
      elevenlabs: 'https://usage.example.com/gateway/elevenlabs',
      graphql: 'https://usage.example.com/graphql',
    });
    expect(apiEndpoints('https://api.example.com/v1/').integrationUrls('https://app.example.com/portal/').openai).toBe(
      'https://api.example.com/v1/gateway/openai/v1',
    );
  });
});
