import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignInForm } from './SignInForm';

describe('SignInForm', () => {
  it('submits the trimmed email and the password as typed', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<SignInForm brand="Usage Monitor" title="Sign in" submitting={false} onSubmit={onSubmit} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    await user.type(screen.getByLabelText('Email'), '  someone@example.com ');
    await user.type(screen.getByLabelText('Password'), ' secret ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit).toHaveBeenCalledWith('someone@example.com', ' secret ');
  });

  it('announces a failure, ties it to the form and marks rejected credentials invalid', () => {
    render(
      <SignInForm
        brand="Usage Monitor"
        title="Sign in"
        notice={{ text: 'You have signed out.', tone: 'info' }}
        failure="Email or password is incorrect."
        credentialsRejected
        submitting={false}
        onSubmit={vi.fn()}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Email or password is incorrect.');
    expect(document.querySelector('form')?.getAttribute('aria-describedby')).toBe(alert.id);
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    // The failure replaces the notice: one message at a time.
    expect(screen.queryByText('You have signed out.')).toBeNull();
  });

  it('shows a notice as a status and disables the button while signing in', () => {
    render(
      <SignInForm
        brand="Usage Monitor"
        title="Sign in"
        notice={{ text: 'Your session has expired. Please sign in again.', tone: 'warning' }}
        submitting
        onSubmit={vi.fn()}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Your session has expired. Please sign in again.');
    expect((screen.getByRole('button', { name: 'Signing in…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();
  });
});
