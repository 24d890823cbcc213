import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Outlet, type RouteObject } from 'react-router';
import { adminViewer, customerViewer } from '../../test/fixtures';
import { gqlError, renderWithSession, startsSession, type Handler } from '../../test/mock-session';
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

// The server's answer sets the session cookie; its body carries no token the portal reads.
const login = (viewer: unknown, csrfToken: string): Handler =>
  startsSession(csrfToken, { login: { __typename: 'AuthPayload', viewer } });

async function signIn(email: string, password = 'customer-password-123') {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in and session', () => {
  it('sends a visitor without a session to sign in, then back where they were', async () => {
    const { cookie, store, operations } = renderWithSession({
      routes,
      url: '/usage?tab=history',
      csrfToken: null,
      handlers: { SignIn: login(customerViewer, 'cust-csrf') },
    });
    await signIn('acme@customer.example');
    expect(await screen.findByRole('heading', { name: 'Usage of Acme Corp' })).toBeTruthy();
    // The session is the cookie's: this tab only takes up its CSRF token, and tells other tabs.
    expect(store.getSnapshot().csrfToken).toBe('cust-csrf');
    expect(cookie.announced).toBe(1);
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
    // The viewer from login is put in the cache: no extra `me` round trip.
    expect(operations.map((o) => o.operationName)).toEqual(['SignIn']);
  });

  it('refuses an admin account with a clear message, ending the session its sign-in started', async () => {
    const { cookie, store, operations } = renderWithSession({
      routes,
      url: '/sign-in',
      csrfToken: null,
      handlers: { SignIn: login(adminViewer, 'admin-csrf'), SignOut: () => ({ logout: true }) },
    });
    await signIn('admin@example.com', 'admin-password-123');
    expect((await screen.findByRole('alert')).textContent).toBe(WRONG_ROLE_MESSAGE);
    expect(store.getSnapshot().csrfToken).toBeNull();
    await waitFor(() =>
      expect(operations).toContainEqual(expect.objectContaining({ operationName: 'SignOut', csrfToken: 'admin-csrf' })),
    );
    await waitFor(() => expect(cookie.value).toBeNull());
  });

  it('says so when the browser kept no session cookie', async () => {
    const { store } = renderWithSession({
      routes,
      url: '/sign-in',
      csrfToken: null,
      handlers: { SignIn: () => ({ login: { __typename: 'AuthPayload', viewer: customerViewer } }) },
    });
    await signIn('acme@customer.example');
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not keep the session cookie/);
    expect(store.getSnapshot().csrfToken).toBeNull();
  });

  it('says when the email or password is wrong', async () => {
    renderWithSession({
      routes,
      url: '/sign-in',
      csrfToken: null,
      handlers: { SignIn: () => gqlError('UNAUTHENTICATED', 'Invalid credentials') },
    });
    await signIn('acme@customer.example', 'nope');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That email and password do not match a customer account.',
    );
    expect(screen.queryByText(/session has expired/)).toBeNull();
  });

  it('turns a session the server rejects into the session-expired notice, and drops its CSRF cookie', async () => {
    const { cookie } = renderWithSession({
      routes,
      url: '/usage',
      csrfToken: 'stale',
      handlers: { Me: () => gqlError('UNAUTHENTICATED') },
    });
    expect(await screen.findByText('Your session has expired. Please sign in again.')).toBeTruthy();
    expect(cookie.value).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('treats a session cookie the server answers `me: null` for as expired', async () => {
    const { cookie } = renderWithSession({ routes, url: '/usage', csrfToken: 'unknown', handlers: { Me: () => ({ me: null }) } });
    expect(await screen.findByText('Your session has expired. Please sign in again.')).toBeTruthy();
    expect(cookie.value).toBeNull();
  });

  it('takes up the session another tab started instead of calling this one expired', async () => {
    const { cookie, store } = renderWithSession({
      routes,
      url: '/usage',
      csrfToken: 'old',
      handlers: {
        Me: (_v, csrfToken, browser) => {
          if (csrfToken === 'old') {
            browser.value = 'from-other-tab';
            return gqlError('UNAUTHENTICATED');
          }
          return { me: customerViewer };
        },
      },
    });
    expect(await screen.findByRole('heading', { name: 'Usage of Acme Corp' })).toBeTruthy();
    expect(store.getSnapshot()).toMatchObject({ csrfToken: 'from-other-tab', notice: null });
    expect(cookie.value).toBe('from-other-tab');
  });

  it('shows an admin who already holds a session where to go instead of a blank page', async () => {
    renderWithSession({ routes, url: '/usage', csrfToken: 'admin', handlers: { Me: () => ({ me: adminViewer }) } });
    expect(await screen.findByText(WRONG_ROLE_MESSAGE)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the admin console' }).getAttribute('href')).toBe('/admin/');
  });

  it('signs out: ends the session on the server (which clears its cookies) and forgets it here', async () => {
    const { cookie, operations } = renderWithSession({
      routes,
      url: '/usage',
      csrfToken: 'cust-csrf',
      handlers: { Me: () => ({ me: customerViewer }), SignOut: () => ({ logout: true }) },
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('You have signed out.')).toBeTruthy();
    expect(cookie.value).toBeNull();
    expect(operations).toContainEqual(expect.objectContaining({ operationName: 'SignOut', csrfToken: 'cust-csrf' }));
    await waitFor(() => expect(cookie.announced).toBe(1));
  });
});
