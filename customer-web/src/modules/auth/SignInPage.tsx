import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, type Location } from 'react-router';
import { useSession } from './session-context';
import { SignInError } from './session-store';

const NOTICES = {
  expired: 'Your session has expired. Please sign in again.',
  'signed-out': 'You have signed out.',
} as const;

export function SignInPage() {
  const { token, notice, signIn } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<SignInError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (token) {
    const from = (location.state as { from?: Location } | null)?.from;
    return <Navigate to={from ? `${from.pathname}${from.search}` : '/usage'} replace />;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setFailure(null);
    try {
      await signIn(email.trim(), password);
    } catch (error) {
      setFailure(error instanceof SignInError ? error : new SignInError(String(error), 'unavailable'));
      setSubmitting(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">◔</span> Usage Monitor
        </p>
        <h1>Sign in to your usage portal</h1>
        <p className="muted">See your OpenAI, ElevenLabs and Smartflo usage, costs and limits.</p>

        {notice && !failure && (
          <p className={`banner ${notice === 'expired' ? 'banner-warning' : 'banner-info'}`} role="status">
            {NOTICES[notice]}
          </p>
        )}
        {failure && (
          <p className="banner banner-error" role="alert" id="sign-in-error">
            {failure.message}
          </p>
        )}

        <form onSubmit={onSubmit} aria-describedby={failure ? 'sign-in-error' : undefined}>
          <div className="field">
            <label htmlFor="email">Email</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={failure?.reason === 'credentials' || undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={failure?.reason === 'credentials' || undefined}
            />
          </div>
          <button type="submit" className="button button-primary button-block" disabled={submitting}>
            {submitting ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="muted small">
          Administrators sign in at the <a href="/admin/">admin console</a>.
        </p>
      </div>
    </main>
  );
}
