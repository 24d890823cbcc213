import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Outlet, type RouteObject } from 'react-router';
import { adminViewer, customerViewer } from '../../test/fixtures';
import { gqlError, renderWithSession, startsSession, type Handler } from '../../test/mock-session';
import { AccountPage } from './AccountPage';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { RequireCustomer } from './RequireCustomer';
import { ResetPasswordPage } from './ResetPasswordPage';
import { useViewer } from './session-context';
import { WRONG_ROLE_MESSAGE } from './session-store';
import { SignInPage } from './SignInPage';

afterEach(cleanup);

function Home() {
  return <h1>Usage of {useViewer().tenant.name}</h1>;
}

const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  {
    element: <RequireCustomer />,
    children: [
      {
        element: <Outlet />,
        children: [
          { path: '/usage', element: <Home /> },
          { path: '/account', element: <AccountPage /> },
        ],
      },
    ],
  },
];

const reset = (viewer: unknown, csrfToken: string): Handler =>
  startsSession(csrfToken, { resetPassword: { __typename: 'AuthPayload', viewer } });

async function setNewPassword(password = 'a fresh long passphrase') {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Confirm new password'), password);
  await user.click(screen.getByRole('button', { name: 'Set new password' }));
}

describe('forgotten password', () => {
  it('goes from sign-in to asking for a link, and answers the same for any address', async () => {
    const { operations } = renderWithSession({
      routes,
      url: '/sign-in',
      csrfToken: null,
      handlers: { RequestPasswordReset: () => ({ requestPasswordReset: true }) },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Forgot password?' }));
    await user.type(await screen.findByLabelText('Email'), 'maybe@customer.example');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByText('If an account exists for that email, we sent a link.')).toBeTruthy();
    expect(operations).toContainEqual(
      expect.objectContaining({
        operationName: 'RequestPasswordReset',
        variables: { email: 'maybe@customer.example' },
      }),
    );
  });

  it('sets the new password from the link and lands signed in on the usage page', async () => {
    const { store, operations } = renderWithSession({
      routes,
      url: '/reset-password?token=um_reset_abc',
      csrfToken: null,
      handlers: { ResetPassword: reset(customerViewer, 'fresh-csrf') },
    });
    await setNewPassword();
    expect(await screen.findByRole('heading', { name: 'Usage of Acme Corp' })).toBeTruthy();
    expect(store.getSnapshot().csrfToken).toBe('fresh-csrf');
    expect(await screen.findByText('Your password is changed and you are signed in.')).toBeTruthy();
    expect(operations.find((o) => o.operationName === 'ResetPassword')?.variables).toEqual({
      token: 'um_reset_abc',
      newPassword: 'a fresh long passphrase',
    });
    // The viewer from resetPassword is put in the cache, as after sign-in: no `me` round trip.
    expect(operations.map((o) => o.operationName)).toEqual(['ResetPassword']);
  });

  it('keeps no admin session in the portal, and says where admins go', async () => {
    const { cookie, store } = renderWithSession({
      routes,
      url: '/reset-password?token=um_reset_abc',
      csrfToken: null,
      handlers: { ResetPassword: reset(adminViewer, 'admin-csrf'), SignOut: () => ({ logout: true }) },
    });
    await setNewPassword();
    expect((await screen.findByRole('alert')).textContent).toBe(WRONG_ROLE_MESSAGE);
    expect(store.getSnapshot().csrfToken).toBeNull();
    await waitFor(() => expect(cookie.value).toBeNull());
  });

  it('offers a new link when the token no longer works', async () => {
    renderWithSession({
      routes,
      url: '/reset-password?token=um_reset_old',
      csrfToken: null,
      handlers: { ResetPassword: () => ({ errors: [gqlErrorWithField('token')] }) },
    });
    await setNewPassword();
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This reset link no longer works/);
    await userEvent.setup().click(screen.getByRole('link', { name: 'Ask for a new link' }));
    expect(await screen.findByRole('heading', { name: 'Forgot your password?' })).toBeTruthy();
  });
});

function gqlErrorWithField(field: string) {
  const [error] = gqlError('BAD_USER_INPUT', `${field}: is not a valid reset link`).errors;
  (error.extensions as Record<string, unknown>).field = field;
  return error;
}

describe('account page', () => {
  it('changes the password and confirms with a toast', async () => {
    const { operations } = renderWithSession({
      routes,
      url: '/account',
      handlers: { Me: () => ({ me: customerViewer }), ChangePassword: () => ({ changePassword: true }) },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeTruthy();
    expect(screen.getByText('Signed in as acme@customer.example, for Acme Corp.')).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Current password'), 'customer-password-123');
    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('Confirm new password'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Password changed. Your other sessions are signed out.')).toBeTruthy();
    await waitFor(() =>
      expect(operations.find((o) => o.operationName === 'ChangePassword')?.variables).toEqual({
        currentPassword: 'customer-password-123',
        newPassword: 'a brand new passphrase',
      }),
    );
  });
});
