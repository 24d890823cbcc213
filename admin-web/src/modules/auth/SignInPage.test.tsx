import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoginDocument } from '../../__generated__/graphql';
import { endSession, getSession, SESSION_EXPIRED_NOTICE, TOKEN_KEY } from '../../app/session';
import { renderWithProviders } from '../../test/render';
import { SignInPage } from './SignInPage';

const loginMock = (role: 'ADMIN' | 'CUSTOMER', token: string) => ({
  request: { query: LoginDocument, variables: { email: 'someone@example.com', password: 'secret-password' } },
  result: { data: { login: { __typename: 'AuthPayload', token, viewer: { __typename: 'Viewer', id: 'u1', email: 'someone@example.com', role } } } },
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

  it('turns a customer away with a pointer to the portal, and revokes their token', async () => {
    renderWithProviders(<SignInPage />, { mocks: [loginMock('CUSTOMER', 'customer-token')], route: '/sign-in' });
    await signIn();
    expect(await screen.findByText(/This console is for platform admins; customers use the Customer Portal at/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '/portal/' }).getAttribute('href')).toBe('/portal/');
    expect(window.localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(new Headers(fetchStub.mock.calls[0][1]?.headers).get('authorization')).toBe('Bearer customer-token');
  });

  it('keeps an admin’s token and returns to the page they came from', async () => {
    const { location } = renderWithProviders(<SignInPage />, { mocks: [loginMock('ADMIN', 'admin-token')], route: '/sign-in' });
    await signIn();
    await waitFor(() => expect(getSession().token).toBe('admin-token'));
    expect(window.localStorage.getItem(TOKEN_KEY)).toBe('admin-token');
    await waitFor(() => expect(location.current?.pathname).toBe('/'));
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
