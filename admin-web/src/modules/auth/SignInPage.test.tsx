import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoginDocument } from '../../__generated__/graphql';
import { endSession, getSession, SESSION_EXPIRED_NOTICE } from '../../app/session';
import { renderWithProviders } from '../../test/render';
import { csrfCookie, serverStartsSession } from '../../test/session-cookie';
import { SignInPage } from './SignInPage';

// The server's answer sets the session cookies (here: the readable CSRF one); the body carries no token we read.
const loginMock = (role: 'ADMIN' | 'CUSTOMER', csrfToken: string | null) => ({
  request: { query: LoginDocument, variables: { email: 'someone@example.com', password: 'secret-password' } },
  result: () => {
    if (csrfToken) serverStartsSession(csrfToken);
    return { data: { login: { __typename: 'AuthPayload' as const, viewer: { __typename: 'Viewer' as const, id: 'u1', email: 'someone@example.com', role } } } };
  },
});

async function signIn() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email'), 'someone@example.com');
  await user.type(screen.getByLabelText('Password'), 'secret-password');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  const fetchStub = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchStub.mockReset().mockResolvedValue(new Response('{"data":{"logout":true}}'));
    vi.stubGlobal('fetch', fetchStub);
    endSession();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('turns a customer away with a pointer to the portal, and ends the session their sign-in started', async () => {
    renderWithProviders(<SignInPage />, { mocks: [loginMock('CUSTOMER', 'customer-csrf')], route: '/sign-in' });
    await signIn();
    expect(await screen.findByText(/This console is for platform admins; customers use the Customer Portal at/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '/portal/' }).getAttribute('href')).toBe('/portal/');
    expect(getSession().csrfToken).toBeNull();
    const [, init] = fetchStub.mock.calls[0];
    expect(String(init?.body)).toContain('logout');
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('x-csrf-token')).toBe('customer-csrf');
    expect(new Headers(init?.headers).get('x-usage-monitor-app')).toBe('admin');
    await waitFor(() => expect(csrfCookie()).toBeNull());
  });

  it('takes up an admin’s session from the cookie, stores nothing, and returns to the page they came from', async () => {
    const { location } = renderWithProviders(<SignInPage />, { mocks: [loginMock('ADMIN', 'admin-csrf')], route: '/sign-in' });
    await signIn();
    await waitFor(() => expect(getSession().csrfToken).toBe('admin-csrf'));
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
    await waitFor(() => expect(location.current?.pathname).toBe('/'));
  });

  it('says so when the browser kept no session cookie', async () => {
    renderWithProviders(<SignInPage />, { mocks: [loginMock('ADMIN', null)], route: '/sign-in' });
    await signIn();
    expect(await screen.findByText(/did not keep the session cookie/)).toBeTruthy();
    expect(getSession().csrfToken).toBeNull();
  });

  it('says so when credentials are wrong', async () => {
    renderWithProviders(<SignInPage />, {
      mocks: [{ ...loginMock('ADMIN', 'x'), result: { errors: [{ message: 'Invalid credentials', extensions: { code: 'UNAUTHENTICATED' } }] } }],
      route: '/sign-in',
    });
    await signIn();
    expect(await screen.findByText('Email or password is incorrect.')).toBeTruthy();
  });

  it('offers a reset link for a forgotten password', () => {
    renderWithProviders(<SignInPage />, { route: '/sign-in' });
    expect(screen.getByRole('link', { name: 'Forgot password?' }).getAttribute('href')).toBe('/forgot-password');
  });

  it('explains an expired session', () => {
    endSession(SESSION_EXPIRED_NOTICE);
    renderWithProviders(<SignInPage />, { route: '/sign-in' });
    expect(screen.getByText(SESSION_EXPIRED_NOTICE)).toBeTruthy();
  });
});
