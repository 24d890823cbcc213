import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../ui/Toasts';
import { AcceptInvitationForm } from './AcceptInvitationForm';
import { adminMayChange, adminMayManageAdmins, customerMayManage } from './roles';
import { TeamPanel, type TeamPanelProps } from './TeamPanel';
import type { TeamMember } from './team-types';

const apiError = (code: string, message = code, field?: string) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });

const ui = (element: ReactElement) =>
  render(
    <MemoryRouter>
      <ToastProvider>{element}</ToastProvider>
    </MemoryRouter>,
  );

const member = (
  id: string,
  email: string,
  customerRole: TeamMember['customerRole'],
  lastLoginAt: string | null = null,
): TeamMember => ({
  id,
  email,
  adminRole: null,
  customerRole,
  lastLoginAt,
});

function panel(overrides: Partial<TeamPanelProps> = {}): TeamPanelProps {
  return {
    kind: 'CUSTOMERS',
    teamName: 'Acme Corp',
    members: [
      member('u-owner', 'owner@acme.example', 'OWNER', '2026-11-20T10:00:00.000Z'),
      member('u-member', 'member@acme.example', 'MEMBER'),
    ],
    invitations: [
      {
        id: 'i-1',
        email: 'new@acme.example',
        adminRole: null,
        customerRole: 'MEMBER',
        expiresAt: '2026-11-27T10:00:00.000Z',
      },
    ],
    viewerId: 'u-owner',
    canManage: true,
    loading: false,
    error: null,
    onRetry: vi.fn(),
    onInvite: vi.fn(async () => undefined),
    onWithdraw: vi.fn(async () => undefined),
    onChangeRole: vi.fn(async () => undefined),
    onRemove: vi.fn(async () => undefined),
    ...overrides,
  };
}

