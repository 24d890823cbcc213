import { useState } from 'react';
import { Navigate, useLocation, type Location } from 'react-router';
import { SignInForm, type SignInNotice } from '@usage-monitor/web-kit/auth';
import { PortalBrand } from './PortalBrand';
import { useSession } from './session-context';
import { SignInError, type SessionNotice } from './session-store';

const NOTICES: Record<NonNullable<SessionNotice>, SignInNotice> = {
  expired: { text: 'Your session has expired. Please sign in again.', tone: 'warning' },
  'signed-out': { text: 'You have signed out.', tone: 'info' },
};

export function SignInPage() {
  const { csrfToken, notice, signIn } = useSession();
  const location = useLocation();
  const [failure, setFailure] = useState<SignInError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // Holding a session cookie: RequireCustomer asks the server whether it is still good.
  if (csrfToken) {
    const from = (location.state as { from?: Location } | null)?.from;
    return <Navigate to={from ? `${from.pathname}${from.search}` : '/usage'} replace />;
  }

  async function submit(email: string, password: string) {
    setSubmitting(true);
    setFailure(null);
    try {
      await signIn(email, password);
    } catch (error) {
      setFailure(error instanceof SignInError ? error : new SignInError(String(error), 'unavailable'));
      setSubmitting(false);
    }
  }

  return (
    <SignInForm
      brand={<PortalBrand />}
      title="Sign in to your usage portal"
      intro="See your OpenAI, ElevenLabs and Smartflo usage, costs and limits."
      notice={notice ? NOTICES[notice] : null}
      failure={failure?.message}
      credentialsRejected={failure?.reason === 'credentials'}
      submitting={submitting}
      onSubmit={(email, password) => void submit(email, password)}
      forgotPasswordTo="/forgot-password"
      footer={
        <>
          Administrators sign in at the <a href="/admin/">admin console</a>.
        </>
      }
    />
  );
}
