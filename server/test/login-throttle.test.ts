import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../src/modules/auth/auth.service.js';
import { createTenantWithAccess, startTestServer, type GraphQLResponse, type TestServer } from './harness.js';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

/**
 * POSTs from a chosen loopback address (127.0.0.0/8 all reaches the server on Linux), so each
 * test has its own per-address counter, and headers cannot pretend to be another address.
 */
function postFrom(
  server: TestServer,
  localAddress: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const url = new URL(server.url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const codeOf = (response: GraphQLResponse) =>
  response.errors?.[0]?.extensions?.code ?? (response.data?.login?.token ? 'OK' : 'NONE');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('login throttling', () => {
  let server: TestServer;
  let user: { email: string; password: string };

  beforeAll(async () => {
    server = await startTestServer();
    user = await createTenantWithAccess(server, 'Throttle Co');
  });
  afterAll(() => server.close());

  const login = (from: string, email: string, password: string, headers?: Record<string, string>) =>
    postFrom(server, from, { query: LOGIN, variables: { e: email, p: password } }, headers);

  it('one generic message for an unknown account and a wrong password', async () => {
    const unknown = await login('127.0.0.10', 'nobody-here@customer.test', 'some-password-123');
    const wrong = await login('127.0.0.10', user.email, 'not-the-password-1');
    expect(unknown.errors).toEqual(wrong.errors);
    expect(unknown.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(unknown.data ?? null).toEqual(wrong.data ?? null);
  });

  it(`locks an account after ${LOGIN_LIMITS.perAccount} failures, even for the right password, from any address, and releases it after the lockout`, async () => {
    const account = await createTenantWithAccess(server, 'Lockout Co');
    const seen: string[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++)
      seen.push(codeOf(await login(`127.0.1.${i + 1}`, account.email, `wrong-password-${i}`)));
    expect(seen).toEqual(Array(LOGIN_LIMITS.perAccount).fill('UNAUTHENTICATED'));
    const locked = await login('127.0.1.99', account.email, account.password);
    expect(codeOf(locked)).toBe('RATE_LIMITED');
    // An unknown account locks the same way, so the lockout itself reveals nothing.
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++)
      await login('127.0.2.1', 'ghost@customer.test', `wrong-password-${i}`);
    const ghost = await login('127.0.2.2', 'ghost@customer.test', 'wrong-password-x');
    expect(ghost.errors).toEqual(locked.errors);
    server.clock.set(new Date(Date.now() + (LOGIN_LIMITS.lockoutMinutes + 1) * 60_000));
    try {
      expect(codeOf(await login('127.0.1.99', account.email, account.password))).toBe('OK');
    } finally {
      server.clock.set(undefined);
    }
    console.log(
      `login-throttle: per-account lockout after ${LOGIN_LIMITS.perAccount} failures, right password refused while locked = yes`,
    );
  });

  it(`locks an address after ${LOGIN_LIMITS.perAddress} failures across accounts; X-Forwarded-For does not dodge it`, async () => {
    const from = '127.0.3.1';
    const seen: string[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      seen.push(
        codeOf(
          await login(from, `spray-${i}@customer.test`, 'password-spray-123', {
            'x-forwarded-for': `10.0.0.${i}`,
          }),
        ),
      );
    }
    expect(seen).toEqual(Array(LOGIN_LIMITS.perAddress).fill('UNAUTHENTICATED'));
    expect(codeOf(await login(from, user.email, user.password, { 'x-forwarded-for': '10.9.9.9' }))).toBe(
      'RATE_LIMITED',
    );
    // Another address is not affected.
    expect(codeOf(await login('127.0.3.2', user.email, user.password))).toBe('OK');
    console.log(
      `login-throttle: per-address lockout after ${LOGIN_LIMITS.perAddress} failures, spoofed X-Forwarded-For bypasses = 0`,
    );
  });

  it('aliases in one request are separate attempts: each that runs is counted, none gets a free guess', async () => {
    const account = await createTenantWithAccess(server, 'Alias Co');
    const failures = async () =>
      Number(
        (
          await server.services.db.pool.query('select failures from login_throttle where key = $1', [
            `account:${account.email}`,
          ])
        ).rows[0]?.failures ?? 0,
      );
    const aliases = LOGIN_LIMITS.perAccount + 3;
    const query = `mutation($e: String!) { ${Array.from({ length: aliases }, (_, i) => `a${i}: login(email: $e, password: "wrong-password-${i}") { token }`).join(' ')} }`;
    let checked = 0;
    let requests = 0;
    let lastCodes: string[] = [];
    while (requests < 10) {
      requests++;
      const response = await postFrom(server, '127.0.4.1', { query, variables: { e: account.email } });
      lastCodes = (response.errors ?? []).map((e) => e.extensions?.code);
      const guesses = lastCodes.filter((c) => c === 'UNAUTHENTICATED').length;
      checked += guesses;
      // Every password the server checked is a counted failure: aliases are not a way around it.
      expect(await failures()).toBe(checked);
      if (guesses === 0) break;
    }
    expect(lastCodes[0]).toBe('RATE_LIMITED');
    expect(checked).toBe(LOGIN_LIMITS.perAccount);
    expect(codeOf(await login('127.0.4.2', account.email, account.password))).toBe('RATE_LIMITED');
    console.log(
      `login-throttle: ${requests} requests of ${aliases} aliased logins checked ${checked} passwords before the lockout (limit ${LOGIN_LIMITS.perAccount}); uncounted guesses = 0`,
    );
  });

  it('timing does not tell an unknown account from a wrong password', async () => {
    const rounds = 20;
    const unknown: number[] = [];
    const wrong: number[] = [];
    const timed = async (email: string) => {
      // Measure the password check, not the lockout: counters are cleared before each attempt.
      await server.services.db.pool.query('delete from login_throttle');
      const started = performance.now();
      const response = await login('127.0.5.1', email, 'timing-password-123');
      const elapsed = performance.now() - started;
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
      return elapsed;
    };
    await timed('warm-up@customer.test');
    for (let i = 0; i < rounds; i++) {
      // Interleaved, first one then the other, so load drift and ordering weigh on both alike.
      if (i % 2 === 0) {
        unknown.push(await timed(`unknown-${i}@customer.test`));
        wrong.push(await timed(user.email));
      } else {
        wrong.push(await timed(user.email));
        unknown.push(await timed(`unknown-${i}@customer.test`));
      }
    }
    const ratio = median(unknown) / median(wrong);
    console.log(
      `login-throttle: median unknown account ${median(unknown).toFixed(1)} ms, wrong password ${median(wrong).toFixed(1)} ms, ratio ${ratio.toFixed(2)} (${rounds} rounds)`,
    );
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('login throttling behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let server: TestServer;
  let user: { email: string; password: string };

  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: 'loopback' } });
    user = await createTenantWithAccess(server, 'Proxied Co');
  });
  afterAll(() => server.close());

  it('counts each forwarded client on its own, so one noisy client does not lock out the rest', async () => {
    const proxy = '127.0.6.1';
    const viaProxy = (client: string, email: string, password: string) =>
      postFrom(server, proxy, { query: LOGIN, variables: { e: email, p: password } }, { 'x-forwarded-for': client });
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      expect(codeOf(await viaProxy('203.0.113.7', `spray-${i}@customer.test`, 'password-spray-123'))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await viaProxy('203.0.113.7', user.email, user.password))).toBe('RATE_LIMITED');
    // Another client behind the same proxy: its own counter, not the proxy's.
    expect(codeOf(await viaProxy('203.0.113.8', user.email, user.password))).toBe('OK');
    console.log('login-throttle: behind a trusted proxy, clients sharing the proxy locked out by another = 0');
  });
});
