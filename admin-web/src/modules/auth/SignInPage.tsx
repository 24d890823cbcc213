import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage, hasErrorCode } from '@usage-monitor/web-kit/apollo';
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

type Failure = 'credentials' | 'role' | { error: unknown };

function failureText(failure: Failure | null) {
  if (!failure) return null;
  if (failure === 'role') return <WrongRoleMessage />;
  if (failure === 'credentials') return 'Email or password is incorrect.';
  return errorMessage(failure.error);
}

export function SignInPage() {
  const { token, notice } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [login, { loading }] = useMutation(LoginDocument);

  if (token) return <Navigate to={redirectTarget(location.state)} replace />;

  const submit = async (email: string, password: string) => {
    setFailure(null);
    clearNotice();
    try {
      const { data } = await login({ variables: { email, password } });
      if (!data) return;
      if (!signInWith(data.login)) {
        setFailure('role');
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