describe('role rules', () => {
  it('lets admin owners and managers change things, only owners manage admins, only customer owners manage their team', () => {
    expect([
      adminMayChange('OWNER'),
      adminMayChange('MANAGER'),
      adminMayChange('VIEWER'),
      adminMayChange(null),
    ]).toEqual([true, true, false, false]);
    expect([
      adminMayManageAdmins('OWNER'),
      adminMayManageAdmins('MANAGER'),
      adminMayManageAdmins(undefined),
    ]).toEqual([true, false, false]);
    expect([customerMayManage('OWNER'), customerMayManage('MEMBER'), customerMayManage(null)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('TeamPanel', () => {
  it('is a plain list for someone who may not manage the team', () => {
    ui(<TeamPanel {...panel({ canManage: false, invitations: undefined, viewerId: 'u-member' })} />);
    const table = screen.getByRole('table', { name: 'Members of Acme Corp' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'MemberRoleLast sign-in',
      expect.stringMatching(/^owner@acme\.exampleOwner\d+ days ago$/),
      'member@acme.example YouMembernever',
    ]);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Invite someone' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Pending invitations' })).toBeNull();
  });

  it('invites by email with a role and says the link works for 7 days', async () => {
    const props = panel();
    ui(<TeamPanel {...props} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), ' colleague@acme.example ');
    await user.selectOptions(screen.getByLabelText('Role'), 'OWNER');
    expect(screen.getByText('Manages the team and API keys')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(props.onInvite).toHaveBeenCalledWith('colleague@acme.example', 'OWNER');
    expect(
      await screen.findByText('Invitation sent to colleague@acme.example. The link works once, for 7 days.'),
    ).toBeTruthy();
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('MEMBER');
  });

  it('checks the address first, and puts the server’s “already has an account” on the field', async () => {
    const props = panel({
      onInvite: vi.fn(async () =>
        Promise.reject(apiError('BAD_USER_INPUT', 'email: already has an account', 'email')),
      ),
    });
    ui(<TeamPanel {...props} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(props.onInvite).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Email'), 'owner@acme.example');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    await screen.findByText('This address already has an account.');
    expect(screen.getByLabelText('Email')).toBe(document.activeElement);
  });

  it('changes another member’s role at once', async () => {
    const props = panel();
    ui(<TeamPanel {...props} />);
    await userEvent
      .setup()
      .selectOptions(screen.getByRole('combobox', { name: 'Role of member@acme.example' }), 'OWNER');
    expect(props.onChangeRole).toHaveBeenCalledWith('u-member', 'OWNER');
    expect(await screen.findByText('member@acme.example is now owner')).toBeTruthy();
  });

  it('asks before changing one’s own role, and says clearly when the team would lose its last owner', async () => {
    const props = panel({
      onChangeRole: vi.fn(async () =>
        Promise.reject(apiError('LAST_OWNER', 'This is the last OWNER of this tenant')),
      ),
    });
    ui(<TeamPanel {...props} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role of owner@acme.example' }), 'MEMBER');
    const dialog = screen.getByRole('dialog', { name: 'Make yourself member?' });
    expect(props.onChangeRole).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Change my role' }));
    expect(props.onChangeRole).toHaveBeenCalledWith('u-owner', 'MEMBER');
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'owner@acme.example is the only owner of Acme Corp. Make someone else an owner first: a team always keeps one.',
    );
  });

  it('removes someone only after a confirmation, never oneself', async () => {
    const props = panel();
    ui(<TeamPanel {...props} />);
    expect(screen.queryByRole('button', { name: 'Remove owner@acme.example' })).toBeNull();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Remove member@acme.example' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove member@acme.example?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(props.onRemove).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Remove member@acme.example' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    expect(props.onRemove).toHaveBeenCalledWith('u-member');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('member@acme.example was removed from Acme Corp')).toBeTruthy();
  });

  it('withdraws a pending invitation after a confirmation', async () => {
    const props = panel();
    ui(<TeamPanel {...props} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Withdraw the invitation to new@acme.example' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Withdraw the invitation to new@acme.example?' })).getByRole(
        'button',
        { name: 'Withdraw' },
      ),
    );
    expect(props.onWithdraw).toHaveBeenCalledWith('i-1');
  });

  it('offers the admin roles for the admin team', () => {
    ui(
      <TeamPanel
        {...panel({
          kind: 'ADMINS',
          teamName: 'the admin team',
          members: [
            {
              id: 'a-1',
              email: 'admin@example.com',
              adminRole: 'OWNER',
              customerRole: null,
              lastLoginAt: null,
            },
          ],
          invitations: [],
          viewerId: 'a-1',
        })}
      />,
    );
    expect(
      within(screen.getByLabelText('Role'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Owner', 'Manager', 'Viewer']);
    expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('VIEWER');
    expect(screen.getByText('No invitations waiting to be accepted.')).toBeTruthy();
  });
});

describe('AcceptInvitationForm', () => {
  async function choose(password: string, confirmation = password) {
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('New password'), password);
    await user.type(screen.getByLabelText('Confirm new password'), confirmation);
    await user.click(screen.getByRole('button', { name: 'Create account and sign in' }));
  }

  it('checks the length and the confirmation, then accepts with the password', async () => {
    const onSubmit = vi.fn(async () => undefined);
    ui(<AcceptInvitationForm brand="UM" token="um_invite_x" onSubmit={onSubmit} signInTo="/sign-in" />);
    await choose('short', 'short');
    expect(screen.getByText('This password must be at least 12 characters.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.setup().clear(screen.getByLabelText('New password'));
    await userEvent.setup().clear(screen.getByLabelText('Confirm new password'));
    await choose('a long new passphrase');
    expect(onSubmit).toHaveBeenCalledWith('a long new passphrase');
  });

  it('shows the server’s password rule on the field', async () => {
    const onSubmit = vi.fn(async () =>
      Promise.reject(
        apiError(
          'BAD_USER_INPUT',
          'password: is one of the most common passwords; choose another',
          'password',
        ),
      ),
    );
    ui(<AcceptInvitationForm brand="UM" token="um_invite_x" onSubmit={onSubmit} signInTo="/sign-in" />);
    await choose('password1234');
    const field = screen.getByLabelText('New password');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(
      screen.getByText('This password is one of the most common passwords; choose another.'),
    ).toBeTruthy();
    expect(field).toBe(document.activeElement);
  });

  it('says a used, withdrawn or expired link no longer works', async () => {
    const onSubmit = vi.fn(async () =>
      Promise.reject(apiError('BAD_USER_INPUT', 'token: is not a valid invitation', 'token')),
    );
    ui(<AcceptInvitationForm brand="UM" token="um_invite_old" onSubmit={onSubmit} signInTo="/sign-in" />);
    await choose('a long new passphrase');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This invitation no longer works/);
    expect(screen.getByRole('link', { name: 'sign in' }).getAttribute('href')).toBe('/sign-in');
  });

  it('asks for the whole link when the token is missing', () => {
    ui(<AcceptInvitationForm brand="UM" token={null} onSubmit={vi.fn()} signInTo="/sign-in" />);
    expect(screen.getByRole('alert').textContent).toMatch(/^This link is incomplete/);
    expect(screen.queryByLabelText('New password')).toBeNull();
  });
});
