import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN, RECORD_USAGE, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { startSmtpCatcher } from './smtp-catcher.js';

/**
 * Accounts and roles (api-contract-next.md): invitations by emailed link, team roles with the
 * last OWNER protected, customer OWNERs managing their own users and keys, server-side sessions
 * in httpOnly cookies with CSRF, idle and absolute expiry, the Sessions list.
 */
let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let admin: string;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startTestServer({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://usage.example.test' } });
  admin = await server.adminToken();
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const INVITE = `mutation($i: InviteUserInput!) { inviteUser(input: $i) { id email expiresAt tenant { id } adminRole customerRole } }`;
const ACCEPT = `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { token viewer { email role adminRole customerRole lastLoginAt tenant { id } } } }`;
const USERS = `query($t: ID) { users(tenantId: $t) { id email adminRole customerRole lastLoginAt } }`;
const ME = `{ me { email adminRole customerRole lastLoginAt } }`;
const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

/** The invitation token of the newest mail to `email`, out of nodemailer's quoted-printable body. */
async function invitationToken(email: string): Promise<{ token: string; app: string }> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const mail = [...smtp.mails].reverse().find((m) => m.to === email);
    if (mail) {
      const text = mail.body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      const match = /https:\/\/usage\.example\.test\/(admin|portal)\/accept-invitation\?token=([A-Za-z0-9_%.-]+)/.exec(text);
      if (!match) throw new Error(`no invitation link in ${text}`);
      return { app: match[1]!, token: decodeURIComponent(match[2]!) };
    }
    if (Date.now() > deadline) throw new Error(`no mail for ${email}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@team.test`;
const auditActions = async (tenantId?: string) =>
  (await server.gql(`query($t: ID) { auditLog(first: 500, tenantId: $t) { action actorEmail targetId changes } }`, { t: tenantId ?? null }, admin)).data!.auditLog as { action: string; actorEmail: string; targetId: string; changes: any }[];

describe('invitations', () => {
  it('an admin OWNER invites an admin by emailed link; accepting creates the account with its role and signs it in, once', async () => {
    const email = unique('manager');
    const invited = await server.gql(INVITE, { i: { email, adminRole: 'MANAGER' } }, admin);
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.inviteUser).toMatchObject({ email, tenant: null, adminRole: 'MANAGER', customerRole: null });
    // Valid 7 days.
    expect(new Date(invited.data!.inviteUser.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const { token, app } = await invitationToken(email);
    expect(app).toBe('admin');
    const weak = await server.gql(ACCEPT, { t: token, p: 'password1234' });
    expect(weak.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const accepted = await server.gql(ACCEPT, { t: token, p: 'a manager secret phrase' });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation.viewer).toMatchObject({ email, role: 'ADMIN', adminRole: 'MANAGER', customerRole: null, tenant: null });
    expect(accepted.data!.acceptInvitation.viewer.lastLoginAt).toBeTruthy();
    const me = await server.gql(ME, {}, accepted.data!.acceptInvitation.token);
    expect(me.data!.me).toMatchObject({ email, adminRole: 'MANAGER' });
    // Single use.
    const again = await server.gql(ACCEPT, { t: token, p: 'a manager secret phrase' });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    // Audited: the invitation by the owner, the account by the new user.
    const entries = await auditActions();
    expect(entries.find((e) => e.action === 'USER_INVITED' && e.changes?.email === email)).toMatchObject({ actorEmail: ADMIN.email, changes: { role: 'MANAGER' } });
    expect(entries.find((e) => e.action === 'USER_CREATED' && e.changes?.email === email)).toMatchObject({ actorEmail: email });
  });

  it('expires after 7 days, and a withdrawn invitation stops working', async () => {
    const t = await createTenantWithAccess(server, 'Invite Expiry');
    const late = unique('late');
    await server.gql(INVITE, { i: { email: late, tenantId: t.tenantId } }, admin);
    const { token } = await invitationToken(late);
    server.clock.set(new Date(Date.now() + 7 * 86_400_000 + 60_000));
    try {
      expect(codeOf(await server.gql(ACCEPT, { t: token, p: 'a late secret phrase' }))).toBe('BAD_USER_INPUT');
    } finally {
      server.clock.set(undefined);
    }
    const withdrawn = unique('withdrawn');
    const invitation = (await server.gql(INVITE, { i: { email: withdrawn, tenantId: t.tenantId } }, admin)).data!.inviteUser;
    const pending = await server.gql(`query($t: ID) { invitations(tenantId: $t) { id email } }`, { t: t.tenantId }, admin);
    expect(pending.data!.invitations.map((i: { email: string }) => i.email)).toContain(withdrawn);
    const link = await invitationToken(withdrawn);
    expect((await server.gql(`mutation($id: ID!) { revokeInvitation(id: $id) }`, { id: invitation.id }, admin)).data!.revokeInvitation).toBe(true);
    expect(codeOf(await server.gql(ACCEPT, { t: link.token, p: 'a withdrawn secret phrase' }))).toBe('BAD_USER_INPUT');
    expect((await auditActions(t.tenantId)).some((e) => e.action === 'INVITATION_REVOKED' && e.targetId === invitation.id)).toBe(true);
  });

  it('refuses an existing email, a bad address and a role of the other kind, changing nothing', async () => {
    const t = await createTenantWithAccess(server, 'Invite Refusals');
    const before = (await auditActions()).length;
    const existing = await server.gql(INVITE, { i: { email: t.email.toUpperCase(), tenantId: t.tenantId } }, admin);
    expect(existing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect((await server.gql(INVITE, { i: { email: 'not an email', tenantId: t.tenantId } }, admin)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect((await server.gql(INVITE, { i: { email: unique('kind'), tenantId: t.tenantId, adminRole: 'OWNER' } }, admin)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'adminRole' });
    expect((await server.gql(INVITE, { i: { email: unique('kind'), customerRole: 'OWNER' } }, admin)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerRole' });
    expect(codeOf(await server.gql(INVITE, { i: { email: unique('ghost'), tenantId: '00000000-0000-4000-8000-000000000000' } }, admin))).toBe('NOT_FOUND');
    expect((await auditActions()).length).toBe(before);
  });

  it('throttles invitations per invited address (5 in 15 minutes) and guessed links per caller address (20)', async () => {
    // A server of its own: the address lock it ends with would refuse the other tests' links.
    const own = await startTestServer();
    try {
      const ownAdmin = await own.adminToken();
      const t = await createTenantWithAccess(own, 'Invite Throttle');
      const email = unique('flooded');
      const codes: unknown[] = [];
      for (let i = 0; i < 6; i++) codes.push(codeOf(await own.gql(INVITE, { i: { email, tenantId: t.tenantId } }, ownAdmin)));
      expect(codes).toEqual([undefined, undefined, undefined, undefined, undefined, 'RATE_LIMITED']);
      const guesses: unknown[] = [];
      for (let i = 0; i < 21; i++) guesses.push(codeOf(await own.gql(ACCEPT, { t: `um_invite_guess-${i}`, p: 'a guessed secret phrase' })));
      expect(guesses.slice(0, 20).every((code) => code === 'BAD_USER_INPUT')).toBe(true);
      expect(guesses[20]).toBe('RATE_LIMITED');
      // Another address's invitations are not affected: sending is counted per inviter, not per address.
      expect(codeOf(await own.gql(INVITE, { i: { email: unique('other'), tenantId: t.tenantId } }, ownAdmin))).toBeUndefined();
    } finally {
      await own.close();
    }
  });

  it('a MANAGER manages tenant users but not admins; only an OWNER sees and invites admins', async () => {
    const t = await createTenantWithAccess(server, 'Manager Scope');
    const manager = await server.userWithRole(unique('mgr'), 'MANAGER', null);
    expect(codeOf(await server.gql(INVITE, { i: { email: unique('admin-by-mgr'), adminRole: 'VIEWER' } }, manager))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(USERS, {}, manager))).toBe('FORBIDDEN');
    const member = await server.gql(INVITE, { i: { email: unique('member-by-mgr'), tenantId: t.tenantId } }, manager);
    expect(member.data!.inviteUser).toMatchObject({ customerRole: 'MEMBER', tenant: { id: t.tenantId } });
    const admins = await server.gql(USERS, {}, admin);
    expect(admins.data!.users.map((u: { email: string }) => u.email)).toContain(ADMIN.email);
    expect(admins.data!.users.find((u: { email: string }) => u.email === ADMIN.email).adminRole).toBe('OWNER');
  });
});

describe('customer owners and members', () => {
  it('a customer OWNER invites and removes its own users and creates and revokes its own keys; a key it mints records usage', async () => {
    const t = await createTenantWithAccess(server, 'Owner Portal');
    const other = await createTenantWithAccess(server, 'Owner Portal Canary');
    const email = unique('teammate');
    const invited = await server.gql(INVITE, { i: { email } }, t.customerToken);
    expect(invited.data!.inviteUser).toMatchObject({ email, tenant: { id: t.tenantId }, customerRole: 'MEMBER' });
    const { token, app } = await invitationToken(email);
    expect(app).toBe('portal');
    const accepted = (await server.gql(ACCEPT, { t: token, p: 'a teammate secret phrase' })).data!.acceptInvitation;
    expect(accepted.viewer).toMatchObject({ role: 'CUSTOMER', customerRole: 'MEMBER', tenant: { id: t.tenantId } });
    const team = (await server.gql(USERS, {}, t.customerToken)).data!.users;
    expect(team.map((u: { email: string }) => u.email).sort()).toEqual([t.email, email].sort());
    // Into another tenant: refused, naming nothing of it.
    const foreign = await server.gql(INVITE, { i: { email: unique('foreign'), tenantId: other.tenantId } }, t.customerToken);
    expect(codeOf(foreign)).toBe('FORBIDDEN');
    expect(JSON.stringify(foreign)).not.toContain('Canary');
    expect(codeOf(await server.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "x") { id } }`, { t: other.tenantId }, t.customerToken))).toBe('FORBIDDEN');
    const otherUser = (await server.gql(`query($t: ID!) { customerUsers(tenantId: $t) { id } }`, { t: other.tenantId }, admin)).data!.customerUsers[0].id;
    expect(codeOf(await server.gql(`mutation($id: ID!) { removeUser(id: $id) }`, { id: otherUser }, t.customerToken))).toBe('NOT_FOUND');
    const otherKey = (await server.gql(`query($t: ID!) { apiKeys(tenantId: $t) { id } }`, { t: other.tenantId }, admin)).data!.apiKeys[0].id;
    expect(codeOf(await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: otherKey }, t.customerToken))).toBe('NOT_FOUND');

    // Its own key: shown once, works, revoked at once.
    const created = await server.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "portal key") { id key } }`, { t: t.tenantId }, t.customerToken);
    expect(created.errors).toBeUndefined();
    const key = created.data!.createApiKey;
    const recorded = await server.gql(RECORD_USAGE, { input: { service: 'OPENAI', model: 'gpt-4', inputTokens: 10, outputTokens: 5, requestId: `owner-key-${Date.now()}` } }, key.key);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordUsage.log.tenant.id).toBe(t.tenantId);
    const keys = (await server.gql(`query($t: ID!) { apiKeys(tenantId: $t) { id name } }`, { t: t.tenantId }, t.customerToken)).data!.apiKeys;
    expect(keys.map((k: { name: string }) => k.name)).toContain('portal key');
    expect((await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.id }, t.customerToken)).data!.revokeApiKey.revokedAt).toBeTruthy();
    expect(codeOf(await server.gql(RECORD_USAGE, { input: { service: 'SMARTFLO', durationSeconds: 1, requestId: `after-revoke-${Date.now()}` } }, key.key))).toBe('UNAUTHENTICATED');

    // The MEMBER reads but changes nothing; it may still change its own password.
    expect(codeOf(await server.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "member key") { id } }`, { t: t.tenantId }, accepted.token))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(INVITE, { i: { email: unique('by-member') } }, accepted.token))).toBe('FORBIDDEN');
    expect((await server.gql(USERS, {}, accepted.token)).data!.users.length).toBe(2);
    expect((await server.gql(`mutation { changePassword(currentPassword: "a teammate secret phrase", newPassword: "another teammate phrase") }`, {}, accepted.token)).data!.changePassword).toBe(true);

    // Removal ends the user's sessions at once.
    const memberId = team.find((u: { email: string }) => u.email === email).id;
    expect((await server.gql(`mutation($id: ID!) { removeUser(id: $id) }`, { id: memberId }, t.customerToken)).data!.removeUser).toBe(true);
    expect((await server.gql(ME, {}, accepted.token)).data!.me).toBeNull();
    const entries = await auditActions(t.tenantId);
    expect(entries.filter((e) => e.actorEmail === t.email).map((e) => e.action)).toEqual(expect.arrayContaining(['USER_INVITED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'USER_REMOVED']));
  });
});

describe('the last OWNER', () => {
  it('can be neither removed nor demoted, also when two changes race', async () => {
    const t = await createTenantWithAccess(server, 'Last Owner');
    const owner = (await server.gql(USERS, {}, t.customerToken)).data!.users[0];
    const ROLE = `mutation($id: ID!, $r: CustomerRole) { setUserRole(id: $id, customerRole: $r) { customerRole } }`;
    const demoted = await server.gql(ROLE, { id: owner.id, r: 'MEMBER' }, admin);
    expect(codeOf(demoted)).toBe('LAST_OWNER');
    expect(codeOf(await server.gql(`mutation($id: ID!) { removeUser(id: $id) }`, { id: owner.id }, admin))).toBe('LAST_OWNER');
    // Self-removal is refused outright.
    expect((await server.gql(`mutation($id: ID!) { removeUser(id: $id) }`, { id: owner.id }, t.customerToken)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

    // Two demotions of the tenant's two owners at the same moment: exactly one succeeds.
    const secondEmail = unique('second-owner');
    await server.userWithRole(secondEmail, 'OWNER', t.tenantId);
    const secondId = (await server.gql(USERS, {}, t.customerToken)).data!.users.find((u: { email: string }) => u.email === secondEmail).id;
    const results = await Promise.all([server.gql(ROLE, { id: secondId, r: 'MEMBER' }, admin), server.gql(ROLE, { id: owner.id, r: 'MEMBER' }, admin)]);
    const outcomes = results.map((r) => codeOf(r) ?? r.data!.setUserRole.customerRole).sort();
    expect(outcomes).toEqual(['LAST_OWNER', 'MEMBER']);
    const owners = (await server.gql(USERS, { t: t.tenantId }, admin)).data!.users.filter((u: { customerRole: string }) => u.customerRole === 'OWNER');
    expect(owners).toHaveLength(1);
  });

  it('protects the admin team too: the only admin OWNER cannot be demoted', async () => {
    const me = (await server.gql(`{ me { id } }`, {}, admin)).data!.me.id;
    const owners = (await server.gql(USERS, {}, admin)).data!.users.filter((u: { adminRole: string }) => u.adminRole === 'OWNER');
    if (owners.length === 1) {
      expect(codeOf(await server.gql(`mutation($id: ID!) { setUserRole(id: $id, adminRole: VIEWER) { id } }`, { id: me }, admin))).toBe('LAST_OWNER');
    }
    const viewer = await server.userWithRole(unique('role-viewer'), 'VIEWER', null);
    const viewerId = (await server.gql(`{ me { id } }`, {}, viewer)).data!.me.id;
    const promoted = await server.gql(`mutation($id: ID!) { setUserRole(id: $id, adminRole: MANAGER) { adminRole } }`, { id: viewerId }, admin);
    expect(promoted.data!.setUserRole.adminRole).toBe('MANAGER');
    expect((await auditActions()).find((e) => e.action === 'USER_ROLE_CHANGED' && e.targetId === viewerId)).toMatchObject({ changes: { role: { from: 'VIEWER', to: 'MANAGER' } } });
    // The role applies from the next request: the promoted admin may now change things.
    expect(codeOf(await server.gql(`mutation { createTenant(input: { name: "Made By Promoted ${Date.now()}" }) { id } }`, {}, viewer))).toBeUndefined();
  });
});

describe('sessions', () => {
  const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

  async function cookieLogin(email: string, password: string, app: 'admin' | 'portal', headers: Record<string, string> = {}) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-usage-monitor-app': app, ...headers },
      body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
    });
    const cookies = response.headers.getSetCookie();
    const jar = cookies.map((c) => c.split(';')[0]!).join('; ');
    const csrf = /um_\w+_csrf=([^;]+)/.exec(jar)?.[1] ?? '';
    return { cookies, jar, csrf, body: await response.json() };
  }

  const withCookies = async (query: string, app: string, jar: string, csrf?: string) =>
    (await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-usage-monitor-app': app, cookie: jar, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: JSON.stringify({ query }),
    }).then((r) => r.json())) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] };

  it('an SPA sign-in sets an httpOnly SameSite=Strict session cookie; requests need its CSRF token; logout clears it', async () => {
    const t = await createTenantWithAccess(server, 'Cookie Session');
    const { cookies, jar, csrf } = await cookieLogin(t.email, t.password, 'portal');
    const session = cookies.find((c) => c.startsWith('um_portal_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Path=\//);
    expect(session).toMatch(/Max-Age=604800/);
    // PUBLIC_URL is https here: Secure even though this request came over plain HTTP.
    expect(session).toMatch(/; Secure/);
    expect(cookies.find((c) => c.startsWith('um_portal_csrf='))).not.toMatch(/HttpOnly/);
    expect((await withCookies(ME, 'portal', jar, csrf)).data!.me.email).toBe(t.email);
    // Without (or with a wrong) CSRF token the cookie counts for nothing.
    expect((await withCookies(ME, 'portal', jar)).data!.me).toBeNull();
    expect((await withCookies(ME, 'portal', jar, 'forged')).data!.me).toBeNull();
    // The admin app's name does not read the portal's cookie.
    expect((await withCookies(ME, 'admin', jar, csrf)).data!.me).toBeNull();
    // API callers (no app header) get no cookie.
    const api = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LOGIN, variables: { e: t.email, p: t.password } }) });
    expect(api.headers.getSetCookie()).toEqual([]);

    const logout = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-usage-monitor-app': 'portal', cookie: jar, 'x-csrf-token': csrf },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(logout.headers.getSetCookie().find((c) => c.startsWith('um_portal_session='))).toMatch(/^um_portal_session=;.*Max-Age=0/);
    expect((await withCookies(ME, 'portal', jar, csrf)).data!.me).toBeNull();
  });

  it('marks the cookies Secure behind HTTPS', async () => {
    const secure = await startTestServer({ env: { TRUST_PROXY: 'loopback' } });
    try {
      const response = await fetch(secure.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-usage-monitor-app': 'admin', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ query: LOGIN, variables: { e: ADMIN.email, p: ADMIN.password } }),
      });
      const cookies = response.headers.getSetCookie();
      expect(cookies).toHaveLength(2);
      for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
      const plain = await fetch(secure.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-usage-monitor-app': 'admin' },
        body: JSON.stringify({ query: LOGIN, variables: { e: ADMIN.email, p: ADMIN.password } }),
      });
      for (const cookie of plain.headers.getSetCookie()) expect(cookie).not.toMatch(/Secure/);
    } finally {
      await secure.close();
    }
  });

  it('authenticates the WebSocket from the session cookie plus its CSRF token', async () => {
    const t = await createTenantWithAccess(server, 'Cookie Socket');
    const { jar, csrf } = await cookieLogin(t.email, t.password, 'portal');
    const connect = (params: Record<string, unknown>) =>
      new Promise<number | 'connected'>((resolve) => {
        class CookieSocket extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: { cookie: jar } });
          }
        }
        const client = createClient({ url: server.wsUrl, webSocketImpl: CookieSocket, connectionParams: params, retryAttempts: 0, lazy: false });
        client.on('connected', () => {
          resolve('connected');
          void client.dispose();
        });
        client.on('closed', (event) => resolve((event as { code: number }).code));
      });
    expect(await connect({ app: 'portal', csrfToken: csrf })).toBe('connected');
    expect(await connect({ app: 'portal' })).toBe(4403);
    expect(await connect({ app: 'portal', csrfToken: 'forged' })).toBe(4403);
  });

  it('lists the live sessions; one can be ended, and "sign out everywhere" ends them all', async () => {
    const t = await createTenantWithAccess(server, 'Session List');
    const second = (await server.gql(LOGIN, { e: t.email, p: t.password })).data!.login.token;
    const SESSIONS = `{ sessions { id current createdAt lastSeenAt expiresAt } }`;
    const listed = (await server.gql(SESSIONS, {}, second)).data!.sessions;
    expect(listed).toHaveLength(2);
    expect(listed.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const firstId = listed.find((s: { current: boolean }) => !s.current).id;
    // Another user's session id is not found.
    expect(codeOf(await server.gql(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: firstId }, admin))).toBe('NOT_FOUND');
    expect((await server.gql(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: firstId }, second)).data!.revokeSession).toBe(true);
    expect((await server.gql(ME, {}, t.customerToken)).data!.me).toBeNull();
    const third = (await server.gql(LOGIN, { e: t.email, p: t.password })).data!.login.token;
    expect((await server.gql(`mutation { signOutEverywhere }`, {}, third)).data!.signOutEverywhere).toBe(2);
    expect((await server.gql(ME, {}, second)).data!.me).toBeNull();
    expect((await server.gql(ME, {}, third)).data!.me).toBeNull();
  });

  it('ends after 12 idle hours, and after 7 days however active', async () => {
    const t = await createTenantWithAccess(server, 'Session Expiry');
    const start = Date.now();
    try {
      const idle = (await server.gql(LOGIN, { e: t.email, p: t.password })).data!.login.token;
      server.clock.set(new Date(start + 11.9 * 3_600_000));
      expect((await server.gql(ME, {}, idle)).data!.me).not.toBeNull();
      // Activity at 11.9 h moves the idle end: still alive 11.9 h later.
      await new Promise((r) => setTimeout(r, 200));
      server.clock.set(new Date(start + 23.7 * 3_600_000));
      expect((await server.gql(ME, {}, idle)).data!.me).not.toBeNull();
      await new Promise((r) => setTimeout(r, 200));
      server.clock.set(new Date(start + 35.8 * 3_600_000));
      expect((await server.gql(ME, {}, idle)).data!.me).toBeNull();

      server.clock.set(new Date(start));
      const active = (await server.gql(LOGIN, { e: t.email, p: t.password })).data!.login.token;
      for (let hours = 10; hours < 7 * 24; hours += 10) {
        server.clock.set(new Date(start + hours * 3_600_000));
        expect((await server.gql(ME, {}, active)).data!.me, `${hours} h`).not.toBeNull();
        await new Promise((r) => setTimeout(r, 50));
      }
      server.clock.set(new Date(start + 7 * 24 * 3_600_000 + 60_000));
      expect((await server.gql(ME, {}, active)).data!.me).toBeNull();
    } finally {
      server.clock.set(undefined);
    }
  });
});
