import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Outlet, type RouteObject } from 'react-router';
import { customerViewer } from '../../test/fixtures';
import { renderWithSession, startsSession, type Handler } from '../../test/mock-session';
import { ApiKeysPage } from '../api-keys/ApiKeysPage';
import { AccountPage } from '../auth/AccountPage';
import { RequireCustomer } from '../auth/RequireCustomer';
import { SignInPage } from '../auth/SignInPage';
import { useViewer } from '../auth/session-context';
import { AcceptInvitationPage } from './AcceptInvitationPage';
import { TeamPage } from './TeamPage';

afterEach(cleanup);

function Home() {
  return <h1>Usage of {useViewer().tenant.name}</h1>;
}

const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/accept-invitation', element: <AcceptInvitationPage /> },
  {
    element: <RequireCustomer />,
    children: [
      {
        element: <Outlet />,
        children: [
          { path: '/usage', element: <Home /> },
          { path: '/team', element: <TeamPage /> },
          { path: '/api-keys', element: <ApiKeysPage /> },
          { path: '/account', element: <AccountPage /> },
        ],
      },
    ],
  },
];

const member = {
  ...customerViewer,
  id: 'u-2',
  email: 'member@customer.example',
  customerRole: 'MEMBER',
} as const;
const teamUser = (viewer: { id: string; email: string; customerRole: string }) => ({
  __typename: 'Viewer',
  id: viewer.id,
  email: viewer.email,
  adminRole: null,
  customerRole: viewer.customerRole,
  lastLoginAt: null,
});
const key = {
  __typename: 'ApiKey',
  id: 'k-1',
  name: 'Backend',
  prefix: 'um_live_abcd',
  lastFour: 'wxyz',
  createdAt: '2026-11-01T09:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

describe('portal Team page', () => {
  it('lets an owner invite a teammate by email with a role', async () => {
    const invitations: unknown[] = [];
    const { operations } = renderWithSession({
      routes,
      url: '/team',
      handlers: {
        Me: () => ({ me: customerViewer }),
        TeamMembers: () => ({ users: [teamUser(customerViewer), teamUser(member)] }),
        TeamInvitations: () => ({ invitations }),
        InviteTeamMember: ({ email, customerRole }) => {
          const invitation = {
            __typename: 'Invitation',
            id: 'i-1',
            email,
            adminRole: null,
            customerRole,
            expiresAt: '2026-11-27T10:00:00.000Z',
          };
          invitations.push(invitation);
          return { inviteUser: invitation };
        },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Team' })).toBeTruthy();
    await screen.findByRole('table', { name: 'Members of Acme Corp' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'new@customer.example');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    const pending = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(within(pending).getByText('new@customer.example')).toBeTruthy();
    expect(operations.find((o) => o.operationName === 'InviteTeamMember')?.variables).toEqual({
      email: 'new@customer.example',
      customerRole: 'MEMBER',
    });
  });

  it('shows a member the team read-only and never asks for invitations', async () => {
    const { operations } = renderWithSession({
      routes,
      url: '/team',
      csrfToken: 'member-csrf',
      handlers: {
        Me: () => ({ me: member }),
        TeamMembers: () => ({ users: [teamUser(customerViewer), teamUser(member)] }),
      },
    });
    await screen.findByRole('table', { name: 'Members of Acme Corp' });
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByLabelText('Email')).toBeNull();
    expect(operations.map((o) => o.operationName)).not.toContain('TeamInvitations');
  });
});

describe('portal API keys page', () => {
  it('lets an owner create a key for its own tenant, shown once', async () => {
    const { operations } = renderWithSession({
      routes,
      url: '/api-keys',
      handlers: {
        Me: () => ({ me: customerViewer }),
        ApiKeys: () => ({ apiKeys: [key] }),
        CreateApiKey: () => ({
          createApiKey: { __typename: 'CreatedApiKey', id: 'k-2', key: 'um_live_the_whole_secret' },
        }),
      },
    });
    await screen.findByText('Backend');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Key name'), 'Worker');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    const dialog = await screen.findByRole('dialog', { name: 'New API key “Worker”' });
    expect(within(dialog).getByLabelText('The new API key').textContent).toBe('um_live_the_whole_secret');
    expect(operations.find((o) => o.operationName === 'CreateApiKey')?.variables).toEqual({
      tenantId: 't-acme',
      name: 'Worker',
    });
  });

  it('shows a member the keys with nothing to create or revoke', async () => {
    renderWithSession({
      routes,
      url: '/api-keys',
      handlers: { Me: () => ({ me: member }), ApiKeys: () => ({ apiKeys: [key] }) },
    });
    await screen.findByText('Backend');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByLabelText('Key name')).toBeNull();
  });
});

describe('accepting an invitation', () => {
  it('chooses a password and lands signed in, as after sign-in', async () => {
    const accept: Handler = startsSession('fresh-csrf', {
      acceptInvitation: { __typename: 'AuthPayload', viewer: member },
    });
    const { store, operations } = renderWithSession({
      routes,
      url: '/accept-invitation?token=um_invite_abc',
      csrfToken: null,
      handlers: { AcceptInvitation: accept },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('New password'), 'a fresh long passphrase');
    await user.type(screen.getByLabelText('Confirm new password'), 'a fresh long passphrase');
    await user.click(screen.getByRole('button', { name: 'Create account and sign in' }));
    expect(await screen.findByRole('heading', { name: 'Usage of Acme Corp' })).toBeTruthy();
    expect(store.getSnapshot().csrfToken).toBe('fresh-csrf');
    expect(operations.map((o) => o.operationName)).toEqual(['AcceptInvitation']);
    expect(operations[0]!.variables).toEqual({ token: 'um_invite_abc', password: 'a fresh long passphrase' });
  });
});

describe('sessions on the account page', () => {
  const sessions = [
    {
      __typename: 'Session',
      id: 's-1',
      createdAt: '2026-11-20T08:00:00.000Z',
      lastSeenAt: '2026-11-20T09:00:00.000Z',
      expiresAt: '2026-11-27T08:00:00.000Z',
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36',
      current: true,
    },
    {
      __typename: 'Session',
      id: 's-2',
      createdAt: '2026-11-19T08:00:00.000Z',
      lastSeenAt: '2026-11-19T09:00:00.000Z',
      expiresAt: '2026-11-26T08:00:00.000Z',
      ip: '198.51.100.2',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/133.0',
      current: false,
    },
  ];

  it('signs out another session, then everywhere, which leaves for sign-in', async () => {
    const live = [...sessions];
    const { cookie, operations } = renderWithSession({
      routes,
      url: '/account',
      handlers: {
        Me: () => ({ me: customerViewer }),
        Sessions: () => ({ sessions: live }),
        RevokeSession: ({ id }) => {
          live.splice(
            live.findIndex((s) => s.id === id),
            1,
          );
          return { revokeSession: true };
        },
        SignOutEverywhere: () => ({ signOutEverywhere: 1 }),
        SignOut: () => ({ logout: true }),
      },
    });
    const table = await screen.findByRole('table', { name: 'Your sessions' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: /^Sign out Firefox on Windows/ }));
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Your sessions' })).getAllByRole('row')).toHaveLength(
        2,
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Sign out everywhere?' })).getByRole('button', {
        name: 'Sign out everywhere',
      }),
    );
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(cookie.value).toBeNull();
    expect(operations.map((o) => o.operationName)).toContain('SignOutEverywhere');
  });
});
