import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LoginDocument } from '../../__generated__/graphql';
import { GRAPHQL_HTTP_URL } from '../../app/env';
import { clearNotice, startSession, useSession } from '../../app/session';
import { errorMessage, hasErrorCode } from '../../shared/graphqlErrors';
import { Field } from '../../shared/ui/Field';
import { WrongRoleNotice } from './WrongRole';
import { Icon } from '../../shared/ui/Icon';

/** A customer's token must not stay valid just because they tried the wrong console. */
function revokeQuietly(token: string): void {
  void fetch(GRAPHQL_HTTP_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation Logout { logout }' }),
  }).catch(() => undefined);
}

function redirectTarget(state: unknown): string {
  const from = (state as { from?: { pathname?: string; search?: string } } | null)?.from;
  return from?.pathname && from.pathname !== '/sign-in' ? `${from.pathname}${from.search ?? ''}` : '/';
}

export function SignInPage() {
  const { token, notice } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<'credentials' | 'role' | { error: unknown } | null>(null);
  const [login, { loading }] = useMutation(LoginDocument);

  if (token) return <Navigate to={redirectTarget(location.state)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    clearNotice();
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      if (!data) return;
      if (data.login.viewer.role !== 'ADMIN') {
        revokeQuietly(data.login.token);
        setFailure('role');
        return;
      }
      startSession(data.login.token);
      navigate(redirectTarget(location.state), { replace: true });
    } catch (error) {
      const badCredentials = hasErrorCode(error, 'UNAUTHENTICATED') || hasErrorCode(error, 'BAD_USER_INPUT');
      setFailure(badCredentials ? 'credentials' : { error });
    }
  };

  return (
    <main className="sign-in" id="main">
      <form className="sign-in-card" onSubmit={submit} noValidate={false}>
        <div className="brand brand-large">
          <Icon name="pulse" className="brand-icon" /> Usage Monitor
        </div>
        <h1>Admin sign in</h1>
        <p className="muted">Platform administrators only.</p>
        {notice && (
          <div className="banner banner-info" role="status">
            {notice}
          </div>
        )}
        {failure === 'role' && <WrongRoleNotice />}
        {failure === 'credentials' && (
          <div className="banner banner-danger" role="alert">
            Email or password is incorrect.
          </div>
        )}
        {failure && typeof failure === 'object' && (
          <div className="banner banner-danger" role="alert">
            {errorMessage(failure.error)}
          </div>
        )}
        <Field label="Email">
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password">
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary button-block" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
