import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AcceptInvitationDocument,
  ApiKeysDocument,
  InviteTeamMemberDocument,
  SetTeamMemberRoleDocument,
  TeamInvitationsDocument,
  TeamMembersDocument,
} from '../../__generated__/graphql';
import { endSession, getSession } from '../../app/session';
import type { Viewer } from '../../app/viewer';
import { ownerViewer, renderWithProviders } from '../../test/render';
import { serverStartsSession } from '../../test/session-cookie';
import { ApiKeysTab } from '../customers/ApiKeysTab';
import { CustomerUsersTab } from '../customers/CustomerUsersTab';
import { AcceptInvitationPage } from './AcceptInvitationPage';
import { TeamPage } from './TeamPage';

const admin = (id: string, email: string, adminRole: 'OWNER' | 'MANAGER' | 'VIEWER') => ({
  __typename: 'Viewer' as const,
  id,
  email,
  adminRole,
  customerRole: null,
  lastLoginAt: null,
});

const viewerAs = (adminRole: Viewer['adminRole']): Viewer => ({ ...ownerViewer, adminRole });

const adminsMock = {
  request: { query: TeamMembersDocument, variables: { tenantId: null } },
  result: {
    data: {
      users: [
        admin('admin-1', 'admin@example.com', 'OWNER'),
        admin('admin-2', 'finance@example.com', 'VIEWER'),
      ],
    },
  },
};
const noInvitations = (tenantId: string | null) => ({
  request: { query: TeamInvitationsDocument, variables: { tenantId } },
  result: { data: { invitations: [] } },
  maxUsageCount: 2,
});

