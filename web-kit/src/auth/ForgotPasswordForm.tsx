import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../apollo/graphql-errors';
import { Field } from '../ui/Field';
import { AuthCard } from './AuthCard';
import { RESET_LINK_MINUTES } from './password-rules';
import { useFocusFirstInvalid } from './useFocusFirstInvalid';

/**
 * The same words whether or not the email has an account: the page must not tell anyone which
 * addresses are customers (the API answers `true` either way).
 */
export const RESET_LINK_SENT = 'If an account exists for that email, we sent a link.';

export interface ForgotPasswordFormProps {
  brand: ReactNode;
  /** Asks the API for a reset link; a rejection is shown (rate limit, server down). */
  onSubmit: (email: string) => Promise<unknown>;
  /** The app's sign-in page. */
  signInTo: string;
}

/** Asks for the email a reset link goes to, and answers the same for every address. */
export function ForgotPasswordForm({ brand, onSubmit, signInTo }: ForgotPasswordFormProps) {
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string>();
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState(false);
  const sentRef = useRef<HTMLParagraphElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const asked = useRef(false);
  const { formRef, rejected } = useFocusFirstInvalid();

  // One view replaces the other: focus follows, so the answer is read out and Tab continues from it.
  useEffect(() => {
    if (sent) sentRef.current?.focus();
    else if (asked.current) emailRef.current?.focus();
  }, [sent]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    setFailure(null);
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
      setEmailError('Enter the email address you sign in with.');
      rejected();
      return;
    }
    setEmailError(undefined);
    setSubmitting(true);
    try {
      await onSubmit(address);
      asked.current = true;
      setSent(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  if (sent) {
    return (
      <AuthCard brand={brand} title="Check your email">
        <p className="banner banner-success" role="status" tabIndex={-1} ref={sentRef}>
          {RESET_LINK_SENT}
        </p>
        <p>
          Open the link in the message to choose a new password. It works once, within {RESET_LINK_MINUTES}{' '}
          minutes. Nothing arrived? Check the spam folder, or ask again.
        </p>
        <p className="sign-in-actions">
          <Link to={signInTo} className="button button-primary">
            Back to sign in
          </Link>
          <button type="button" className="button" onClick={() => setSent(false)}>
            Send another link
          </button>
        </p>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      brand={brand}
      title="Forgot your password?"
      intro="Enter the email you sign in with; we will send a link to choose a new password."
    >
      {failure ? (
        <div className="banner banner-danger" role="alert">
          {errorMessage(failure)}
        </div>
      ) : null}
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Email" error={emailError}>
          {(p) => (
            <input
              {...p}
              ref={emailRef}
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary button-block" disabled={submitting}>
          {submitting ? 'Sending…' : 'Send reset link'}
        </button>
        <p className="sign-in-aside">
          <Link to={signInTo}>Back to sign in</Link>
        </p>
      </form>
    </AuthCard>
  );
}
