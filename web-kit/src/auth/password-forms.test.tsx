import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ForgotPasswordForm, RESET_LINK_SENT } from './ForgotPasswordForm';
import { apiFieldProblem, newPasswordErrors } from './password-rules';
import { ResetPasswordForm } from './ResetPasswordForm';
import { SignInForm } from './SignInForm';

const badInput = (field: string, problem: string) =>
  new CombinedGraphQLErrors({
    errors: [{ message: `${field}: ${problem}`, extensions: { code: 'BAD_USER_INPUT', field } }],
  });
const rateLimited = () =>
  new CombinedGraphQLErrors({
    errors: [{ message: 'Too many attempts', extensions: { code: 'RATE_LIMITED' } }],
  });

const inRouter = (ui: ReactElement) => render(<MemoryRouter>{ui}</MemoryRouter>);

/** The field's error as assistive technology gets it: the text its aria-describedby points at. */
function describedError(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('password rules', () => {
  it('checks the length and the confirmation before asking the server', () => {
    expect(newPasswordErrors('short', 'short')).toEqual({
      newPassword: 'This password must be at least 12 characters.',
    });
    expect(newPasswordErrors('x'.repeat(257), 'x'.repeat(257)).newPassword).toBe(
      'This password must be at most 256 characters.',
    );
    expect(newPasswordErrors('a long enough one', 'a long enough 1')).toEqual({
      confirmation: 'The two passwords do not match.',
    });
    expect(newPasswordErrors('a long enough one', '')).toEqual({
      confirmation: 'Type the new password again.',
    });
    expect(newPasswordErrors('a long enough one', 'a long enough one')).toEqual({});
  });

  it('reads the API rule for a field without the field name it starts with', () => {
    expect(apiFieldProblem(badInput('newPassword', 'must not be your email address'), 'newPassword')).toBe(
      'must not be your email address',
    );
    expect(apiFieldProblem(badInput('token', 'is not valid'), 'newPassword')).toBeUndefined();
    expect(apiFieldProblem(new Error('down'), 'newPassword')).toBeUndefined();
  });
});

describe('SignInForm', () => {
  it('links to the forgotten-password page after the button, keeping Email → Password → Sign in', async () => {
    inRouter(
      <SignInForm
        brand="UM"
        title="Sign in"
        submitting={false}
        onSubmit={vi.fn()}
        forgotPasswordTo="/forgot-password"
      />,
    );
    expect(screen.getByRole('link', { name: 'Forgot password?' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Email'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign in' }));
  });
});

describe('ForgotPasswordForm', () => {
  it('answers with the same words whatever the email, and moves focus to them', async () => {
    const onSubmit = vi.fn().mockResolvedValue(true);
    inRouter(<ForgotPasswordForm brand="UM" onSubmit={onSubmit} signInTo="/sign-in" />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), ' nobody@example.com ');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(onSubmit).toHaveBeenCalledWith('nobody@example.com');
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe(RESET_LINK_SENT);
    expect(RESET_LINK_SENT).toBe('If an account exists for that email, we sent a link.');
    expect(document.activeElement).toBe(status);
    expect(screen.getByRole('link', { name: 'Back to sign in' }).getAttribute('href')).toBe('/sign-in');

    await user.click(screen.getByRole('button', { name: 'Send another link' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Email'));
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('nobody@example.com');
  });

  it('asks for an email before sending, on the field, and focuses it', async () => {
    const onSubmit = vi.fn();
    inRouter(<ForgotPasswordForm brand="UM" onSubmit={onSubmit} signInTo="/sign-in" />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send reset link' }));
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(describedError(email)).toBe('Enter the email address you sign in with.');
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('says when the server refuses for now, and keeps the form', async () => {
    inRouter(
      <ForgotPasswordForm brand="UM" onSubmit={() => Promise.reject(rateLimited())} signInTo="/sign-in" />,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'someone@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many requests; try again in a moment.');
    expect(screen.getByLabelText('Email')).toBeTruthy();
  });
});

describe('ResetPasswordForm', () => {
  async function fill(newPassword: string, confirmation = newPassword) {
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('New password'), newPassword);
    await user.type(screen.getByLabelText('Confirm new password'), confirmation);
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
  }

  it('sends the new password once both fields agree', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    inRouter(
      <ResetPasswordForm
        brand="UM"
        token="um_reset_x"
        onSubmit={onSubmit}
        requestLinkTo="/forgot-password"
      />,
    );
    await fill('correct horse battery', 'correct horse batterz');
    const confirm = screen.getByLabelText('Confirm new password');
    expect(describedError(confirm)).toBe('The two passwords do not match.');
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.setup().clear(confirm);
    await userEvent.setup().type(confirm, 'correct horse battery');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Set new password' }));
    expect(onSubmit).toHaveBeenCalledWith('correct horse battery');
  });

  it('shows the server’s rule on the new password field, announced with it', async () => {
    const onSubmit = vi
      .fn()
      .mockRejectedValue(badInput('newPassword', 'is one of the most common passwords; choose another'));
    inRouter(
      <ResetPasswordForm
        brand="UM"
        token="um_reset_x"
        onSubmit={onSubmit}
        requestLinkTo="/forgot-password"
      />,
    );
    await fill('password1234');
    const field = screen.getByLabelText('New password');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(describedError(field)).toContain(
      'This password is one of the most common passwords; choose another.',
    );
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers a new link when the token is used or expired, or missing', async () => {
    const onSubmit = vi.fn().mockRejectedValue(badInput('token', 'is not a valid reset link'));
    const { unmount } = inRouter(
      <ResetPasswordForm
        brand="UM"
        token="um_reset_old"
        onSubmit={onSubmit}
        requestLinkTo="/forgot-password"
      />,
    );
    await fill('a brand new passphrase');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /^This reset link no longer works: it was already used, or it is more than 30 minutes old\./,
    );
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
    unmount();

    inRouter(
      <ResetPasswordForm brand="UM" token={null} onSubmit={onSubmit} requestLinkTo="/forgot-password" />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/This link is incomplete/);
    expect(screen.queryByLabelText('New password')).toBeNull();
  });
});

describe('ChangePasswordForm', () => {
  async function fill(current: string, next: string, confirmation = next) {
    const user = userEvent.setup();
    if (current) await user.type(screen.getByLabelText('Current password'), current);
    if (next) await user.type(screen.getByLabelText('New password'), next);
    if (confirmation) await user.type(screen.getByLabelText('Confirm new password'), confirmation);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
  }

  it('changes the password, then clears the form and reports it', async () => {
    const onSubmit = vi.fn().mockResolvedValue(true);
    const onChanged = vi.fn();
    render(<ChangePasswordForm email="me@example.com" onSubmit={onSubmit} onChanged={onChanged} />);
    await fill('the old passphrase', 'the new passphrase');
    expect(onSubmit).toHaveBeenCalledWith('the old passphrase', 'the new passphrase');
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect((screen.getByLabelText('Current password') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('New password') as HTMLInputElement).value).toBe('');
    expect(document.querySelector('input[autocomplete="username"]')?.getAttribute('value')).toBe(
      'me@example.com',
    );
  });

  it('checks every field first and focuses the first problem', async () => {
    const onSubmit = vi.fn();
    render(<ChangePasswordForm email="me@example.com" onSubmit={onSubmit} onChanged={vi.fn()} />);
    await fill('', 'short', '');
    const current = screen.getByLabelText('Current password');
    expect(describedError(current)).toBe('Enter your current password.');
    expect(describedError(screen.getByLabelText('New password'))).toContain(
      'This password must be at least 12 characters.',
    );
    expect(describedError(screen.getByLabelText('Confirm new password'))).toBe(
      'Type the new password again.',
    );
    await waitFor(() => expect(document.activeElement).toBe(current));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('puts a wrong current password and a refused new one on their fields', async () => {
    const onSubmit = vi
      .fn()
      .mockRejectedValueOnce(badInput('currentPassword', 'is not your current password'))
      .mockRejectedValueOnce(badInput('newPassword', 'must not be your email address'));
    const onChanged = vi.fn();
    render(<ChangePasswordForm email="me@example.com" onSubmit={onSubmit} onChanged={onChanged} />);
    await fill('a wrong guess here', 'me@example.com-but-longer');
    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(describedError(current)).toBe('This is not your current password.'));
    await waitFor(() => expect(document.activeElement).toBe(current));

    await userEvent.setup().click(screen.getByRole('button', { name: 'Change password' }));
    const next = screen.getByLabelText('New password');
    await waitFor(() =>
      expect(describedError(next)).toContain('This password must not be your email address.'),
    );
    expect(current.getAttribute('aria-invalid')).toBe('false');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows other failures above the form', async () => {
    render(
      <ChangePasswordForm
        email="me@example.com"
        onSubmit={() => Promise.reject(rateLimited())}
        onChanged={vi.fn()}
      />,
    );
    await fill('the old passphrase', 'the new passphrase');
    expect((await screen.findByRole('alert')).textContent).toBe('Too many requests; try again in a moment.');
  });
});
