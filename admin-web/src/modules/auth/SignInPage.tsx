import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage, hasErrorCode, SESSION_COOKIE_MISSING_MESSAGE } from '@usage-monitor/web-kit/apollo';
import { SignInForm } from '@usage-monitor/web-kit/auth';
import { LoginDocument } from '../../__generated__/graphql';
import { clearNotice, useSession } from '../../app/session';
import { AuthBrand } from './AuthBrand';
import { signInWith } from './signInWith';
import { WrongRoleMessage } from './WrongRole';

function redirectTarget(state: unknown): string {
  const from = (state as { from?: { pathname?: string; search?: string } } | null)?.from;
  return from?.pathname && from.pathname !== '/sign-in' ? `${from.pathname}${from.search ?? ''}` : '/';
}

type Failure = 'credentials' | 'role' | 'no-cookie' | { error: unknown };

function failureText(failure: Failure | null) {
  if (!failure) return null;
  if (failure === 'role') return <WrongRoleMessage />;
  if (failure === 'credentials') return 'Email or password is incorrect.';
  if (failure === 'no-cookie') return SESSION_COOKIE_MISSING_MESSAGE;
  return errorMessage(failure.error);
}

export function SignInPage() {
  const { csrfToken, notice } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [login, { loading }] = useMutation(LoginDocument);

  // Holding a session cookie: RequireAdmin asks the server whether it is still good.
  if (csrfToken) return <Navigate to={redirectTarget(location.state)} replace />;

  const submit = async (email: string, password: string) => {
    setFailure(null);
    clearNotice();
    try {
      const { data } = await login({ variables: { email, password } });
      if (!data) return;
      const outcome = signInWith(data.login);
      if (outcome !== 'signed-in') {
        setFailure(outcome === 'wrong-role' ? 'role' : 'no-cookie');
        return;
      }
      navigate(redirectTarget(location.state), { replace: true });
    } catch (error) {
      const badCredentials = hasErrorCode(error, 'UNAUTHENTICATED') || hasErrorCode(error, 'BAD_USER_INPUT');
      setFailure(badCredentials ? 'credentials' : { error });
    }
  };

  return (
    <SignInForm
      brand={<AuthBrand />}
      title="Admin sign in"
      intro="Platform administrators only."
      notice={notice ? { text: notice, tone: 'info' } : null}
      failure={failureText(failure)}
      failureTone={failure === 'role' ? 'warning' : 'danger'}
      credentialsRejected={failure === 'credentials'}
      submitting={loading}
      onSubmit={(email, password) => void submit(email, password)}
      forgotPasswordTo="/forgot-password"
    />
  );
}
