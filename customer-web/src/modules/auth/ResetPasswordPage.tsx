import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '@usage-monitor/web-kit/auth';
import { useToast } from '@usage-monitor/web-kit/ui';
import { ResetPasswordDocument } from '../../__generated__/graphql';
import { PortalBrand } from './PortalBrand';
import { useSession } from './session-context';
import { SignInError } from './session-store';

/** Where the emailed link lands (/portal/reset-password?token=…): a new password, then signed in. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const { signInWith } = useSession();
  const [resetPassword] = useMutation(ResetPasswordDocument);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (newPassword: string) => {
    setFailure(null);
    const { data } = await resetPassword({ variables: { token: params.get('token') ?? '', newPassword } });
    if (!data) return;
    try {
      signInWith(data.resetPassword);
    } catch (error) {
      // The password did change; only the session is not kept here (an admin's, or no cookie came).
      if (error instanceof SignInError) return setFailure(error.message);
      throw error;
    }
    toast.push('Your password is changed and you are signed in.', 'success');
    navigate('/usage', { replace: true });
  };

  return (
    <ResetPasswordForm
      brand={<PortalBrand />}
      token={params.get('token')}
      requestLinkTo="/forgot-password"
      failure={failure}
      onSubmit={submit}
    />
  );
}
