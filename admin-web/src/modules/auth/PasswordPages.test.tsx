import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ChangePasswordDocument,
  RequestPasswordResetDocument,
  ResetPasswordDocument,
} from '../../__generated__/graphql';
import { endSession, getSession } from '../../app/session';
import { ViewerContext } from '../../app/viewer';
import { renderWithProviders } from '../../test/render';
import { serverStartsSession } from '../../test/session-cookie';
import { AccountPage } from './AccountPage';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { ResetPasswordPage } from './ResetPasswordPage';

const resetMock = (role: 'ADMIN' | 'CUSTOMER', csrfToken: string) => ({
  request: {
    query: ResetPasswordDocument,
    variables: { token: 'um_reset_abc', newPassword: 'a fresh long passphrase' },
  },
  result: () => {
    serverStartsSession(csrfToken);
    return {
      data: {
        resetPassword: {
          __typename: 'AuthPayload' as const,
          viewer: { __typename: 'Viewer' as const, id: 'u1', email: 'someone@example.com', role },
        },
      },
    };
  },
});

async function setNewPassword(password = 'a fresh long passphrase') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Confirm new password'), password);
  await user.click(screen.getByRole('button', { name: 'Set new password' }));
}

describe('password pages', () => {
  const fetchStub = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchStub.mockReset().mockResolvedValue(new Response('{"data":{"logout":true}}'));
    vi.stubGlobal('fetch', fetchStub);
    endSession();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for a reset link and answers the same for any address', async () => {
    renderWithProviders(<ForgotPasswordPage />, {
      route: '/forgot-password',
      mocks: [
        {
          request: { query: RequestPasswordResetDocument, variables: { email: 'nobody@example.com' } },
          result: { data: { requestPasswordReset: true } },
        },
      ],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'nobody@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByText('If an account exists for that email, we sent a link.')).toBeTruthy();
  });

  it('sets the new password from the link, starts the admin’s session and goes home', async () => {
    const { location } = renderWithProviders(<ResetPasswordPage />, {
      route: '/reset-password?token=um_reset_abc',
      mocks: [resetMock('ADMIN', 'admin-csrf')],
    });
    await setNewPassword();
    await waitFor(() => expect(getSession().csrfToken).toBe('admin-csrf'));
    await waitFor(() => expect(location.current?.pathname).toBe('/'));
    expect(await screen.findByText('Your password is changed and you are signed in.')).toBeTruthy();
  });

  it('revokes a customer’s new session here and says where customers sign in', async () => {
    renderWithProviders(<ResetPasswordPage />, {
      route: '/reset-password?token=um_reset_abc',
      mocks: [resetMock('CUSTOMER', 'customer-csrf')],
    });
    await setNewPassword();
    expect(await screen.findByText(/This console is for platform admins/)).toBeTruthy();
    expect(getSession().csrfToken).toBeNull();
    expect(new Headers(fetchStub.mock.calls[0][1]?.headers).get('x-csrf-token')).toBe('customer-csrf');
  });

  it('shows the server’s password rule on the field', async () => {
    renderWithProviders(<ResetPasswordPage />, {
      route: '/reset-password?token=um_reset_abc',
      mocks: [
        {
          ...resetMock('ADMIN', 'x'),
          result: {
            errors: [
              {
                message: 'newPassword: must not be your email address',
                extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' },
              },
            ],
          },
        },
      ],
    });
    await setNewPassword();
    expect(await screen.findByText('This password must not be your email address.')).toBeTruthy();
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true');
    expect(getSession().csrfToken).toBeNull();
  });

  it('changes the password from the account page and confirms with a toast', async () => {
    renderWithProviders(
      <ViewerContext.Provider value={{ id: 'u1', email: 'admin@example.com', role: 'ADMIN', adminRole: 'OWNER' }}>
        <AccountPage />
      </ViewerContext.Provider>,
      {
        route: '/account',
        mocks: [
          {
            request: {
              query: ChangePasswordDocument,
              variables: { currentPassword: 'the old passphrase', newPassword: 'the new passphrase' },
            },
            result: { data: { changePassword: true } },
          },
        ],
      },
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Account' })).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Current password'), 'the old passphrase');
    await user.type(screen.getByLabelText('New password'), 'the new passphrase');
    await user.type(screen.getByLabelText('Confirm new password'), 'the new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Password changed. Your other sessions are signed out.')).toBeTruthy();
  });
});
