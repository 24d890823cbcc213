import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mailer } from '../src/modules/notifications/mailer.js';
import { createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { startSmtpCatcher } from './smtp-catcher.js';

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let mails: { to: string; body: string }[];

beforeAll(async () => {
  // A real SMTP server on loopback receives the reset links.
  smtp = await startSmtpCatcher();
  mails = smtp.mails;
  server = await startTestServer({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://usage.example.test' } });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const REQUEST = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $n: String!) { resetPassword(token: $t, newPassword: $n) { token viewer { email } } }`;
const ME = `{ me { email } }`;

/** The link's token, out of the quoted-printable body nodemailer writes. */
function tokenIn(body: string): string {
  const text = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const match = /https:\/\/usage\.example\.test\/portal\/reset-password\?token=([A-Za-z0-9_%.-]+)/.exec(text);
  if (!match) throw new Error(`no reset link in ${text}`);
  return decodeURIComponent(match[1]!);
}

async function mailFor(email: string, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mails.find((m) => m.to === email);
    if (mail) return mail.body;
    if (Date.now() > deadline) throw new Error(`no mail for ${email}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('changePassword', () => {
  it('checks the current password and the rules, then ends every other session but this one', async () => {
    const t = await createTenantWithAccess(server, 'Change Password');
    const other = (await server.gql(LOGIN, { e: t.email, p: t.password })).data!.login.token;
    const wrong = await server.gql(CHANGE, { c: 'not-the-password-1', n: 'a brand new secret' }, t.customerToken);
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const common = await server.gql(CHANGE, { c: t.password, n: 'password1234' }, t.customerToken);
    expect(common.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const short = await server.gql(CHANGE, { c: t.password, n: 'short' }, t.customerToken);
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await server.gql(LOGIN, { e: t.email, p: t.password })).data!.login.token).toBeTruthy();

    expect((await server.gql(CHANGE, { c: t.password, n: 'a brand new secret' }, t.customerToken)).data!.changePassword).toBe(true);
    expect((await server.gql(ME, {}, t.customerToken)).data!.me.email).toBe(t.email);
    const gone = await server.gql(ME, {}, other);
    expect(gone.data?.me ?? null).toBeNull();
    expect((await server.gql(LOGIN, { e: t.email, p: t.password })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(LOGIN, { e: t.email, p: 'a brand new secret' })).data!.login.token).toBeTruthy();
    expect((await server.gql(CHANGE, { c: 'x', n: 'y' }, t.apiKey)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('password reset', () => {
  it('mails a one-time link that sets a new password, ends every session, and cannot be used twice', async () => {
    const t = await createTenantWithAccess(server, 'Reset Password');
    expect((await server.gql(REQUEST, { e: t.email.toUpperCase() })).data!.requestPasswordReset).toBe(true);
    const token = tokenIn(await mailFor(t.email));
    const weak = await server.gql(RESET, { t: token, n: 'password1234' });
    expect(weak.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const reset = await server.gql(RESET, { t: token, n: 'reset to something long' });
    expect(reset.data!.resetPassword.viewer.email).toBe(t.email);
    expect((await server.gql(ME, {}, reset.data!.resetPassword.token)).data!.me.email).toBe(t.email);
    expect((await server.gql(ME, {}, t.customerToken)).data?.me ?? null).toBeNull();
    expect((await server.gql(LOGIN, { e: t.email, p: 'reset to something long' })).data!.login.token).toBeTruthy();
    const again = await server.gql(RESET, { t: token, n: 'and yet another one' });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect((await server.gql(RESET, { t: 'um_reset_made-up', n: 'and yet another one' })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('expires after 30 minutes', async () => {
    const t = await createTenantWithAccess(server, 'Reset Expiry');
    await server.gql(REQUEST, { e: t.email });
    const token = tokenIn(await mailFor(t.email));
    try {
      server.clock.set(new Date(Date.now() + 31 * 60_000));
      expect((await server.gql(RESET, { t: token, n: 'too late for this one' })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    } finally {
      server.clock.set(undefined);
    }
  });

  it('answers an unknown email the same, mails nothing, and rate limits requests per account and address', async () => {
    const before = mails.length;
    const unknown = await server.gql(REQUEST, { e: 'nobody-here@customer.test' });
    expect(unknown).toEqual({ data: { requestPasswordReset: true } });
    await new Promise((r) => setTimeout(r, 300));
    expect(mails.length).toBe(before);
    const codes: unknown[] = [];
    for (let i = 0; i < 7; i++) codes.push((await server.gql(REQUEST, { e: 'flooded@customer.test' })).errors?.[0]?.extensions?.code ?? 'ok');
    expect(codes.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // A flood of reset requests does not lock the account's sign-in.
    const t = await createTenantWithAccess(server, 'Flooded Account');
    for (let i = 0; i < 6; i++) await server.gql(REQUEST, { e: t.email });
    expect((await server.gql(LOGIN, { e: t.email, p: t.password })).data!.login.token).toBeTruthy();
  });
});

describe('mail without SMTP', () => {
  it('writes the message to the outbox folder and the log, so a local user can follow the link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'um-outbox-'));
    const lines: string[] = [];
    const mailer = new Mailer(undefined, 'Usage Monitor <test@x.test>', join(dir, 'outbox'), pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }));
    await mailer.send({ to: 'someone@x.test', subject: 'Reset', text: 'follow https://x.test/reset?token=abc' });
    const [file] = readdirSync(join(dir, 'outbox'));
    expect(readFileSync(join(dir, 'outbox', file!), 'utf8')).toContain('https://x.test/reset?token=abc');
    expect(lines.join('')).toContain('https://x.test/reset?token=abc');
    rmSync(dir, { recursive: true, force: true });
  });
});
