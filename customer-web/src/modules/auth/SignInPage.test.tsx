import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Outlet, type RouteObject } from 'react-router';
import { adminViewer, customerViewer } from '../../test/fixtures';
import { gqlError, renderWithSession, type Handler } from '../../test/mock-session';
import { RequireCustomer } from './RequireCustomer';
import { useSession, useViewer } from './session-context';
import { SignInPage } from './SignInPage';
import { WRONG_ROLE_MESSAGE } from './session-store';

afterEach(cleanup);

function Home() {
  const viewer = useViewer();
  const { signOut } = useSession();
  return (
    <main>
      <h1>Usage of {viewer.tenant.name}</h1>
      <button onClick={() => void signOut()}>Sign out</button>
    </main>
  );
}

const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { element: <RequireCustomer />, children: [{ element: <Outlet />, children: [{ path: '/usage', element: <Home /> }] }] },
];

const login = (viewer: unknown, token: string): Handler => () => ({
  login: { __typename: 'AuthPayload', token, viewer },
});

async function signIn(email: string, password = 'customer-password-123') {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in and session', () => {
  it('sends a visitor without a session to sign in, then back where they were', async () => {
    const { storage, operations } = renderWithSession({
      routes,
      url: '/usage?tab=history',
      token: null,
      handlers: { SignIn: login(customerViewer, 'cust-token') },
    });
    await signIn('acme@customer.example');
    expect(await screen.findByRole('heading', { name: 'Usage of Acme Corp' })).toBeTruthy();
    expect(storage.value).toBe('cust-token');
    // The viewer from login is put in the cache: no extra `me` round trip.
    expect(operations.map((o) => o.operationName)).toEqual(['SignIn']);
  });

  it('refuses an admin account with a clear message, keeping and leaving no token', async () => {
    const { storage, operations } = renderWithSession({
      routes,
      url: '/sign-in',
      token: null,
      handlers: { SignIn: login(adminViewer, 'admin-token'), SignOut: () => ({ logout: true }) },
    });
    await signIn('admin@example.com', 'admin-password-123');
    expect((await screen.findByRole('alert')).textContent).toBe(WRONG_ROLE_MESSAGE);
    expect(storage.value).toBeNull();
    await waitFor(() =>
      expect(operations).toContainEqual(expect.objectContaining({ operationName: 'SignOut', token: 'admin-token' })),
    );
  });

  it('says when the email or password is wrong', async () => {
    renderWithSession({
      routes,
      url: '/sign-in',
      token: null,
      handlers: { SignIn: () => gqlError('UNAUTHENTICATED', 'Invalid credentials') },
    });
    await signIn('acme@customer.example', 'nope');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That email and password do not match a customer account.',
    );
    expect(screen.queryByText(/session has expired/)).toBeNull();
  });

  it('turns a token the server rejects into the session-expired notice', async () => {
    const { storage } = renderWithSession({
      routes,
      url: '/usage',
      token: 'stale',
      handlers: { Me: () => gqlError('UNAUTHENTICATED') },
    });
    expect(await screen.findByText('Your session has expired. Please sign in again.')).toBeTruthy();
    expect(storage.value).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('shows an admin who already holds a token where to go instead of a blank page', async () => {
    renderWithSession({ routes, url: '/usage', token: 'admin', handlers: { Me: () => ({ me: adminViewer }) } });
    expect(await screen.findByText(WRONG_ROLE_MESSAGE)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the admin console' }).getAttribute('href')).toBe('/admin/');
  });

  it('signs out: revokes the token on the server and forgets it here', async () => {
    const { storage, operations } = renderWithSession({
      routes,
      url: '/usage',
      token: 'cust-token',
      handlers: { Me: () => ({ me: customerViewer }), SignOut: () => ({ logout: true }) },
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('You have signed out.')).toBeTruthy();
    expect(storage.value).toBeNull();
    expect(operations).toContainEqual(expect.objectContaining({ operationName: 'SignOut', token: 'cust-token' }));
  });
});