describe('admin Team page', () => {
  it('lets an owner invite an admin with a role', async () => {
    renderWithProviders(<TeamPage />, {
      mocks: [
        adminsMock,
        noInvitations(null),
        {
          request: {
            query: InviteTeamMemberDocument,
            variables: { input: { email: 'ops@example.com', tenantId: null, adminRole: 'MANAGER' } },
          },
          result: {
            data: {
              inviteUser: {
                __typename: 'Invitation',
                id: 'i-1',
                email: 'ops@example.com',
                adminRole: 'MANAGER',
                customerRole: null,
                expiresAt: '2026-11-27T10:00:00.000Z',
              },
            },
          },
        },
      ],
    });
    const table = await screen.findByRole('table', { name: 'Members of the admin team' });
    expect(within(table).getByText('finance@example.com')).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'ops@example.com');
    await user.selectOptions(screen.getByLabelText('Role'), 'MANAGER');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText(/^Invitation sent to ops@example.com/)).toBeTruthy();
  });

  it('shows the last-owner refusal in words an owner can act on', async () => {
    renderWithProviders(<TeamPage />, {
      mocks: [
        adminsMock,
        noInvitations(null),
        {
          request: { query: SetTeamMemberRoleDocument, variables: { id: 'admin-1', adminRole: 'MANAGER' } },
          result: {
            errors: [
              { message: 'This is the last OWNER of the admin team', extensions: { code: 'LAST_OWNER' } },
            ],
          },
        },
      ],
    });
    const user = userEvent.setup();
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Role of admin@example.com' }),
      'MANAGER',
    );
    await user.click(screen.getByRole('button', { name: 'Change my role' }));
    expect((await within(screen.getByRole('dialog')).findByRole('alert')).textContent).toBe(
      'admin@example.com is the only owner of the admin team. Make someone else an owner first: a team always keeps one.',
    );
  });

  it('tells a manager that only owners manage admins, without asking the API', async () => {
    renderWithProviders(<TeamPage />, { viewer: viewerAs('MANAGER') });
    expect(screen.getByText('Only owners manage the admin team.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('a VIEWER in the console', () => {
  it('reads a customer’s portal users and API keys with nothing to change', async () => {
    renderWithProviders(
      <>
        <CustomerUsersTab tenantId="t-1" tenantName="Acme Corp" />
        <ApiKeysTab tenantId="t-1" />
      </>,
      {
        viewer: viewerAs('VIEWER'),
        mocks: [
          {
            request: { query: TeamMembersDocument, variables: { tenantId: 't-1' } },
            result: {
              data: {
                users: [
                  {
                    __typename: 'Viewer',
                    id: 'c-1',
                    email: 'acme@customer.example',
                    adminRole: null,
                    customerRole: 'OWNER',
                    lastLoginAt: null,
                  },
                ],
              },
            },
          },
          {
            request: { query: ApiKeysDocument, variables: { tenantId: 't-1' } },
            result: {
              data: {
                apiKeys: [
                  {
                    __typename: 'ApiKey',
                    id: 'k-1',
                    name: 'Backend',
                    prefix: 'um_live_abcd',
                    lastFour: 'wxyz',
                    createdAt: '2026-11-01T09:00:00.000Z',
                    lastUsedAt: null,
                    revokedAt: null,
                  },
                ],
              },
            },
          },
        ],
      },
    );
    expect(await screen.findByText('acme@customer.example')).toBeTruthy();
    expect(await screen.findByText('Backend')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('lets an admin manager invite a customer’s user as an owner', async () => {
    renderWithProviders(<CustomerUsersTab tenantId="t-1" tenantName="Acme Corp" />, {
      viewer: viewerAs('MANAGER'),
      mocks: [
        {
          request: { query: TeamMembersDocument, variables: { tenantId: 't-1' } },
          result: { data: { users: [] } },
        },
        noInvitations('t-1'),
        {
          request: {
            query: InviteTeamMemberDocument,
            variables: { input: { email: 'cto@acme.example', tenantId: 't-1', customerRole: 'OWNER' } },
          },
          result: {
            data: {
              inviteUser: {
                __typename: 'Invitation',
                id: 'i-2',
                email: 'cto@acme.example',
                adminRole: null,
                customerRole: 'OWNER',
                expiresAt: '2026-11-27T10:00:00.000Z',
              },
            },
          },
        },
      ],
    });
    expect(await screen.findByText('No one at Acme Corp can sign in yet.')).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'cto@acme.example');
    await user.selectOptions(screen.getByLabelText('Role'), 'OWNER');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText(/^Invitation sent to cto@acme.example/)).toBeTruthy();
  });
});

describe('AcceptInvitationPage', () => {
  const fetchStub = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchStub.mockReset().mockResolvedValue(new Response('{"data":{"logout":true}}'));
    vi.stubGlobal('fetch', fetchStub);
    endSession();
  });
  afterEach(() => vi.unstubAllGlobals());

  const acceptMock = (role: 'ADMIN' | 'CUSTOMER', csrfToken: string) => ({
    request: {
      query: AcceptInvitationDocument,
      variables: { token: 'um_invite_abc', password: 'a fresh long passphrase' },
    },
    result: () => {
      serverStartsSession(csrfToken);
      return {
        data: {
          acceptInvitation: {
            __typename: 'AuthPayload' as const,
            viewer: {
              __typename: 'Viewer' as const,
              id: 'u9',
              email: 'new@example.com',
              role,
              adminRole: role === 'ADMIN' ? ('VIEWER' as const) : null,
            },
          },
        },
      };
    },
  });

  async function choosePassword() {
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('New password'), 'a fresh long passphrase');
    await user.type(screen.getByLabelText('Confirm new password'), 'a fresh long passphrase');
    await user.click(screen.getByRole('button', { name: 'Create account and sign in' }));
  }

  it('creates the account from the link, starts the admin’s session and goes home', async () => {
    const { location } = renderWithProviders(<AcceptInvitationPage />, {
      route: '/accept-invitation?token=um_invite_abc',
      viewer: null,
      mocks: [acceptMock('ADMIN', 'new-admin-csrf')],
    });
    await choosePassword();
    await waitFor(() => expect(getSession().csrfToken).toBe('new-admin-csrf'));
    await waitFor(() => expect(location.current?.pathname).toBe('/'));
  });

  it('keeps no customer’s session in the console', async () => {
    renderWithProviders(<AcceptInvitationPage />, {
      route: '/accept-invitation?token=um_invite_abc',
      viewer: null,
      mocks: [acceptMock('CUSTOMER', 'customer-csrf')],
    });
    await choosePassword();
    expect(await screen.findByText(/This console is for platform admins/)).toBeTruthy();
    expect(getSession().csrfToken).toBeNull();
  });
});
