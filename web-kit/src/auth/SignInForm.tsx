import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { AuthCard } from './AuthCard';

export interface SignInNotice {
  text: string;
  tone: 'info' | 'warning';
}

export interface SignInFormProps {
  /** The brand line above the heading (each app's own mark). */
  brand: ReactNode;
  title: string;
  intro?: ReactNode;
  /** Why the page is shown (session expired, signed out); hidden while a failure is shown. */
  notice?: SignInNotice | null;
  /** What went wrong with the last attempt, announced as an alert. */
  failure?: ReactNode;
  failureTone?: 'danger' | 'warning';
  /** The failure was the email and password themselves: both fields are marked invalid. */
  credentialsRejected?: boolean;
  submitting: boolean;
  onSubmit: (email: string, password: string) => void;
  /** The app's page to ask for a reset link; a "Forgot password?" link after the button goes there. */
  forgotPasswordTo?: string;
  footer?: ReactNode;
}

/** The email and password card both apps sign in with; what a sign-in means stays with each app. */
export function SignInForm({
  brand,
  title,
  intro,
  notice,
  failure,
  failureTone = 'danger',
  credentialsRejected = false,
  submitting,
  onSubmit,
  forgotPasswordTo,
  footer,
}: SignInFormProps) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorId = `${id}-error`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(email.trim(), password);
  };

  return (
    <AuthCard brand={brand} title={title} intro={intro}>
      {notice && !failure && (
        <p className={`banner banner-${notice.tone}`} role="status">
          {notice.text}
        </p>
      )}
      {failure && (
        <div className={`banner banner-${failureTone}`} role="alert" id={errorId}>
          {failure}
        </div>
      )}
      <form onSubmit={submit} aria-describedby={failure ? errorId : undefined}>
        <CredentialField
          id={`${id}-email`}
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          invalid={credentialsRejected}
        />
        <CredentialField
          id={`${id}-password`}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          invalid={credentialsRejected}
        />
        <button type="submit" className="button button-primary button-block" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
        {/* After the button, so Email, Tab, Password, Enter still signs in from the keyboard. */}
        {forgotPasswordTo && (
          <p className="sign-in-aside">
            <Link to={forgotPasswordTo}>Forgot password?</Link>
          </p>
        )}
      </form>
      {footer && <p className="muted small">{footer}</p>}
    </AuthCard>
  );
}

interface CredentialFieldProps {
  id: string;
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
}

function CredentialField({ id, label, type, autoComplete, value, onChange, invalid }: CredentialFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={type}
        type={type}
        autoComplete={autoComplete}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
      />
    </div>
  );
}
